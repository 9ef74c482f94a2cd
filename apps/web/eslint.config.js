import { web } from '@lip/eslint-config';

export default [
  ...web,
  // The composition root (server/compose.ts) is the one place that wires the database to the core.
  { files: ['server/compose.ts'], rules: { 'no-restricted-imports': 'off' } },
];
