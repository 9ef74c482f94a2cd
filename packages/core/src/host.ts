// What the schema's resolvers need from the running core: the database and the installed sections.
import type { PrismaClient } from '@lip/db';
import type { InstalledSection, LipPlugin } from './plugin-host/types.ts';

export interface CoreHost {
  prisma: PrismaClient;
  /** Installed sections, by position. */
  sections: readonly InstalledSection[];
  section(key: string): InstalledSection | undefined;
  sectionKeys: string[];
  /** An installed plugin by id. */
  plugin(id: string): LipPlugin | undefined;
}

export function createHost(
  prisma: PrismaClient,
  sections: InstalledSection[],
  plugins: readonly LipPlugin[] = [],
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
  };
}
