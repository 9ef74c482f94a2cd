// The project's own migration runner (Prisma's migration engine does not run offline here; see
// packages/db/README.md). Migrations are Prisma-layout SQL files,
// `prisma/migrations/<timestamp>_<name>/migration.sql`, applied in name order, each in its own
// transaction, the whole run under Prisma's advisory lock, recorded in a `_prisma_migrations` table
// with Prisma's columns and checksums, so `prisma migrate status` agrees where the engine is available.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import type { ClientBase } from 'pg';

/** The smallest SQL surface the runner needs. One session: BEGIN/COMMIT and advisory locks apply to it. */
export interface SqlExecutor {
  /** One statement, with `$1`-style parameters. */
  query<Row extends object = Record<string, unknown>>(
    sql: string,
    params?: unknown[],
  ): Promise<Row[]>;
  /** A script of any number of statements, without parameters. */
  exec(script: string): Promise<void>;
}

export function pgliteExecutor(pg: PGlite): SqlExecutor {
  return {
    async query<Row extends object>(sql: string, params?: unknown[]) {
      const result = await pg.query<Row>(sql, params);
      return result.rows;
    },
    async exec(script) {
      await pg.exec(script);
    },
  };
}

/** A node-postgres client (not a pool: the lock and transactions need one session). */
export function pgExecutor(client: ClientBase): SqlExecutor {
  return {
    async query<Row extends object>(sql: string, params?: unknown[]) {
      const result = await client.query(sql, params);
      return result.rows as Row[];
    },
    async exec(script) {
      await client.query(script);
    },
  };
}

/** Prisma's own advisory lock id, so our runner and `prisma migrate` never run at the same time. */
export const MIGRATION_LOCK_ID = 72707369;

export const defaultMigrationsDir = fileURLToPath(
  new URL('../prisma/migrations/', import.meta.url),
);

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrateOptions {
  /** Folder holding `<timestamp>_<name>/migration.sql`. Defaults to packages/db/prisma/migrations. */
  migrationsDir?: string;
  /** Called once per applied migration. */
  log?: (message: string) => void;
}

export interface MigrationStatus {
  /** On disk, not yet applied, in the order they would be applied. */
  pending: string[];
  /** Applied, but their file changed since. */
  modified: string[];
  /** Applied, but missing on disk (the database is newer than this code). */
  missing: string[];
  /** Started but never finished (a failed run of Prisma's own engine). */
  failed: string[];
}

export class MigrationError extends Error {
  constructor(
    message: string,
    readonly migrations: string[] = [],
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'MigrationError';
  }
}

export function checksum(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

export function readMigrations(migrationsDir: string = defaultMigrationsDir): MigrationFile[] {
  if (!existsSync(migrationsDir)) return [];
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter(
      (entry) =>
        entry.isDirectory() && existsSync(path.join(migrationsDir, entry.name, 'migration.sql')),
    )
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const bytes = readFileSync(path.join(migrationsDir, name, 'migration.sql'));
      return { name, sql: bytes.toString('utf8'), checksum: checksum(bytes) };
    });
}

const HISTORY_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

interface HistoryRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | string | null;
}

async function readHistory(db: SqlExecutor): Promise<HistoryRow[] | null> {
  const [exists] = await db.query<{ table: string | null }>(
    `SELECT to_regclass('"_prisma_migrations"')::text AS "table"`,
  );
  if (!exists?.table) return null;
  return db.query<HistoryRow>(
    `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations"
      WHERE rolled_back_at IS NULL ORDER BY started_at, migration_name`,
  );
}

function compare(files: MigrationFile[], history: HistoryRow[] | null): MigrationStatus {
  const byName = new Map(files.map((file) => [file.name, file]));
  const applied = new Set<string>();
  const status: MigrationStatus = { pending: [], modified: [], missing: [], failed: [] };
  for (const row of history ?? []) {
    if (row.finished_at === null) {
      status.failed.push(row.migration_name);
      continue;
    }
    applied.add(row.migration_name);
    const file = byName.get(row.migration_name);
    if (!file) status.missing.push(row.migration_name);
    else if (file.checksum !== row.checksum) status.modified.push(row.migration_name);
  }
  status.pending = files.filter((file) => !applied.has(file.name)).map((file) => file.name);
  return status;
}

/** Compares the files on disk with the history table, without changing anything. */
export async function pendingMigrations(
  db: SqlExecutor,
  options: MigrateOptions = {},
): Promise<MigrationStatus> {
  return compare(readMigrations(options.migrationsDir), await readHistory(db));
}

/** Refuses (with a message naming the migrations) a history that the files on disk cannot continue. */
export function assertMigratable(status: MigrationStatus): void {
  if (status.modified.length > 0) {
    throw new MigrationError(
      `Applied migration(s) changed on disk since they were applied: ${status.modified.join(', ')}. ` +
        'Never edit an applied migration: restore its file and add a new migration instead. Nothing was applied.',
      status.modified,
    );
  }
  if (status.missing.length > 0) {
    throw new MigrationError(
      `The database has migration(s) that are not on disk: ${status.missing.join(', ')}. ` +
        'It was migrated by a newer version of lip; update this code before running it. Nothing was applied.',
      status.missing,
    );
  }
  if (status.failed.length > 0) {
    throw new MigrationError(
      `Migration(s) started but never finished: ${status.failed.join(', ')}. ` +
        'Check the database by hand, then mark them rolled back (rolled_back_at) in "_prisma_migrations". Nothing was applied.',
      status.failed,
    );
  }
}

/**
 * Applies every pending migration, in name order, each in its own transaction, under Prisma's
 * advisory lock (concurrent runs wait for each other). Returns the names of the applied migrations.
 */
export async function migrate(db: SqlExecutor, options: MigrateOptions = {}): Promise<string[]> {
  const files = readMigrations(options.migrationsDir);
  await db.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
  try {
    await db.exec(HISTORY_TABLE);
    // Read the history only once we hold the lock: a concurrent run may just have applied some.
    const status = compare(files, await readHistory(db));
    assertMigratable(status);
    const applied: string[] = [];
    for (const name of status.pending) {
      const file = files.find((candidate) => candidate.name === name);
      if (!file) continue;
      const id = randomUUID();
      await db.exec('BEGIN');
      try {
        await db.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), 0)`,
          [id, file.checksum, file.name],
        );
        await db.exec(file.sql);
        await db.query(
          `UPDATE "_prisma_migrations" SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1`,
          [id],
        );
        await db.exec('COMMIT');
      } catch (error) {
        await db.exec('ROLLBACK').catch(() => undefined);
        const reason = error instanceof Error ? error.message : String(error);
        throw new MigrationError(
          `Migration ${file.name} failed and was rolled back (earlier migrations of this run stay applied): ${reason}`,
          [file.name],
          { cause: error },
        );
      }
      applied.push(file.name);
      options.log?.(`Applied migration ${file.name}`);
    }
    return applied;
  } finally {
    await db.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
  }
}
