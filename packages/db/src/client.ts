import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from './generated/prisma/client.ts';

export interface DatabaseOptions {
  /** PostgreSQL connection string. Defaults to DATABASE_URL; when absent, embedded PGlite is used. */
  url?: string;
  /** PGlite data folder, or 'memory'. Defaults to LIP_DATA_DIR, then `.data/pglite` at the repo root. */
  dataDir?: string;
}

export interface Database {
  prisma: PrismaClient;
  engine: 'pglite' | 'postgres';
  close(): Promise<void>;
}

// PROVISIONAL: the db helper replaces this with the real runner (src/migrate.ts).
const migrationsDir = fileURLToPath(new URL('../prisma/migrations/', import.meta.url));

export async function createDatabase(options: DatabaseOptions = {}): Promise<Database> {
  const pg = new PGlite(options.dataDir === 'memory' ? undefined : options.dataDir);
  for (const dir of readdirSync(migrationsDir).filter((d) => /^\d/.test(d)).sort()) {
    await pg.exec(readFileSync(`${migrationsDir}${dir}/migration.sql`, 'utf8'));
  }
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pg) });
  return {
    prisma,
    engine: 'pglite',
    async close() {
      await prisma.$disconnect();
      await pg.close();
    },
  };
}
