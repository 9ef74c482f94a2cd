// Moving a plan to another standards framework version. remapProposal suggests, for every
// commitment, the target framework's areas that continue its current ones (StandardArea.correspondsTo);
// nothing changes until remapPlan, which applies the lead's confirmed mappings all at once.
import type { Plan, Prisma, StandardArea, StandardsFramework } from '@lip/db';
import { authorize, planFacts } from '../auth/permissions.ts';
import type { RequestContext } from '../context.ts';
import { type CommitmentRecord, type FieldError, ValidationError } from '../errors.ts';
import type { CoreHost } from '../host.ts';
import { encodeGlobalId, idOf } from '../ids.ts';
import { commitmentInclude } from '../services/commitments.ts';
import { updatePlan, visiblePlan } from '../services/plans.ts';
import { lockDraft } from './coverage.ts';

export interface RemapItem {
  commitment: CommitmentRecord;
  /** Its areas in the plan's current framework, by position. */
  from: StandardArea[];
  /** Areas of the target framework that continue one of `from`, by position. */
  suggested: StandardArea[];
  /** False when nothing corresponds: the lead must choose. */
  resolved: boolean;
}

export interface RemapProposal {
  framework: StandardsFramework;
  items: RemapItem[];
  unresolvedCount: number;
}

const byPosition = (a: StandardArea, b: StandardArea) =>
  a.position - b.position || a.code.localeCompare(b.code);

/**
 * Whether `target` continues `current`. The catalogue records the link on the newer area
 * (correspondsTo names the older codes), so it is read in both directions: moving forward the
 * target names the current code, moving back the current area names the target's.
 */
function corresponds(target: StandardArea, current: StandardArea): boolean {
  if (target.id === current.id) return true;
  return target.correspondsTo.includes(current.code) || current.correspondsTo.includes(target.code);
}

async function planCommitments(db: Pick<Prisma.TransactionClient, 'commitment'>, planId: string) {
  return db.commitment.findMany({
    where: { planId },
    include: { ...commitmentInclude, standards: { include: { standardArea: true } } },
    orderBy: [{ reference: 'asc' }, { id: 'asc' }],
  });
}

/** null when there is no such framework. Reads only: nothing changes. */
export async function remapProposalOf(
  host: CoreHost,
  plan: Plan,
  frameworkId: string,
): Promise<RemapProposal | null> {
  const framework = await host.prisma.standardsFramework.findUnique({ where: { id: frameworkId } });
  if (!framework) return null;
  const [targetAreas, commitments] = await Promise.all([
    host.prisma.standardArea.findMany({
      where: { frameworkId },
      orderBy: [{ position: 'asc' }, { code: 'asc' }],
    }),
    planCommitments(host.prisma, plan.id),
  ]);
  const items = commitments.map(({ standards, ...commitment }): RemapItem => {
    const from = standards
      .map((s) => s.standardArea)
      .filter((a) => a.frameworkId === plan.frameworkId)
      .sort(byPosition);
    const suggested = targetAreas.filter((target) =>
      from.some((current) => corresponds(target, current)),
    );
    return { commitment, from, suggested, resolved: suggested.length > 0 };
  });
  return { framework, items, unresolvedCount: items.filter((i) => !i.resolved).length };
}

export interface RemapPlanArgs {
  planId: string;
  frameworkId: string;
  /** The lead's choice per commitment; a commitment not listed takes the proposal's suggestions. */
  mappings: ReadonlyArray<{ commitmentId: string; standardAreaIds: readonly string[] }>;
}

