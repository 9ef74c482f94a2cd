import { defineConfig } from 'vitest/config';

// Pure functions, no database: a plain node suite (not @lip/vitest-config's databaseSuite).
export default defineConfig({
  test: { include: ['test/**/*.test.ts'], environment: 'node' },
});
