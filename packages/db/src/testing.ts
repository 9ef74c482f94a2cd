// Fast, isolated, real databases for tests (`@lip/db/testing`).
//
// PGlite (default): a new instance plus migrations takes ~5 s, a copy of a dumped data folder ~1.4 s,
// so each process builds one template per seed level (migrate, seed, dumpDataDir) and starts every
// test database from it.
// PostgreSQL (LIP_TEST_ENGINE=postgres and TEST_DATABASE_URL): one template database per seed level
// and content fingerprint, built once under an advisory lock (safe across vitest workers and
// concurrent runs), then `CREATE DATABASE lip_t_<random> TEMPLATE ...` per call, dropped on close.
import { createHash, randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { openPostgres, wrapPglite, type Database } from './client.ts';
import { PrismaClient } from './generated/prisma/client.ts';
import { migrate, pgExecutor, pgliteExecutor, readMigrations } from './migrate.ts';
import { seedCatalogue } from './seed/catalogue-seed.ts';
import { seedDemo } from './seed/demo-seed.ts';

export type SeedLevel = 'none' | 'catalogue' | 'demo';

export interface TestDatabaseOptions {
  /** 'none' (migrated, empty), 'catalogue' (national catalogue) or 'demo' (catalogue + demo data). Default 'none'. */
  seed?: SeedLevel;
}

export type TestEngine = 'pglite' | 'postgres';

/** The engine test databases use: postgres when LIP_TEST_ENGINE=postgres, else pglite. */
export function testEngine(): TestEngine {
  return process.env.LIP_TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite';
}

/** A migrated (and optionally seeded) database of its own; close() discards it. */
export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<Database> {
  const seed = options.seed ?? 'none';
  if (testEngine() === 'postgres') {
    const url = process.env.TEST_DATABASE_URL;
    if (!url)
      throw new Error(
        'LIP_TEST_ENGINE=postgres needs TEST_DATABASE_URL (e.g. postgresql://postgres@127.0.0.1:5432/postgres).',
      );
    return createPostgresTestDatabase(url, seed);
  }
  const dump = await pgliteTemplate(seed);
  const pglite = await PGlite.create({ loadDataDir: dump });
  return wrapPglite(pglite);
}

async function applySeed(prisma: PrismaClient, seed: SeedLevel): Promise<void> {
  if (seed === 'catalogue') await seedCatalogue(prisma);
  if (seed === 'demo') await seedDemo(prisma);
}

const parentLevel: Record<SeedLevel, SeedLevel | null> = {
  none: null,
  catalogue: 'none',
  demo: 'catalogue',
};

// ---------------------------------------------------------------------------------------------- PGlite

const pgliteTemplates = new Map<SeedLevel, Promise<File | Blob>>();

/**
 * Templates are also cached on disk (system temp folder, keyed by the content fingerprint and the
 * PGlite build), so vitest workers and later runs skip the ~5 s migration. LIP_TEST_TEMPLATE_CACHE=0
 * turns that off.
 */
function pgliteTemplateFile(seed: SeedLevel): string | null {
  if (process.env.LIP_TEST_TEMPLATE_CACHE === '0') return null;
  const pgliteBuild = createHash('sha256')
    .update(createRequire(import.meta.url).resolve('@electric-sql/pglite'))
    .digest('hex');
  return path.join(
    os.tmpdir(),
    'lip-pglite-templates',
    `${seed}_${fingerprint()}_${pgliteBuild.slice(0, 8)}.tar`,
  );
}

async function cachedPgliteTemplate(seed: SeedLevel): Promise<File | Blob> {
  const file = pgliteTemplateFile(seed);
  if (file && existsSync(file)) return new Blob([readFileSync(file)]);
  const dump = await buildPgliteTemplate(seed);
  if (file) {
    mkdirSync(path.dirname(file), { recursive: true });
    removeStaleTemplates(path.dirname(file));
    const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(temporary, new Uint8Array(await dump.arrayBuffer()));
    renameSync(temporary, file);
  }
  return dump;
}

/** Drops cached templates of other fingerprints unused for a day (each is ~40 MB). */
function removeStaleTemplates(dir: string): void {
  const dayAgo = Date.now() - 24 * 60 * 60 * 1000;
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    try {
      if (!name.includes(fingerprint()) && statSync(full).mtimeMs < dayAgo)
        rmSync(full, { force: true });
    } catch {
      // Another worker removed it first.
    }
  }
}

function pgliteTemplate(seed: SeedLevel): Promise<File | Blob> {
  let template = pgliteTemplates.get(seed);
  if (!template) {
    template = cachedPgliteTemplate(seed);
    pgliteTemplates.set(seed, template);
    template.catch(() => pgliteTemplates.delete(seed));
  }
  return template;
}

async function buildPgliteTemplate(seed: SeedLevel): Promise<File | Blob> {
  const parent = parentLevel[seed];
  const pglite = parent
    ? await PGlite.create({ loadDataDir: await pgliteTemplate(parent) })
    : await PGlite.create();
  try {
    if (!parent) await migrate(pgliteExecutor(pglite));
    else {
      const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
      try {
        await applySeed(prisma, seed);
      } finally {
        await prisma.$disconnect();
      }
    }
    return await pglite.dumpDataDir('none');
  } finally {
    await pglite.close();
  }
}

// ------------------------------------------------------------------------------------------ PostgreSQL

/** Advisory lock key serialising template builds and clones across workers. */
const TEMPLATE_LOCK_ID = 72707370;

const postgresTemplates = new Map<string, Promise<string>>();

