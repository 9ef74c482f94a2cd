/**
 * A throwaway copy of this workspace in the system's temporary folder, with its own node_modules,
 * so a test can add a package and run `pnpm install` without touching the repository that other
 * tasks are running in (their node_modules, `.bin` shims, plugins/ and pnpm-lock.yaml).
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Generated files the tracked sources need, copied as they are (turbo's `^generate` made them). */
const GENERATED = ['packages/db/src/generated'];

export interface WorkspaceCopy {
  readonly root: string;
  /** An executable from the copy's own node_modules/.bin (or a package's, with `cwd`). */
  bin(name: string, cwd?: string): string;
  run(
    command: string,
    args: string[],
    cwd: string,
    extra?: Record<string, string>,
  ): SpawnSyncReturns<string>;
  remove(): void;
}

/** The child sees a plain environment, not this vitest worker's. */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const key of Object.keys(env))
    if (key.startsWith('VITEST') || key === 'NODE_OPTIONS' || key === 'TEST') delete env[key];
  delete env.FORCE_COLOR;
  env.NO_COLOR = '1';
  return env;
}

export function run(
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

export function expectSuccess(result: SpawnSyncReturns<string>, what: string): void {
  if (result.status !== 0) {
    throw new Error(
      `${what} failed (exit ${result.status}${result.error ? `, ${result.error.message}` : ''}):\n${result.stdout}\n${result.stderr}`,
    );
  }
}

/** The files git knows (tracked, and untracked but not ignored): the sources, never build output. */
function sourceFiles(root: string): string[] {
  const listed = spawnSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  expectSuccess(listed, 'git ls-files');
  return listed.stdout.split('\0').filter(Boolean);
}

/**
 * Copies the workspace at `source` and installs it offline from the pnpm store (hard links, so
 * seconds and little disk). The copy is removed by `remove()`, and at the latest when the process exits.
 */
export function copyWorkspace(source: string): WorkspaceCopy {
  const root = mkdtempSync(path.join(os.tmpdir(), 'lip-workspace-'));
  const remove = () => rmSync(root, { recursive: true, force: true });
  process.once('exit', remove);
  const bin = (name: string, cwd = root) => path.join(cwd, 'node_modules', '.bin', name);
  try {
    for (const file of sourceFiles(source)) {
      const from = path.join(source, file);
      // A file deleted in the working tree but still tracked.
      if (!existsSync(from)) continue;
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      cpSync(from, path.join(root, file));
    }
    for (const dir of GENERATED) {
      if (existsSync(path.join(source, dir)))
        cpSync(path.join(source, dir), path.join(root, dir), { recursive: true });
    }
    // The repository's own pnpm (a devDependency), so the copy installs with the same version.
    const pnpm = path.join(source, 'node_modules', '.bin', 'pnpm');
    expectSuccess(
      run(pnpm, ['install', '--offline', '--frozen-lockfile', '--reporter', 'append-only'], root),
      'pnpm install (workspace copy)',
    );
  } catch (error) {
    remove();
    throw error;
  }
  return { root, bin, run, remove };
}
