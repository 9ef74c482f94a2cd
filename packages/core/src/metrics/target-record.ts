// A metric target as core reads it (with its metric, plan and commitment), in its own module so
// the conflict error (errors.ts) can carry one without importing the target service.
import type { Prisma } from '@lip/db';

export const targetInclude = {
  metric: true,
  plan: { select: { id: true, partnershipId: true, state: true, archivedAt: true } },
  commitment: { select: { id: true, section: { select: { key: true } } } },
} as const satisfies Prisma.MetricTargetInclude;

export type TargetRecord = Prisma.MetricTargetGetPayload<{ include: typeof targetInclude }>;
