// What leaves core about a version: the Publication (snapshot after disclosure control plus the
// version record), for members' exports and the public page alike, and the public lookup of a
// published version, which never reaches a draft or a version under review.
import type { Organisation, Plan, PlanVersion, SignOff } from '@lip/db';
import { protectObservations } from '@lip/statistics';
import type { CoreHost } from '../host.ts';
import { idOf } from '../ids.ts';
import { readSnapshot } from '../read-snapshot.ts';
import type { PlanSnapshot, Publication, VersionRecord } from '../snapshot.ts';

export type VersionWithSignOffs = PlanVersion & {
  signOffs: Array<SignOff & { organisation: Pick<Organisation, 'name'> }>;
  plan: Pick<Plan, 'slug'>;
};

export const signOffsInclude = {
  signOffs: {
    include: { organisation: { select: { name: true } } },
    orderBy: { createdAt: 'asc' },
  },
  plan: { select: { slug: true } },
} as const;

const PUBLIC_STATES = new Set(['PUBLISHED', 'SUPERSEDED']);

export function isPublic(version: Pick<PlanVersion, 'state'>): boolean {
  return PUBLIC_STATES.has(version.state);
}

/**
 * The public address of a plan, `/published/northshire/2026-29` (whatever version is published
 * now), or of one of its versions, `/published/northshire/2026-29/2`.
 */
export function publicPathOf(partnershipSlug: string, planSlug: string, number?: number): string {
  const plan = `/published/${encodeURIComponent(partnershipSlug)}/${encodeURIComponent(planSlug)}`;
  return number === undefined ? plan : `${plan}/${number}`;
}

/**
 * The snapshot with every metric's observations through disclosure control (partnership settings
 * frozen in it), and each section's fields as they may be published (counts of children protected
 * and not-for-publication fields left out, worked out when the version was frozen).
 */
export function protectSnapshot(snapshot: PlanSnapshot): PlanSnapshot {
  const { smallNumberThreshold, roundingBase } = snapshot.partnership.disclosure;
  return {
    ...snapshot,
    sections: snapshot.sections.map(({ publishedFields, ...section }) =>
      publishedFields ? { ...section, fields: publishedFields } : section,
    ),
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
      ? publicPathOf(snapshot.partnership.slug, version.plan.slug, version.number)
      : null,
    signOffs: version.signOffs.map((s) => ({
      organisationName: s.organisation.name,
      decision: s.decision,
      conditions: s.conditions,
      concerns: s.decision === 'ACKNOWLEDGED' ? s.concerns : null,
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
  partnershipSlug: string;
  title: string;
  partnershipName: string;
  supersededBy: number | null;
}

/** Which plan: by its readable slug ("2026-29"), or by its global id (older addresses). */
export type PublishedPlanKey = { planSlug: string } | { planId: string };

/**
 * A published (or superseded) version for anyone, signed in or not; `number` omitted means the one
 * published now. null for anything else, so a draft or a version under review is never reachable.
 */
export async function findPublishedVersion(
  host: CoreHost,
  partnershipSlug: string,
  key: PublishedPlanKey,
  number: number | null | undefined,
): Promise<PublishedPlanView | null> {
  const planId = 'planId' in key ? idOf('Plan', key.planId) : null;
  if ('planId' in key && !planId) return null;
  const planWhere = 'planSlug' in key ? { slug: key.planSlug } : { id: planId ?? '' };
  const version = await host.prisma.planVersion.findFirst({
    where: {
      plan: { ...planWhere, partnership: { slug: partnershipSlug } },
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
            planId: version.planId,
            number: { gt: version.number },
            state: { in: ['PUBLISHED', 'SUPERSEDED'] },
          },
          orderBy: { number: 'asc' },
          select: { number: true },
        })
      : null;
  return {
    version,
    partnershipSlug,
    title: snapshot.plan.title,
    partnershipName: snapshot.partnership.name,
    supersededBy: newer?.number ?? null,
  };
}
