export { createDatabase, defaultDataDir, type Database, type DatabaseOptions } from './client.ts';
export {
  MigrationError,
  migrate,
  pendingMigrations,
  pgExecutor,
  pgliteExecutor,
  readMigrations,
  type MigrateOptions,
  type MigrationStatus,
  type SqlExecutor,
} from './migrate.ts';
export { hashPassword, verifyPassword } from './password.ts';
export { nextPlanSlug, planSlugBase } from './plan-slug.ts';
export { checkReadiness, type Readiness, type ReadinessOptions } from './readiness.ts';
export {
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  seedCatalogue,
  seedDemo,
  type DemoAccount,
} from './seed/index.ts';
export * from './generated/prisma/client.ts';
