/**
 * Where the compiled server lives (scripts/build-server.ts writes it; `pnpm start` runs it with plain
 * node) and how it finds the plugins compiled with it. Plugins are loaded by package name at run
 * time; plain node cannot import their TypeScript sources, so the build compiles each installed
 * plugin's `./server` entry and records the file in a manifest.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** apps/web/build/node: server.js, the compiled plugins, shared chunks and plugins.json. */
export const COMPILED_SERVER_DIR = fileURLToPath(new URL('../build/node/', import.meta.url));
export const PLUGIN_MANIFEST = 'plugins.json';

/** Package name → file (relative to COMPILED_SERVER_DIR) of its compiled `./server` entry. */
export type PluginManifest = Record<string, string>;

/**
 * True in the compiled server only: scripts/build-server.ts defines LIP_COMPILED_SERVER as "1" at
 * build time. Under tsx (dev, tests, e2e) it is unset and plugins load from their sources.
 */
export const isCompiledServer = process.env.LIP_COMPILED_SERVER === '1';

export function compiledPluginEntry(packageName: string): string {
  const file = path.join(COMPILED_SERVER_DIR, PLUGIN_MANIFEST);
  const manifest = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as PluginManifest)
    : {};
  const entry = manifest[packageName];
  if (!entry)
    throw new Error(
      `Plugin ${packageName} is not in this build of the server (built with: ${Object.keys(manifest).join(', ') || 'none'}). ` +
        'Run `pnpm build` with the same plugin settings (lip.config.ts, LIP_PLUGINS, LIP_PLUGINS_OMIT) you start with.',
    );
  return path.join(COMPILED_SERVER_DIR, entry);
}
