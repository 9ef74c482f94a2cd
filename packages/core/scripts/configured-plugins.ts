// The plugins apps/web/lip.config.ts lists, loaded by package name from plugins/* (or
// node_modules), for printing the schema the app actually serves. Core never names a plugin.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { LipPlugin } from '../src/index.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

function serverEntry(packageName: string): string {
  const pluginsDir = path.join(root, 'plugins');
  for (const dir of existsSync(pluginsDir) ? readdirSync(pluginsDir) : []) {
    const manifest = path.join(pluginsDir, dir, 'package.json');
    if (!existsSync(manifest)) continue;
    const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as {
      name?: string;
      exports?: Record<string, string>;
    };
    if (pkg.name === packageName) {
      const target = pkg.exports?.['./server'];
      if (!target) throw new Error(`${packageName} has no "./server" export`);
      return path.join(pluginsDir, dir, target);
    }
  }
  return createRequire(path.join(root, 'apps/web/package.json')).resolve(`${packageName}/server`);
}

export async function configuredPlugins(): Promise<LipPlugin[]> {
  const config = (await import(pathToFileURL(path.join(root, 'apps/web/lip.config.ts')).href)) as {
    plugins: readonly string[];
  };
  return Promise.all(
    config.plugins.map(async (name) => {
      const mod = (await import(pathToFileURL(serverEntry(name)).href)) as { default?: LipPlugin };
      if (!mod.default) throw new Error(`${name}/server has no default export (definePlugin(...))`);
      return mod.default;
    }),
  );
}
