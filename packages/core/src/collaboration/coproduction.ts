// The co-production log and "you said, we did": permission, checks against the database,
// optimistic concurrency (UPDATE ... WHERE id AND version) and the audit entry in one transaction.
import { z } from 'zod';
import type { CoproductionKind, PlanState, Prisma } from '@lip/db';
import { authorize, planFacts, type PermissionSubject } from '../auth/permissions.ts';
import { visiblePartnershipIds, type RequestContext } from '../context.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import type { CoreHost } from '../host.ts';
import { idOf } from '../ids.ts';
import { appendAudit, auditCreated } from '../services/audit.ts';
import { visiblePlan } from '../services/plans.ts';
import { dateField } from '../validation.ts';
import {
  CoproductionActivityConflictError,
  CoproductionResponseConflictError,
  type ResponseRecord,
} from './errors.ts';

/** Input rules, with messages that say what to fix (GOV.UK style). */
export const activityFields = {
  kind: z.string({ error: 'Choose the kind of activity' }),
  title: z
    .string({ error: 'Enter a title for the activity' })
    .trim()
    .min(1, 'Enter a title for the activity')
    .max(200, 'Title must be 200 characters or fewer'),
  heldOn: dateField('Date held', 'Enter the date the activity was held'),
  audiences: z
    .array(z.string().trim().max(100, 'Each audience must be 100 characters or fewer'))
    .max(20, 'Name no more than 20 audiences')
    .nullish(),
  chair: z.string().max(200, 'Chair must be 200 characters or fewer').nullish(),
  reached: z
    .number({ error: 'Enter the number of people reached as a whole number, 0 or more' })
    .int('Enter the number of people reached as a whole number, 0 or more')
    .min(0, 'Enter the number of people reached as a whole number, 0 or more')
    .nullish(),
  heard: z
    .string({ error: 'Enter what was heard' })
    .trim()
    .min(1, 'Enter what was heard')
    .max(10000, 'What was heard must be 10,000 characters or fewer'),
};

export const responseFields = {
  youSaid: z
    .string({ error: 'Enter what people said' })
    .trim()
    .min(1, 'Enter what people said')
    .max(5000, 'What people said must be 5,000 characters or fewer'),
  weDid: z
    .string({ error: 'Enter what the partnership did' })
    .trim()
    .min(1, 'Enter what the partnership did')
    .max(5000, 'What the partnership did must be 5,000 characters or fewer'),
  commitmentIds: z.array(z.string()).max(100, 'Choose no more than 100 commitments').nullish(),
};

interface ActivityValues {
  kind?: CoproductionKind | null;
  title?: string | null;
  heldOn?: Date | null;
  audiences?: readonly string[] | null;
  chair?: string | null;
  reached?: number | null;
  heard?: string | null;
}

export interface CreateActivityArgs extends ActivityValues {
  planId: string;
}
export interface UpdateActivityArgs extends ActivityValues {
  id: string;
  version: number;
}
export interface AddResponseArgs {
  activityId: string;
  youSaid: string;
  weDid: string;
  commitmentIds?: readonly string[] | null;
}
export interface UpdateResponseArgs {
  id: string;
  version: number;
  youSaid?: string | null;
  weDid?: string | null;
  commitmentIds?: readonly string[] | null;
}

/** Input to columns: trims text, drops empty audiences (GraphQL has made required fields present). */
function activityData(
  input: ActivityValues,
): Omit<Prisma.CoproductionActivityUncheckedUpdateManyInput, 'version'> {
  const data: Omit<Prisma.CoproductionActivityUncheckedUpdateManyInput, 'version'> = {};
  if (input.kind) data.kind = input.kind;
  if (input.title != null) data.title = input.title.trim();
  if (input.heldOn) data.heldOn = input.heldOn;
  if (input.audiences !== undefined)
    data.audiences = [...new Set((input.audiences ?? []).map((a) => a.trim()).filter(Boolean))];
  if (input.chair !== undefined) data.chair = input.chair?.trim() || null;
  if (input.reached !== undefined) data.reached = input.reached;
  if (input.heard != null) data.heard = input.heard.trim();
  return data;
}

