// pnpm --filter @lip/db migration:new <name> [--from <git-ref>] [--empty]
//
// Writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that takes the schema as of
// the last migration to the working schema, offline (Prisma 6.19's wasm engine, see prisma6.ts).
// The "schema as of the last migration" is prisma/schema at the last commit that touched
// prisma/migrations (the drift test keeps the two equal at every commit), or at --from <git-ref>.
// --empty writes an empty migration for hand-written SQL (triggers, data fixes...).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { diffSchemas, isEmptyDiff, packageDir } from './prisma6.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { from: { type: 'string' }, empty: { type: 'boolean', default: false } },
});

const rawName = positionals[0];
if (!rawName) {
  console.error('Usage: pnpm --filter @lip/db migration:new <name> [--from <git-ref>] [--empty]');
  process.exit(2);
}
const name = rawName
  .toLowerCase()
  .replace(/[^a-z0-9]+/g, '_')
  .replace(/^_+|_+$/g, '');

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: packageDir, encoding: 'utf8' });
}

function schemaAt(ref: string): Record<string, string> {
  const files = git('ls-tree', '--name-only', ref, '--', 'prisma/schema/')
    .split('\n')
    .filter((file) => file.endsWith('.prisma'));
  if (files.length === 0) throw new Error(`No Prisma schema under prisma/schema at ${ref}.`);
  return Object.fromEntries(
    files.map((file) => [path.basename(file), git('show', `${ref}:./${file}`)]),
  );
}

function timestamp(): string {
  return new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

let sql: string;
if (values.empty) {
  sql = '-- Hand-written migration: add SQL below. Never edit it once applied anywhere.\n';
} else {
  let ref = values.from;
  if (!ref) {
    const uncommitted = git('status', '--porcelain', '--', 'prisma/migrations').trim();
    if (uncommitted) {
      console.error(
        'prisma/migrations has uncommitted changes, so the schema as of the last migration is unknown:\n' +
          `${uncommitted}\nCommit them first (schema and migration together), or pass --from <git-ref>.`,
      );
      process.exit(1);
    }
    ref = git('log', '-1', '--format=%H', '--', 'prisma/migrations').trim() || 'HEAD';
  }
  console.log(
    `Diffing prisma/schema at ${ref.slice(0, 12)} → working tree (Prisma 6 wasm engine, offline)...`,
  );
  sql = await diffSchemas({ from: schemaAt(ref) });
  if (isEmptyDiff(sql)) {
    console.log('No schema change since the last migration: nothing written.');
    process.exit(0);
  }
}

const dir = path.join(packageDir, 'prisma', 'migrations', `${timestamp()}_${name}`);
if (existsSync(dir)) {
  console.error(`${dir} already exists.`);
  process.exit(1);
}
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, 'migration.sql'), sql);
console.log(`Wrote ${path.relative(process.cwd(), path.join(dir, 'migration.sql'))}`);