/** Changes whenever a migration or the seed data changes, so a stale template is never reused. */
let fingerprintCache: string | undefined;
function fingerprint(): string {
  fingerprintCache ??= computeFingerprint();
  return fingerprintCache;
}

function computeFingerprint(): string {
  const hash = createHash('sha256');
  for (const migration of readMigrations())
    hash.update(`${migration.name}:${migration.checksum}\n`);
  const seedDir = fileURLToPath(new URL('./seed/', import.meta.url));
  for (const file of readdirSync(seedDir).sort()) hash.update(readFileSync(`${seedDir}${file}`));
  return hash.digest('hex').slice(0, 12);
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function withAdmin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function databaseExists(client: pg.Client, name: string): Promise<boolean> {
  const result = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  return result.rowCount === 1;
}

async function postgresTemplate(url: string, seed: SeedLevel): Promise<string> {
  const name = `lip_tpl_${seed}_${fingerprint()}`;
  let template = postgresTemplates.get(name);
  if (!template) {
    template = buildPostgresTemplate(url, seed, name);
    postgresTemplates.set(name, template);
    template.catch(() => postgresTemplates.delete(name));
  }
  return template;
}

async function buildPostgresTemplate(url: string, seed: SeedLevel, name: string): Promise<string> {
  const parent = parentLevel[seed];
  const parentName = parent ? await postgresTemplate(url, parent) : null;
  await withAdmin(url, async (admin) => {
    await admin.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK_ID]);
    try {
      if (await databaseExists(admin, name)) return;
      if (!parent) {
        // A new fingerprint: drop the templates of older ones (a process still using one rebuilds it).
        const stale = await admin.query<{ datname: string }>(
          `SELECT datname FROM pg_database WHERE datname LIKE 'lip\\_tpl\\_%' AND datname NOT LIKE $1`,
          [`%${fingerprint()}%`],
        );
        for (const { datname } of stale.rows)
          await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      }
      const building = `${name}_build`;
      await admin.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
      await admin.query(
        parentName
          ? `CREATE DATABASE "${building}" TEMPLATE "${parentName}"`
          : `CREATE DATABASE "${building}"`,
      );
      const buildUrl = withDatabase(url, building);
      if (!parentName) {
        await withAdmin(buildUrl, (client) => migrate(pgExecutor(client)));
      } else {
        const pool = new pg.Pool({ connectionString: buildUrl, max: 2 });
        const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
        try {
          await applySeed(prisma, seed);
        } finally {
          await prisma.$disconnect();
          if (!pool.ended) await pool.end();
        }
      }
      await admin.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
    } finally {
      await admin.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK_ID]);
    }
  });
  return name;
}

async function cloneTemplate(url: string, template: string, name: string): Promise<boolean> {
  return withAdmin(url, async (admin) => {
    // Cloning needs the template free of other sessions: serialise with template builds.
    await admin.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK_ID]);
    try {
      if (!(await databaseExists(admin, template))) return false;
      await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
      return true;
    } finally {
      await admin.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK_ID]);
    }
  });
}

/**
 * A test database's name: `lip_t_<creation time, base 36>_<random>`. The time lets any later run
 * drop what a killed run left behind (`sweepAbandonedTestDatabases`).
 */
export function testDatabaseName(): string {
  return `lip_t_${Date.now().toString(36)}_${randomBytes(6).toString('hex')}`;
}

/** Older than this, a test database no session uses belongs to a run that was killed. */
const ABANDONED_AFTER_MS = 2 * 60 * 60 * 1000;

/**
 * Drops the test databases of runs that died before closing them (a killed vitest, a CI timeout):
 * those created over two hours ago, or named before names carried a time, that no session is using.
 * Databases of runs still going are never touched.
 */
export async function sweepAbandonedTestDatabases(url: string): Promise<string[]> {
  return withAdmin(url, async (admin) => {
    const candidates = await admin.query<{ datname: string }>(
      `SELECT d.datname FROM pg_database d
        WHERE d.datname LIKE 'lip\\_t\\_%'
          AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datname = d.datname)`,
    );
    const dropped: string[] = [];
    for (const { datname } of candidates.rows) {
      const stamp = /^lip_t_([0-9a-z]+)_[0-9a-f]+$/.exec(datname)?.[1];
      const created = stamp ? parseInt(stamp, 36) : 0;
      if (Date.now() - created < ABANDONED_AFTER_MS) continue;
      try {
        await admin.query(`DROP DATABASE IF EXISTS "${datname}"`);
        dropped.push(datname);
      } catch {
        // Another run dropped it, or a session connected meanwhile: leave it.
      }
    }
    return dropped;
  });
}

let sweep: Promise<unknown> | undefined;

async function createPostgresTestDatabase(url: string, seed: SeedLevel): Promise<Database> {
  // Once per process; a failed sweep never fails a test.
  sweep ??= sweepAbandonedTestDatabases(url).catch(() => []);
  await sweep;
  const name = testDatabaseName();
  if (!(await cloneTemplate(url, await postgresTemplate(url, seed), name))) {
    // Dropped by a run with newer migrations or seed data: build it again.
    postgresTemplates.clear();
    const template = await postgresTemplate(url, seed);
    if (!(await cloneTemplate(url, template, name)))
      throw new Error(`Test template ${template} vanished while cloning.`);
  }
  const drop = () =>
    withAdmin(url, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(
      () => undefined,
    );
  try {
    return await openPostgres(withDatabase(url, name), drop);
  } catch (error) {
    await drop();
    throw error;
  }
}
