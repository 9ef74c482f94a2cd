// Metric targets of a plan: create, update, delete (plan:edit, optimistic concurrency, audit in the
// same transaction) and the exception commentary (target:comment). RAG comes from the latest
// local observation (see rag.ts).
import { Prisma, type Metric, type Partnership, type Plan } from '@lip/db';
import { authorize, planFacts } from '../auth/permissions.ts';
import type { RequestContext } from '../context.ts';
import { type FieldError, NotFoundError, ValidationError } from '../errors.ts';
import type { CoreHost } from '../host.ts';
import { idOf } from '../ids.ts';
import { appendAudit, auditCreated } from '../services/audit.ts';
import { checkOwnerOrganisation } from '../services/owner-organisation.ts';
import { visiblePlan, visiblePlansWhere } from '../services/plans.ts';
import { MetricTargetConflictError } from './errors.ts';
import { parsePeriod } from './periods.ts';
import { rateAgainstLocal, type TargetRag, type TrajectoryPoint } from './rag.ts';
import { targetInclude, type TargetRecord } from './target-record.ts';

// Kept where callers have always found them; they live in rag.ts with the rest of RAG.
export { rateTarget, trajectoryOf, type TargetRag, type TrajectoryPoint } from './rag.ts';

interface TargetValues {
  commitmentId?: string | null;
  ownerOrganisationId?: string | null;
  baselineValue?: string | null;
  baselinePeriod?: string | null;
  targetValue?: string | null;
  targetPeriod?: string | null;
  trajectory?: readonly TrajectoryPoint[] | null;
}

export interface CreateTargetArgs extends TargetValues {
  planId: string;
  metricId: string;
  targetValue: string;
  targetPeriod: string;
}

export interface UpdateTargetArgs extends TargetValues {
  id: string;
  version: number;
}

const DECIMAL = /^-?\d{1,14}(\.\d{1,4})?$/;

/** "85", "12.5", "-3.25" → the same text; anything else is a field error. */
function decimal(path: string, raw: string, errors: FieldError[]): string | undefined {
  const text = raw.trim();
  if (DECIMAL.test(text)) return text;
  errors.push({
    path: [path],
    message: 'Enter a number, like 85 or 12.5 (up to 4 decimal places)',
  });
  return undefined;
}

/** A metric the partnership can see: the national catalogue or its own. */
export async function visibleMetric(
  host: CoreHost,
  partnershipId: string,
  metricId: string,
): Promise<Metric | null> {
  return host.prisma.metric.findFirst({
    where: { id: metricId, OR: [{ partnershipId: null }, { partnershipId }] },
  });
}

/** Checks against the database and the metric's period type; maps input to columns. */
export async function checkTarget(
  host: CoreHost,
  plan: Plan,
  metric: Metric,
  input: TargetValues,
): Promise<Omit<Prisma.MetricTargetUncheckedUpdateInput, 'version'>> {
  const errors: FieldError[] = [];
  const data: Omit<Prisma.MetricTargetUncheckedUpdateInput, 'version'> = {};
  const period = (path: string, raw: string) => {
    const parsed = parsePeriod(metric.periodType, raw);
    if (parsed.ok) return parsed.period;
    errors.push({ path: [path], message: parsed.message });
    return undefined;
  };

  if (input.targetValue !== undefined) {
    if (input.targetValue === null)
      errors.push({ path: ['targetValue'], message: 'Enter the target value' });
    else data.targetValue = decimal('targetValue', input.targetValue, errors);
  }
  if (input.targetPeriod !== undefined) {
    if (input.targetPeriod === null)
      errors.push({ path: ['targetPeriod'], message: 'Enter the target period' });
    else data.targetPeriod = period('targetPeriod', input.targetPeriod);
  }
  if (input.baselineValue !== undefined) {
    data.baselineValue =
      input.baselineValue === null || input.baselineValue.trim() === ''
        ? null
        : decimal('baselineValue', input.baselineValue, errors);
  }
  if (input.baselinePeriod !== undefined) {
    data.baselinePeriod =
      input.baselinePeriod === null || input.baselinePeriod.trim() === ''
        ? null
        : period('baselinePeriod', input.baselinePeriod);
  }
  if (input.trajectory !== undefined) {
    const points: TrajectoryPoint[] = [];
    for (const [index, point] of (input.trajectory ?? []).entries()) {
      const p = period(`trajectory.${index}.period`, point.period);
      const v = decimal(`trajectory.${index}.value`, point.value, errors);
      if (p !== undefined && points.some((existing) => existing.period === p)) {
        errors.push({
          path: [`trajectory.${index}.period`],
          message: 'Each trajectory period can be given once',
        });
      } else if (p !== undefined && v !== undefined) points.push({ period: p, value: v });
    }
    data.trajectory =
      points.length > 0
        ? points
            .sort((a, b) => a.period.localeCompare(b.period))
            .map((p) => ({ period: p.period, value: p.value }))
        : Prisma.DbNull;
  }
  if (input.commitmentId !== undefined) {
    if (input.commitmentId === null) data.commitmentId = null;
    else {
      const id = idOf('Commitment', input.commitmentId);
      const commitment = id
        ? await host.prisma.commitment.findFirst({ where: { id, planId: plan.id } })
        : null;
      if (commitment) data.commitmentId = commitment.id;
      else errors.push({ path: ['commitmentId'], message: 'Choose a commitment in this plan' });
    }
  }
  const owner = await checkOwnerOrganisation(
    host,
    plan.partnershipId,
    input.ownerOrganisationId,
    errors,
  );
  if (owner !== undefined) data.ownerOrganisationId = owner;
  if (errors.length > 0) throw new ValidationError(errors);
  return data;
}