export async function remapPlan(
  host: CoreHost,
  ctx: RequestContext,
  input: RemapPlanArgs,
): Promise<Plan> {
  const plan = await visiblePlan(host, ctx, input.planId);
  const membership = authorize(ctx, 'plan:edit', planFacts(plan));
  const frameworkId = String(input.frameworkId);
  if (frameworkId === plan.frameworkId) {
    throw ValidationError.field(
      'frameworkId',
      'The plan already uses this framework: choose another one',
    );
  }
  const proposal = await remapProposalOf(host, plan, frameworkId);
  if (!proposal)
    throw ValidationError.field('frameworkId', 'Choose a standards framework from the list');
  const targetAreas = new Map(
    (await host.prisma.standardArea.findMany({ where: { frameworkId } })).map((area) => [
      area.id,
      area,
    ]),
  );

  const errors: FieldError[] = [];
  const byCommitment = new Map(proposal.items.map((item) => [item.commitment.id, item]));
  const chosen = new Map<string, StandardArea[]>();
  input.mappings.forEach((mapping, index) => {
    const commitmentId = idOf('Commitment', mapping.commitmentId);
    if (!commitmentId || !byCommitment.has(commitmentId)) {
      errors.push({
        path: ['mappings', String(index), 'commitmentId'],
        message: 'Choose a commitment of this plan',
      });
      return;
    }
    const areas: StandardArea[] = [];
    for (const globalId of new Set(mapping.standardAreaIds)) {
      const area = targetAreas.get(idOf('StandardArea', globalId) ?? '');
      if (area) areas.push(area);
      else
        errors.push({
          path: ['mappings', String(index), 'standardAreaIds'],
          message: 'Choose standard areas of the new framework',
        });
    }
    chosen.set(commitmentId, areas.sort(byPosition));
  });
  const final = proposal.items.map((item) => ({
    item,
    areas: chosen.get(item.commitment.id) ?? item.suggested,
  }));
  for (const { item, areas } of final) {
    if (areas.length > 0) continue;
    const { reference, title, id } = item.commitment;
    errors.push({
      path: ['mappings', encodeGlobalId('Commitment', id)],
      message: `Choose at least one standard area of the new framework for ${reference} ‘${title}’`,
    });
  }
  if (errors.length > 0) throw new ValidationError(errors);

  return host.prisma.$transaction(async (tx) => {
    await lockDraft(tx, plan);
    // Re-read inside the lock: a commitment added since the proposal must be mapped too.
    const current = await planCommitments(tx, plan.id);
    const missing = current.filter((c) => !final.some((f) => f.item.commitment.id === c.id));
    if (missing.length > 0) {
      throw new ValidationError(
        missing.map((c) => ({
          path: ['mappings', encodeGlobalId('Commitment', c.id)],
          message: `${c.reference} ‘${c.title}’ was added while you were re-mapping: reload the page and choose its areas`,
        })),
      );
    }
    const commitmentIds = current.map((c) => c.id);
    await tx.commitmentStandard.deleteMany({ where: { commitmentId: { in: commitmentIds } } });
    await tx.commitmentStandard.createMany({
      data: final.flatMap(({ item, areas }) =>
        areas.map((area) => ({ commitmentId: item.commitment.id, standardAreaId: area.id })),
      ),
    });
    // Their mappings changed under any open edit form: make those forms stale.
    await tx.commitment.updateMany({
      where: { id: { in: commitmentIds } },
      data: { version: { increment: 1 } },
    });
    const droppedExclusions = await tx.planStandardAreaExclusion.findMany({
      where: { planId: plan.id, standardArea: { frameworkId: { not: frameworkId } } },
      include: { standardArea: { select: { code: true } } },
    });
    await tx.planStandardAreaExclusion.deleteMany({
      where: { planId: plan.id, standardArea: { frameworkId: { not: frameworkId } } },
    });
    return updatePlan(tx, ctx, membership, plan, {
      data: { frameworkId },
      action: 'plan.remapped',
      before: {
        frameworkId: plan.frameworkId,
        mappings: Object.fromEntries(
          current.map((c) => [c.reference, c.standards.map((s) => s.standardArea.code).sort()]),
        ),
        notApplicable: Object.fromEntries(
          droppedExclusions.map((e) => [e.standardArea.code, e.reason]),
        ),
      },
      after: {
        frameworkId,
        mappings: Object.fromEntries(
          final.map(({ item, areas }) => [item.commitment.reference, areas.map((a) => a.code)]),
        ),
      },
    });
  });
}
