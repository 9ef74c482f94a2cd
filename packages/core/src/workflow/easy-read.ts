// A section's Easy Read summary, shown on the published plan. Written by whoever may write the
// section (section:update), with the same optimistic concurrency as the section's own fields.
import { Prisma } from '@lip/db';
import { authorize } from '../auth/permissions.ts';
import type { RequestContext } from '../context.ts';
import { NotFoundError, SectionConflictError, ValidationError } from '../errors.ts';
import type { CoreHost } from '../host.ts';
import { defaultOwnerOrganisationId } from '../schema/section.ts';
import { sectionOfPlan, type SectionView } from '../schema/section-view.ts';
import { appendAudit } from '../services/audit.ts';
import { visiblePlan } from '../services/plans.ts';

/** Easy Read is short by design: a few sentences per section. */
export const MAX_EASY_READ_LENGTH = 5000;

export interface UpdateEasyReadArgs {
  planId: string;
  sectionKey: string;
  /** The section version the client edited (0 if the section was never written). */
  version: number;
  /** Blank clears it. */
  easyReadSummary?: string | null;
}

export async function updateSectionEasyRead(
  host: CoreHost,
  ctx: RequestContext,
  args: UpdateEasyReadArgs,
): Promise<SectionView> {
  const plan = await visiblePlan(host, ctx, args.planId);
  const definition = host.section(args.sectionKey);
  if (!definition) throw new NotFoundError('Section');
  const membership = authorize(ctx, 'section:update', {
    partnershipId: plan.partnershipId,
    planState: plan.state,
    section: definition,
  });
  const summary = args.easyReadSummary?.trim() || null;
  if (summary !== null && summary.length > MAX_EASY_READ_LENGTH) {
    throw ValidationError.field(
      'easyReadSummary',
      `Easy Read summary must be ${MAX_EASY_READ_LENGTH} characters or fewer`,
    );
  }
  const where = { planId_key: { planId: plan.id, key: definition.key } };
  const ownerId = await defaultOwnerOrganisationId(host, { plan, definition, row: null });

  let row: Prisma.SectionGetPayload<object> | null;
  try {
    row = await host.prisma.$transaction(async (tx) => {
      const before = await tx.section.findUnique({ where });
      if ((before?.version ?? 0) !== args.version) return null;
      let after;
      if (!before) {
        after = await tx.section.create({
          data: {
            planId: plan.id,
            key: definition.key,
            pluginId: definition.pluginId,
            ownerOrganisationId: ownerId,
            status: 'IN_PROGRESS',
            easyReadSummary: summary,
            version: 1,
            updatedById: ctx.user?.id ?? null,
          },
        });
      } else {
        const { count } = await tx.section.updateMany({
          where: { id: before.id, version: args.version },
          data: {
            easyReadSummary: summary,
            version: { increment: 1 },
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
        action: 'section.easy_read_updated',
        before: before
          ? { version: before.version, easyReadSummary: before.easyReadSummary }
          : undefined,
        after: { version: after.version, easyReadSummary: summary },
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
