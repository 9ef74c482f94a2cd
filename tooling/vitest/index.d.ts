import type { ViteUserConfig } from 'vitest/config';

export interface DatabaseSuiteOptions {
  /** Extra configuration merged in (include, setupFiles, longer timeouts...). */
  config?: ViteUserConfig;
  /** Also run on PostgreSQL. Defaults to `Boolean(process.env.TEST_DATABASE_URL)`. */
  postgres?: boolean;
}

/** A vitest config whose projects run the suite on PGlite and, with TEST_DATABASE_URL, on PostgreSQL. */
export declare function databaseSuite(options?: DatabaseSuiteOptions): ViteUserConfig;
