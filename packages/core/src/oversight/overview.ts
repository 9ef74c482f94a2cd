// What an oversight membership reads across the partnerships it covers, computed only from each
// plan's PUBLISHED version (its Publication: the frozen snapshot after disclosure control) and the
// plan's submission state. Nothing here reads a live draft: no commitment, section, target or
// comment table is queried, so a draft's content cannot reach an overseer.
import type { PlanState, PrismaClient } from '@lip/db';
import { ValidationError } from '../errors.ts';
import { ENGLAND_CODE, regionCode } from '../metrics/geography.ts';
import type { PlanSnapshot, Publication, SnapshotObservation } from '../snapshot.ts';
import { readSnapshot } from '../read-snapshot.ts';
import {
  protectSnapshot,
  publicPathOf,
  signOffsInclude,
  versionRecordOf,
} from '../workflow/publication.ts';
import { expectedSignatories } from '../workflow/signatories.ts';
import { covers, sameRegion, type OversightScope } from './scope.ts';

/** One plan of a partnership in scope (or the partnership alone, when it has no plan yet). */
export interface OversightEntry {
  partnership: {
    id: string;
    slug: string;
    name: string;
    region: string | null;
    icbCode: string | null;
    localAuthorityCodes: string[];
  };
  plan: { id: string; slug: string; state: PlanState } | null;
  /** The version published now, disclosure applied; null when none is. */
  publication: Publication | null;
  /** Signing organisations that have not decided on the version in partner review (0 otherwise). */
  signOffsOutstanding: number;
}

export interface OversightRow extends OversightEntry {
  published: {
    title: string;
    version: number;
    publishedAt: Date;
    path: string;
    coveredAreas: number;
    notApplicableAreas: number;
    uncoveredAreas: number;
    redTargetsWithCommentary: number;
    redTargetsWithoutCommentary: number;
  } | null;
}

export const OVERSIGHT_SORTS = [
  'NAME',
  'REGION',
  'STATE',
  'LAST_PUBLISHED',
  'UNCOVERED_AREAS',
  'RED_TARGETS',
  'SIGN_OFFS_OUTSTANDING',
] as const;
export type OversightSort = (typeof OVERSIGHT_SORTS)[number];

export interface OversightFilter {
  region?: string | null;
  icbCode?: string | null;
  state?: PlanState | null;
}

const FILTER_MAX = 100;

function filterOf(filter: OversightFilter) {
  const text = (path: string, value: string | null | undefined) => {
    const trimmed = value?.trim() ?? '';
    if (trimmed.length > FILTER_MAX)
      throw new ValidationError(
        [{ path: [path], message: `Must be ${FILTER_MAX} characters or fewer` }],
        `${path} must be ${FILTER_MAX} characters or fewer`,
      );
    return trimmed === '' ? null : trimmed;
  };
  return {
    region: text('region', filter.region),
    icbCode: text('icbCode', filter.icbCode)?.toUpperCase() ?? null,
    state: filter.state ?? null,
  };
}

/** Published snapshots' summaries as oversight reads them, by version id (see below). */
const summaries = new Map<string, PlanSnapshot>();
const SUMMARIES_KEPT = 1000;

/**
 * What the plans have published, as Publications. Each version's snapshot is read from its summary
 * (PlanVersion.snapshotSummary: commitments and sections emptied, which no oversight page shows;
 * coverage lists the references it needs), then checked and put through disclosure control once
 * per process: a version's snapshot never changes (a trigger refuses it), so the result is kept by
 * version id, and only versions not seen yet are read. At national scale (153 plans of 400
 * commitments) reading the whole snapshots was 70 MB of JSON per oversight page, most of its
 * 2.5 s (docs/benchmarks.md, national benchmark; decision 029).
 */
async function publishedVersions(
  prisma: PrismaClient,
  planIds: string[],
): Promise<Array<{ planId: string; publication: Publication }>> {
  const versions = await prisma.planVersion.findMany({
    where: { planId: { in: planIds }, state: 'PUBLISHED', publishedAt: { not: null } },
    include: signOffsInclude,
    omit: { snapshot: true, snapshotSummary: true },
  });
  const unseen = versions.filter((v) => !summaries.has(v.id)).map((v) => v.id);
  if (unseen.length > 0) {
    const rows = await prisma.planVersion.findMany({
      where: { id: { in: unseen } },
      select: { id: true, snapshotSummary: true },
    });
    for (const row of rows) {
      if (summaries.size >= SUMMARIES_KEPT) summaries.delete(summaries.keys().next().value!);
      summaries.set(row.id, protectSnapshot(readSnapshot(row.snapshotSummary)));
    }
  }
  return versions.flatMap((version) => {
    const snapshot = summaries.get(version.id);
    if (!snapshot) return [];
    const record = versionRecordOf({ ...version, snapshot: null, snapshotSummary: null }, snapshot);
    return [{ planId: version.planId, publication: { snapshot, version: record } }];
  });
}

