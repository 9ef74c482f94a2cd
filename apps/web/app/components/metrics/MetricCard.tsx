import { SummaryList } from '@lip/ui';
import type { DashboardItem } from './fragments.ts';
import { ObservationTable } from './ObservationTable.tsx';
import { RagTag } from './RagTag.tsx';
import {
  RAG_REASONS_WITHOUT_TARGET,
  comparableAcrossAreas,
  formatValue,
  periodLabel,
  themeTitle,
} from './labels.ts';

/** A dashboard item with its chart, drawn on the server (null when it could not be drawn). */
export type MetricCardItem = DashboardItem & { chartSvg: string | null };

/** Whether any figure has been imported for the metric: local, regional or England. */
export function hasFigures(item: Pick<DashboardItem, 'local' | 'region' | 'england'>): boolean {
  return item.local.length + item.region.length + item.england.length > 0;
}

function latestText(item: MetricCardItem): string {
  const latest = item.latest;
  if (!latest) return 'No local figure yet';
  const shown = latest.symbol ?? formatValue(latest.value, item.metric.unit, item.metric.decimals);
  const flags = [latest.provisional && 'provisional', latest.revised && 'revised'].filter(Boolean);
  return `${shown} in ${periodLabel(item.metric.periodType, latest.period)}${flags.length > 0 ? ` (${flags.join(', ')})` : ''}`;
}

/** The target in words: "30% by March 2027 (baseline 45% in September 2024)". */
export function targetText(
  target: NonNullable<DashboardItem['target']>,
  metric: Pick<DashboardItem['metric'], 'unit' | 'periodType' | 'decimals'>,
): string {
  const when = (period: string) => periodLabel(metric.periodType, period);
  const baseline = target.baselineValue
    ? ` (baseline ${formatValue(target.baselineValue, metric.unit, metric.decimals)}${target.baselinePeriod ? ` in ${when(target.baselinePeriod)}` : ''})`
    : '';
  return `${formatValue(target.targetValue, metric.unit, metric.decimals)} by ${when(target.targetPeriod)}${baseline}`;
}

/** One metric on the dashboard: the figures in words, the rating with its reason, chart and table. */
export function MetricCard({
  item,
  planId,
  headingId,
}: {
  item: MetricCardItem;
  planId: string;
  headingId: string;
}) {
  const { metric, target } = item;
  const targetsBase = `/plans/${encodeURIComponent(planId)}/targets`;
  return (
    <section className="govuk-!-margin-bottom-9" aria-labelledby={headingId}>
      <h3 className="govuk-heading-m" id={headingId}>
        {metric.title}
      </h3>
      <p className="govuk-body-s govuk-!-margin-bottom-2">
        {themeTitle(metric.theme)}
        {metric.isLocal ? ' · local metric' : ''}
        {metric.source ? ` · Source: ${metric.source}` : ''}
      </p>
      <SummaryList
        rows={[
          { key: 'Latest figure', value: latestText(item) },
          {
            key: 'Target',
            value: target ? targetText(target, metric) : 'No target set',
            actions: target?.viewerCanEdit
              ? [
                  {
                    href: `${targetsBase}/${encodeURIComponent(target.id)}`,
                    text: 'Change',
                    visuallyHiddenText: `target for ${metric.title}`,
                  },
                ]
              : undefined,
          },
          ...(target?.ownerOrganisation
            ? [{ key: 'Owner', value: target.ownerOrganisation.name }]
            : []),
          {
            key: 'Rating',
            value: (
              <>
                <RagTag rag={item.rag} />
                <p className="govuk-body govuk-!-margin-top-2 govuk-!-margin-bottom-0">
                  {target?.ragReason || RAG_REASONS_WITHOUT_TARGET[item.rag] || ''}
                </p>
              </>
            ),
          },
        ]}
      />
      {item.chartSvg ? (
        // The SVG comes from @lip/charts on the server (our own markup, no user HTML): it carries
        // its own <title> and <desc>; the table below has the same figures.
        <figure
          className="govuk-!-margin-0 govuk-!-margin-bottom-4"
          style={{ maxWidth: '100%', overflowX: 'auto' }}
          dangerouslySetInnerHTML={{ __html: item.chartSvg }}
        />
      ) : (
        hasFigures(item) && (
          <p className="govuk-body">The chart could not be drawn; every figure is in the table.</p>
        )
      )}
      {item.chartSvg &&
        !comparableAcrossAreas(metric.unit) &&
        item.region.length + item.england.length > 0 && (
          <p className="govuk-body-s">
            The chart shows the local figures only: regional and England figures are counts for much
            larger areas, so they are in the table but not plotted.
          </p>
        )}
      {hasFigures(item) ? (
        <ObservationTable
          caption={`${metric.title}: figures by period`}
          unit={metric.unit}
          decimals={metric.decimals}
          local={item.local}
          region={item.region}
          england={item.england}
          periodLabel={(period) => periodLabel(metric.periodType, period)}
        />
      ) : (
        <p className="govuk-body">No figures have been imported for this metric yet.</p>
      )}
    </section>
  );
}
