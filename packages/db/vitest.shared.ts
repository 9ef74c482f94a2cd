// Shared vitest setup for suites that touch the database (`@lip/db/vitest`).
//   export default lipVitestConfig();                       // in a package's vitest.config.ts
// Runs the suite as project "pglite", and again as project "postgres" when TEST_DATABASE_URL is set
// (each project sets LIP_TEST_ENGINE, which createTestDatabase() reads).
import { defineConfig, mergeConfig, type ViteUserConfig } from 'vitest/config';

export interface LipVitestOptions {
  /** Extra configuration merged into the root (aliases, include, setupFiles...). */
  config?: ViteUserConfig;
  /** Also run on PostgreSQL. Defaults to `Boolean(process.env.TEST_DATABASE_URL)`. */
  postgres?: boolean;
}

export function lipVitestConfig(options: LipVitestOptions = {}): ViteUserConfig {
  const postgres = options.postgres ?? Boolean(process.env.TEST_DATABASE_URL);
  const base = defineConfig({
    test: {
      testTimeout: 30_000,
      hookTimeout: 60_000,
      teardownTimeout: 30_000,
      projects: [
        { extends: true, test: { name: 'pglite', env: { LIP_TEST_ENGINE: 'pglite' } } },
        ...(postgres
          ? [{ extends: true as const, test: { name: 'postgres', env: { LIP_TEST_ENGINE: 'postgres' } } }]
          : []),
      ],
    },
  });
  return options.config ? mergeConfig(base, options.config) : base;
}
