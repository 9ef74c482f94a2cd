import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MigrationError,
  checksum,
  migrate,
  pendingMigrations,
  readMigrations,
} from '../src/migrate.ts';
import { migrationsFolder, scratchServer, writeMigration, type ScratchServer } from './helpers.ts';

let server: ScratchServer;
const folders: string[] = [];

beforeAll(async () => {
  server = await scratchServer();
});
afterAll(async () => {
  await server?.close();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function folder(migrations: Record<string, string>): string {
  const dir = migrationsFolder(migrations);
  folders.push(dir);
  return dir;
}

const first = 'CREATE TABLE "Thing" (id integer PRIMARY KEY, name text NOT NULL);';
const second =
  'ALTER TABLE "Thing" ADD COLUMN size integer; INSERT INTO "Thing" (id, name) VALUES (1, \'one\');';
const third = 'CREATE INDEX "Thing_name_idx" ON "Thing"(name);';

describe('migration runner', () => {
  it('applies migrations in name order, whatever order they were written in', async () => {
    const { db } = await server.scratch();
    const dir = folder({
      '20260103000000_third': third,
      '20260101000000_first': first,
      '20260102000000_second': second,
    });
    const applied = await migrate(db, { migrationsDir: dir });
    expect(applied).toEqual([
      '20260101000000_first',
      '20260102000000_second',
      '20260103000000_third',
    ]);
    const rows = await db.query<{
      migration_name: string;
      checksum: string;
      applied_steps_count: number;
      finished_at: unknown;
    }>(
      'SELECT migration_name, checksum, applied_steps_count, finished_at FROM "_prisma_migrations" ORDER BY started_at, migration_name',
    );
    expect(rows.map((row) => row.migration_name)).toEqual(applied);
    expect(rows[0]?.checksum).toBe(checksum(first));
    expect(rows.every((row) => row.applied_steps_count === 1 && row.finished_at !== null)).toBe(
      true,
    );
  });

  it('is idempotent: a second run applies nothing, a new file is applied alone', async () => {
    const { db } = await server.scratch();
    const dir = folder({ '20260101000000_first': first, '20260102000000_second': second });
    await migrate(db, { migrationsDir: dir });
    expect(await migrate(db, { migrationsDir: dir })).toEqual([]);
    expect((await pendingMigrations(db, { migrationsDir: dir })).pending).toEqual([]);
    writeMigration(dir, '20260103000000_third', third);
    expect((await pendingMigrations(db, { migrationsDir: dir })).pending).toEqual([
      '20260103000000_third',
    ]);
    expect(await migrate(db, { migrationsDir: dir })).toEqual(['20260103000000_third']);
    const [count] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM "Thing"');
    expect(count?.n).toBe(1);
  });

  it('refuses an applied migration whose file changed, naming it, and applies nothing', async () => {
    const { db } = await server.scratch();
    const dir = folder({ '20260101000000_first': first });
    await migrate(db, { migrationsDir: dir });
    writeFileSync(path.join(dir, '20260101000000_first', 'migration.sql'), `${first}\n-- edited`);
    writeMigration(dir, '20260102000000_second', second);
    const run = migrate(db, { migrationsDir: dir });
    await expect(run).rejects.toBeInstanceOf(MigrationError);
    await expect(run).rejects.toThrow(/changed on disk.*20260101000000_first/);
    expect((await pendingMigrations(db, { migrationsDir: dir })).modified).toEqual([
      '20260101000000_first',
    ]);
    const [column] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'Thing' AND column_name = 'size' AND table_schema = current_schema()`,
    );
    expect(column?.n).toBe(0);
  });

  it('reports applied migrations missing on disk', async () => {
    const { db } = await server.scratch();
    const dir = folder({ '20260101000000_first': first, '20260102000000_second': second });
    await migrate(db, { migrationsDir: dir });
    rmSync(path.join(dir, '20260102000000_second'), { recursive: true });
    expect((await pendingMigrations(db, { migrationsDir: dir })).missing).toEqual([
      '20260102000000_second',
    ]);
    await expect(migrate(db, { migrationsDir: dir })).rejects.toThrow(
      /not on disk: 20260102000000_second/,
    );
  });

  it('rolls a failing migration back whole, keeping the earlier ones', async () => {
    const { db } = await server.scratch();
    const broken = 'CREATE TABLE "Half" (id integer); INSERT INTO "Nowhere" VALUES (1);';
    const dir = folder({
      '20260101000000_first': first,
      '20260102000000_broken': broken,
      '20260103000000_third': third,
    });
    await expect(migrate(db, { migrationsDir: dir })).rejects.toThrow(
      /20260102000000_broken failed and was rolled back/,
    );
    const [half] = await db.query<{ t: string | null }>(`SELECT to_regclass('"Half"')::text AS t`);
    expect(half?.t).toBeNull();
    const status = await pendingMigrations(db, { migrationsDir: dir });
    expect(status.pending).toEqual(['20260102000000_broken', '20260103000000_third']);
    expect(status.failed).toEqual([]);
    // Fixed, it applies on the next run.
    writeFileSync(
      path.join(dir, '20260102000000_broken', 'migration.sql'),
      'CREATE TABLE "Half" (id integer);',
    );
    expect(await migrate(db, { migrationsDir: dir })).toEqual([
      '20260102000000_broken',
      '20260103000000_third',
    ]);
  });

  it('serialises concurrent runs with the advisory lock (PostgreSQL)', async (context) => {
    if (server.engine !== 'postgres') return context.skip('PGlite has a single session');
    const { db, session } = await server.scratch();
    const other = await session();
    try {
      const slow = 'CREATE TABLE "Slow" (id integer); SELECT pg_sleep(0.5);';
      const dir = folder({ '20260101000000_slow': slow, '20260102000000_first': first });
      const [a, b] = await Promise.all([
        migrate(db, { migrationsDir: dir }),
        migrate(other, { migrationsDir: dir }),
      ]);
      expect([...a, ...b].sort()).toEqual(['20260101000000_slow', '20260102000000_first']);
      expect(a.length === 0 || b.length === 0).toBe(true);
      const rows = await db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM "_prisma_migrations"',
      );
      expect(rows[0]?.n).toBe(2);
    } finally {
      await other.close();
    }
  });

  it('reads the project migrations in order, with Prisma checksums', () => {
    const migrations = readMigrations();
    expect(migrations[0]?.name).toBe('20261127230000_init');
    expect(migrations.map((migration) => migration.name)).toEqual(
      migrations.map((m) => m.name).sort(),
    );
    expect(migrations.every((migration) => /^[0-9a-f]{64}$/.test(migration.checksum))).toBe(true);
  });
});
