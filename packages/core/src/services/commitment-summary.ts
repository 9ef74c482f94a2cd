// Commitments counted for an overview: how many, how many at each stage of progress and at each
// delivery rating (counted apart: a commitment in progress but not rated is in progress and not
// rated), the one-word RAG status older clients read, and how many of
// their milestones are overdue or due soon. Written once, so the plan page, a section and any other
// client count the same way. Commitments and milestones are visible to every member of the plan's
// partnership, so the counts need no filter beyond the plan or section the caller could already see.
import type { Commitment, CommitmentProgress, DeliveryRating, Prisma, PrismaClient } from '@lip/db';
import { RAG_STATUSES, ragStatusOf, type RagStatus } from './commitment-fields.ts';
import { ukToday } from './commitment-parts.ts';

/** A milestone not done and due within this many days (from today, in the UK) is due soon. */
export const DUE_SOON_DAYS = 30;

export interface RagStatusCount {
  rating: RagStatus;
  count: number;
}

export interface ProgressCount {
  progress: CommitmentProgress;
  count: number;
}

export interface DeliveryRatingCount {
  /** null: not rated. */
  rating: DeliveryRating | null;
  count: number;
}

/** The orders the counts come in (zeros too), as a reader scans them. */
export const PROGRESS_ORDER: readonly CommitmentProgress[] = [
  'NOT_STARTED',
  'IN_PROGRESS',
  'COMPLETE',
];
export const RATING_ORDER: readonly (DeliveryRating | null)[] = ['RED', 'AMBER', 'GREEN', null];

export interface CommitmentSummary {
  total: number;
  /** Every stage of progress: not started, in progress, complete (zeros too); they add up to total. */
  byProgress: ProgressCount[];
  /** Every delivery rating: red, amber, green, then not rated (zeros too); they add up to total. */
  byDeliveryRating: DeliveryRatingCount[];
  /** Every RAG status, in the enum's order (not started, red, amber, green, complete), zeros too. */
  byRating: RagStatusCount[];
  /** Milestones not done whose due date has passed. */
  overdueMilestones: number;
  /** Milestones not done, due today or within DUE_SOON_DAYS. */
  dueSoonMilestones: number;
}

const DAY = 86_400_000;

export function emptyCommitmentSummary(): CommitmentSummary {
  return {
    total: 0,
    byProgress: PROGRESS_ORDER.map((progress) => ({ progress, count: 0 })),
    byDeliveryRating: RATING_ORDER.map((rating) => ({ rating, count: 0 })),
    byRating: RAG_STATUSES.map((rating) => ({ rating, count: 0 })),
    overdueMilestones: 0,
    dueSoonMilestones: 0,
  };
}

export interface PlanCommitmentSummaries {
  /** The whole plan (the sections given). */
  plan: CommitmentSummary;
  /** By section id; a section with no commitments is absent (its summary is empty). */
  bySection: Map<string, CommitmentSummary>;
}

/**
 * Every section's summary and the plan's from the plan's commitments (as the page already reads
 * them: `commitments`, each section's progress and rating) and one statement for the open
 * milestones due by the horizon, whatever the plan's size.
 */
export async function commitmentSummariesOfPlan(
  prisma: Pick<PrismaClient, 'milestone'>,
  commitments: Promise<ReadonlyArray<Pick<Commitment, 'sectionId' | 'progress' | 'rating'>>>,
  where: Prisma.CommitmentWhereInput,
  today: Date = ukToday(),
): Promise<PlanCommitmentSummaries> {
  const horizon = new Date(today.getTime() + DUE_SOON_DAYS * DAY);
  const [rows, milestones] = await Promise.all([
    commitments,
    prisma.milestone.findMany({
      where: { completedOn: null, commitment: where, dueDate: { lte: horizon } },
      select: { dueDate: true, commitment: { select: { sectionId: true } } },
    }),
  ]);
  const groups = new Map<
    string,
    {
      sectionId: string;
      progress: CommitmentProgress;
      rating: DeliveryRating | null;
      _count: { _all: number };
    }
  >();
  for (const row of rows) {
    const key = `${row.sectionId}|${row.progress}|${row.rating ?? ''}`;
    const group = groups.get(key);
    if (group) group._count._all += 1;
    else
      groups.set(key, {
        sectionId: row.sectionId,
        progress: row.progress,
        rating: row.rating,
        _count: { _all: 1 },
      });
  }
  const plan = emptyCommitmentSummary();
  const bySection = new Map<string, CommitmentSummary>();
  const summaryOf = (sectionId: string) => {
    let summary = bySection.get(sectionId);
    if (!summary) bySection.set(sectionId, (summary = emptyCommitmentSummary()));
    return summary;
  };
  for (const g of groups.values()) {
    const status = ragStatusOf(g);
    for (const summary of [plan, summaryOf(g.sectionId)]) {
      summary.total += g._count._all;
      summary.byProgress.find((p) => p.progress === g.progress)!.count += g._count._all;
      summary.byDeliveryRating.find((r) => r.rating === g.rating)!.count += g._count._all;
      summary.byRating.find((r) => r.rating === status)!.count += g._count._all;
    }
  }
  for (const m of milestones) {
    const overdue = m.dueDate < today;
    for (const summary of [plan, summaryOf(m.commitment.sectionId)]) {
      if (overdue) summary.overdueMilestones += 1;
      else summary.dueSoonMilestones += 1;
    }
  }
  return { plan, bySection };
}
