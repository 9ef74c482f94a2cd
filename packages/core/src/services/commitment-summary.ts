// Commitments counted for an overview: how many, how many at each RAG status, and how many of
// their milestones are overdue or due soon. Written once, so the plan page, a section and any other
// client count the same way. Commitments and milestones are visible to every member of the plan's
// partnership, so the counts need no filter beyond the plan or section the caller could already see.
import type { Prisma, PrismaClient } from '@lip/db';
import { RAG_STATUSES, ragStatusOf, type RagStatus } from './commitment-fields.ts';
import { ukToday } from './commitment-parts.ts';

/** A milestone not done and due within this many days (from today, in the UK) is due soon. */
export const DUE_SOON_DAYS = 30;

export interface RagStatusCount {
  rating: RagStatus;
  count: number;
}

export interface CommitmentSummary {
  total: number;
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
    byRating: RAG_STATUSES.map((rating) => ({ rating, count: 0 })),
    overdueMilestones: 0,
    dueSoonMilestones: 0,
  };
}

/** Counts the commitments `where` selects, and their open milestones by due date. */
export async function commitmentSummaryOf(
  prisma: Pick<PrismaClient, 'commitment' | 'milestone'>,
  where: Prisma.CommitmentWhereInput,
  today: Date = ukToday(),
): Promise<CommitmentSummary> {
  const horizon = new Date(today.getTime() + DUE_SOON_DAYS * DAY);
  const open = { completedOn: null, commitment: where } satisfies Prisma.MilestoneWhereInput;
  const [groups, overdueMilestones, dueSoonMilestones] = await Promise.all([
    // Counted by progress and rating, then read as the one-word status the overview rolls up.
    prisma.commitment.groupBy({ by: ['progress', 'rating'], where, _count: { _all: true } }),
    prisma.milestone.count({ where: { ...open, dueDate: { lt: today } } }),
    prisma.milestone.count({ where: { ...open, dueDate: { gte: today, lte: horizon } } }),
  ]);
  const counts = new Map<RagStatus, number>();
  for (const g of groups) {
    const status = ragStatusOf(g);
    counts.set(status, (counts.get(status) ?? 0) + g._count._all);
  }
  const byRating = RAG_STATUSES.map((rating) => ({
    rating,
    count: counts.get(rating) ?? 0,
  }));
  return {
    total: byRating.reduce((sum, r) => sum + r.count, 0),
    byRating,
    overdueMilestones,
    dueSoonMilestones,
  };
}
