// Who may see which plan, written once: a viewer sees the plans of the partnerships they belong
// to; to anyone else a plan does not exist (NotFoundError or null, never "forbidden", so ids of
// other partnerships' plans leak nothing). Also the plan-row lock every plan-wide write takes.
import type { Plan, Prisma } from '@lip/db';
import { visiblePartnershipIds, type Membership, type RequestContext } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import type { CoreHost } from '../host.ts';
import { idOf } from '../ids.ts';
import { appendAudit } from './audit.ts';

/** Prisma `where` for "plans the viewer may see"; also for relation filters (`plan: ...`). */
export function visiblePlansWhere(ctx: RequestContext) {
  return { partnershipId: { in: visiblePartnershipIds(ctx) } } satisfies Prisma.PlanWhereInput;
}

/** Prisma `where` for one plan by database id, if the viewer may see it. */
export function visiblePlanWhere(ctx: RequestContext, planId: string) {
  return { id: planId, ...visiblePlansWhere(ctx) } satisfies Prisma.PlanWhereUniqueInput;
}

/** The plan behind a global id if the viewer may see it, else null. */
export async function findVisiblePlan(
  host: CoreHost,
  ctx: RequestContext,
  globalId: string,
): Promise<Plan | null> {
  const planId = idOf('Plan', globalId);
  if (!planId) return null;
  return host.prisma.plan.findFirst({ where: visiblePlanWhere(ctx, planId) });
}

/** The plan behind a global id if the viewer may see it, else NotFoundError. */
export async function visiblePlan(
  host: CoreHost,
  ctx: RequestContext,
  globalId: string,
): Promise<Plan> {
  const plan = await findVisiblePlan(host, ctx, globalId);
  if (!plan) throw new NotFoundError('Plan');
  return plan;
}

/** A visible plan and the definition of one of its sections (NotFoundError for either). */
export async function visiblePlanSection(
  host: CoreHost,
  ctx: RequestContext,
  planId: string,
  sectionKey: string,
) {
  const plan = await visiblePlan(host, ctx, planId);
  const definition = host.section(sectionKey);
  if (!definition) throw new NotFoundError('Section');
  return { plan, definition };
}

/**
 * Locks the plan row for the rest of the transaction and reads it afresh, so two plan-wide writes
 * (a transition, a re-map, marking an area not applicable) cannot interleave.
 */
export async function lockPlan(tx: Prisma.TransactionClient, planId: string): Promise<Plan> {
  await tx.$queryRaw`SELECT "id" FROM "Plan" WHERE "id" = ${planId} FOR UPDATE`;
  return tx.plan.findUniqueOrThrow({ where: { id: planId } });
}

/**
 * Changes the plan row inside a plan-wide write: bumps its version (forms opened before go stale)
 * and records the change against the plan in the same transaction.
 */
export async function updatePlan(
  tx: Prisma.TransactionClient,
  ctx: RequestContext,
  membership: Membership | undefined,
  plan: Pick<Plan, 'id' | 'partnershipId'>,
  change: {
    data: Omit<Prisma.PlanUncheckedUpdateInput, 'version'>;
    action: string;
    before?: unknown;
    after?: unknown;
  },
): Promise<Plan> {
  const { data, ...audit } = change;
  const updated = await tx.plan.update({
    where: { id: plan.id },
    data: { ...data, version: { increment: 1 } },
  });
  await appendAudit(tx, ctx, membership, {
    partnershipId: plan.partnershipId,
    planId: plan.id,
    entityType: 'Plan',
    entityId: plan.id,
    ...audit,
  });
  return updated;
}
