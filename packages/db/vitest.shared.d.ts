import type { ViteUserConfig } from 'vitest/config';

export interface LipVitestOptions {
  /** Extra configuration merged into the root (aliases, include, setupFiles...). */
  config?: ViteUserConfig;
  /** Also run on PostgreSQL. Defaults to `Boolean(process.env.TEST_DATABASE_URL)`. */
  postgres?: boolean;
}

/** A vitest config whose projects run the suite on PGlite and, with TEST_DATABASE_URL, on PostgreSQL. */
export declare function lipVitestConfig(options?: LipVitestOptions): ViteUserConfig;
