// Creating and archiving a partnership's plans (its leads only).
import { Prisma, nextPlanSlug, planSlugBase, type Plan } from '@lip/db';
import { authorizeLead } from '../auth/permissions.ts';
import type { RequestContext } from '../context.ts';
import { NotFoundError, ValidationError, type FieldError } from '../errors.ts';
import type { CoreHost } from '../host.ts';
import { idOf } from '../ids.ts';
import { appendAudit } from '../services/audit.ts';
import { updatePlan, visiblePlan } from '../services/plans.ts';
import { preferredOwnerOrganisationId } from '../services/section-owner.ts';
import { whileCurrent } from '../workflow/lifecycle.ts';

const TITLE_MAX = 200;
/** Plans are for a few years; a period outside these bounds is a typing mistake. */
const EARLIEST_YEAR = 2000;
const LATEST_YEAR = 2100;
const LONGEST_PERIOD_YEARS = 10;

export interface CreatePlanArgs {
  partnershipId: string;
  kindId: string;
  frameworkId: string;
  title: string;
  periodStart: Date;
  periodEnd: Date;
}

const isRealDate = (date: Date) => !Number.isNaN(date.getTime());

function periodErrors(start: Date, end: Date): FieldError[] {
  const errors: FieldError[] = [];
  const inBounds = (date: Date) =>
    date.getUTCFullYear() >= EARLIEST_YEAR && date.getUTCFullYear() <= LATEST_YEAR;
  if (!isRealDate(start))
    errors.push({ path: ['periodStart'], message: 'Start date must be a real date' });
  else if (!inBounds(start))
    errors.push({
      path: ['periodStart'],
      message: `Start date must be between ${EARLIEST_YEAR} and ${LATEST_YEAR}`,
    });
  if (!isRealDate(end))
    errors.push({ path: ['periodEnd'], message: 'End date must be a real date' });
  else if (!inBounds(end))
    errors.push({
      path: ['periodEnd'],
      message: `End date must be between ${EARLIEST_YEAR} and ${LATEST_YEAR}`,
    });
  if (errors.length > 0) return errors;
  if (end.getTime() <= start.getTime())
    return [{ path: ['periodEnd'], message: 'End date must be after the start date' }];
  const longest = new Date(start);
  longest.setUTCFullYear(longest.getUTCFullYear() + LONGEST_PERIOD_YEARS);
  if (end.getTime() > longest.getTime())
    return [
      {
        path: ['periodEnd'],
        message: `A plan’s period must be ${LONGEST_PERIOD_YEARS} years or shorter`,
      },
    ];
  return [];
}

/**
 * Creates a draft plan with one section per installed section plugin (the host's sections, not a
 * fixed list), each owned by the organisation the plugin prefers among the partnership's
 * organisations, as the lead would otherwise set it (they can change it on the section's page).
 */
export async function createPlan(
  host: CoreHost,
  ctx: RequestContext,
  args: CreatePlanArgs,
): Promise<Plan> {
  const partnershipId = idOf('Partnership', args.partnershipId);
  if (!partnershipId) throw new NotFoundError('Partnership');
  const membership = authorizeLead(ctx, partnershipId);
  const errors: FieldError[] = [];
  const [kind, framework] = await Promise.all([
    args.kindId ? host.prisma.planKind.findUnique({ where: { id: args.kindId } }) : null,
    args.frameworkId
      ? host.prisma.standardsFramework.findUnique({ where: { id: args.frameworkId } })
      : null,
  ]);
  if (!kind) errors.push({ path: ['kindId'], message: 'Select the kind of plan' });
  if (!framework) errors.push({ path: ['frameworkId'], message: 'Select the standards framework' });
  const title = args.title.trim().replace(/\s+/g, ' ');
  if (title === '') errors.push({ path: ['title'], message: 'Enter a title for the plan' });
  else if (title.length > TITLE_MAX)
    errors.push({ path: ['title'], message: `Title must be ${TITLE_MAX} characters or fewer` });
  errors.push(...periodErrors(args.periodStart, args.periodEnd));
  if (errors.length > 0 || !kind || !framework) throw new ValidationError(errors);

  // Two leads creating plans over the same years at once may pick the same address: the unique
  // index refuses the second, which tries again with the next one free.
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await insertPlan(host, ctx, membership, {
        ...args,
        partnershipId,
        title,
        kind,
        framework,
      });
    } catch (error) {
      const slugTaken =
        error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
      if (!slugTaken || attempt === 3) throw error;
    }
  }
}

