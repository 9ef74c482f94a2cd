// The plan lifecycle: submit (freezes a version), withdraw, publish, start a revision. Every
// transition runs in one transaction that first locks the plan row and re-reads its state, so two
// people acting at once cannot both move the plan; the loser gets PlanStateConflictError.
import type { Plan, PlanState, Prisma } from '@lip/db';
import { authorize, planFacts } from '../auth/permissions.ts';
import type { Membership, RequestContext } from '../context.ts';
import { ConflictError, LipError, ValidationError } from '../errors.ts';
import type { CoreHost } from '../host.ts';
import { appendAudit } from '../services/audit.ts';
import { lockPlan, updatePlan, visiblePlan } from '../services/plans.ts';
import { disclosureRuleIsSet, submissionBlockersOf, type SubmissionBlocker } from './blockers.ts';
import { queueSignOffRequests } from './sign-off-mail.ts';
import { buildSnapshot } from './snapshot-builder.ts';

export class SubmissionBlockedError extends LipError {
  readonly blockers: SubmissionBlocker[];
  constructor(blockers: SubmissionBlocker[]) {
    super(
      blockers.length === 1
        ? 'The plan cannot be submitted yet: 1 thing needs doing first'
        : `The plan cannot be submitted yet: ${blockers.length} things need doing first`,
    );
    this.blockers = blockers;
  }
}

export class PlanStateConflictError extends ConflictError<Plan> {
  constructor(current: Plan) {
    super(current, 'Someone else changed the plan’s state since this page was loaded');
  }
}

/**
 * Locks the plan and runs `apply`, unless what the caller saw is no longer so (`stillCurrent` is
 * false for the locked row: someone else changed the plan since), which is a PlanStateConflictError.
 */
export async function whileCurrent<T>(
  host: CoreHost,
  plan: Plan,
  stillCurrent: (locked: Plan) => boolean,
  apply: (tx: Prisma.TransactionClient, locked: Plan) => Promise<T>,
): Promise<T> {
  const outcome = await host.prisma.$transaction(
    async (tx): Promise<{ ok: true; value: T } | { ok: false; current: Plan }> => {
      const locked = await lockPlan(tx, plan.id);
      if (!stillCurrent(locked)) return { ok: false, current: locked };
      return { ok: true, value: await apply(tx, locked) };
    },
  );
  if (!outcome.ok) throw new PlanStateConflictError(outcome.current);
  return outcome.value;
}

/**
 * Runs a transition: refuses with PlanStateConflictError when the plan's state is no longer
 * `expected` (someone else moved it after the permission check), then runs `apply`.
 */
export function transition<T>(
  host: CoreHost,
  plan: Plan,
  expected: PlanState,
  apply: (tx: Prisma.TransactionClient, locked: Plan) => Promise<T>,
): Promise<T> {
  return whileCurrent(host, plan, (locked) => locked.state === expected, apply);
}

async function setPlanState(
  tx: Prisma.TransactionClient,
  ctx: RequestContext,
  membership: Membership | undefined,
  plan: Plan,
  state: PlanState,
  action: string,
  extra: Record<string, unknown> = {},
): Promise<Plan> {
  return updatePlan(tx, ctx, membership, plan, {
    data: { state },
    action,
    before: { state: plan.state },
    after: { state, ...extra },
  });
}

/** The longest note the lead may send the partners with a submitted version. */
export const NOTE_MAX = 2000;

export async function submitPlan(
  host: CoreHost,
  ctx: RequestContext,
  input: { planId: string; note?: string | null; confirmPersonalDataChecked?: boolean },
): Promise<Plan> {
  const plan = await visiblePlan(host, ctx, input.planId);
  const membership = authorize(ctx, 'plan:submit', planFacts(plan));
  const confirmed = input.confirmPersonalDataChecked === true;
  const note = input.note?.trim() || null;
  if (note && note.length > NOTE_MAX)
    throw ValidationError.field('note', `The note must be ${NOTE_MAX} characters or fewer`);
  const all = await submissionBlockersOf(host, plan);
  // Possible personal data is a warning: the lead's confirmation passes it, never silence.
  const blockers = all.filter((b) => !(b.needsConfirmation && confirmed));
  if (blockers.length > 0) throw new SubmissionBlockedError(blockers);
  const personalDataConfirmed = all.filter((b) => b.needsConfirmation).map((b) => b.message);
  return transition(host, plan, 'DRAFT', async (tx, locked) => {
    const last = await tx.planVersion.aggregate({
      where: { planId: plan.id },
      _max: { number: true },
    });
    const number = (last._max.number ?? 0) + 1;
    const snapshot = await buildSnapshot(tx, host, plan.id, number);
    const version = await tx.planVersion.create({
      data: {
        planId: plan.id,
        number,
        state: 'PARTNER_REVIEW',
        snapshot: snapshot as unknown as Prisma.InputJsonValue,
        createdById: ctx.user?.id ?? null,
        createdByOrganisationId: membership.organisationId,
        note,
      },
    });
    await appendAudit(tx, ctx, membership, {
      partnershipId: plan.partnershipId,
      planId: plan.id,
      entityType: 'PlanVersion',
      entityId: version.id,
      action: 'plan_version.create',
      after: { number, state: version.state },
    });
    await queueSignOffRequests(tx, host, ctx, locked, number, note);
    return setPlanState(tx, ctx, membership, locked, 'PARTNER_REVIEW', 'plan.submitted', {
      versionNumber: number,
      note,
      // What the lead confirmed is not personal data, on the record with the submission.
      ...(personalDataConfirmed.length > 0 ? { personalDataConfirmed } : {}),
    });
  });
}