/** The partnerships in scope (filtered), each plan not archived, and what each has published. */
export async function oversightEntries(
  prisma: PrismaClient,
  scope: OversightScope,
  filter: OversightFilter = {},
): Promise<OversightEntry[]> {
  const { region, icbCode, state } = filterOf(filter);
  const partnerships = (
    await prisma.partnership.findMany({
      select: {
        id: true,
        slug: true,
        name: true,
        region: true,
        icbCode: true,
        localAuthorityCodes: true,
      },
      orderBy: { name: 'asc' },
    })
  ).filter(
    (p) =>
      covers(scope, p.region) &&
      (region === null || sameRegion(region, p.region)) &&
      (icbCode === null || p.icbCode?.toUpperCase() === icbCode),
  );
  const ids = partnerships.map((p) => p.id);
  const plans = await prisma.plan.findMany({
    where: { partnershipId: { in: ids }, archivedAt: null },
    // Only what says which plan and where it stands: never its (draft) title or content.
    select: { id: true, slug: true, state: true, partnershipId: true },
    orderBy: { slug: 'desc' },
  });
  const planIds = plans.map((p) => p.id);
  const [published, inReview] = await Promise.all([
    publishedVersions(prisma, planIds),
    prisma.planVersion.findMany({
      where: { planId: { in: planIds }, state: 'PARTNER_REVIEW' },
      select: { planId: true, signOffs: { select: { organisationId: true } } },
    }),
  ]);
  const publicationByPlan = new Map(published.map((p) => [p.planId, p.publication]));
  const decidedByPlan = new Map(
    inReview.map((v) => [v.planId, new Set(v.signOffs.map((s) => s.organisationId))]),
  );
  const entries: OversightEntry[] = [];
  for (const partnership of partnerships) {
    const own = plans.filter((p) => p.partnershipId === partnership.id);
    const expected =
      own.some((p) => p.state === 'PARTNER_REVIEW') && own.length > 0
        ? await expectedSignatories(prisma, partnership.id)
        : [];
    if (own.length === 0) {
      if (state === null)
        entries.push({ partnership, plan: null, publication: null, signOffsOutstanding: 0 });
      continue;
    }
    for (const plan of own) {
      if (state !== null && plan.state !== state) continue;
      const decided = plan.state === 'PARTNER_REVIEW' ? decidedByPlan.get(plan.id) : undefined;
      entries.push({
        partnership,
        plan: { id: plan.id, slug: plan.slug, state: plan.state },
        publication: publicationByPlan.get(plan.id) ?? null,
        signOffsOutstanding: decided
          ? expected.filter((e) => !decided.has(e.organisation.id)).length
          : 0,
      });
    }
  }
  return entries;
}

function rowOf(entry: OversightEntry): OversightRow {
  const publication = entry.publication;
  if (!publication || !entry.plan) return { ...entry, published: null };
  const { snapshot, version } = publication;
  const covered = snapshot.coverage.filter(
    (r) => r.notApplicableReason === null && r.commitmentReferences.length > 0,
  ).length;
  const notApplicable = snapshot.coverage.filter((r) => r.notApplicableReason !== null).length;
  const red = snapshot.metrics.filter((m) => m.rag === 'RED');
  const withCommentary = red.filter((m) => (m.commentary ?? '').trim() !== '').length;
  return {
    ...entry,
    published: {
      title: snapshot.plan.title,
      version: version.number,
      publishedAt: new Date(version.publishedAt ?? snapshot.takenAt),
      path: version.publicPath ?? publicPathOf(snapshot.partnership.slug, entry.plan.slug),
      coveredAreas: covered,
      notApplicableAreas: notApplicable,
      uncoveredAreas: snapshot.coverage.length - covered - notApplicable,
      redTargetsWithCommentary: withCommentary,
      redTargetsWithoutCommentary: red.length - withCommentary,
    },
  };
}

