// Oversight pages' data: the GraphQL documents (Query.oversight), the GET filters they share with
// their CSV downloads, and the CSV files. A viewer without an oversight membership gets a 404: the
// pages do not exist for them, as a partnership's pages do not exist for a non-member.
import type { AppLoadContext } from '@remix-run/node';
import { barChartSvg } from '@lip/charts';
import { csvText } from '@lip/publish/csv';
import { ragLabel } from '@lip/publish/labels';
import { comparableAcrossAreas } from '../components/metrics/labels.ts';
import { graphql } from '../graphql.ts';
import { gql } from './graphql.server.ts';
import {
  HEAT_MAP_LABELS,
  PLAN_STATE_FILTERS,
  SORTS,
  stateLabel,
  type OversightFilters,
  type Sort,
  type StateFilter,
} from './oversight.ts';
import { notFound, requireViewer } from './outcome.server.ts';

const FILTER_MAX = 100;

/** The GET form's filters, anything unknown ignored (a bookmark never fails). */
export function filtersOf(request: Request): OversightFilters {
  const params = new URL(request.url).searchParams;
  const text = (name: string) => (params.get(name) ?? '').trim().slice(0, FILTER_MAX);
  const state = text('state');
  const sort = text('sort');
  return {
    region: text('region'),
    icb: text('icb'),
    state: (PLAN_STATE_FILTERS as readonly string[]).includes(state) ? (state as StateFilter) : '',
    sort: sort in SORTS ? (sort as Sort) : 'NAME',
  };
}

const PARTNERSHIPS = graphql(`
  query OversightPartnerships(
    $region: String
    $icbCode: String
    $state: PlanState
    $sort: OversightSort
  ) {
    viewer {
      id
    }
    oversight {
      name
      region
      metrics {
        code
        title
        partnershipCount
      }
      partnerships(region: $region, icbCode: $icbCode, state: $state, sort: $sort) {
        partnershipSlug
        partnershipName
        region
        icbCode
        localAuthorityCodes
        planSlug
        state
        signOffsOutstanding
        publishedTitle
        publishedVersion
        lastPublishedAt
        publicPath
        coveredAreas
        notApplicableAreas
        uncoveredAreas
        redTargetsWithCommentary
        redTargetsWithoutCommentary
      }
    }
  }
`);

const HEAT_MAP = graphql(`
  query OversightHeatMap($region: String, $icbCode: String, $state: PlanState) {
    viewer {
      id
    }
    oversight {
      name
      region
      heatMap(region: $region, icbCode: $icbCode, state: $state) {
        areas {
          code
          title
        }
        rows {
          partnershipSlug
          partnershipName
          region
          planSlug
          published
          publicPath
          cells
        }
      }
    }
  }
`);

const METRIC = graphql(`
  query OversightMetric($code: String!, $region: String, $icbCode: String) {
    viewer {
      id
    }
    oversight {
      name
      region
      metric(code: $code, region: $region, icbCode: $icbCode) {
        code
        title
        unit
        polarity
        england {
          period
          value
          symbol
        }
        regions {
          region
          figure {
            period
            value
            symbol
          }
        }
        partnerships {
          partnershipSlug
          partnershipName
          region
          planSlug
          publicPath
          figure {
            period
            value
            symbol
          }
          targetValue
          targetPeriod
          rag
          commentary
        }
      }
    }
  }
`);

type Context = AppLoadContext;

function requireOversight<T extends { oversight: unknown }>(page: T): NonNullable<T['oversight']> {
  if (!page.oversight) notFound();
  return page.oversight as NonNullable<T['oversight']>;
}

const variables = (filters: OversightFilters) => ({
  region: filters.region || null,
  icbCode: filters.icb || null,
  state: filters.state || null,
});

export async function oversightPartnerships(request: Request, context: Context) {
  const filters = filtersOf(request);
  const page = requireViewer(
    request,
    await gql(context, PARTNERSHIPS, { ...variables(filters), sort: filters.sort }),
  );
  return { filters, oversight: requireOversight(page) };
}

export async function oversightHeatMap(request: Request, context: Context) {
  const filters = filtersOf(request);
  const page = requireViewer(request, await gql(context, HEAT_MAP, variables(filters)));
  return { filters, oversight: requireOversight(page) };
}

export async function oversightMetric(request: Request, context: Context, code: string) {
  const filters = filtersOf(request);
  if (code.length > 200) notFound();
  const page = requireViewer(
    request,
    await gql(context, METRIC, {
      code,
      region: filters.region || null,
      icbCode: filters.icb || null,
    }),
  );
  const oversight = requireOversight(page);
  if (!oversight.metric) notFound('Metric not found');
  return { filters, oversight, metric: oversight.metric };
}

