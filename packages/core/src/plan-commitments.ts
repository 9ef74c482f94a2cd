// Every commitment of a plan with its standard areas, in one statement per plan object (see
// plan-memo.ts): the readiness checks and the coverage grid both read them, so the plan page pays
// for them once whatever the number of commitments.
import type { CommitmentProgress, DeliveryRating } from '@lip/db';
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
      },
    }),
  );
}