const STATE_ORDER: Record<PlanState, number> = {
  DRAFT: 0,
  PARTNER_REVIEW: 1,
  SIGNED_OFF: 2,
  PUBLISHED: 3,
  SUPERSEDED: 4,
};

/** The table of partnerships: by name unless sorted otherwise (counts and dates largest first). */
export async function oversightRows(
  prisma: PrismaClient,
  scope: OversightScope,
  filter: OversightFilter = {},
  sort: OversightSort = 'NAME',
): Promise<OversightRow[]> {
  const rows = (await oversightEntries(prisma, scope, filter)).map(rowOf);
  const byName = (a: OversightRow, b: OversightRow) =>
    a.partnership.name.localeCompare(b.partnership.name) ||
    (b.plan?.slug ?? '').localeCompare(a.plan?.slug ?? '');
  const largestFirst = (key: (row: OversightRow) => number) => (a: OversightRow, b: OversightRow) =>
    key(b) - key(a) || byName(a, b);
  const compare: Record<OversightSort, (a: OversightRow, b: OversightRow) => number> = {
    NAME: byName,
    REGION: (a, b) =>
      (a.partnership.region ?? '').localeCompare(b.partnership.region ?? '') || byName(a, b),
    STATE: (a, b) =>
      (a.plan ? STATE_ORDER[a.plan.state] : -1) - (b.plan ? STATE_ORDER[b.plan.state] : -1) ||
      byName(a, b),
    LAST_PUBLISHED: largestFirst((r) => r.published?.publishedAt.getTime() ?? 0),
    UNCOVERED_AREAS: largestFirst((r) => r.published?.uncoveredAreas ?? -1),
    RED_TARGETS: largestFirst((r) =>
      r.published
        ? r.published.redTargetsWithCommentary + r.published.redTargetsWithoutCommentary
        : -1,
    ),
    SIGN_OFFS_OUTSTANDING: largestFirst((r) => r.signOffsOutstanding),
  };
  return rows.sort(compare[sort]);
}

// ------------------------------------------------------------------------------------ heat map

export type HeatMapStatus = 'COVERED' | 'NOT_APPLICABLE' | 'GAP' | 'NOT_IN_FRAMEWORK';

export interface HeatMap {
  areas: Array<{ code: string; title: string }>;
  rows: Array<{
    entry: OversightEntry;
    /** One per area of `areas`, in order; empty when nothing is published. */
    cells: HeatMapStatus[];
  }>;
}

/** Partnerships × standard areas of their published plans: covered, not applicable, or a gap. */
export async function oversightHeatMap(
  prisma: PrismaClient,
  scope: OversightScope,
  filter: OversightFilter = {},
): Promise<HeatMap> {
  const entries = await oversightEntries(prisma, scope, filter);
  const areas = new Map<string, { code: string; title: string; position: number }>();
  for (const { publication } of entries)
    for (const area of publication?.snapshot.framework.areas ?? [])
      if (!areas.has(area.code))
        areas.set(area.code, { code: area.code, title: area.title, position: area.position });
  const columns = [...areas.values()].sort(
    (a, b) => a.position - b.position || a.code.localeCompare(b.code),
  );
  return {
    areas: columns.map(({ code, title }) => ({ code, title })),
    rows: entries.map((entry) => {
      const coverage = entry.publication?.snapshot.coverage;
      if (!coverage) return { entry, cells: [] };
      const byCode = new Map(coverage.map((r) => [r.areaCode, r]));
      return {
        entry,
        cells: columns.map(({ code }): HeatMapStatus => {
          const row = byCode.get(code);
          if (!row) return 'NOT_IN_FRAMEWORK';
          if (row.notApplicableReason !== null) return 'NOT_APPLICABLE';
          return row.commitmentReferences.length > 0 ? 'COVERED' : 'GAP';
        }),
      };
    }),
  };
}

// ------------------------------------------------------------------------------ one metric

export interface Figure {
  geographyCode: string;
  period: string;
  /** The published value (after disclosure control); null when suppressed or not available. */
  value: string | null;
  /** The disclosure symbol in place of a value (c, x, z, low, u), if any. */
  symbol: string | null;
}

export interface MetricComparison {
  code: string;
  title: string;
  unit: string;
  polarity: string;
  england: Figure | null;
  /** The regions of the partnerships compared, by name. */
  regions: Array<{ region: string; figure: Figure }>;
  partnerships: Array<{
    entry: OversightEntry;
    figure: Figure | null;
    target: { value: string; period: string };
    rag: string;
    commentary: string | null;
  }>;
}