export async function createMetricTarget(
  host: CoreHost,
  ctx: RequestContext,
  input: CreateTargetArgs,
): Promise<TargetRecord> {
  const plan = await visiblePlan(host, ctx, input.planId);
  const membership = authorize(ctx, 'plan:edit', planFacts(plan));
  const metric = await visibleMetric(host, plan.partnershipId, input.metricId);
  if (!metric)
    throw ValidationError.field(
      'metricId',
      'Choose a metric from the catalogue or your local metrics',
    );
  const data = await checkTarget(host, plan, metric, input);
  // Without a named owner, the commitment's owner answers for the metric.
  if (input.ownerOrganisationId === undefined && typeof data.commitmentId === 'string') {
    const commitment = await host.prisma.commitment.findUniqueOrThrow({
      where: { id: data.commitmentId },
    });
    data.ownerOrganisationId = commitment.ownerOrganisationId;
  }
  return insertTarget(host, ctx, membership, plan, metric, data);
}

/**
 * Creates a checked target and its audit entry ("metricTarget.create") in one transaction: the
 * one way a target comes into being, whether through this mutation or a section's target field.
 */
export async function insertTarget(
  host: CoreHost,
  ctx: RequestContext,
  membership: ReturnType<typeof authorize>,
  plan: Plan,
  metric: Metric,
  data: Omit<Prisma.MetricTargetUncheckedUpdateInput, 'version'>,
): Promise<TargetRecord> {
  const id = await host.prisma.$transaction(async (tx) => {
    const created = await tx.metricTarget.create({
      data: {
        ...(data as Prisma.MetricTargetUncheckedCreateInput),
        planId: plan.id,
        metricId: metric.id,
        version: 1,
      },
    });
    await auditCreated(tx, ctx, membership, {
      plan,
      entityType: 'MetricTarget',
      action: 'metricTarget.create',
      created,
    });
    return created.id;
  });
  return host.prisma.metricTarget.findUniqueOrThrow({ where: { id }, include: targetInclude });
}

async function visibleTarget(
  host: CoreHost,
  ctx: RequestContext,
  globalId: string,
): Promise<TargetRecord> {
  const id = idOf('MetricTarget', globalId);
  const target = id
    ? await host.prisma.metricTarget.findFirst({
        where: { id, plan: visiblePlansWhere(ctx) },
        include: targetInclude,
      })
    : null;
  if (!target) throw new NotFoundError('Target');
  return target;
}

const conflict = async (host: CoreHost, id: string) =>
  new MetricTargetConflictError(
    await host.prisma.metricTarget.findUniqueOrThrow({ where: { id }, include: targetInclude }),
  );

/** The audit entry of a change to a target: the row as it was (without what it was read with). */
function auditTarget(
  tx: Prisma.TransactionClient,
  ctx: RequestContext,
  membership: ReturnType<typeof authorize>,
  existing: TargetRecord,
  action: string,
  after?: unknown,
): Promise<void> {
  const { metric: _metric, plan: _plan, commitment: _commitment, ...before } = existing;
  return appendAudit(tx, ctx, membership, {
    partnershipId: existing.plan.partnershipId,
    planId: existing.planId,
    entityType: 'MetricTarget',
    entityId: existing.id,
    action,
    before,
    after,
  });
}

/** One guarded write: UPDATE ... WHERE id AND version, then the audit entry; conflict when stale. */
export async function writeTarget(
  host: CoreHost,
  ctx: RequestContext,
  existing: TargetRecord,
  version: number,
  data: Prisma.MetricTargetUncheckedUpdateManyInput,
  action: string,
  membership: ReturnType<typeof authorize>,
): Promise<TargetRecord> {
  if (existing.version !== version) throw await conflict(host, existing.id);
  const written = await host.prisma.$transaction(async (tx) => {
    const { count } = await tx.metricTarget.updateMany({
      where: { id: existing.id, version },
      data: { ...data, version: { increment: 1 } },
    });
    if (count === 0) return false;
    const after = await tx.metricTarget.findUniqueOrThrow({ where: { id: existing.id } });
    await auditTarget(tx, ctx, membership, existing, action, after);
    return true;
  });
  if (!written) throw await conflict(host, existing.id);
  return host.prisma.metricTarget.findUniqueOrThrow({
    where: { id: existing.id },
    include: targetInclude,
  });
}

