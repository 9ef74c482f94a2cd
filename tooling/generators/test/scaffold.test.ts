/**
 * `turbo gen plugin` end to end, in a throwaway copy of the workspace (`workspace-copy.ts`), so the
 * repository, its plugins/, pnpm-lock.yaml and every node_modules stay untouched while the other
 * suites run beside this one. The generator runs non-interactively under a random id, and the scaffold
 *  - typechecks, lints and passes its own tests as generated;
 *  - added to the app's plugin list and loaded the way the app loads plugins, shows its section and
 *    field in the schema and the API beside every installed plugin, and its UI entry renders
 *    (`in-workspace/installed.check.ts`, run by the copy's own vitest so every module is the copy's).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { copyWorkspace, expectSuccess, type WorkspaceCopy } from './workspace-copy.ts';

const source = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const letters = () =>
  Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join(
    '',
  );
const id = `zz-scaffold-test-${letters()}`;
const packageName = `@lip/plugin-${id}`;

let workspace: WorkspaceCopy;
let dir: string;
let generatorOutput = '';

beforeAll(() => {
  workspace = copyWorkspace(source);
  dir = path.join(workspace.root, 'plugins', id);
  expect(existsSync(dir)).toBe(false);
  // The generator runs its own `pnpm install`, in the copy.
  const result = workspace.run(
    workspace.bin('gen'),
    [
      'run',
      'plugin',
      '--root',
      workspace.root,
      '--args',
      id,
      'Scaffold test',
      'integrated-care-board',
    ],
    workspace.root,
  );
  generatorOutput = `${result.stdout}\n${result.stderr}`;
  expectSuccess(result, 'turbo gen plugin');
});

afterAll(() => workspace?.remove());

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
    expect(readFileSync(path.join(workspace.root, 'pnpm-lock.yaml'), 'utf8')).toContain(
      `plugins/${id}`,
    );
  });

  test('refuses an id that is not kebab-case', () => {
    const result = workspace.run(
      workspace.bin('gen'),
      ['run', 'plugin', '--root', workspace.root, '--args', 'Not_Kebab', 'X', 'sendiass'],
      workspace.root,
      { LIP_GEN_SKIP_INSTALL: '1' },
    );
    expect(result.status).not.toBe(0);
    expect(`${result.stdout}${result.stderr}`).toContain('not kebab-case');
    expect(existsSync(path.join(workspace.root, 'plugins', 'Not_Kebab'))).toBe(false);
  });

  test('the scaffold typechecks', () => {
    expectSuccess(workspace.run(workspace.bin('tsc', dir), ['--noEmit'], dir), 'typecheck');
  });

  test('the scaffold lints and is formatted', () => {
    expectSuccess(workspace.run(workspace.bin('eslint', dir), ['.'], dir), 'lint');
    expectSuccess(
      workspace.run(
        workspace.bin('prettier'),
        ['--check', path.join('plugins', id)],
        workspace.root,
      ),
      'prettier --check',
    );
  });

  test('the scaffold passes its own tests', () => {
    const tests = workspace.run(workspace.bin('vitest', dir), ['run'], dir);
    expectSuccess(tests, 'its tests');
    // Six tests, run once per database engine (PGlite, and PostgreSQL when TEST_DATABASE_URL is set).
    const engines = process.env.TEST_DATABASE_URL ? 2 : 1;
    // eslint-disable-next-line no-control-regex -- ANSI colour codes
    expect(tests.stdout.replace(/\u001b\[[0-9;]*m/g, '')).toMatch(
      new RegExp(`Tests\\s+${6 * engines} passed`),
    );
  });

  test('installed in the app, it serves its section through the API and renders its UI', () => {
    const generators = path.join(workspace.root, 'tooling', 'generators');
    const checks = workspace.run(workspace.bin('vitest', generators), ['run'], generators, {
      LIP_SCAFFOLD_ID: id,
    });
    expectSuccess(checks, 'the in-workspace checks');
    // eslint-disable-next-line no-control-regex -- ANSI colour codes
    expect(checks.stdout.replace(/\u001b\[[0-9;]*m/g, '')).toMatch(/Tests\s+3 passed/);
  });

  test('the repository itself is untouched', () => {
    expect(existsSync(path.join(source, 'plugins', id))).toBe(false);
    expect(readFileSync(path.join(source, 'pnpm-lock.yaml'), 'utf8')).not.toContain(id);
  });
});
