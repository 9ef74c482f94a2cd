// A plugin's own fields on a section, stored by core in Section.data under the plugin's id.
import type { Plan, Prisma } from '@lip/db';
import { authorize, planFacts } from '../auth/permissions.ts';
import type { Membership, RequestContext } from '../context.ts';
import type { CoreHost } from '../host.ts';
import { planSectionTargetWrites, writeSectionTargets } from '../metrics/section-targets.ts';
import type { InstalledSection } from '../plugin-host/types.ts';
import { sectionOfPlan, type SectionView } from '../schema/section-view.ts';
import { visiblePlan } from './plans.ts';
import { sectionOwnership } from './section-owner.ts';
import { writeSectionVersioned } from './section-write.ts';

export type SectionData = Record<string, unknown>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function readSectionData(view: SectionView, pluginId: string): SectionData {
  const data = view.row?.data;
  const own = isRecord(data) ? data[pluginId] : undefined;
  return isRecord(own) ? own : {};
}

export interface WriteSectionDataArgs {
  /** The plan's global id, as the client sent it. */
  planId: string;
  sectionKey: string;
  /** The version the client edited (0 if the section was never written). */
  version: number;
  data: SectionData;
  /** Merge into the stored data (keys not given stay as they are) instead of replacing it. */
  merge?: boolean;
  /**
   * A field-level merge instead of `data`: given the stored data and whether it is still at the
   * client's version, the data to store or the fields in conflict. A stale version is not refused
   * when the fields it changes were not changed since (decision 020).
   */
  mergeInto?: (
    stored: SectionData,
    atVersion: boolean,
  ) => { data: SectionData; conflicts?: undefined } | { conflicts: string[] };
  /**
   * Values of the section's metric target fields, by dotted path (decision 027): written to the
   * plan's metric targets after the section's own data, never stored with it. Checked before
   * anything is written. With no `data` keys, the section row is not written at all.
   */
  targets?: Record<string, number | null>;
}

export async function writeSectionData(
  host: CoreHost,
  ctx: RequestContext,
  pluginId: string,
  args: WriteSectionDataArgs,
): Promise<SectionView> {
  const definition = host.section(args.sectionKey);
  if (!definition || definition.pluginId !== pluginId) {
    throw new Error(
      `Plugin "${pluginId}" tried to write section "${args.sectionKey}", which it does not define`,
    );
  }
  const plan = await visiblePlan(host, ctx, args.planId);
  const ownership = await sectionOwnership(host, plan, definition);
  const membership = authorize(ctx, 'section:update', { ...planFacts(plan), section: ownership });
  const targets = args.targets ?? {};
  if (Object.keys(targets).length === 0)
    return writeOwnData(host, ctx, pluginId, args, plan, definition, membership);
  const planned = await planSectionTargetWrites(host, plan, definition, targets);
  const view =
    Object.keys(args.data).length > 0
      ? await writeOwnData(host, ctx, pluginId, args, plan, definition, membership)
      : ((await sectionOfPlan(host.prisma, host, plan, definition.key)) ?? {
          plan,
          definition,
          row: null,
        });
  await writeSectionTargets(host, ctx, membership, plan, ownership.ownerOrganisationId, planned);
  return view;
}

function writeOwnData(
  host: CoreHost,
  ctx: RequestContext,
  pluginId: string,
  args: WriteSectionDataArgs,
  plan: Plan,
  definition: InstalledSection,
  membership: Membership,
): Promise<SectionView> {
  return writeSectionVersioned(host, ctx, {
    plan,
    definition,
    membership,
    version: args.version,
    merges: args.mergeInto !== undefined,
    change: (before, atVersion) => {
      const previous = before ? readSectionData({ plan, definition, row: before }, pluginId) : {};
      let own: SectionData;
      if (args.mergeInto) {
        const merged = args.mergeInto(previous, atVersion);
        if (merged.conflicts) return { conflicts: merged.conflicts };
        own = merged.data;
      } else own = args.merge ? { ...previous, ...args.data } : args.data;
      const data = {
        ...(isRecord(before?.data) ? before.data : {}),
        [pluginId]: own,
      } as Prisma.InputJsonObject;
      // Writing a plugin's fields starts a section that was not started.
      const status = !before || before.status === 'NOT_STARTED' ? 'IN_PROGRESS' : before.status;
      return {
        fields: { data, status },
        action: 'section.update',
        before: { data: previous },
        after: { data: own },
      };
    },
  });
}
