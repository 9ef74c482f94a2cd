import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from './generated/prisma/client.ts';
import {
  MigrationError,
  assertMigratable,
  migrate,
  pendingMigrations,
  pgExecutor,
  pgliteExecutor,
} from './migrate.ts';

export interface DatabaseOptions {
  /** PostgreSQL connection string. Defaults to DATABASE_URL; when absent, embedded PGlite is used. */
  url?: string;
  /** PGlite data folder, or 'memory'. Defaults to LIP_DATA_DIR, then `.data/pglite` at the repo root. */
  dataDir?: string | 'memory';
  /**
   * Called with each SQL statement Prisma sends (not the job queue's own SQL): for counting the
   * statements a page costs (the statement-count tests) or tracing.
   */
  onQuery?: (sql: string) => void;
}

export interface Database {
  prisma: PrismaClient;
  engine: 'pglite' | 'postgres';
  /**
   * The PostgreSQL connection pool Prisma uses (engine 'postgres' only), for the few libraries that
   * need a driver of their own on the same connections (the sign-in throttle's counters).
   */
  pool?: pg.Pool;
  /** The connection string (engine 'postgres' only), for a child process on the same database. */
  url?: string;
  /**
   * Raw SQL on the embedded database (engine 'pglite' only), for a library that brings its own SQL
   * (the job queue, pg-boss). PGlite is one session shared with Prisma: each call waits for any
   * transaction in progress, and a script runs in a transaction of its own, so a script that fails
   * half way never leaves the session inside its BEGIN.
   */
  executeSql?: (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>;
  close(): Promise<void>;
}

/** The monorepo's root folder (packages/db/src/ → ../../..). */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * LIP_DATA_DIR, else `<repo root>/.data/pglite`. A relative LIP_DATA_DIR is taken from the folder
 * the command was typed in (INIT_CWD, set by pnpm), not the package folder `pnpm --filter` runs in.
 */
export function defaultDataDir(): string {
  const fromEnv = process.env.LIP_DATA_DIR;
  if (!fromEnv) return path.join(repoRoot, '.data', 'pglite');
  if (fromEnv === 'memory') return fromEnv;
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), fromEnv);
}

/**
 * Opens the database: PostgreSQL when `url` (or DATABASE_URL) is set, otherwise embedded PGlite in a
 * data folder (created if absent; 'memory' for an in-memory one). The embedded database is migrated
 * on start; PostgreSQL must be migrated with `pnpm db:migrate` first, or this refuses to start.
 */
export async function createDatabase(options: DatabaseOptions = {}): Promise<Database> {
  const url = options.url ?? (process.env.DATABASE_URL || undefined);
  if (url) return openPostgres(url, undefined, options.onQuery);
  const dataDir = options.dataDir ?? defaultDataDir();
  const pglite =
    dataDir === 'memory'
      ? await PGlite.create()
      : (mkdirSync(dataDir, { recursive: true }),
        await PGlite.create({ dataDir: path.resolve(dataDir) }));
  try {
    await migrate(pgliteExecutor(pglite));
    // PGlite learns array types (such as the enum array "Role"[]) when it opens; a migration that
    // just created them leaves its serialiser sending an array parameter as a plain string.
    await pglite.refreshArrayTypes();
  } catch (error) {
    await pglite.close();
    throw error;
  }
  return wrapPglite(pglite, undefined, options.onQuery);
}

/** A Prisma client over a driver adapter, reporting each statement to `onQuery` when given. */
function prismaOver(
  adapter: PrismaPGlite | PrismaPg,
  onQuery: DatabaseOptions['onQuery'],
): PrismaClient {
  if (!onQuery) return new PrismaClient({ adapter });
  const prisma = new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] });
  prisma.$on('query', (event) => onQuery(event.query));
  return prisma;
}

/** A Database over an open (already migrated) PGlite; close() closes both. */
export function wrapPglite(
  pglite: PGlite,
  onClose?: () => Promise<void>,
  onQuery?: DatabaseOptions['onQuery'],
): Database {
  const prisma = prismaOver(new PrismaPGlite(pglite), onQuery);
  return {
    prisma,
    engine: 'pglite',
    async executeSql(text, values) {
      if (values && values.length > 0) return { rows: (await pglite.query(text, values)).rows };
      // A script (pg-boss sends several statements, some with their own BEGIN/COMMIT): exec runs
      // it; transaction() holds the session meanwhile and rolls back whatever a failure left open.
      const results = await pglite.transaction((tx) => tx.exec(text));
      return { rows: results.at(-1)?.rows ?? [] };
    },
    async close() {
      await prisma.$disconnect();
      if (!pglite.closed) await pglite.close();
      await onClose?.();
    },
  };
}

/** SQLSTATE 57P01: the server ended the session on purpose (shutdown, DROP DATABASE ... FORCE). */
const ADMIN_SHUTDOWN = '57P01';

/** Checks that every migration is applied, then returns a Database over a pg pool. */
export async function openPostgres(
  url: string,
  onClose?: () => Promise<void>,
  onQuery?: DatabaseOptions['onQuery'],
): Promise<Database> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const status = await pendingMigrations(pgExecutor(client));
    assertMigratable(status);
    if (status.pending.length > 0) {
      throw new MigrationError(
        `The PostgreSQL database has ${status.pending.length} pending migration(s) (${status.pending.join(', ')}). ` +
          'Run `pnpm db:migrate` (with DATABASE_URL set) before starting lip.',
        status.pending,
      );
    }
  } finally {
    await client.end();
  }
  const pool = new pg.Pool({ connectionString: url });
  // An idle connection can be cut by the server (restart, failover, a dropped test database). The
  // pool replaces it; without a listener node-postgres would crash the process instead.
  pool.on('error', (error: Error & { code?: string }) => {
    if (error.code !== ADMIN_SHUTDOWN)
      console.error(`PostgreSQL connection lost: ${error.message}`);
  });
  const prisma = prismaOver(new PrismaPg(pool), onQuery);
  return {
    prisma,
    engine: 'postgres',
    pool,
    url,
    async close() {
      await prisma.$disconnect();
      if (!pool.ended) await pool.end();
      await onClose?.();
    },
  };
}
