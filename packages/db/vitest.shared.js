// Shared vitest setup for suites that touch the database (`@lip/db/vitest`). Plain JavaScript (typed
// by vitest.shared.d.ts) because vitest's config loader imports other packages with Node, which
// cannot load TypeScript on Node 20.
//   import { lipVitestConfig } from '@lip/db/vitest';
//   export default lipVitestConfig({ config: { test: { include: ['test/**/*.test.ts'] } } });
// Runs the suite as project "pglite", and again as project "postgres" when TEST_DATABASE_URL is set
// (each project sets LIP_TEST_ENGINE, which createTestDatabase() reads).
import { defineConfig, mergeConfig } from 'vitest/config';

/** @type {import('./vitest.shared.d.ts').lipVitestConfig} */
export function lipVitestConfig(options = {}) {
  const postgres = options.postgres ?? Boolean(process.env.TEST_DATABASE_URL);
  const base = defineConfig({
    test: {
      testTimeout: 60_000,
      hookTimeout: 60_000,
      teardownTimeout: 30_000,
      projects: [
        { extends: true, test: { name: 'pglite', env: { LIP_TEST_ENGINE: 'pglite' } } },
        ...(postgres ? [{ extends: true, test: { name: 'postgres', env: { LIP_TEST_ENGINE: 'postgres' } } }] : []),
      ],
    },
  });
  return options.config ? mergeConfig(base, options.config) : base;
}
