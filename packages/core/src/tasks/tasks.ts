// "My tasks": what the viewer should do next across their partnerships' current plans, worked out
// from the same rules the pages use (section ownership, readiness, submission blockers, sign-off
// permissions), so a task is never offered that the viewer would then be refused.
import type { Plan } from '@lip/db';
import { can, planFacts } from '../auth/permissions.ts';
import type { Membership, RequestContext } from '../context.ts';
import type { CoreHost } from '../host.ts';
import { unexplainedRedMetrics } from '../metrics/exceptions.ts';
import { readinessOf } from '../schema/section-readiness.ts';
import { sectionsOfPlan } from '../schema/section-view.ts';
import { DUE_SOON_DAYS } from '../services/commitment-summary.ts';
import { defaultOwnerOrganisationId } from '../services/section-owner.ts';
import { submissionBlockersOf } from '../workflow/blockers.ts';
import { signatoriesOf } from '../workflow/sign-off.ts';

export type TaskKind =
  /** A section the viewer's organisation writes fails readiness checks. */
  | 'FINISH_SECTION'
  /** A red metric target the viewer's organisation owns has no commentary. */
  | 'EXPLAIN_RED_METRIC'
  /** A milestone of a commitment the viewer's organisation owns is due soon or overdue. */
  | 'MILESTONE_DUE'
  /** Unresolved comment threads on a section the viewer's organisation writes. */
  | 'ANSWER_COMMENTS'
  /** The lead: what stops the draft being submitted. */
  | 'CLEAR_BLOCKERS'
  /** The lead: the draft can be submitted for partner review. */
  | 'SUBMIT_PLAN'
  /** A signatory: the version under review waits for their organisation's decision. */
  | 'RECORD_SIGN_OFF'
  /** The parent carer forum: the version under review waits for its acknowledgement. */
  | 'ACKNOWLEDGE'
  /** The lead: the plan is signed off and can be published. */
  | 'PUBLISH_PLAN';

export interface Task {
  kind: TaskKind;
  plan: Plan;
  partnershipName: string;
  /** The section the task is about, when it is about one. */
  sectionKey: string | null;
  sectionTitle: string | null;
  /** The organisation the viewer acts for (sign-offs, acknowledgements). */
  organisationId: string | null;
  commitmentId: string | null;
  metricTargetId: string | null;
  /** The thing named (a milestone, a metric), when there is one. */
  subject: string | null;
  /** How many things there are to do (checks failing, threads open, blockers). */
  count: number;
  /** When it is due, where the plan says (milestones). */
  dueOn: Date | null;
}

/** Milestones due within this many days are tasks (as the plan page counts them due soon); overdue ones always are. */
export const MILESTONE_HORIZON_DAYS = DUE_SOON_DAYS;

const WRITERS = new Set(['PARTNERSHIP_LEAD', 'SECTION_EDITOR']);

const blank = (plan: Plan, partnershipName: string) => ({
  plan,
  partnershipName,
  sectionKey: null,
  sectionTitle: null,
  organisationId: null,
  commitmentId: null,
  metricTargetId: null,
  subject: null,
  count: 1,
  dueOn: null,
});

/** Overdue first, then by due date, then the order the kinds are listed in, then by plan. */
const KIND_ORDER: TaskKind[] = [
  'RECORD_SIGN_OFF',
  'ACKNOWLEDGE',
  'PUBLISH_PLAN',
  'SUBMIT_PLAN',
  'CLEAR_BLOCKERS',
  'EXPLAIN_RED_METRIC',
  'FINISH_SECTION',
  'ANSWER_COMMENTS',
  'MILESTONE_DUE',
];

export function compareTasks(a: Task, b: Task): number {
  const due = (t: Task) => t.dueOn?.getTime() ?? Number.POSITIVE_INFINITY;
  if (due(a) !== due(b)) return due(a) - due(b);
  const kind = KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind);
  if (kind !== 0) return kind;
  return (
    a.plan.title.localeCompare(b.plan.title) ||
    (a.sectionKey ?? '').localeCompare(b.sectionKey ?? '')
  );
}

