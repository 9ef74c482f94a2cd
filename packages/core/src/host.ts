// What the schema's resolvers need from the running core: the database and the installed sections.
import type { PrismaClient } from '@lip/db';
import type { JobQueue } from './jobs/queue.ts';
import type { PlanEventInput } from './live/events.ts';
import type {
  InstalledSection,
  PluginMetrics,
  SettingsFieldsDefinition,
} from './plugin-host/types.ts';

/**
 * What core reads of an installed plugin (a LipPlugin has all of it). Narrower than LipPlugin so
 * this module does not depend on the plugin contract, which depends on the builder and the refs.
 */
export interface InstalledPlugin {
  id: string;
  name?: string;
  metrics?: PluginMetrics;
  settingsFields?: SettingsFieldsDefinition;
}

export interface CoreHost {
  prisma: PrismaClient;
  /** Installed sections, by position. */
  sections: readonly InstalledSection[];
  section(key: string): InstalledSection | undefined;
  sectionKeys: string[];
  /** An installed plugin by id. */
  plugin(id: string): InstalledPlugin | undefined;
  /** Installed plugins that add fields to settings, in the config's order. */
  settingsPlugins: ReadonlyArray<{
    id: string;
    name: string;
    settingsFields: SettingsFieldsDefinition;
  }>;
  /** PUBLIC_URL's origin, for links in mails; null: the origin each request was made to. */
  publicUrl: string | null;
  /** The durable job queue (import checks and applies); null where nothing runs jobs (schema printing). */
  jobs: JobQueue | null;
  /**
   * Announces a plan event to the plan's subscribers (every instance with REDIS_URL), for work
   * done outside a transaction of host.prisma (whose audit entries are announced on their own):
   * e.g. a metric import job finishing. Set by buildSchema.
   */
  publishPlanEvent?: (event: PlanEventInput) => Promise<void>;
}

export function createHost(
  prisma: PrismaClient,
  sections: InstalledSection[],
  plugins: readonly InstalledPlugin[] = [],
  publicUrl: string | null = null,
  jobs: JobQueue | null = null,
): CoreHost {
  const plugin = new Map(plugins.map((p) => [p.id, p]));
  const sorted = [...sections].sort(
    (a, b) => a.position - b.position || a.key.localeCompare(b.key),
  );
  const byKey = new Map(sorted.map((s) => [s.key, s]));
  return {
    prisma,
    sections: sorted,
    section: (key) => byKey.get(key),
    sectionKeys: sorted.map((s) => s.key),
    plugin: (id) => plugin.get(id),
    settingsPlugins: plugins.flatMap((p) =>
      p.settingsFields
        ? [{ id: p.id, name: p.name ?? p.id, settingsFields: p.settingsFields }]
        : [],
    ),
    publicUrl,
    jobs,
  };
}
