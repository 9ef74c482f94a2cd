/**
 * `turbo gen plugin` end to end: the generator runs non-interactively into the workspace under a
 * throwaway id, and the scaffold
 *  - typechecks, lints and passes its own tests as generated;
 *  - added to the app's plugin list (apps/web/lip.config.ts) and loaded the way the app loads
 *    plugins, shows its section and field in the schema and the API beside every installed plugin;
 *  - has a UI entry that renders its field (react-dom/server).
 * The folder is removed and `pnpm install` run again afterwards, pass or fail, so the workspace
 * and pnpm-lock.yaml are as they were.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createTestHarness, type TestHarness } from '@lip/plugin-sdk/testing';
import { printSchema } from 'graphql';
import { createElement, type ComponentType } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const letters = () =>
  Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join(
    '',
  );
const id = `zz-scaffold-test-${letters()}`;
const typePrefix = id
  .split('-')
  .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
  .join('');
const fieldName = typePrefix.charAt(0).toLowerCase() + typePrefix.slice(1);
const dir = path.join(root, 'plugins', id);
const packageName = `@lip/plugin-${id}`;

const bin = (name: string, cwd = root) => path.join(cwd, 'node_modules', '.bin', name);

/** The child sees a plain environment, not this vitest worker's. */
function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const key of Object.keys(env))
    if (key.startsWith('VITEST') || key === 'NODE_OPTIONS' || key === 'TEST') delete env[key];
  delete env.FORCE_COLOR;
  env.NO_COLOR = '1';
  return env;
}

function run(
  command: string,
  args: string[],
  cwd: string,
  extra: Record<string, string> = {},
): SpawnSyncReturns<string> {
  return spawnSync(command, args, {
    cwd,
    env: childEnv(extra),
    encoding: 'utf8',
    timeout: 240_000,
  });
}

function expectSuccess(result: SpawnSyncReturns<string>, what: string): void {
  if (result.status !== 0) {
    throw new Error(
      `${what} failed (exit ${result.status}${result.error ? `, ${result.error.message}` : ''}):\n${result.stdout}\n${result.stderr}`,
    );
  }
}

/** Serialises pnpm installs with anyone else's in this workspace (flock when there is one). */
const PNPM_LOCK = process.env.LIP_PNPM_LOCK ?? '/tmp/lip-pnpm.lock';
const hasFlock = spawnSync('flock', ['--version'], { encoding: 'utf8' }).status === 0;
const locked = (command: string, args: string[]): [string, string[]] =>
  hasFlock ? ['flock', [PNPM_LOCK, command, ...args]] : [command, args];

function pnpmInstall(): void {
  const base = ['install', '--no-frozen-lockfile'];
  let result = run(...locked(bin('pnpm'), [...base, '--offline']), root);
  if (result.status !== 0)
    result = run(...locked(bin('pnpm'), [...base, '--prefer-offline']), root);
  expectSuccess(result, 'pnpm install');
}

function removeScaffold(): void {
  rmSync(dir, { recursive: true, force: true });
}
// Last resort if the run is killed between beforeAll and afterAll.
process.once('exit', removeScaffold);

interface SectionUi {
  query: string;
  mutation: string;
  Summary: ComponentType<{ section: Record<string, unknown> }>;
  Editor: ComponentType<{ values: Record<string, string>; errors: Record<string, string> }>;
}

let generatorOutput = '';

beforeAll(() => {
  expect(existsSync(dir)).toBe(false);
  // The generator runs its own `pnpm install`; under the workspace lock, so it never races another.
  const result = run(
    ...locked(bin('gen'), [
      'run',
      'plugin',
      '--root',
      root,
      '--args',
      id,
      'Scaffold test',
      'integrated-care-board',
    ]),
    root,
  );
  generatorOutput = `${result.stdout}\n${result.stderr}`;
  expectSuccess(result, 'turbo gen plugin');
});

afterAll(() => {
  removeScaffold();
  // Drops the scaffold's importer from pnpm-lock.yaml and its links.
  pnpmInstall();
  expect(readFileSync(path.join(root, 'pnpm-lock.yaml'), 'utf8')).not.toContain(id);
});

