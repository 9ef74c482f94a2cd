// A plan's metric targets as one request reads them: once per plan object (plan-memo.ts), shared by
// the submission blockers' exception check and the sections' metric target fields (decision 027).
import type { Plan, Prisma } from '@lip/db';
import type { CoreHost } from '../host.ts';
import { memoForPlan } from '../plan-memo.ts';
import { targetInclude } from './target-record.ts';

const include = {
  ...targetInclude,
  ownerOrganisation: { select: { name: true } },
} as const satisfies Prisma.MetricTargetInclude;

export type PlanTarget = Prisma.MetricTargetGetPayload<{ include: typeof include }>;

/** The plan's targets, in the order they were made. */
export function planTargets(host: CoreHost, plan: Pick<Plan, 'id'>): Promise<PlanTarget[]> {
  return memoForPlan(plan, 'plan-metric-targets', () =>
    host.prisma.metricTarget.findMany({
      where: { planId: plan.id },
      include,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    }),
  );
}