const figureOf = (o: SnapshotObservation): Figure => ({
  geographyCode: o.geographyCode,
  period: o.period,
  value: o.value,
  symbol: o.symbol,
});

/** The newest total (breakdown "") among observations, by period text (periods sort as text). */
function newest(observations: SnapshotObservation[]): SnapshotObservation | null {
  return observations
    .filter((o) => o.breakdown === '')
    .reduce<SnapshotObservation | null>(
      (best, o) => (!best || o.period > best.period ? o : best),
      null,
    );
}

/** The catalogue metics the published plans in scope set targets on, by title. */
export async function oversightMetrics(
  prisma: PrismaClient,
  scope: OversightScope,
): Promise<Array<{ code: string; title: string; partnershipCount: number }>> {
  const entries = await oversightEntries(prisma, scope);
  const counts = new Map<string, { title: string; partnerships: Set<string> }>();
  for (const { publication, partnership } of entries)
    for (const metric of publication?.snapshot.metrics ?? []) {
      const seen = counts.get(metric.metricId) ?? { title: metric.title, partnerships: new Set() };
      seen.partnerships.add(partnership.id);
      counts.set(metric.metricId, seen);
    }
  const national = new Set(
    (
      await prisma.metric.findMany({
        where: { id: { in: [...counts.keys()] }, partnershipId: null },
        select: { id: true },
      })
    ).map((m) => m.id),
  );
  return [...counts.entries()]
    .filter(([code]) => national.has(code))
    .map(([code, { title, partnerships }]) => ({
      code,
      title,
      partnershipCount: partnerships.size,
    }))
    .sort((a, b) => a.title.localeCompare(b.title));
}

/**
 * One national (catalogue) metric across the published plans in scope, with England's figure and
 * each region's, all read from the publications (disclosure applied). null for an unknown code or
 * a partnership's local metric.
 */
export async function oversightMetric(
  prisma: PrismaClient,
  scope: OversightScope,
  code: string,
  filter: OversightFilter = {},
): Promise<MetricComparison | null> {
  if (code.length > 200) return null;
  const metric = await prisma.metric.findUnique({
    where: { id: code },
    select: { id: true, title: true, unit: true, polarity: true, partnershipId: true },
  });
  if (!metric || metric.partnershipId !== null) return null;
  const entries = await oversightEntries(prisma, scope, filter);
  const england: SnapshotObservation[] = [];
  const regional = new Map<string, { region: string; observations: SnapshotObservation[] }>();
  const partnerships: MetricComparison['partnerships'] = [];
  for (const entry of entries) {
    const target = entry.publication?.snapshot.metrics.find((m) => m.metricId === metric.id);
    if (!target) continue;
    const own = regionCode(entry.partnership.region);
    for (const o of target.observations) {
      if (o.geographyLevel === 'ENGLAND' && o.geographyCode === ENGLAND_CODE) england.push(o);
      if (o.geographyLevel === 'REGION' && own !== null && o.geographyCode === own) {
        const seen = regional.get(own) ?? {
          region: entry.partnership.region ?? own,
          observations: [],
        };
        seen.observations.push(o);
        regional.set(own, seen);
      }
    }
    const local = target.latest
      ? target.observations.find(
          (o) =>
            o.breakdown === '' &&
            o.geographyLevel === target.latest?.geographyLevel &&
            o.geographyCode === target.latest.geographyCode &&
            o.period === target.latest.period,
        )
      : newest(
          target.observations.filter(
            (o) => o.geographyLevel !== 'ENGLAND' && o.geographyLevel !== 'REGION',
          ),
        );
    partnerships.push({
      entry,
      figure: local ? figureOf(local) : null,
      target: target.target,
      rag: target.rag,
      commentary: target.commentary,
    });
  }
  const englandFigure = newest(england);
  return {
    code: metric.id,
    title: metric.title,
    unit: metric.unit,
    polarity: metric.polarity,
    england: englandFigure ? figureOf(englandFigure) : null,
    regions: [...regional.values()]
      .flatMap(({ region, observations }) => {
        const figure = newest(observations);
        return figure ? [{ region, figure: figureOf(figure) }] : [];
      })
      .sort((a, b) => a.region.localeCompare(b.region)),
    partnerships,
  };
}
