// pnpm db:migrate: applies pending migrations to the PostgreSQL database named by DATABASE_URL
// (or --url). The embedded PGlite database migrates itself on start; with --data-dir this
// migrates a PGlite folder too.
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { defaultDataDir } from '../src/client.ts';
import { MigrationError, migrate, pgExecutor, pgliteExecutor } from '../src/migrate.ts';

const { values } = parseArgs({
  options: { url: { type: 'string' }, 'data-dir': { type: 'string' } },
});
const url = values.url ?? (process.env.DATABASE_URL || undefined);
const log = (message: string) => console.log(message);

try {
  let applied: string[];
  if (url) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      applied = await migrate(pgExecutor(client), { log });
    } finally {
      await client.end();
    }
  } else {
    const dataDir = values['data-dir'] ?? defaultDataDir();
    console.log(`DATABASE_URL is not set: migrating the embedded database in ${dataDir}`);
    const pglite = await PGlite.create({ dataDir });
    try {
      applied = await migrate(pgliteExecutor(pglite), { log });
    } finally {
      await pglite.close();
    }
  }
  console.log(
    applied.length === 0 ? 'Database is up to date.' : `Applied ${applied.length} migration(s).`,
  );
} catch (error) {
  console.error(error instanceof MigrationError ? error.message : error);
  process.exitCode = 1;
}