export async function createActivity(
  host: CoreHost,
  ctx: RequestContext,
  input: CreateActivityArgs,
) {
  const plan = await visiblePlan(host, ctx, input.planId);
  const membership = authorize(ctx, 'coproduction:edit', planFacts(plan));
  const missing: { path: string[]; message: string }[] = [];
  if (!input.kind) missing.push({ path: ['kind'], message: 'Choose the kind of activity' });
  if (!input.heldOn)
    missing.push({ path: ['heldOn'], message: 'Enter the date the activity was held' });
  if (missing.length > 0) throw new ValidationError(missing);
  const data = activityData(input);
  return host.prisma.$transaction(async (tx) => {
    const created = await tx.coproductionActivity.create({
      data: {
        ...(data as Prisma.CoproductionActivityUncheckedCreateInput),
        partnershipId: plan.partnershipId,
        planId: plan.id,
        createdById: ctx.user?.id ?? null,
        version: 1,
      },
    });
    await auditCreated(tx, ctx, membership, {
      plan,
      entityType: 'CoproductionActivity',
      action: 'coproduction.create',
      created,
    });
    return created;
  });
}

/** An activity of one of the viewer's partnerships, with the plan it is logged against. */
/** An activity need not belong to a plan; one outside any plan is judged as a draft's would be. */
export function activityFacts(activity: {
  partnershipId: string;
  plan?: { state: PlanState; archivedAt: Date | null } | null;
}): PermissionSubject {
  return {
    partnershipId: activity.partnershipId,
    planState: activity.plan?.state ?? 'DRAFT',
    planArchived: Boolean(activity.plan?.archivedAt),
  };
}

async function visibleActivity(host: CoreHost, ctx: RequestContext, globalId: string) {
  const id = idOf('CoproductionActivity', globalId);
  const activity = id
    ? await host.prisma.coproductionActivity.findFirst({
        where: { id, partnershipId: { in: visiblePartnershipIds(ctx) } },
        include: { plan: { select: { id: true, state: true, archivedAt: true } } },
      })
    : null;
  if (!activity) throw new NotFoundError('Activity');
  return activity;
}

export async function updateActivity(
  host: CoreHost,
  ctx: RequestContext,
  input: UpdateActivityArgs,
) {
  const existing = await visibleActivity(host, ctx, input.id);
  const membership = authorize(ctx, 'coproduction:edit', activityFacts(existing));
  const conflict = async () =>
    new CoproductionActivityConflictError(
      await host.prisma.coproductionActivity.findUniqueOrThrow({ where: { id: existing.id } }),
    );
  if (existing.version !== input.version) throw await conflict();
  const data = activityData(input);
  const updated = await host.prisma.$transaction(async (tx) => {
    const { count } = await tx.coproductionActivity.updateMany({
      where: { id: existing.id, version: input.version },
      data: { ...data, version: { increment: 1 } },
    });
    if (count === 0) return null;
    const after = await tx.coproductionActivity.findUniqueOrThrow({ where: { id: existing.id } });
    const { plan: _plan, ...before } = existing;
    await appendAudit(tx, ctx, membership, {
      partnershipId: existing.partnershipId,
      planId: existing.planId ?? existing.plan?.id ?? '',
      entityType: 'CoproductionActivity',
      entityId: existing.id,
      action: 'coproduction.update',
      before,
      after,
    });
    return after;
  });
  if (!updated) throw await conflict();
  return updated;
}

/**
 * Commitment global ids → database ids, refusing any that is not a commitment of `planId`.
 * A partnership-wide activity (no plan) can answer the commitments of any of its partnership's plans.
 */
async function checkedCommitmentIds(
  host: CoreHost,
  scope: { planId: string | null; partnershipId: string },
  globalIds: readonly string[],
): Promise<string[]> {
  const ids = [...new Set(globalIds.map((g) => idOf('Commitment', g)))];
  const valid = ids.every((id): id is string => id !== null);
  const found = valid
    ? await host.prisma.commitment.count({
        where: {
          id: { in: ids as string[] },
          ...(scope.planId
            ? { planId: scope.planId }
            : { plan: { partnershipId: scope.partnershipId } }),
          section: { key: { in: host.sectionKeys } },
        },
      })
    : -1;
  if (found !== ids.length)
    throw ValidationError.field('commitmentIds', "Choose commitments from this activity's plan");
  return ids as string[];
}

