/**
 * Resolves installed plugin packages (named in lip.config.ts) to the files of their entry points.
 * Workspace plugins are found by reading the `name` in `plugins/* /package.json`, so installing one
 * needs no edit to the app's package.json; anything else resolves from node_modules.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type PluginEntry = 'server' | 'ui';

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const workspacePluginsDir = path.resolve(appDir, '../../plugins');

interface PackageJson {
  name?: string;
  exports?: Record<string, string | { import?: string; default?: string }>;
}

function readPackageJson(dir: string): PackageJson | undefined {
  const file = path.join(dir, 'package.json');
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, 'utf8')) as PackageJson;
}

function workspacePlugins(): Map<string, string> {
  const found = new Map<string, string>();
  if (!existsSync(workspacePluginsDir)) return found;
  for (const entry of readdirSync(workspacePluginsDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const dir = path.join(workspacePluginsDir, entry.name);
    const name = readPackageJson(dir)?.name;
    if (name) found.set(name, dir);
  }
  return found;
}

function exportTarget(pkg: PackageJson, entry: PluginEntry): string | undefined {
  const target = pkg.exports?.[`./${entry}`];
  if (typeof target === 'string') return target;
  return target?.import ?? target?.default;
}

/** The absolute file of `<packageName>/<entry>`. Throws a clear error when the plugin cannot be found. */
export function resolvePluginEntry(packageName: string, entry: PluginEntry): string {
  const dir = workspacePlugins().get(packageName);
  if (dir) {
    const target = exportTarget(readPackageJson(dir) ?? {}, entry);
    if (!target)
      throw new Error(`Plugin ${packageName} has no "./${entry}" export in ${dir}/package.json.`);
    return path.resolve(dir, target);
  }
  try {
    return createRequire(path.join(appDir, 'package.json')).resolve(`${packageName}/${entry}`);
  } catch {
    throw new Error(
      `Plugin ${packageName} (listed in apps/web/lip.config.ts) was not found in plugins/* nor in node_modules.`,
    );
  }
}

export function resolvePluginEntries(
  packageNames: readonly string[],
  entry: PluginEntry,
): string[] {
  return packageNames.map((name) => resolvePluginEntry(name, entry));
}

/**
 * The plugins this process runs with: `lip.config.ts`, unless overridden by the environment.
 * - `LIP_PLUGINS=@lip/plugin-health,@lip/plugin-care` replaces the list (`LIP_PLUGINS=` runs with none);
 * - `LIP_PLUGINS_OMIT=@lip/plugin-education` leaves those out of the list.
 * The server, the UI bundle (vite.config.ts) and the e2e suite all read it, so a build and a run
 * with `LIP_PLUGINS_OMIT` set are the product without that plugin, with no file edited.
 */
export function selectPlugins(
  configured: readonly string[],
  env: Readonly<Record<string, string | undefined>> = process.env,
): string[] {
  const parse = (value: string) =>
    value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const base = env.LIP_PLUGINS !== undefined ? parse(env.LIP_PLUGINS) : [...configured];
  const omit = new Set(parse(env.LIP_PLUGINS_OMIT ?? ''));
  return base.filter((name) => !omit.has(name));
}