async function insertPlan(
  host: CoreHost,
  ctx: RequestContext,
  membership: ReturnType<typeof authorizeLead>,
  args: CreatePlanArgs & { title: string; kind: { id: string }; framework: { id: string } },
): Promise<Plan> {
  const { partnershipId, title, kind, framework } = args;
  return host.prisma.$transaction(async (tx) => {
    const base = planSlugBase(args.periodStart, args.periodEnd);
    const taken = await tx.plan.findMany({
      where: { partnershipId, slug: { startsWith: base } },
      select: { slug: true },
    });
    const plan = await tx.plan.create({
      data: {
        partnershipId,
        kindId: kind.id,
        frameworkId: framework.id,
        title,
        slug: nextPlanSlug(base, new Set(taken.map((p) => p.slug))),
        periodStart: args.periodStart,
        periodEnd: args.periodEnd,
        state: 'DRAFT',
      },
    });
    // Rows at version 0, as a section's first write would create them: nothing written yet.
    for (const definition of host.sections) {
      await tx.section.create({
        data: {
          planId: plan.id,
          key: definition.key,
          pluginId: definition.pluginId,
          ownerOrganisationId: await preferredOwnerOrganisationId(tx, partnershipId, definition),
          status: 'NOT_STARTED',
          version: 0,
        },
      });
    }
    await appendAudit(tx, ctx, membership, {
      partnershipId,
      planId: plan.id,
      entityType: 'Plan',
      entityId: plan.id,
      action: 'plan.create',
      after: {
        title,
        kindId: kind.id,
        frameworkId: framework.id,
        periodStart: args.periodStart.toISOString().slice(0, 10),
        periodEnd: args.periodEnd.toISOString().slice(0, 10),
        sections: host.sectionKeys,
      },
    });
    return plan;
  });
}

/** Plans in these states are in the middle of agreement: archiving would pull it from under the signatories. */
const NOT_ARCHIVABLE: Partial<Record<Plan['state'], string>> = {
  PARTNER_REVIEW:
    'This plan is in partner review, so it cannot be archived. Withdraw it from review first',
  SIGNED_OFF:
    'This plan has been signed off, so it cannot be archived. Publish it first, or start a new plan',
};

/**
 * Archives a plan: it leaves the partnership's list of plans (Partnership.plans(archived: true)
 * lists it) and is kept whole. A published plan may be archived: its published versions stay
 * public at their addresses. Like the lifecycle's transitions it is guarded by the plan's state
 * (read under the plan's lock); a `version` sent (the confirmation page sends the one it showed)
 * must also still be current, else PlanStateConflictError.
 */
export async function archivePlan(
  host: CoreHost,
  ctx: RequestContext,
  args: { planId: string; version?: number | null },
): Promise<Plan> {
  const plan = await visiblePlan(host, ctx, args.planId);
  const membership = authorizeLead(ctx, plan.partnershipId);
  return whileCurrent(
    host,
    plan,
    (locked) => args.version == null || locked.version === args.version,
    async (tx, locked) => {
      if (locked.archivedAt) throw ValidationError.field('planId', 'This plan is already archived');
      const refusal = NOT_ARCHIVABLE[locked.state];
      if (refusal) throw ValidationError.field('planId', refusal);
      const archivedAt = new Date();
      return updatePlan(tx, ctx, membership, plan, {
        data: { archivedAt },
        action: 'plan.archived',
        before: { title: locked.title, state: locked.state, archivedAt: null },
        after: { title: locked.title, state: locked.state, archivedAt },
      });
    },
  );
}
