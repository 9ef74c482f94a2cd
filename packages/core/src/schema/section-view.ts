// A plan's section as the API shows it: the plugin's definition plus the row, if one was written.
import type { Plan, PrismaClient, Section } from '@lip/db';
import { memoForPlan } from '../plan-memo.ts';
import type { CoreHost } from '../host.ts';
import type { InstalledSection } from '../plugin-host/types.ts';

export interface SectionView {
  plan: Plan;
  definition: InstalledSection;
  /** null until the section is first written (then `version` is 0). */
  row: Section | null;
}

export async function sectionsOfPlan(host: CoreHost, plan: Plan): Promise<SectionView[]> {
  if (host.sections.length === 0) return [];
  return memoForPlan(plan, 'sections', async () => {
    const rows = await host.prisma.section.findMany({
      where: { planId: plan.id, key: { in: host.sectionKeys } },
    });
    const byKey = new Map(rows.map((r) => [r.key, r]));
    return host.sections.map((definition) => ({
      plan,
      definition,
      row: byKey.get(definition.key) ?? null,
    }));
  });
}

export async function sectionOfPlan(
  db: Pick<PrismaClient, 'section'>,
  host: CoreHost,
  plan: Plan,
  key: string,
): Promise<SectionView | null> {
  const definition = host.section(key);
  if (!definition) return null;
  const row = await db.section.findUnique({ where: { planId_key: { planId: plan.id, key } } });
  return { plan, definition, row };
}

export function sectionVersion(view: SectionView): number {
  return view.row?.version ?? 0;
}
