// Plan.dashboard: the metrics the plan tracks (its targets and its installed sections' metric
// packs), each with the partnership's own series, its region's and England's, the latest local
// value, the target and RAG. A fixed number of queries, sized by what the dashboard shows.
import type { Metric, MetricObservation, Plan } from '@lip/db';
import type { CoreHost } from '../host.ts';
import { ENGLAND_CODE, localGeographies, regionCode } from './geography.ts';
import { localFigures, rateAgainstLocal, type RagValue } from './rag.ts';
import { targetInclude, type TargetRecord } from './target-record.ts';

export interface ObservationPoint {
  period: string;
  value: string | null;
  symbol: string | null;
  numerator: string | null;
  denominator: string | null;
  provisional: boolean;
  revised: boolean;
}

export interface DashboardItem {
  metric: Metric;
  target: TargetRecord | null;
  local: ObservationPoint[];
  region: ObservationPoint[];
  england: ObservationPoint[];
  latest: ObservationPoint | null;
  rag: RagValue;
  sectionKeys: string[];
}

export interface Dashboard {
  themes: string[];
  items: DashboardItem[];
  exceptions: TargetRecord[];
}

const point = (o: MetricObservation): ObservationPoint => ({
  period: o.period,
  value: o.value?.toString() ?? null,
  symbol: o.symbol,
  numerator: o.numerator?.toString() ?? null,
  denominator: o.denominator?.toString() ?? null,
  provisional: o.provisional,
  revised: o.revised,
});

export async function planDashboard(
  host: CoreHost,
  plan: Plan,
  filters: { theme?: string | null; sectionKey?: string | null },
): Promise<Dashboard> {
  const partnership = await host.prisma.partnership.findUniqueOrThrow({
    where: { id: plan.partnershipId },
  });
  const targets = await host.prisma.metricTarget.findMany({
    where: { planId: plan.id },
    include: targetInclude,
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });

  // Which sections each metric belongs to: installed sections' packs, and targets' commitments.
  const sectionKeys = new Map<string, Set<string>>();
  const addKey = (metricId: string, key: string) => {
    const keys = sectionKeys.get(metricId) ?? new Set<string>();
    keys.add(key);
    sectionKeys.set(metricId, keys);
  };
  for (const section of host.sections) {
    const pack = host.plugin(section.pluginId)?.metrics;
    for (const id of pack?.uses ?? []) addKey(id, section.key);
    for (const m of pack?.adds ?? []) addKey(m.id, section.key);
  }
  for (const target of targets) {
    if (target.commitment) addKey(target.metricId, target.commitment.section.key);
    else if (!sectionKeys.has(target.metricId)) sectionKeys.set(target.metricId, new Set());
  }
  const metrics = await host.prisma.metric.findMany({
    where: {
      id: { in: [...sectionKeys.keys()] },
      OR: [{ partnershipId: null }, { partnershipId: plan.partnershipId }],
    },
    orderBy: [{ theme: 'asc' }, { title: 'asc' }],
  });
  const themes = [...new Set(metrics.map((m) => m.theme))].sort();
  const shown = metrics.filter(
    (m) =>
      (!filters.theme || m.theme === filters.theme) &&
      (!filters.sectionKey || sectionKeys.get(m.id)?.has(filters.sectionKey)),
  );

  // One query for every series shown: own geography, region, England (totals only).
  const region = regionCode(partnership.region);
  const localOf = new Map(shown.map((m) => [m.id, localGeographies(host, partnership, m)]));
  const wanted = shown.flatMap((m) => [
    ...localOf
      .get(m.id)!
      .map((g) => ({ metricId: m.id, geographyLevel: g.level, geographyCode: g.code })),
    ...(region
      ? [{ metricId: m.id, geographyLevel: 'REGION' as const, geographyCode: region }]
      : []),
    { metricId: m.id, geographyLevel: 'ENGLAND' as const, geographyCode: ENGLAND_CODE },
  ]);
  const observations = wanted.length
    ? await host.prisma.metricObservation.findMany({
        where: { partnershipId: plan.partnershipId, breakdown: '', OR: wanted },
        orderBy: { period: 'asc' },
      })
    : [];

  const targetByMetric = new Map<string, TargetRecord>();
  for (const target of targets)
    if (!targetByMetric.has(target.metricId)) targetByMetric.set(target.metricId, target);

  const items = shown.map((metric): DashboardItem => {
    const rows = observations.filter((o) => o.metricId === metric.id);
    const target = targetByMetric.get(metric.id) ?? null;
    // The same choice of local figures, and the same RAG, as the API, exports and published page.
    const own = target
      ? rateAgainstLocal(host, partnership, target, rows)
      : { ...localFigures(host, partnership, metric, rows), rag: 'NO_TARGET' as const };
    const localSeries = own.series.map(point);
    const latest = localSeries.at(-1) ?? null;
    const rag: RagValue = own.rag;
    return {
      metric,
      target,
      local: localSeries,
      region: rows.filter((o) => o.geographyLevel === 'REGION').map(point),
      england: rows.filter((o) => o.geographyLevel === 'ENGLAND').map(point),
      latest,
      rag,
      sectionKeys: [...(sectionKeys.get(metric.id) ?? [])].sort(),
    };
  });
  const exceptions = items
    .filter((item) => item.rag === 'RED' && item.target)
    .map((item) => item.target!);
  return { themes, items, exceptions };
}
