// Fills a PostgreSQL database with the national picture (see national.ts and README.md): drops and
// re-creates it, migrates it with the project's own runner, seeds the catalogue, generates, then
// prints the rows per table and the size on disk.
//   npx pnpm bench:national:generate [-- --partnerships 153 --commitments 400]
//   NATIONAL_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/lip_national (the default)
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { createDatabase, migrate, pgExecutor, seedCatalogue } from '../../packages/db/src/index.ts';
import { generateNational } from './national.ts';

/** node-postgres, as @lip/db depends on it (the repository root does not). */
interface PgClient {
  connect(): Promise<void>;
  query(sql: string): Promise<unknown>;
  end(): Promise<void>;
}
const pg = createRequire(new URL('../../packages/db/package.json', import.meta.url))('pg') as {
  Client: new (options: { connectionString: string }) => PgClient;
};

export const DEFAULT_URL = 'postgresql://postgres@127.0.0.1:5432/lip_national';

const { values } = parseArgs({
  options: {
    partnerships: { type: 'string', default: '153' },
    commitments: { type: 'string', default: '400' },
    versions: { type: 'string', default: '5' },
    years: { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '3' },
  },
});

const url = new URL(process.env.NATIONAL_DATABASE_URL || DEFAULT_URL);
const name = url.pathname.slice(1);
if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unexpected database name "${name}"`);

const admin = new pg.Client({ connectionString: new URL('/postgres', url).toString() });
await admin.connect();
try {
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
} finally {
  await admin.end();
}
const migrator = new pg.Client({ connectionString: url.toString() });
await migrator.connect();
try {
  await migrate(pgExecutor(migrator as unknown as Parameters<typeof pgExecutor>[0]));
} finally {
  await migrator.end();
}

console.log(
  `Generating the national picture into ${name}: ${cpus().length} CPUs, Node ${process.version}, load ${loadavg()[0]!.toFixed(1)}`,
);
const started = performance.now();
const db = await createDatabase({ url: url.toString() });
try {
  await seedCatalogue(db.prisma);
  const result = await generateNational(db, {
    partnerships: Number(values.partnerships),
    commitments: Number(values.commitments),
    versions: Number(values.versions),
    years: Number(values.years),
    concurrency: Number(values.concurrency),
    log: (line) => console.log(line),
  });
  const total = (performance.now() - started) / 1000;
  await db.prisma.$executeRawUnsafe('ANALYZE');
  const tables = await db.prisma.$queryRawUnsafe<{ table: string; rows: bigint; bytes: bigint }[]>(
    `SELECT relname AS table, n_live_tup AS rows, pg_total_relation_size(relid) AS bytes
       FROM pg_stat_user_tables WHERE n_live_tup > 0 ORDER BY pg_total_relation_size(relid) DESC`,
  );
  const [size] = await db.prisma.$queryRawUnsafe<{ size: string }[]>(
    `SELECT pg_size_pretty(pg_database_size(current_database())) AS size`,
  );
  console.log(
    `\n${result.partnerships} partnerships, ${result.commitments} commitments, ${result.versions} published versions, ${result.observations} observations`,
  );
  console.log(
    `content ${result.seconds.content.toFixed(0)} s, workflow ${result.seconds.workflow.toFixed(0)} s, total ${total.toFixed(0)} s; database ${size?.size}\n`,
  );
  console.log('| Table | Rows | Size on disk |\n| --- | ---: | ---: |');
  for (const t of tables)
    console.log(`| ${t.table} | ${t.rows} | ${(Number(t.bytes) / 1024 / 1024).toFixed(1)} MB |`);
} finally {
  await db.close();
}
