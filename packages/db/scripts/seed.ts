// pnpm db:seed [--demo]: upserts the national catalogue (standards frameworks, plan kinds,
// organisation types, metrics); with --demo also the Northshire and Southvale demo data.
// Uses DATABASE_URL (PostgreSQL) when set, else the embedded database (LIP_DATA_DIR).
import { parseArgs } from 'node:util';
import { createDatabase } from '../src/client.ts';
import { MigrationError } from '../src/migrate.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedCatalogue, seedDemo } from '../src/seed/index.ts';

const { values } = parseArgs({ options: { demo: { type: 'boolean', default: false } } });

const db = await createDatabase().catch((error: unknown) => {
  console.error(error instanceof MigrationError ? error.message : error);
  process.exit(1);
});
try {
  await seedCatalogue(db.prisma);
  console.log(`Seeded the catalogue (${db.engine}).`);
  if (values.demo) {
    await seedDemo(db.prisma);
    console.log(`Seeded the demo partnerships. Demo accounts (password ${DEMO_PASSWORD}):`);
    for (const account of DEMO_ACCOUNTS)
      console.log(`  ${account.email.padEnd(30)} ${account.description}`);
  }
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await db.close();
}
