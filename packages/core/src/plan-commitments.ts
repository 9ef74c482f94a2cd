// Every commitment of a plan with its standard areas and budget lines, in one statement per plan
// object (see plan-memo.ts): the readiness checks, the coverage grid, the commitment counts and the
// budget totals all read them, so the plan page pays for them once whatever the number of
// commitments.
import type { CommitmentProgress, DeliveryRating, FundingBlock, Prisma } from '@lip/db';
import type { CoreHost } from './host.ts';
import { memoForPlan } from './plan-memo.ts';

export interface PlanCommitmentRow {
  id: string;
  sectionId: string;
  reference: string;
  title: string;
  progress: CommitmentProgress;
  rating: DeliveryRating | null;
  section: { key: string };
  standards: Array<{ standardArea: { id: string; code: string; frameworkId: string } }>;
  budgetLines: Array<{ block: FundingBlock; amount: Prisma.Decimal; financialYear: number }>;
}

/** The plan's commitments by reference (every section, installed or not), read once per plan. */
export function commitmentsOfPlan(
  host: CoreHost,
  plan: { id: string },
): Promise<PlanCommitmentRow[]> {
  return memoForPlan(plan, 'plan-commitments', () =>
    host.prisma.commitment.findMany({
      where: { planId: plan.id },
      orderBy: { reference: 'asc' },
      select: {
        id: true,
        sectionId: true,
        reference: true,
        title: true,
        progress: true,
        rating: true,
        section: { select: { key: true } },
        standards: {
          select: { standardArea: { select: { id: true, code: true, frameworkId: true } } },
        },
        budgetLines: { select: { block: true, amount: true, financialYear: true } },
      },
    }),
  );
}
