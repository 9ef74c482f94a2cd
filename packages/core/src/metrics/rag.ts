// A target's latest local figure and its RAG, in one place: the dashboard, the RAG of the API, the
// exception report and the frozen snapshot (so exports and the published page) all call
// `rateAgainstLocal`, so they cannot disagree about which figure a target is measured against.
// The polarity-aware rule itself is in @lip/statistics (docs/api-metrics.md "RAG").
import type { GeographyLevel, Metric, MetricTarget } from '@lip/db';
import { ragStatus, type Rag } from '@lip/statistics';
import type { CoreHost } from '../host.ts';
import { localGeographies, type PartnershipGeography } from './geography.ts';

export { ragStatus } from '@lip/statistics';
export type { Rag as RagValue } from '@lip/statistics';

export interface TrajectoryPoint {
  period: string;
  value: string;
}

/** The trajectory as stored (JSON), read back; anything not a point is left out. */
export function trajectoryOf(target: Pick<MetricTarget, 'trajectory'>): TrajectoryPoint[] {
  const value = target.trajectory;
  if (!Array.isArray(value)) return [];
  return value.flatMap((point) =>
    point && typeof point === 'object' && 'period' in point && 'value' in point
      ? [{ period: String(point.period), value: String(point.value) }]
      : [],
  );
}

/** What the choice of the local figure needs of an observation (a row, or a snapshot's). */
export interface LocalObservation {
  geographyLevel: GeographyLevel;
  geographyCode: string;
  period: string;
  breakdown: string;
  value: { toString(): string } | null;
}

export interface LocalFigures<T extends LocalObservation> {
  /** The partnership's own totals for the metric, oldest first, symbols included. */
  series: T[];
  /** The newest of them with a value: what a target is measured against. */
  latest: (T & { value: NonNullable<T['value']> }) | null;
}

/**
 * The partnership's own figures for a metric, from observations of any geographies: the totals of
 * its most preferred geography (see localGeographies: the ICB first for health metrics) that has a
 * figure with a value, else of the most preferred one with any total. One geography, never a mix,
 * so the series is comparable period to period.
 */
export function localFigures<T extends LocalObservation>(
  host: CoreHost,
  partnership: PartnershipGeography,
  metric: Pick<Metric, 'id' | 'theme' | 'pluginId'>,
  observations: readonly T[],
): LocalFigures<T> {
  const series = localGeographies(host, partnership, metric).map((g) =>
    observations
      .filter(
        (o) => o.breakdown === '' && o.geographyLevel === g.level && o.geographyCode === g.code,
      )
      .sort((a, b) => a.period.localeCompare(b.period)),
  );
  const chosen =
    series.find((s) => s.some((o) => o.value !== null)) ?? series.find((s) => s.length > 0) ?? [];
  const latest = chosen.findLast((o) => o.value !== null) ?? null;
  return { series: chosen, latest: latest as LocalFigures<T>['latest'] };
}

export interface TargetRag {
  rag: Rag;
  reason: string;
}

export type RatedTarget = Pick<MetricTarget, 'baselineValue' | 'targetValue' | 'trajectory'> & {
  metric: Metric;
};

/** The RAG of a target against a latest value (none: no data). */
export function rateTarget(
  target: RatedTarget,
  latest: { period: string; value: { toString(): string } } | null | undefined,
): TargetRag {
  return ragStatus({
    polarity: target.metric.polarity,
    baseline: target.baselineValue === null ? null : Number(target.baselineValue),
    target: Number(target.targetValue),
    latest: latest ? Number(latest.value.toString()) : null,
    latestPeriod: latest?.period ?? null,
    trajectory: trajectoryOf(target).map((p) => ({ period: p.period, value: Number(p.value) })),
    unit: target.metric.unit,
    decimals: target.metric.decimals,
  });
}

/** The one answer to "how is this target doing": its local figures, the latest of them and its RAG. */
export function rateAgainstLocal<T extends LocalObservation>(
  host: CoreHost,
  partnership: PartnershipGeography,
  target: RatedTarget,
  observations: readonly T[],
): LocalFigures<T> & TargetRag {
  const figures = localFigures(host, partnership, target.metric, observations);
  return { ...figures, ...rateTarget(target, figures.latest) };
}
