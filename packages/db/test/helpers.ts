// Raw, engine-specific SQL sessions for the runner and drift tests (which need a bare database,
// not a migrated one). Each `scratch()` is an empty schema of its own in one shared database.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { pgExecutor, pgliteExecutor, type SqlExecutor } from '../src/migrate.ts';
import { testDatabaseName, testEngine } from '../src/testing.ts';

export interface Scratch {
  schema: string;
  db: SqlExecutor;
  /** Another session on the same schema (PostgreSQL only: PGlite has one session). */
  session(): Promise<SqlExecutor & { close(): Promise<void> }>;
}

export interface ScratchServer {
  engine: 'pglite' | 'postgres';
  scratch(): Promise<Scratch>;
  close(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  return url;
}

export async function scratchServer(): Promise<ScratchServer> {
  if (testEngine() === 'pglite') {
    const pglite = await PGlite.create();
    const db = pgliteExecutor(pglite);
    return {
      engine: 'pglite',
      async scratch() {
        const schema = `s_${randomBytes(4).toString('hex')}`;
        await db.exec(`CREATE SCHEMA ${schema}; SET search_path TO ${schema}`);
        return {
          schema,
          db,
          session: () => Promise.reject(new Error('PGlite has a single session')),
        };
      },
      close: () => pglite.close(),
    };
  }
  const name = testDatabaseName();
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  const clients: pg.Client[] = [];
  const connect = async (schema: string) => {
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    clients.push(client);
    await client.query(`SET search_path TO ${schema}`);
    return client;
  };
  return {
    engine: 'postgres',
    async scratch() {
      const schema = `s_${randomBytes(4).toString('hex')}`;
      const client = await connect('public');
      await client.query(`CREATE SCHEMA ${schema}; SET search_path TO ${schema}`);
      return {
        schema,
        db: pgExecutor(client),
        async session() {
          const other = await connect(schema);
          return { ...pgExecutor(other), close: () => other.end() };
        },
      };
    },
    async close() {
      await Promise.allSettled(clients.map((client) => client.end()));
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** A temporary migrations folder holding the given migrations (name → SQL). */
export function migrationsFolder(migrations: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lip-migrations-'));
  for (const [name, sql] of Object.entries(migrations)) writeMigration(dir, name, sql);
  return dir;
}

export function writeMigration(dir: string, name: string, sql: string): void {
  mkdirSync(path.join(dir, name), { recursive: true });
  writeFileSync(path.join(dir, name, 'migration.sql'), sql);
}

/** Tables, columns, indexes, constraints and enums of a schema, one readable line each, sorted. */
export async function catalogueDump(db: SqlExecutor, schema: string): Promise<string[]> {
  const lines: string[] = [];
  const columns = await db.query<{ line: string }>(
    `SELECT format('column %s.%s %s%s %s default=%s', c.table_name, c.column_name, c.udt_name,
              coalesce('(' || c.character_maximum_length || ')', '(' || c.numeric_precision || ',' || c.numeric_scale || ')', ''),
              CASE WHEN c.is_nullable = 'YES' THEN 'NULL' ELSE 'NOT NULL' END,
              coalesce(replace(c.column_default, $1 || '.', ''), '-')) AS line
       FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = $1 AND t.table_type = 'BASE TABLE' AND c.table_name <> '_prisma_migrations'`,
    [schema],
  );
  const tables = await db.query<{ line: string }>(
    `SELECT 'table ' || table_name AS line FROM information_schema.tables
      WHERE table_schema = $1 AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`,
    [schema],
  );
  const indexes = await db.query<{ line: string }>(
    `SELECT format('index %s on %s: %s', indexname, tablename, replace(indexdef, $1 || '.', '')) AS line
       FROM pg_indexes WHERE schemaname = $1 AND tablename <> '_prisma_migrations'`,
    [schema],
  );
  const constraints = await db.query<{ line: string }>(
    `SELECT format('constraint %s on %s (%s): %s', con.conname, rel.relname, con.contype,
              replace(pg_get_constraintdef(con.oid), $1 || '.', '')) AS line
       FROM pg_constraint con
       JOIN pg_class rel ON rel.oid = con.conrelid
       JOIN pg_namespace ns ON ns.oid = rel.relnamespace
      WHERE ns.nspname = $1 AND rel.relname <> '_prisma_migrations'`,
    [schema],
  );
  const enums = await db.query<{ line: string }>(
    `SELECT format('enum %s: %s', t.typname, string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder)) AS line
       FROM pg_type t
       JOIN pg_enum e ON e.enumtypid = t.oid
       JOIN pg_namespace ns ON ns.oid = t.typnamespace
      WHERE ns.nspname = $1
      GROUP BY t.typname`,
    [schema],
  );
  for (const rows of [tables, columns, indexes, constraints, enums])
    for (const row of rows) lines.push(row.line);
  return lines.sort();
}
