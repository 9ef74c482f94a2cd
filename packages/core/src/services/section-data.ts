// A plugin's own fields on a section, stored by core in Section.data under the plugin's id.
import { Prisma } from '@lip/db';
import { authorize } from '../auth/permissions.ts';
import type { RequestContext } from '../context.ts';
import { SectionConflictError } from '../errors.ts';
import type { CoreHost } from '../host.ts';
import { defaultOwnerOrganisationId } from '../schema/section.ts';
import { sectionOfPlan, type SectionView } from '../schema/section-view.ts';
import { appendAudit } from './audit.ts';
import { visiblePlan } from './plans.ts';

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
  const membership = authorize(ctx, 'section:update', {
    partnershipId: plan.partnershipId,
    planState: plan.state,
    section: definition,
  });
  const where = { planId_key: { planId: plan.id, key: definition.key } };
  const ownerId = await defaultOwnerOrganisationId(host, { plan, definition, row: null });

  let row: Awaited<ReturnType<typeof host.prisma.section.findUnique>>;
  try {
    row = await host.prisma.$transaction(async (tx) => {
      const before = await tx.section.findUnique({ where });
      const currentVersion = before?.version ?? 0;
      if (currentVersion !== args.version) return null;
      const previous = before ? readSectionData({ plan, definition, row: before }, pluginId) : {};
      const own = args.merge ? { ...previous, ...args.data } : args.data;
      const merged = {
        ...(isRecord(before?.data) ? before.data : {}),
        [pluginId]: own,
      } as Prisma.InputJsonObject;
      let after;
      if (!before) {
        after = await tx.section.create({
          data: {
            planId: plan.id,
            key: definition.key,
            pluginId,
            ownerOrganisationId: ownerId,
            status: 'IN_PROGRESS',
            data: merged,
            version: 1,
            updatedById: ctx.user?.id ?? null,
          },
        });
      } else {
        const { count } = await tx.section.updateMany({
          where: { id: before.id, version: args.version },
          data: {
            data: merged,
            version: { increment: 1 },
            status: before.status === 'NOT_STARTED' ? 'IN_PROGRESS' : before.status,
            updatedById: ctx.user?.id ?? null,
          },
        });
        if (count === 0) return null;
        after = await tx.section.findUniqueOrThrow({ where });
      }
      await appendAudit(tx, ctx, membership, {
        partnershipId: plan.partnershipId,
        planId: plan.id,
        entityType: 'Section',
        entityId: after.id,
        action: `section.update`,
        before: before ? { version: before.version, data: previous } : undefined,
        after: { version: after.version, data: own },
      });
      return after;
    });
  } catch (error) {
    // Two first writes at once: the second insert hits the unique (planId, key).
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') row = null;
    else throw error;
  }
  if (!row) {
    const current = await sectionOfPlan(host.prisma, host, plan, definition.key);
    throw new SectionConflictError(current ?? { plan, definition, row: null });
  }
  return { plan, definition, row };
}
