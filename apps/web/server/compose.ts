/**
 * The composition root: the one file of the app that wires the database, the GraphQL core and the
 * installed plugins together. Routes never see any of it; they get `context.lip.execute` only.
 * (apps/web/eslint.config.js allows this file, and only this file, to import @lip/db.)
 */
import { createCore, type Core } from '@lip/core';
import { createDatabase, DEMO_ACCOUNTS, seedCatalogue, seedDemo, type Database } from '@lip/db';
import { pathToFileURL } from 'node:url';
import { plugins as installedPlugins } from '../lip.config.ts';
import { resolvePluginEntry } from './plugin-registry.ts';

type CorePlugin = Parameters<typeof createCore>[0]['plugins'][number];

export interface ComposeOptions {
  /** Seed the catalogue and the demo partnerships (idempotent). */
  demo?: boolean;
}

export interface Composition {
  core: Core;
  db: Database;
  demoAccounts: ReadonlyArray<{ email: string; description?: string; role?: string }>;
  close(): Promise<void>;
}

async function loadServerPlugin(packageName: string): Promise<CorePlugin> {
  const file = resolvePluginEntry(packageName, 'server');
  const mod = (await import(pathToFileURL(file).href)) as { default?: CorePlugin; plugin?: CorePlugin };
  const plugin = mod.default ?? mod.plugin;
  if (!plugin) throw new Error(`${packageName}/server must export its plugin definition as default (definePlugin(...)).`);
  return plugin;
}

export async function compose(options: ComposeOptions = {}): Promise<Composition> {
  const db = await createDatabase(); // DATABASE_URL → PostgreSQL; else PGlite in LIP_DATA_DIR
  if (options.demo) {
    await seedCatalogue(db.prisma);
    await seedDemo(db.prisma);
  }
  const plugins = await Promise.all(installedPlugins.map(loadServerPlugin));
  const core = createCore({ db, plugins });
  return {
    core,
    db,
    demoAccounts: options.demo ? DEMO_ACCOUNTS : [],
    close: () => db.close(),
  };
}