export async function addResponse(
  host: CoreHost,
  ctx: RequestContext,
  input: AddResponseArgs,
): Promise<ResponseRecord> {
  const activity = await visibleActivity(host, ctx, input.activityId);
  const membership = authorize(ctx, 'coproduction:edit', activityFacts(activity));
  const commitmentIds = await checkedCommitmentIds(host, activity, input.commitmentIds ?? []);
  return host.prisma.$transaction(async (tx) => {
    const created = await tx.coproductionResponse.create({
      data: {
        activityId: activity.id,
        youSaid: input.youSaid.trim(),
        weDid: input.weDid.trim(),
        version: 1,
        commitments: { create: commitmentIds.map((commitmentId) => ({ commitmentId })) },
      },
    });
    await appendAudit(tx, ctx, membership, {
      partnershipId: activity.partnershipId,
      // A partnership-wide activity has no plan: its audit row then belongs to no plan's feed.
      planId: activity.planId,
      entityType: 'CoproductionResponse',
      entityId: created.id,
      action: 'coproduction_response.create',
      after: { ...created, activityId: activity.id, commitmentIds },
    });
    return created;
  });
}

export async function updateResponse(
  host: CoreHost,
  ctx: RequestContext,
  input: UpdateResponseArgs,
): Promise<ResponseRecord> {
  const id = idOf('CoproductionResponse', input.id);
  const existing = id
    ? await host.prisma.coproductionResponse.findFirst({
        where: { id, activity: { partnershipId: { in: visiblePartnershipIds(ctx) } } },
        include: {
          activity: { include: { plan: { select: { state: true, archivedAt: true } } } },
          commitments: { select: { commitmentId: true } },
        },
      })
    : null;
  if (!existing) throw new NotFoundError('Response');
  const { activity } = existing;
  const membership = authorize(ctx, 'coproduction:edit', activityFacts(activity));
  const conflict = async () =>
    new CoproductionResponseConflictError(
      await host.prisma.coproductionResponse.findUniqueOrThrow({ where: { id: existing.id } }),
    );
  if (existing.version !== input.version) throw await conflict();
  const commitmentIds =
    input.commitmentIds == null
      ? undefined
      : await checkedCommitmentIds(host, activity, input.commitmentIds);
  const data: Prisma.CoproductionResponseUncheckedUpdateManyInput = {};
  if (input.youSaid != null) data.youSaid = input.youSaid.trim();
  if (input.weDid != null) data.weDid = input.weDid.trim();
  const updated = await host.prisma.$transaction(async (tx) => {
    const { count } = await tx.coproductionResponse.updateMany({
      where: { id: existing.id, version: input.version },
      data: { ...data, version: { increment: 1 } },
    });
    if (count === 0) return null;
    if (commitmentIds) {
      await tx.coproductionResponseCommitment.deleteMany({ where: { responseId: existing.id } });
      await tx.coproductionResponseCommitment.createMany({
        data: commitmentIds.map((commitmentId) => ({ responseId: existing.id, commitmentId })),
      });
    }
    const after = await tx.coproductionResponse.findUniqueOrThrow({ where: { id: existing.id } });
    const { activity: _activity, commitments, ...before } = existing;
    await appendAudit(tx, ctx, membership, {
      partnershipId: activity.partnershipId,
      // A partnership-wide activity has no plan: its audit row then belongs to no plan's feed.
      planId: activity.planId,
      entityType: 'CoproductionResponse',
      entityId: existing.id,
      action: 'coproduction_response.update',
      before: { ...before, commitmentIds: commitments.map((c) => c.commitmentId) },
      after: {
        ...after,
        activityId: activity.id,
        commitmentIds: commitmentIds ?? commitments.map((c) => c.commitmentId),
      },
    });
    return after;
  });
  if (!updated) throw await conflict();
  return updated;
}
