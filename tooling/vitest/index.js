// The one vitest setup for suites that touch the database. Plain JavaScript (typed by index.d.ts)
// because vitest's config loader imports other packages with Node, which cannot load TypeScript
// on Node 20.
//   import { databaseSuite } from '@lip/vitest-config';
//   export default databaseSuite();
// Runs the suite as project "pglite", and again as project "postgres" when TEST_DATABASE_URL is
// set (each project sets LIP_TEST_ENGINE, which @lip/db/testing's createTestDatabase() reads).
import { defineConfig, mergeConfig } from 'vitest/config';

/** @type {import('./index.d.ts').databaseSuite} */
export function databaseSuite(options = {}) {
  const postgres = options.postgres ?? Boolean(process.env.TEST_DATABASE_URL);
  const base = defineConfig({
    // One graphql module for everyone (else "Duplicate graphql modules").
    resolve: { alias: { graphql: 'graphql/index.js' } },
    test: {
      include: ['test/**/*.test.{ts,tsx}'],
      // Budgets, not targets: CI machines are small and busy, and the suite must pass while another
      // heavy process loads the machine (a harness's demo database took over 120 s at load 27).
      // Speed is measured in bench/, never here.
      testTimeout: 180_000,
      hookTimeout: 300_000,
      teardownTimeout: 30_000,
      projects: [
        { extends: true, test: { name: 'pglite', env: { LIP_TEST_ENGINE: 'pglite' } } },
        ...(postgres
          ? [{ extends: true, test: { name: 'postgres', env: { LIP_TEST_ENGINE: 'postgres' } } }]
          : []),
      ],
    },
  });
  return options.config ? mergeConfig(base, options.config) : base;
}
