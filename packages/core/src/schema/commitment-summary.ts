// The overview's counts: Section.commitmentSummary and Plan.commitmentSummary (commitments by
// progress and by delivery rating, counted apart; the older one-word RAG count; milestones overdue
// and due soon), and Plan.sectionsComplete.
import type { ObjectRef } from '@pothos/core';
import type { Plan } from '@lip/db';
import type { LipBuilder, LipSchemaTypes } from '../builder.ts';
import type { CoreHost } from '../host.ts';
import { commitmentsOfPlan } from '../plan-commitments.ts';
import { memoForPlan } from '../plan-memo.ts';
import {
  commitmentSummariesOfPlan,
  DUE_SOON_DAYS,
  emptyCommitmentSummary,
  type CommitmentSummary,
  type DeliveryRatingCount,
  type ProgressCount,
  type RagStatusCount,
} from '../services/commitment-summary.ts';
import type { addScalarsAndEnums } from './scalars.ts';
import { sectionProgressOf } from './section-readiness.ts';
import { sectionsOfPlan } from './section-view.ts';
import type { SectionRefType } from './section.ts';

type Enums = ReturnType<typeof addScalarsAndEnums>;
type PlanRefType = ObjectRef<PothosSchemaTypes.ExtendDefaultTypes<LipSchemaTypes>, Plan>;

export function addCommitmentSummary(
  builder: LipBuilder,
  host: CoreHost,
  enums: Enums,
  SectionRef: SectionRefType,
  PlanRef: PlanRefType,
) {
  const RagStatusCountRef = builder.objectRef<RagStatusCount>('RagStatusCount').implement({
    description: 'How many commitments have one RAG status.',
    fields: (t) => ({
      rating: t.field({ type: enums.RagStatusEnum, resolve: (r) => r.rating }),
      count: t.exposeInt('count'),
    }),
  });

  const ProgressCountRef = builder.objectRef<ProgressCount>('CommitmentProgressCount').implement({
    description: 'How many commitments have got this far.',
    fields: (t) => ({
      progress: t.field({ type: enums.CommitmentProgressEnum, resolve: (p) => p.progress }),
      count: t.exposeInt('count'),
    }),
  });

  const DeliveryRatingCountRef = builder
    .objectRef<DeliveryRatingCount>('DeliveryRatingCount')
    .implement({
      description: 'How many commitments have one delivery rating, or are not rated.',
      fields: (t) => ({
        rating: t.field({
          type: enums.DeliveryRatingEnum,
          nullable: true,
          description: 'null counts the commitments not rated.',
          resolve: (r) => r.rating,
        }),
        count: t.exposeInt('count'),
      }),
    });

  const CommitmentSummaryRef = builder.objectRef<CommitmentSummary>('CommitmentSummary').implement({
    description:
      'Commitments counted: in total, by progress and by delivery rating (apart), with their milestones that are not done and overdue or due soon.',
    fields: (t) => ({
      total: t.exposeInt('total'),
      byProgress: t.field({
        type: [ProgressCountRef],
        description:
          'Every stage of progress in order (not started, in progress, complete), including those with no commitments; the counts add up to total.',
        resolve: (s) => s.byProgress,
      }),
      byDeliveryRating: t.field({
        type: [DeliveryRatingCountRef],
        description:
          'Every delivery rating in order (red, amber, green, then not rated as null), including those with no commitments; the counts add up to total, whatever the progress.',
        resolve: (s) => s.byDeliveryRating,
      }),
      byRating: t.field({
        type: [RagStatusCountRef],
        deprecationReason:
          'Reads progress and rating as one word, so a commitment in progress but not rated counts as not started. Use byProgress and byDeliveryRating.',
        description:
          'Every RAG status in order (not started, red, amber, green, complete), including those with no commitments.',
        resolve: (s) => s.byRating,
      }),
      overdueMilestones: t.exposeInt('overdueMilestones', {
        description: 'Milestones not done whose due date (a UK calendar date) has passed.',
      }),
      dueSoonMilestones: t.exposeInt('dueSoonMilestones', {
        description: `Milestones not done and due today or within ${DUE_SOON_DAYS} days.`,
      }),
    }),
  });

  // Every section's summary and the plan's come from one load per plan and execution.
  const installed = new Set(host.sectionKeys);
  const summariesOf = (plan: Plan) =>
    memoForPlan(plan, 'commitment-summaries', () =>
      commitmentSummariesOfPlan(
        host.prisma,
        commitmentsOfPlan(host, plan).then((rows) =>
          rows.filter((row) => installed.has(row.section.key)),
        ),
        { planId: plan.id, section: { key: { in: host.sectionKeys } } },
      ),
    );

  builder.objectField(SectionRef, 'progress', (t) =>
    t.field({
      type: enums.SectionStatusEnum,
      description:
        'Its place on the task list: COMPLETE when every readiness check passes, NOT_STARTED while none does, else IN_PROGRESS; the stored status when its plugin declares no check. What Plan.sectionsComplete counts.',
      resolve: (section) => sectionProgressOf(host, section),
    }),
  );

  builder.objectField(SectionRef, 'commitmentSummary', (t) =>
    t.field({
      type: CommitmentSummaryRef,
      description: "The section's commitments counted.",
      resolve: async (section) =>
        (section.row && (await summariesOf(section.plan)).bySection.get(section.row.id)) ??
        emptyCommitmentSummary(),
    }),
  );

  builder.objectFields(PlanRef, (t) => ({
    commitmentSummary: t.field({
      type: CommitmentSummaryRef,
      description: "The commitments of every section of the plan (installed plugins' sections).",
      resolve: async (plan) => (await summariesOf(plan)).plan,
    }),
    sectionsComplete: t.int({
      description:
        'How many of Plan.sections are complete: every readiness check passes, or, for a section whose plugin has no checks, its status is COMPLETE.',
      resolve: async (plan) => {
        let complete = 0;
        for (const view of await sectionsOfPlan(host, plan))
          if ((await sectionProgressOf(host, view)) === 'COMPLETE') complete += 1;
        return complete;
      },
    }),
  }));
}
