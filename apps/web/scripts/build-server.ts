/**
 * Compiles the Express server to JavaScript (build/node/server.js), so production runs plain node
 * (`pnpm start`) rather than a TypeScript loader. Run after `remix vite:build` (which writes
 * build/server/index.js, the pages the server renders).
 *
 * What is bundled: server.ts, server/*, and every workspace package it reaches (@lip/core, @lip/db,
 * the installed plugins' `./server` entries, ...), which are TypeScript sources. What is not: every
 * dependency from node_modules, imported at run time from where pnpm installed it (by a relative
 * path, since pnpm keeps a package's dependencies beside it rather than at the top of the tree).
 * `import.meta.url` in a bundled source still means that source file, so the code that finds
 * migrations, the data folder or govuk-frontend from its own location works unchanged.
 */
import { build, type Loader, type Plugin } from 'esbuild';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  COMPILED_SERVER_DIR,
  PLUGIN_MANIFEST,
  type PluginManifest,
} from '../server/compiled-build.ts';
import { installedPlugins } from '../server/installed-plugins.ts';
import { resolvePluginEntry } from '../server/plugin-registry.ts';

const appDir = fileURLToPath(new URL('..', import.meta.url));
const outdir = COMPILED_SERVER_DIR;

/** Our own sources (bundled), as opposed to installed dependencies (left outside). */
const isWorkspaceSource = (file: string) => !file.split(path.sep).includes('node_modules');

/** A path from the output folder (every output file sits directly in it), as an import specifier. */
function fromOutdir(file: string): string {
  const relative = path.relative(outdir, file).split(path.sep).join('/');
  return relative.startsWith('.') ? relative : `./${relative}`;
}

const loaders: Record<string, Loader> = {
  '.ts': 'ts',
  '.mts': 'ts',
  '.tsx': 'tsx',
  '.js': 'js',
  '.mjs': 'js',
  '.jsx': 'jsx',
};

const workspaceOnly: Plugin = {
  name: 'lip-workspace-sources-only',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^[^./]/ }, async (args) => {
      if ((args.pluginData as { inner?: boolean } | undefined)?.inner) return undefined;
      if (isBuiltin(args.path)) return { path: args.path, external: true };
      const resolved = await esbuild.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: { inner: true },
      });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      if (resolved.external || isWorkspaceSource(resolved.path))
        return {
          path: resolved.path,
          external: resolved.external,
          namespace: resolved.namespace,
          sideEffects: resolved.sideEffects,
        };
      return { path: fromOutdir(resolved.path), external: true };
    });
    esbuild.onLoad({ filter: /\.(m?ts|tsx|m?js|jsx)$/ }, async (args) => {
      if (!isWorkspaceSource(args.path)) return undefined;
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const sourceUrl = `(new URL(${JSON.stringify(fromOutdir(args.path))}, import.meta.url).href)`;
      return {
        contents: source.replaceAll('import.meta.url', sourceUrl),
        loader: loaders[path.extname(args.path)] ?? 'ts',
        resolveDir: path.dirname(args.path),
      };
    });
  },
};

/** "@lip/plugin-health" → "plugin-lip-plugin-health": a readable, file-safe entry name. */
const entryName = (packageName: string) =>
  `plugin-${packageName.replace(/^@/, '').replace(/[^A-Za-z0-9]+/g, '-')}`;

const started = Date.now();
await rm(outdir, { recursive: true, force: true });
const plugins = installedPlugins.map((name) => ({
  name,
  entry: entryName(name),
  file: resolvePluginEntry(name, 'server'),
}));
await build({
  absWorkingDir: appDir,
  entryPoints: [
    { in: path.join(appDir, 'server.ts'), out: 'server' },
    ...plugins.map((plugin) => ({ in: plugin.file, out: plugin.entry })),
  ],
  outdir,
  bundle: true,
  splitting: true, // the plugins share the core and the SDK with the server: one copy of each
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Node's own resolution conditions, so a dependency resolves to the file node would load.
  conditions: [],
  jsx: 'automatic',
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
  define: { 'process.env.LIP_COMPILED_SERVER': '"1"' },
  plugins: [workspaceOnly],
});
const manifest: PluginManifest = Object.fromEntries(
  plugins.map((plugin) => [plugin.name, `${plugin.entry}.js`]),
);
await writeFile(path.join(outdir, PLUGIN_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(
  `Compiled the server to ${path.relative(appDir, outdir)}/server.js with ${plugins.length} plugin(s) in ${Date.now() - started} ms`,
);
