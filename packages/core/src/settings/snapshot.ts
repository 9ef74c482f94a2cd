// The tailored list as a plan version freezes it (PlanSnapshot.settings): open settings on the
// plan's list, by category then name, with the fields plugins add as text.
import type { Prisma } from '@lip/db';
import type { CoreHost } from '../host.ts';
import type { SnapshotSetting } from '../snapshot.ts';
import { SETTING_CATEGORIES } from './access.ts';

type Reader = Pick<Prisma.TransactionClient, 'setting'>;

export async function tailoredListOf(
  db: Reader,
  host: CoreHost,
  planId: string,
): Promise<SnapshotSetting[]> {
  const settings = await db.setting.findMany({
    where: { onPlans: { some: { planId } }, closedAt: null },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
  });
  const rank = (c: string) => SETTING_CATEGORIES.indexOf(c as (typeof SETTING_CATEGORIES)[number]);
  return settings
    .sort((a, b) => rank(a.category) - rank(b.category))
    .map((s) => {
      const stored =
        s.pluginFields && typeof s.pluginFields === 'object' && !Array.isArray(s.pluginFields)
          ? (s.pluginFields as Record<string, unknown>)
          : {};
      const fields = host.settingsPlugins
        .filter((p) => p.settingsFields.categories.includes(s.category))
        .flatMap((p) =>
          p.settingsFields
            .describe(stored[p.id] ?? {})
            .filter((f) => f.value !== '')
            .map((f) => ({ key: `${p.id}.${f.key}`, label: f.label, value: f.value })),
        );
      return {
        urn: s.urn,
        name: s.name,
        category: s.category,
        establishmentType: s.establishmentType,
        phase: s.phase,
        laCode: s.laCode,
        postcode: s.postcode,
        status: s.status,
        needAreas: [...s.needAreas],
        ageLow: s.ageLow,
        ageHigh: s.ageHigh,
        places: s.places,
        source: s.source,
        fields,
      };
    });
}