async function draftTasks(
  host: CoreHost,
  ctx: RequestContext,
  membership: Membership,
  plan: Plan,
  partnershipName: string,
): Promise<Task[]> {
  const tasks: Task[] = [];
  const base = blank(plan, partnershipName);
  if (membership.roles.includes('PARTNERSHIP_LEAD')) {
    // Possible personal data is confirmed on the submit page itself: submitting is the next task.
    const blockers = await submissionBlockersOf(host, plan, { personalData: false });
    if (blockers.length > 0)
      tasks.push({ ...base, kind: 'CLEAR_BLOCKERS', count: blockers.length });
    else if (can(ctx, 'plan:submit', planFacts(plan))) tasks.push({ ...base, kind: 'SUBMIT_PLAN' });
    return tasks;
  }
  if (!membership.roles.includes('SECTION_EDITOR')) return tasks;
  for (const view of await sectionsOfPlan(host, plan)) {
    const owner = await defaultOwnerOrganisationId(host, view);
    if (owner !== membership.organisationId) continue;
    const failing = (await readinessOf(host, view)).filter((check) => !check.passed).length;
    if (failing === 0) continue;
    tasks.push({
      ...base,
      kind: 'FINISH_SECTION',
      sectionKey: view.definition.key,
      sectionTitle: view.definition.title,
      count: failing,
    });
  }
  const red = await unexplainedRedMetrics(host, plan);
  if (red.length > 0) {
    const owned = new Set(
      (
        await host.prisma.metricTarget.findMany({
          where: {
            id: { in: red.map((m) => m.targetId) },
            ownerOrganisationId: membership.organisationId,
          },
          select: { id: true },
        })
      ).map((target) => target.id),
    );
    for (const metric of red.filter((m) => owned.has(m.targetId))) {
      tasks.push({
        ...base,
        kind: 'EXPLAIN_RED_METRIC',
        sectionKey: metric.sectionKey,
        metricTargetId: metric.targetId,
        subject: metric.metricTitle,
      });
    }
  }
  return tasks;
}

async function reviewTasks(
  host: CoreHost,
  ctx: RequestContext,
  plan: Plan,
  partnershipName: string,
): Promise<Task[]> {
  return (await signatoriesOf(host, ctx, plan))
    .filter((signatory) => signatory.viewerCanRecord)
    .map((signatory) => ({
      ...blank(plan, partnershipName),
      kind: signatory.kind === 'ACKNOWLEDGEMENT' ? 'ACKNOWLEDGE' : 'RECORD_SIGN_OFF',
      organisationId: signatory.organisation.id,
      subject: signatory.organisation.name,
    }));
}

/** Work that goes on whatever the plan's state: milestones and open comment threads. */
async function ongoingTasks(
  host: CoreHost,
  ctx: RequestContext,
  membership: Membership,
  plan: Plan,
  partnershipName: string,
  today: Date,
): Promise<Task[]> {
  if (!membership.roles.some((role) => WRITERS.has(role))) return [];
  const base = blank(plan, partnershipName);
  const horizon = new Date(today.getTime() + MILESTONE_HORIZON_DAYS * 86_400_000);
  const milestones = await host.prisma.milestone.findMany({
    where: {
      completedOn: null,
      dueDate: { lte: horizon },
      commitment: { planId: plan.id, ownerOrganisationId: membership.organisationId },
    },
    include: { commitment: { select: { id: true, section: { select: { key: true } } } } },
    orderBy: [{ dueDate: 'asc' }, { id: 'asc' }],
  });
  const tasks: Task[] = milestones.map((milestone) => ({
    ...base,
    kind: 'MILESTONE_DUE',
    sectionKey: milestone.commitment.section.key,
    commitmentId: milestone.commitment.id,
    subject: milestone.title,
    dueOn: milestone.dueDate,
  }));
  const views = await sectionsOfPlan(host, plan);
  for (const view of views) {
    if (!view.row) continue;
    if ((await defaultOwnerOrganisationId(host, view)) !== membership.organisationId) continue;
    const open = await host.prisma.comment.count({
      where: {
        sectionId: view.row.id,
        parentId: null,
        resolvedAt: null,
        // Threads the viewer started are waiting on someone else.
        authorId: { not: ctx.user?.id ?? '' },
      },
    });
    if (open === 0) continue;
    tasks.push({
      ...base,
      kind: 'ANSWER_COMMENTS',
      sectionKey: view.definition.key,
      sectionTitle: view.definition.title,
      count: open,
    });
  }
  return tasks;
}

/** The viewer's tasks across every partnership they belong to, most urgent first. */
export async function tasksOf(
  host: CoreHost,
  ctx: RequestContext,
  today: Date = new Date(),
): Promise<Task[]> {
  if (!ctx.user || ctx.memberships.size === 0) return [];
  const plans = await host.prisma.plan.findMany({
    where: {
      partnershipId: { in: [...ctx.memberships.keys()] },
      archivedAt: null,
      state: { in: ['DRAFT', 'PARTNER_REVIEW', 'SIGNED_OFF'] },
    },
    include: { partnership: { select: { name: true } } },
    orderBy: [{ title: 'asc' }, { id: 'asc' }],
  });
  const tasks: Task[] = [];
  for (const { partnership, ...plan } of plans) {
    const membership = ctx.memberships.get(plan.partnershipId);
    if (!membership) continue;
    if (plan.state === 'DRAFT')
      tasks.push(...(await draftTasks(host, ctx, membership, plan, partnership.name)));
    if (plan.state === 'PARTNER_REVIEW')
      tasks.push(...(await reviewTasks(host, ctx, plan, partnership.name)));
    if (plan.state === 'SIGNED_OFF' && can(ctx, 'plan:publish', planFacts(plan)))
      tasks.push({ ...blank(plan, partnership.name), kind: 'PUBLISH_PLAN' });
    tasks.push(...(await ongoingTasks(host, ctx, membership, plan, partnership.name, today)));
  }
  return tasks.sort(compareTasks);
}
