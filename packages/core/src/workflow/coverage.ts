// Standards coverage: which commitments of a plan meet which standard area of its framework, per
// section. An area counts as covered when a commitment maps to it or the partnership marked it not
// applicable (with a reason). The coverage page, the submission check and the snapshot read this.
import type { Plan, Prisma, StandardArea } from '@lip/db';
import { authorize, planFacts } from '../auth/permissions.ts';
import type { RequestContext } from '../context.ts';
import { ForbiddenError, ValidationError } from '../errors.ts';
import type { CoreHost } from '../host.ts';
import { idOf } from '../ids.ts';
import { commitmentsOfPlan } from '../plan-commitments.ts';
import { appendAudit } from '../services/audit.ts';
import { lockPlan, visiblePlan } from '../services/plans.ts';

export interface CoverageSection {
  key: string;
  title: string;
}

export interface CoverageCommitment {
  id: string;
  reference: string;
}

export interface CoverageCell {
  sectionKey: string;
  /** Commitments of this section mapped to the row's area, by reference. */
  commitments: CoverageCommitment[];
}

export interface CoverageRow {
  area: StandardArea;
  /** One per installed section, in the order of CoverageResult.sections. */
  cells: CoverageCell[];
  covered: boolean;
  notApplicableReason: string | null;
}

export interface CoverageResult {
  /** Installed sections by position: the columns. */
  sections: CoverageSection[];
  /** The plan framework's standard areas by position: the rows. */
  rows: CoverageRow[];
  uncoveredCount: number;
}

/**
 * The coverage grid. The mappings come from the plan's commitments as the readiness checks read
 * them (commitmentsOfPlan: one statement per plan object, shared with them on the plan page).
 */
export async function coverageOf(
  host: CoreHost,
  plan: Pick<Plan, 'id' | 'frameworkId'>,
): Promise<CoverageResult> {
  const [areas, exclusions, commitments] = await Promise.all([
    host.prisma.standardArea.findMany({
      where: { frameworkId: plan.frameworkId },
      orderBy: [{ position: 'asc' }, { code: 'asc' }],
    }),
    host.prisma.planStandardAreaExclusion.findMany({
      where: { planId: plan.id },
      select: { standardAreaId: true, reason: true },
    }),
    commitmentsOfPlan(host, plan),
  ]);
  // Standard areas of other frameworks (left from before a re-mapping) cover nothing here.
  const mappings = commitments.flatMap((commitment) =>
    commitment.standards
      .filter((s) => s.standardArea.frameworkId === plan.frameworkId)
      .map((s) => ({ standardAreaId: s.standardArea.id, commitment })),
  );
  const sections = host.sections.map((s) => ({ key: s.key, title: s.title }));
  const reasonByArea = new Map(exclusions.map((e) => [e.standardAreaId, e.reason]));
  // area id → section key → commitments
  const byAreaAndSection = new Map<string, Map<string, CoverageCommitment[]>>();
  for (const { standardAreaId, commitment } of mappings) {
    const bySection =
      byAreaAndSection.get(standardAreaId) ?? new Map<string, CoverageCommitment[]>();
    byAreaAndSection.set(standardAreaId, bySection);
    const list = bySection.get(commitment.section.key) ?? [];
    bySection.set(commitment.section.key, list);
    list.push({ id: commitment.id, reference: commitment.reference });
  }
  const rows = areas.map((area): CoverageRow => {
    const bySection = byAreaAndSection.get(area.id);
    const cells = sections.map((section) => ({
      sectionKey: section.key,
      commitments: [...(bySection?.get(section.key) ?? [])].sort((a, b) =>
        a.reference.localeCompare(b.reference),
      ),
    }));
    const notApplicableReason = reasonByArea.get(area.id) ?? null;
    // A commitment in a section no longer installed still covers the area.
    const hasCommitment =
      bySection !== undefined && [...bySection.values()].some((list) => list.length > 0);
    return {
      area,
      cells,
      covered: hasCommitment || notApplicableReason !== null,
      notApplicableReason,
    };
  });
  return { sections, rows, uncoveredCount: rows.filter((r) => !r.covered).length };
}