describe('turbo gen plugin', () => {
  test('writes the plugin package and prints the one config line', () => {
    for (const file of [
      'package.json',
      'tsconfig.json',
      'eslint.config.js',
      'vitest.config.ts',
      'README.md',
      'src/fields.ts',
      'src/server/index.ts',
      'src/ui/index.tsx',
      `test/${id}.test.ts`,
      'test/ui.test.ts',
    ]) {
      expect(existsSync(path.join(dir, file)), file).toBe(true);
    }
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
      name: string;
      exports: Record<string, string>;
    };
    expect(pkg.name).toBe(packageName);
    expect(Object.keys(pkg.exports)).toEqual(expect.arrayContaining(['./server', './ui']));
    expect(readFileSync(path.join(dir, 'eslint.config.js'), 'utf8')).toContain(`plugin('${id}')`);
    expect(generatorOutput).toContain(`'${packageName}'`);
    expect(generatorOutput).toContain('apps/web/lip.config.ts');
    // Linked by the generator's pnpm install.
    expect(existsSync(path.join(dir, 'node_modules', '@lip', 'plugin-sdk'))).toBe(true);
  });

  test('refuses an id that is not kebab-case', () => {
    const result = run(
      bin('gen'),
      ['run', 'plugin', '--root', root, '--args', 'Not_Kebab', 'X', 'sendiass'],
      root,
      {
        LIP_GEN_SKIP_INSTALL: '1',
      },
    );
    expect(result.status).not.toBe(0);
    expect(`${result.stdout}${result.stderr}`).toContain('not kebab-case');
    expect(existsSync(path.join(root, 'plugins', 'Not_Kebab'))).toBe(false);
  });

  test('the scaffold typechecks', () => {
    expectSuccess(run(bin('tsc', dir), ['--noEmit'], dir), 'typecheck');
  });

  test('the scaffold lints and is formatted', () => {
    expectSuccess(run(bin('eslint', dir), ['.'], dir), 'lint');
    expectSuccess(
      run(bin('prettier'), ['--check', path.join('plugins', id)], root),
      'prettier --check',
    );
  });

  test('the scaffold passes its own tests', () => {
    const tests = run(bin('vitest', dir), ['run'], dir);
    expectSuccess(tests, 'its tests');
    // Six tests, run once per database engine (PGlite, and PostgreSQL when TEST_DATABASE_URL is set).
    const engines = process.env.TEST_DATABASE_URL ? 2 : 1;
    // eslint-disable-next-line no-control-regex -- ANSI colour codes
    expect(tests.stdout.replace(/\u001b\[[0-9;]*m/g, '')).toMatch(new RegExp(`Tests\\s+${6 * engines} passed`));
  });
});

describe('the scaffold installed in the app', () => {
  let h: TestHarness;
  let installed: readonly string[];

  beforeAll(async () => {
    // The app's loader: a package name from lip.config.ts to its ./server and ./ui files.
    const registry = (await import(
      pathToFileURL(path.join(root, 'apps/web/server/plugin-registry.ts')).href
    )) as {
      resolvePluginEntry(name: string, entry: 'server' | 'ui'): string;
    };
    const load = async (name: string) =>
      (
        (await import(pathToFileURL(registry.resolvePluginEntry(name, 'server')).href)) as {
          default: Parameters<typeof createTestHarness>[0]['plugins'][number];
        }
      ).default;
    // The config line the generator printed, added to the app's list.
    installed = (
      (await import(pathToFileURL(path.join(root, 'apps/web/lip.config.ts')).href)) as {
        plugins: readonly string[];
      }
    ).plugins;
    const plugins = await Promise.all([...installed, packageName].map(load));
    h = await createTestHarness({ plugins });
  });
  afterAll(() => h?.close());

  test('the schema has its section type, field and mutation beside the installed plugins', () => {
    const schema = printSchema(h.core.schema);
    expect(schema).toContain(`type ${typePrefix}Section`);
    expect(schema).toMatch(new RegExp(`${fieldName}: ${typePrefix}Section\\b`));
    expect(schema).toContain(`update${typePrefix}Section(`);
    expect(h.core.plugins).toHaveLength(installed.length + 1);
    expect(h.core.plugins.at(-1)?.id).toBe(id);
    expect(h.core.sections.map((s) => s.key)).toContain(id);
  });

  test('the API serves its section and field to the partnership', async () => {
    const result = await h.execute<{
      plan: { section: { key: string; title: string } & Record<string, unknown> };
    }>({
      document: `query ($planId: ID!) { plan(id: $planId) { section(key: "${id}") { key title ${fieldName} { summary } } } }`,
      variables: { planId: await h.planId('lead@northshire.example') },
      context: await h.contextFor('viewer@northshire.example'),
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.plan.section).toEqual({
      key: id,
      title: 'Scaffold test',
      [fieldName]: { summary: null },
    });
  });

  test('its UI entry renders the field', async () => {
    const ui = (await import(pathToFileURL(path.join(dir, 'src/ui/index.tsx')).href)) as {
      default: { pluginId: string; sections: Record<string, SectionUi | undefined> };
    };
    expect(ui.default.pluginId).toBe(id);
    const section = ui.default.sections[id];
    if (!section) throw new Error(`the UI entry has no "${id}" section`);
    expect(section.query).toContain(`section(key: "${id}")`);

    const summary = renderToStaticMarkup(
      createElement(section.Summary, {
        section: { version: 1, [fieldName]: { summary: 'Our plan' } },
      }),
    );
    expect(summary).toContain('Summary');
    expect(summary).toContain('Our plan');

    const editor = renderToStaticMarkup(
      createElement(section.Editor, { values: { summary: 'A draft' }, errors: {} }),
    );
    expect(editor).toContain('name="summary"');
    expect(editor).toContain('A draft');
  });
});
