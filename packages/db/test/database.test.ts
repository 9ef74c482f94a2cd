import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createDatabase } from '../src/client.ts';
import { readMigrations } from '../src/migrate.ts';
import {
  createTestDatabase,
  sweepAbandonedTestDatabases,
  testDatabaseName,
  testEngine,
} from '../src/testing.ts';

describe('createDatabase', () => {
  it('opens a migrated in-memory PGlite', async (context) => {
    if (testEngine() !== 'pglite') return context.skip('PGlite only');
    const db = await createDatabase({ url: '', dataDir: 'memory' });
    try {
      expect(db.engine).toBe('pglite');
      const rows = await db.prisma.$queryRaw<
        { n: number }[]
      >`SELECT count(*)::int AS n FROM "_prisma_migrations"`;
      expect(rows[0]?.n).toBe(readMigrations().length);
    } finally {
      await db.close();
    }
  });

  it('filters on enum arrays created by the migration it just ran', async (context) => {
    if (testEngine() !== 'pglite') return context.skip('PGlite only');
    const db = await createDatabase({ url: '', dataDir: 'memory' });
    try {
      await expect(
        db.prisma.member.findMany({ where: { roles: { has: 'SIGNATORY' } } }),
      ).resolves.toEqual([]);
    } finally {
      await db.close();
    }
  });

  it('creates, migrates and reopens a PGlite data folder', async (context) => {
    if (testEngine() !== 'pglite') return context.skip('PGlite only');
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'lip-data-')), 'nested', 'pglite');
    try {
      const first = await createDatabase({ url: '', dataDir: dir });
      await first.prisma.organisationType.create({ data: { code: 'x', title: 'X' } });
      await first.close();
      const second = await createDatabase({ url: '', dataDir: dir });
      expect(await second.prisma.organisationType.count()).toBe(1);
      await second.close();
    } finally {
      rmSync(path.dirname(path.dirname(dir)), { recursive: true, force: true });
    }
  });

  it('refuses to start on a PostgreSQL database with pending migrations', async (context) => {
    const admin = process.env.TEST_DATABASE_URL;
    if (testEngine() !== 'postgres' || !admin) return context.skip('PostgreSQL only');
    const name = testDatabaseName();
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`CREATE DATABASE "${name}"`);
    try {
      const url = new URL(admin);
      url.pathname = `/${name}`;
      await expect(createDatabase({ url: url.toString() })).rejects.toThrow(
        /pending migration.*pnpm db:migrate/s,
      );
    } finally {
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    }
  });
});

describe('createTestDatabase', () => {
  it('gives each call a database of its own', async () => {
    const [a, b] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    try {
      expect(a.engine).toBe(testEngine());
      await a.prisma.organisationType.create({ data: { code: 'only-in-a', title: 'A' } });
      expect(await a.prisma.organisationType.count()).toBe(1);
      expect(await b.prisma.organisationType.count()).toBe(0);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('starts seeded databases from the template, each with the demo data of its own', async () => {
    const first = await createTestDatabase({ seed: 'demo' });
    const second = await createTestDatabase({ seed: 'demo' });
    try {
      const name = (db: typeof first) =>
        db.prisma.partnership
          .findUniqueOrThrow({ where: { slug: 'southvale' } })
          .then((p) => p.name);
      const demoName = await name(first);
      await first.prisma.partnership.update({
        where: { slug: 'southvale' },
        data: { name: 'Renamed in the first' },
      });
      expect(await name(first)).toBe('Renamed in the first');
      expect(await name(second)).toBe(demoName);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
  });
});

describe('sweepAbandonedTestDatabases', () => {
  it('drops what killed runs left behind, never a database in use or just made', async (context) => {
    const admin = process.env.TEST_DATABASE_URL;
    if (testEngine() !== 'postgres' || !admin) return context.skip('PostgreSQL only');
    const hoursAgo = (hours: number) => (Date.now() - hours * 3_600_000).toString(36);
    const abandoned = `lip_t_${hoursAgo(3)}_${randomBytes(6).toString('hex')}`;
    const oldButInUse = `lip_t_${hoursAgo(3)}_${randomBytes(6).toString('hex')}`;
    const recent = testDatabaseName();
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    const user = new pg.Client({ connectionString: withDatabase(admin, oldButInUse) });
    try {
      for (const name of [abandoned, oldButInUse, recent])
        await client.query(`CREATE DATABASE "${name}"`);
      await user.connect();
      const dropped = await sweepAbandonedTestDatabases(admin);
      expect(dropped).toContain(abandoned);
      expect(dropped).not.toContain(oldButInUse);
      expect(dropped).not.toContain(recent);
      const left = await client.query<{ datname: string }>(
        'SELECT datname FROM pg_database WHERE datname = ANY($1)',
        [[abandoned, oldButInUse, recent]],
      );
      expect(left.rows.map((row) => row.datname).sort()).toEqual([oldButInUse, recent].sort());
    } finally {
      await user.end();
      for (const name of [abandoned, oldButInUse, recent])
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    }
  });
});

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