/** The version a plan in review, signed off or published is on: the newest one. */
export async function latestVersion(tx: Prisma.TransactionClient, planId: string) {
  return tx.planVersion.findFirst({ where: { planId }, orderBy: { number: 'desc' } });
}

export async function withdrawPlan(
  host: CoreHost,
  ctx: RequestContext,
  input: { planId: string; reason: string },
): Promise<Plan> {
  const reason = input.reason.trim();
  if (!reason) throw ValidationError.field('reason', 'Enter why the plan is being withdrawn');
  const plan = await visiblePlan(host, ctx, input.planId);
  const membership = authorize(ctx, 'plan:withdraw', planFacts(plan));
  return transition(host, plan, 'PARTNER_REVIEW', async (tx, locked) => {
    const version = await latestVersion(tx, plan.id);
    // The snapshot stays as it was (the record of what was reviewed); the version is no longer under review.
    if (version?.state === 'PARTNER_REVIEW')
      await tx.planVersion.update({ where: { id: version.id }, data: { state: 'DRAFT' } });
    return setPlanState(tx, ctx, membership, locked, 'DRAFT', 'plan.withdrawn', {
      reason,
      versionNumber: version?.number ?? null,
    });
  });
}

export const PUBLISH_CONFIRMATION =
  'Confirm that any conditions have been met and this version can be made public';

/**
 * Publishes the signed-off version. The lead must confirm, in so many words, that the conditions
 * signatories attached to their approval have been met: publishing is not undone by withdrawing.
 */
export async function publishPlan(
  host: CoreHost,
  ctx: RequestContext,
  input: { planId: string; confirmed: boolean },
): Promise<Plan> {
  const plan = await visiblePlan(host, ctx, input.planId);
  const membership = authorize(ctx, 'plan:publish', planFacts(plan));
  if (input.confirmed !== true) throw ValidationError.field('confirmed', PUBLISH_CONFIRMATION);
  // A version frozen before its partnership chose a rule is not published under "no suppression".
  if (!(await disclosureRuleIsSet(host, plan.partnershipId)))
    throw new ValidationError(
      [],
      'Set the partnership’s disclosure rule (the small-number threshold and rounding) before the plan is published',
    );
  return transition(host, plan, 'SIGNED_OFF', async (tx, locked) => {
    const version = await latestVersion(tx, plan.id);
    if (!version || version.state !== 'SIGNED_OFF')
      throw new ValidationError([], 'There is no signed-off version to publish');
    const now = new Date();
    const superseded = await tx.planVersion.findMany({
      where: { planId: plan.id, state: 'PUBLISHED' },
      select: { id: true, number: true },
    });
    await tx.planVersion.updateMany({
      where: { planId: plan.id, state: 'PUBLISHED' },
      data: { state: 'SUPERSEDED', supersededAt: now },
    });
    await tx.planVersion.update({
      where: { id: version.id },
      data: { state: 'PUBLISHED', publishedAt: now },
    });
    for (const old of superseded) {
      await appendAudit(tx, ctx, membership, {
        partnershipId: plan.partnershipId,
        planId: plan.id,
        entityType: 'PlanVersion',
        entityId: old.id,
        action: 'plan_version.superseded',
        before: { number: old.number, state: 'PUBLISHED' },
        after: { number: old.number, state: 'SUPERSEDED', supersededBy: version.number },
      });
    }
    return setPlanState(tx, ctx, membership, locked, 'PUBLISHED', 'plan.published', {
      versionNumber: version.number,
    });
  });
}

export async function startRevision(
  host: CoreHost,
  ctx: RequestContext,
  input: { planId: string },
): Promise<Plan> {
  const plan = await visiblePlan(host, ctx, input.planId);
  const membership = authorize(ctx, 'plan:revise', planFacts(plan));
  // The published version keeps its state: it stays public until the next one is published.
  return transition(host, plan, 'PUBLISHED', (tx, locked) =>
    setPlanState(tx, ctx, membership, locked, 'DRAFT', 'plan.revision_started'),
  );
}
