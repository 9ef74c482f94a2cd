// What the schema's resolvers need from the running core: the database and the installed sections.
import type { PrismaClient } from '@lip/db';
import type { InstalledSection } from './plugin-host/types.ts';

export interface CoreHost {
  prisma: PrismaClient;
  /** Installed sections, by position. */
  sections: readonly InstalledSection[];
  section(key: string): InstalledSection | undefined;
  sectionKeys: string[];
}

export function createHost(prisma: PrismaClient, sections: InstalledSection[]): CoreHost {
  const sorted = [...sections].sort((a, b) => a.position - b.position || a.key.localeCompare(b.key));
  const byKey = new Map(sorted.map((s) => [s.key, s]));
  return { prisma, sections: sorted, section: (key) => byKey.get(key), sectionKeys: sorted.map((s) => s.key) };
}
