import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createDatabase } from '../src/client.ts';
import { readMigrations } from '../src/migrate.ts';
import { createTestDatabase, testEngine } from '../src/testing.ts';

describe('createDatabase', () => {
  it('opens a migrated in-memory PGlite', async (context) => {
    if (testEngine() !== 'pglite') return context.skip('PGlite only');
    const db = await createDatabase({ url: '', dataDir: 'memory' });
    try {
      expect(db.engine).toBe('pglite');
      const rows = await db.prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "_prisma_migrations"`;
      expect(rows[0]?.n).toBe(readMigrations().length);
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
    const name = `lip_t_pending_${randomBytes(4).toString('hex')}`;
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`CREATE DATABASE "${name}"`);
    try {
      const url = new URL(admin);
      url.pathname = `/${name}`;
      await expect(createDatabase({ url: url.toString() })).rejects.toThrow(/pending migration.*pnpm db:migrate/s);
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

  it('is fast once the template exists', async () => {
    await (await createTestDatabase({ seed: 'demo' })).close();
    const started = performance.now();
    const db = await createTestDatabase({ seed: 'demo' });
    const elapsed = performance.now() - started;
    await db.close();
    console.log(`[${testEngine()}] test database from template (demo seed): ${Math.round(elapsed)} ms`);
    expect(await Promise.resolve(elapsed)).toBeLessThan(10_000);
  });
});

describe('AuditEvent', () => {
  it('is append-only: UPDATE, DELETE and TRUNCATE are refused', async () => {
    const db = await createTestDatabase();
    try {
      const event = await db.prisma.auditEvent.create({
        data: { entityType: 'Plan', entityId: 'p1', action: 'create', after: { title: 'x' } },
      });
      await expect(
        db.prisma.auditEvent.update({ where: { id: event.id }, data: { action: 'tampered' } }),
      ).rejects.toThrow(/append-only/);
      await expect(db.prisma.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only/);
      await expect(db.prisma.$executeRawUnsafe('TRUNCATE "AuditEvent"')).rejects.toThrow(/append-only/);
      expect(await db.prisma.auditEvent.count()).toBe(1);
    } finally {
      await db.close();
    }
  });
});