export async function updateMetricTarget(
  host: CoreHost,
  ctx: RequestContext,
  input: UpdateTargetArgs,
): Promise<TargetRecord> {
  const existing = await visibleTarget(host, ctx, input.id);
  const membership = authorize(ctx, 'plan:edit', planFacts(existing.plan));
  const plan = await host.prisma.plan.findUniqueOrThrow({ where: { id: existing.planId } });
  const data = await checkTarget(host, plan, existing.metric, input);
  return writeTarget(
    host,
    ctx,
    existing,
    input.version,
    data as Prisma.MetricTargetUncheckedUpdateManyInput,
    'metricTarget.update',
    membership,
  );
}

export async function deleteMetricTarget(
  host: CoreHost,
  ctx: RequestContext,
  input: { id: string; version: number },
): Promise<Plan> {
  const existing = await visibleTarget(host, ctx, input.id);
  const membership = authorize(ctx, 'plan:edit', planFacts(existing.plan));
  if (existing.version !== input.version) throw await conflict(host, existing.id);
  const deleted = await host.prisma.$transaction(async (tx) => {
    const { count } = await tx.metricTarget.deleteMany({
      where: { id: existing.id, version: input.version },
    });
    if (count === 0) return false;
    await auditTarget(tx, ctx, membership, existing, 'metricTarget.delete');
    return true;
  });
  if (!deleted) throw await conflict(host, existing.id);
  return host.prisma.plan.findUniqueOrThrow({ where: { id: existing.planId } });
}

export async function updateTargetCommentary(
  host: CoreHost,
  ctx: RequestContext,
  input: { id: string; version: number; commentary: string },
): Promise<TargetRecord> {
  const existing = await visibleTarget(host, ctx, input.id);
  const membership = authorize(ctx, 'target:comment', {
    ...planFacts(existing.plan),
    organisationId: existing.ownerOrganisationId,
  });
  const commentary = input.commentary.trim();
  if (commentary.length === 0)
    throw ValidationError.field(
      'commentary',
      'Enter why the metric is off track and what is being done',
    );
  if (commentary.length > 5000)
    throw ValidationError.field('commentary', 'Commentary must be 5,000 characters or fewer');
  return writeTarget(
    host,
    ctx,
    existing,
    input.version,
    { commentary, commentaryById: ctx.user?.id ?? null, commentaryAt: new Date() },
    'metricTarget.comment',
    membership,
  );
}

// ---- RAG (rag.ts) -------------------------------------------------------------------------------------

/**
 * Rates many targets (see rateAgainstLocal) with one observation query per partnership;
 * `known` partnerships (already read by the caller) are not read again.
 */
export async function rateTargets(
  host: CoreHost,
  targets: readonly TargetRecord[],
  known: readonly Partnership[] = [],
): Promise<Map<string, TargetRag>> {
  const result = new Map<string, TargetRag>();
  const byPartnership = new Map<string, TargetRecord[]>();
  for (const target of targets) {
    const list = byPartnership.get(target.plan.partnershipId) ?? [];
    list.push(target);
    byPartnership.set(target.plan.partnershipId, list);
  }
  for (const [partnershipId, list] of byPartnership) {
    const partnership =
      known.find((p) => p.id === partnershipId) ??
      (await host.prisma.partnership.findUniqueOrThrow({ where: { id: partnershipId } }));
    const rows = await host.prisma.metricObservation.findMany({
      where: {
        partnershipId,
        breakdown: '',
        geographyLevel: { notIn: ['REGION', 'ENGLAND'] },
        metricId: { in: [...new Set(list.map((t) => t.metricId))] },
      },
      select: {
        metricId: true,
        geographyLevel: true,
        geographyCode: true,
        period: true,
        breakdown: true,
        value: true,
      },
    });
    for (const target of list) {
      const own = rows.filter((row) => row.metricId === target.metricId);
      const { rag, reason } = rateAgainstLocal(host, partnership, target, own);
      result.set(target.id, { rag, reason });
    }
  }
  return result;
}

/**
 * Per-request batching of RAG: every MetricTarget resolved in the same tick is rated together,
 * so a list of targets costs one observation query, not one per target.
 */
const pendingByContext = new WeakMap<
  RequestContext,
  { targets: TargetRecord[]; result: Promise<Map<string, TargetRag>> }
>();

export function ragOf(
  host: CoreHost,
  ctx: RequestContext,
  target: TargetRecord,
): Promise<TargetRag> {
  let pending = pendingByContext.get(ctx);
  if (!pending) {
    const targets: TargetRecord[] = [];
    const result = Promise.resolve().then(() => {
      pendingByContext.delete(ctx);
      return rateTargets(host, targets);
    });
    pending = { targets, result };
    pendingByContext.set(ctx, pending);
  }
  pending.targets.push(target);
  return pending.result.then(
    (map) => map.get(target.id) ?? { rag: 'NO_DATA', reason: 'No local figure yet' },
  );
}