// ---- Marking a standard area not applicable (plan:edit: the lead, in a draft) ----

/** Longest reason kept: a short paragraph for the published plan. */
const MAX_REASON_LENGTH = 1000;

/**
 * Locks the plan row for the rest of the transaction and checks it is still what the permission
 * check saw (a draft, same framework): someone may have submitted or re-mapped it meanwhile.
 */
export async function lockDraft(tx: Prisma.TransactionClient, plan: Plan): Promise<Plan> {
  const locked = await lockPlan(tx, plan.id);
  if (locked.state !== 'DRAFT')
    throw new ForbiddenError('This plan is no longer a draft, so it cannot be changed');
  if (locked.archivedAt) throw new ForbiddenError('This plan is archived, so it cannot be changed');
  if (locked.frameworkId !== plan.frameworkId) {
    throw new ValidationError(
      [],
      'The plan moved to another standards framework while you were working: reload the page',
    );
  }
  return locked;
}

async function areaOfPlan(host: CoreHost, plan: Plan, globalId: string): Promise<StandardArea> {
  const areaId = idOf('StandardArea', globalId);
  const area = areaId ? await host.prisma.standardArea.findUnique({ where: { id: areaId } }) : null;
  if (!area || area.frameworkId !== plan.frameworkId) {
    throw ValidationError.field(
      'standardAreaId',
      'Choose a standard area of this plan’s framework',
    );
  }
  return area;
}

export async function markStandardAreaNotApplicable(
  host: CoreHost,
  ctx: RequestContext,
  input: { planId: string; standardAreaId: string; reason: string },
): Promise<Plan> {
  const plan = await visiblePlan(host, ctx, input.planId);
  const membership = authorize(ctx, 'plan:edit', planFacts(plan));
  const reason = input.reason.trim();
  if (reason === '')
    throw ValidationError.field(
      'reason',
      'Enter why this standard area does not apply to the plan',
    );
  if (reason.length > MAX_REASON_LENGTH) {
    throw ValidationError.field(
      'reason',
      `Reason must be ${MAX_REASON_LENGTH} characters or fewer`,
    );
  }
  const area = await areaOfPlan(host, plan, input.standardAreaId);
  return host.prisma.$transaction(async (tx) => {
    const locked = await lockDraft(tx, plan);
    const key = { planId_standardAreaId: { planId: plan.id, standardAreaId: area.id } };
    const before = await tx.planStandardAreaExclusion.findUnique({ where: key });
    await tx.planStandardAreaExclusion.upsert({
      where: key,
      create: {
        planId: plan.id,
        standardAreaId: area.id,
        reason,
        createdById: ctx.user?.id ?? null,
      },
      update: { reason },
    });
    await appendAudit(tx, ctx, membership, {
      partnershipId: plan.partnershipId,
      planId: plan.id,
      entityType: 'StandardArea',
      entityId: area.id,
      action: 'standard_area.marked_not_applicable',
      before: before ? { code: area.code, reason: before.reason } : undefined,
      after: { code: area.code, reason },
    });
    return locked;
  });
}

export async function clearStandardAreaNotApplicable(
  host: CoreHost,
  ctx: RequestContext,
  input: { planId: string; standardAreaId: string },
): Promise<Plan> {
  const plan = await visiblePlan(host, ctx, input.planId);
  const membership = authorize(ctx, 'plan:edit', planFacts(plan));
  const area = await areaOfPlan(host, plan, input.standardAreaId);
  return host.prisma.$transaction(async (tx) => {
    const locked = await lockDraft(tx, plan);
    const removed = await tx.planStandardAreaExclusion.deleteMany({
      where: { planId: plan.id, standardAreaId: area.id },
    });
    // Clearing what is not set changes nothing, so there is nothing to record.
    if (removed.count > 0) {
      await appendAudit(tx, ctx, membership, {
        partnershipId: plan.partnershipId,
        planId: plan.id,
        entityType: 'StandardArea',
        entityId: area.id,
        action: 'standard_area.cleared_not_applicable',
        before: { code: area.code },
      });
    }
    return locked;
  });
}
