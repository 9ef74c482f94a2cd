// Migration SQL from the Prisma schema, offline: Prisma 7's CLI needs a native schema engine it
// cannot download here, but Prisma 6.19's wasm engine (`engine: 'js'` with a driver adapter) diffs
// schemas without any database. Used by `migration:new` and by the drift test.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
export const packageDir = fileURLToPath(new URL('..', import.meta.url));
export const schemaDir = path.join(packageDir, 'prisma', 'schema');

/** Copies a schema folder, dropping generator blocks and adding the datasource URL Prisma 6 requires. */
export function prepareSchema(source: string | Record<string, string>, target: string): void {
  if (typeof source === 'string') cpSync(source, target, { recursive: true });
  else
    for (const [name, content] of Object.entries(source))
      writeFileSync(path.join(target, name), content);
  for (const file of readdirSync(target).filter((name) => name.endsWith('.prisma'))) {
    const full = path.join(target, file);
    const text = readFileSync(full, 'utf8')
      .replace(/^generator\s+\w+\s*\{[^}]*\}\s*$/gm, '')
      .replace(
        /(datasource\s+\w+\s*\{[^}]*?provider\s*=\s*"postgresql")/,
        '$1\n  url = "postgresql://offline/offline"',
      );
    writeFileSync(full, text);
  }
}

export interface DiffOptions {
  /** A schema folder, a map of file name → content, or 'empty'. */
  from: string | Record<string, string> | 'empty';
  /** A schema folder or a map of file name → content. Defaults to prisma/schema. */
  to?: string | Record<string, string>;
}

/**
 * The from-empty SQL of the working schema, cached in the system's temp folder by the schema's
 * content and Prisma 6's version (the engine takes 10 to 20 s).
 */
export async function fromEmptySql(): Promise<string> {
  const hash = createHash('sha256');
  hash.update(String((require('prisma6/package.json') as { version: string }).version));
  for (const file of readdirSync(schemaDir).sort())
    hash.update(`${file}\n${readFileSync(path.join(schemaDir, file), 'utf8')}`);
  const cacheDir = path.join(os.tmpdir(), 'lip-prisma6-cache');
  const cached = path.join(cacheDir, `${hash.digest('hex').slice(0, 24)}.sql`);
  if (existsSync(cached)) return readFileSync(cached, 'utf8');
  const sql = await diffSchemas({ from: 'empty' });
  mkdirSync(cacheDir, { recursive: true });
  const temporary = `${cached}.${process.pid}`;
  writeFileSync(temporary, sql);
  renameSync(temporary, cached);
  return sql;
}

/** The SQL that takes a database from `from` to `to` (an empty string, or a comment, when equal). */
export async function diffSchemas(options: DiffOptions): Promise<string> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'lip-prisma6-'));
  try {
    const to = path.join(work, 'to');
    mkdirp(to);
    prepareSchema(options.to ?? schemaDir, to);
    const args = ['migrate', 'diff', '--config', path.join(work, 'prisma.config.mjs')];
    if (options.from === 'empty') args.push('--from-empty');
    else {
      const from = path.join(work, 'from');
      mkdirp(from);
      prepareSchema(options.from, from);
      args.push('--from-schema-datamodel', from);
    }
    args.push('--to-schema-datamodel', to, '--script');
    const url = (specifier: string) =>
      JSON.stringify(pathToFileURL(require.resolve(specifier)).href);
    writeFileSync(
      path.join(work, 'prisma.config.mjs'),
      `import { defineConfig } from ${url('prisma6/config')};
import { PGlite } from ${url('@electric-sql/pglite')};
import { PrismaPGlite } from ${url('pglite-prisma-adapter')};
export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: ${JSON.stringify(to)},
  adapter: async () => new PrismaPGlite(new PGlite()),
});
`,
    );
    const cli = path.join(
      path.dirname(require.resolve('prisma6/package.json')),
      'build',
      'index.js',
    );
    return await new Promise<string>((resolve, reject) => {
      execFile(
        process.execPath,
        [cli, ...args],
        {
          cwd: work,
          maxBuffer: 64 * 1024 * 1024,
          env: {
            ...process.env,
            PRISMA_QUERY_ENGINE_LIBRARY: process.execPath,
            PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
            PRISMA_HIDE_UPDATE_MESSAGE: '1',
            CHECKPOINT_DISABLE: '1',
          },
        },
        (error, stdout, stderr) => {
          if (error) reject(new Error(`prisma6 migrate diff failed: ${stderr || error.message}`));
          else resolve(stdout);
        },
      );
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function mkdirp(dir: string): void {
  mkdirSync(dir, { recursive: true });
}

/** True when the SQL holds no statement (Prisma prints a comment for an empty diff). */
export function isEmptyDiff(sql: string): boolean {
  return sql
    .split('\n')
    .map((line) => line.trim())
    .every((line) => line === '' || line.startsWith('--'));
}
