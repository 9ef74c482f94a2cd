import { web } from '@lip/eslint-config';

export default [
  // Playwright's output (its HTML report ships minified browser code).
  { ignores: ['playwright-report/**', 'test-results/**'] },
  ...web,
  // The composition root (server/compose.ts) is the one place that wires the database to the core.
  { files: ['server/compose.ts'], rules: { 'no-restricted-imports': 'off' } },
];
