// No drift: the migrations produce exactly the schema prisma/schema describes (tables, columns with
// type, nullability and default, indexes, primary/foreign/unique constraints, enum types and values).
// The reference is the from-empty SQL Prisma 6.19's engine generates from the current schema.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fromEmptySql } from '../scripts/prisma6.ts';
import { migrate } from '../src/migrate.ts';
import { catalogueDump, scratchServer, type ScratchServer } from './helpers.ts';

let server: ScratchServer;
beforeAll(async () => {
  server = await scratchServer();
});
afterAll(async () => {
  await server?.close();
});

it(
  'migrations produce exactly the schema that prisma/schema describes',
  { timeout: 600_000 },
  async () => {
    const expectedSql = await fromEmptySql();

    const migrated = await server.scratch();
    await migrate(migrated.db);
    const actual = await catalogueDump(migrated.db, migrated.schema);

    const reference = await server.scratch();
    await reference.db.exec(expectedSql.replace(/CREATE SCHEMA IF NOT EXISTS "public";/g, ''));
    const expected = await catalogueDump(reference.db, reference.schema);

    const onlyInMigrations = actual.filter((line) => !expected.includes(line));
    const onlyInSchema = expected.filter((line) => !actual.includes(line));
    const report = [
      ...onlyInSchema.map((line) => `+ ${line}    (in schema.prisma, missing from the migrations)`),
      ...onlyInMigrations.map(
        (line) => `- ${line}    (made by the migrations, not in schema.prisma)`,
      ),
    ].join('\n');
    expect(
      report,
      'The migrations and prisma/schema disagree. Run `pnpm --filter @lip/db migration:new <name>` to add a migration.',
    ).toBe('');
    expect(actual.length).toBeGreaterThan(100);
  },
);
