import { core } from '@lip/eslint-config';

export default [
  ...core,
  {
    // Plain Node scripts (TypeScript files get Node's globals from @types/node).
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', URL: 'readonly', console: 'readonly' } },
  },
];
