/**
 * The composition root: the one file of the app that wires the database, the GraphQL core and the
 * installed plugins together. Routes never see any of it; they get `context.lip.execute` only.
 * (apps/web/eslint.config.js allows this file, and only this file, to import @lip/db.)
 */
import {
  createCore,
  mailerOptionsFromEnv,
  oidcProvidersFromEnv,
  runPluginSeeds,
  type Core,
  type CreateCoreOptions,
} from '@lip/core';
import {
  checkReadiness,
  createDatabase,
  DEMO_ACCOUNTS,
  seedCatalogue,
  seedDemo,
  type Database,
  type Readiness,
  type ReadinessOptions,
} from '@lip/db';
import { pathToFileURL } from 'node:url';
import { compiledPluginEntry, isCompiledServer } from './compiled-build.ts';
import { installedPlugins } from './installed-plugins.ts';
import { resolvePluginEntry } from './plugin-registry.ts';

export type { Readiness, ReadinessOptions };

export type CorePlugin = Parameters<typeof createCore>[0]['plugins'][number];

export interface ComposeOptions {
  /** Seed the demo partnerships and the plugins' demo content (idempotent). */
  demo?: boolean;
  /** Each SQL statement the core's Prisma client sends (the statement-count tests count them). */
  onQuery?: (sql: string) => void;
  /** Package names of the plugins to load; default: lip.config.ts (or the LIP_PLUGINS override). */
  plugins?: readonly string[];
  /** How the core logs unexpected errors and serves /graphql (origins, introspection, plugins). */
  core?: CoreSettings;
  /**
   * Run this instance's background workers: the job queue's (import checks and applies) and the
   * outbox's periodic sender. Default: unless LIP_WORKERS=0 (an instance that serves web only;
   * the jobs it sends run on the instances with workers).
   */
  workers?: boolean;
}

/** The server's settings for the core: everything but the database and the plugins. */
export type CoreSettings = Pick<
  CreateCoreOptions,
  'onError' | 'http' | 'identity' | 'auth' | 'publicUrl' | 'live'
>;

export interface Composition {
  core: Core;
  db: Database;
  /** The loaded plugin definitions, in config order. */
  plugins: readonly CorePlugin[];
  demoAccounts: ReadonlyArray<{ email: string; description?: string; role?: string }>;
  /** For /readyz: the database answers and has every migration on disk applied. */
  readiness(options?: ReadinessOptions): Promise<Readiness>;
  /**
   * Origins a sign-in form may be redirected to: the configured identity providers' (the page's
   * Content-Security-Policy form-action must name them, or browsers stop the redirect).
   */
  signInOrigins: string[];
  close(): Promise<void>;
}

async function loadServerPlugin(packageName: string): Promise<CorePlugin> {
  const file = isCompiledServer
    ? compiledPluginEntry(packageName)
    : resolvePluginEntry(packageName, 'server');
  const mod = (await import(pathToFileURL(file).href)) as {
    default?: CorePlugin;
    plugin?: CorePlugin;
  };
  const plugin = mod.default ?? mod.plugin;
  if (!plugin)
    throw new Error(
      `${packageName}/server must export its plugin definition as default (definePlugin(...)).`,
    );
  return plugin;
}

/** The `./server` entries of the named plugin packages, in order. */
export function loadServerPlugins(packageNames: readonly string[]): Promise<CorePlugin[]> {
  return Promise.all(packageNames.map(loadServerPlugin));
}

/** The GraphQL core over a database with exactly these plugins: what the server runs. */
export function coreWith(
  db: Database,
  plugins: readonly CorePlugin[],
  settings: CoreSettings = {},
): Core {
  return createCore({ db, plugins: [...plugins], ...settings });
}

/**
 * Sign-in providers (OIDC_PROVIDERS or OIDC_PROVIDERS_FILE) and mail (SMTP_URL, MAIL_FROM); in the
 * demo without SMTP_URL, mails are printed on the console (see docs/security.md).
 */
function identityFromEnv(demo: boolean): CreateCoreOptions['identity'] {
  return { oidcProviders: oidcProvidersFromEnv(), mail: mailerOptionsFromEnv(process.env, demo) };
}

export async function compose(options: ComposeOptions = {}): Promise<Composition> {
  // DATABASE_URL → PostgreSQL; else PGlite in LIP_DATA_DIR
  const db = await createDatabase({ onQuery: options.onQuery });
  let started: Core | undefined; // its job workers, to stop if a later step fails
  try {
    // The national catalogue (organisation types, plan kinds, standards frameworks, metrics) is
    // reference data every partnership needs from its first page: kept current at every start
    // (idempotent upserts), so an empty database is ready once `admin:create` has made someone.
    await seedCatalogue(db.prisma);
    if (options.demo) await seedDemo(db.prisma);
    const plugins = await loadServerPlugins(options.plugins ?? installedPlugins);
    const settings: CoreSettings = {
      identity: identityFromEnv(Boolean(options.demo)),
      ...options.core,
    };
    const core = coreWith(db, plugins, settings);
    started = core;
    // The plugins' metric packs, and in the demo their content (Northshire's section data), after
    // the core seed.
    await runPluginSeeds(db, plugins, { demo: Boolean(options.demo) });
    if (options.workers ?? process.env.LIP_WORKERS !== '0') {
      // Jobs sent by this or another instance (imports, mail, reminders), including those a
      // previous process left half done.
      await core.jobs.start();
    }
    core.mailer.kick();
    return {
      core,
      db,
      plugins,
      demoAccounts: options.demo ? DEMO_ACCOUNTS : [],
      readiness: (readinessOptions) => checkReadiness(db, readinessOptions),
      signInOrigins: [
        ...new Set((settings.identity?.oidcProviders ?? []).map((p) => new URL(p.issuer).origin)),
      ],
      close: async () => {
        await core.jobs.stop(); // running mail jobs finish before the transport closes
        core.mailer.stop();
        await core.close();
        await db.close();
      },
    };
  } catch (error) {
    await started?.jobs.stop();
    await db.close();
    throw error;
  }
}
