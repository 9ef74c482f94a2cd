import { core } from '@lip/eslint-config';

// A pure package: core and the publish renderers depend on it, so it depends on neither core nor the database.
export default [
  ...core,
  {
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@lip/plugin-*', '**/plugins/**'],
              message: 'Core packages never name a plugin.',
            },
            {
              group: ['@lip/core', '@lip/core/*', '@lip/db', '@lip/db/*', '@prisma/*'],
              message: 'A pure package: no core, no database (core depends on it).',
            },
          ],
        },
      ],
    },
  },
];
