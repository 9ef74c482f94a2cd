// What leaves core about a version: the Publication (snapshot after disclosure control plus the
// version record), for members' exports and the public page alike, and the public lookup of a
// published version, which never reaches a draft or a version under review.
import type { Organisation, PlanVersion, SignOff } from '@lip/db';
import { protectObservations } from '@lip/statistics';
import type { CoreHost } from '../host.ts';
import { encodeGlobalId, idOf } from '../ids.ts';
import { readSnapshot } from '../read-snapshot.ts';
import type { PlanSnapshot, Publication, VersionRecord } from '../snapshot.ts';

export type VersionWithSignOffs = PlanVersion & {
  signOffs: Array<SignOff & { organisation: Pick<Organisation, 'name'> }>;
};

export const signOffsInclude = {
  signOffs: {
    include: { organisation: { select: { name: true } } },
    orderBy: { createdAt: 'asc' },
  },
} as const;

const PUBLIC_STATES = new Set(['PUBLISHED', 'SUPERSEDED']);

export function isPublic(version: Pick<PlanVersion, 'state'>): boolean {
  return PUBLIC_STATES.has(version.state);
}

export function publicPathOf(partnershipSlug: string, planId: string, number: number): string {
  return `/published/${partnershipSlug}/${encodeGlobalId('Plan', planId)}/${number}`;
}

/** The snapshot with every metric's observations through disclosure control (partnership settings frozen in it). */
export function protectSnapshot(snapshot: PlanSnapshot): PlanSnapshot {
  const { smallNumberThreshold, roundingBase } = snapshot.partnership.disclosure;
  return {
    ...snapshot,
    metrics: snapshot.metrics.map((metric) => ({
      ...metric,
      observations: protectObservations(metric.observations, {
        unit: metric.unit,
        smallNumberThreshold,
        roundingBase,
      }),
    })),
  };
}

export function versionRecordOf(
  version: VersionWithSignOffs,
  snapshot: PlanSnapshot,
): VersionRecord {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return {
    number: version.number,
    state: version.state,
    createdAt: version.createdAt.toISOString(),
    publishedAt: version.publishedAt?.toISOString() ?? null,
    publicPath: isPublic(version)
      ? publicPathOf(snapshot.partnership.slug, version.planId, version.number)
      : null,
    signOffs: version.signOffs.map((s) => ({
      organisationName: s.organisation.name,
      decision: s.decision,
      conditions: s.conditions,
      signatoryName: s.signatoryName,
      signatoryRole: s.signatoryRole,
      forum: s.forum,
      decidedOn: day(s.decidedOn),
    })),
  };
}

export function publicationOf(version: VersionWithSignOffs): Publication {
  const snapshot = readSnapshot(version.snapshot);
  return { snapshot: protectSnapshot(snapshot), version: versionRecordOf(version, snapshot) };
}

export interface PublishedPlanView {
  version: VersionWithSignOffs;
  title: string;
  partnershipName: string;
  supersededBy: number | null;
}

/**
 * A published (or superseded) version for anyone, signed in or not; `number` omitted means the one
 * published now. null for anything else, so a draft or a version under review is never reachable.
 */
export async function findPublishedVersion(
  host: CoreHost,
  partnershipSlug: string,
  planGlobalId: string,
  number: number | null | undefined,
): Promise<PublishedPlanView | null> {
  const planId = idOf('Plan', planGlobalId);
  if (!planId) return null;
  const version = await host.prisma.planVersion.findFirst({
    where: {
      planId,
      plan: { partnership: { slug: partnershipSlug } },
      ...(number == null
        ? { state: 'PUBLISHED' }
        : { number, state: { in: ['PUBLISHED', 'SUPERSEDED'] } }),
    },
    orderBy: { number: 'desc' },
    include: signOffsInclude,
  });
  if (!version || version.publishedAt === null) return null;
  const snapshot = readSnapshot(version.snapshot);
  const newer =
    version.state === 'SUPERSEDED'
      ? await host.prisma.planVersion.findFirst({
          where: {
            planId,
            number: { gt: version.number },
            state: { in: ['PUBLISHED', 'SUPERSEDED'] },
          },
          orderBy: { number: 'asc' },
          select: { number: true },
        })
      : null;
  return {
    version,
    title: snapshot.plan.title,
    partnershipName: snapshot.partnership.name,
    supersededBy: newer?.number ?? null,
  };
}