export type OversightPartnershipRow = Awaited<
  ReturnType<typeof oversightPartnerships>
>['oversight']['partnerships'][number];
export type OversightMetricData = Awaited<ReturnType<typeof oversightMetric>>['metric'];

const count = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

/** A CSV download: UTF-8 with a byte-order mark, so spreadsheets read it right. */
export function csvResponse(fileName: string, rows: string[][]): Response {
  return new Response(`\uFEFF${csvText(rows)}`, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'Cache-Control': 'private, no-store',
    },
  });
}

export function partnershipsCsv(rows: OversightPartnershipRow[]): string[][] {
  return [
    [
      'partnership',
      'partnership_slug',
      'region',
      'icb_code',
      'local_authority_codes',
      'plan',
      'plan_state',
      'published_title',
      'published_version',
      'last_published',
      'standards_areas_covered',
      'standards_areas_not_applicable',
      'standards_areas_uncovered',
      'red_targets_with_commentary',
      'red_targets_without_commentary',
      'sign_offs_outstanding',
      'public_address',
    ],
    ...rows.map((r) => [
      r.partnershipName,
      r.partnershipSlug,
      r.region ?? '',
      r.icbCode ?? '',
      r.localAuthorityCodes.join(' '),
      r.planSlug ?? '',
      stateLabel(r.state),
      r.publishedTitle ?? '',
      count(r.publishedVersion),
      r.lastPublishedAt ? String(r.lastPublishedAt).slice(0, 10) : '',
      count(r.coveredAreas),
      count(r.notApplicableAreas),
      count(r.uncoveredAreas),
      count(r.redTargetsWithCommentary),
      count(r.redTargetsWithoutCommentary),
      String(r.signOffsOutstanding),
      r.publicPath ?? '',
    ]),
  ];
}

export function heatMapCsv(
  heatMap: Awaited<ReturnType<typeof oversightHeatMap>>['oversight']['heatMap'],
): string[][] {
  return [
    ['partnership', 'region', 'plan', ...heatMap.areas.map((a) => `${a.code} ${a.title}`)],
    ...heatMap.rows.map((r) => [
      r.partnershipName,
      r.region ?? '',
      r.planSlug ?? '',
      ...(r.published
        ? r.cells.map((c) => HEAT_MAP_LABELS[c] ?? c)
        : heatMap.areas.map(() => 'Not yet published')),
    ]),
  ];
}

export function metricCsv(metric: OversightMetricData): string[][] {
  const row = (
    geography: string,
    region: string,
    figure: { period: string; value: string | null; symbol: string | null } | null | undefined,
    target: string,
    rag: string,
  ) => [
    metric.code,
    metric.title,
    geography,
    region,
    figure?.period ?? '',
    figure?.value ?? '',
    figure?.symbol ?? '',
    metric.unit,
    target,
    rag,
  ];
  return [
    [
      'metric_code',
      'metric',
      'area',
      'region',
      'period',
      'value',
      'symbol',
      'unit',
      'target',
      'rating',
    ],
    ...metric.partnerships.map((p) =>
      row(
        p.partnershipName,
        p.region ?? '',
        p.figure,
        `${p.targetValue} by ${p.targetPeriod}`,
        ragLabel(p.rag),
      ),
    ),
    ...metric.regions.map((r) => row(r.region, r.region, r.figure, '', '')),
    ...(metric.england ? [row('England', '', metric.england, '', '')] : []),
  ];
}

/** A bar per partnership, then its regions and England, for one period's comparable figures. */
export function metricChartSvg(metric: OversightMetricData): string | null {
  if (!comparableAcrossAreas(metric.unit)) return null;
  const number = (value: string | null | undefined) =>
    value === null || value === undefined || value === '' ? null : Number(value);
  const bars = [
    ...metric.partnerships.map((p) => ({
      label: p.partnershipName,
      value: number(p.figure?.value),
    })),
    ...metric.regions.map((r) => ({ label: r.region, value: number(r.figure.value) })),
    ...(metric.england ? [{ label: 'England', value: number(metric.england.value) }] : []),
  ];
  if (bars.every((b) => b.value === null)) return null;
  return barChartSvg({
    id: 'oversight-metric-chart',
    title: metric.title,
    description: `${metric.title}: the latest published figure of each partnership, its region and England. The table below has every figure.`,
    unit: metric.unit,
    yLabel: metric.unit === 'percent' ? 'Per cent' : metric.unit,
    bars,
  });
}
