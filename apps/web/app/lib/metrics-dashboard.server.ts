// The plan's inclusion dashboard: one GraphQL query, and a server-rendered SVG chart per metric.
// @lip/charts draws with a server DOM, so it is imported here and never from a route's component.
import type { AppLoadContext } from '@remix-run/node';
import { lineChartSvg } from '@lip/charts';
import {
  DASHBOARD_ITEM_FIELDS,
  DASHBOARD_TARGET_FIELDS,
  type DashboardItem,
  type ObservationPoint,
} from '../components/metrics/fragments.ts';
import {
  comparableAcrossAreas,
  formatValue,
  periodLabel,
  themeTitle,
} from '../components/metrics/labels.ts';
import { graphql } from '../graphql.ts';
import { gql } from './graphql.server.ts';
import { invariantResponse, requireViewer } from './outcome.server.ts';

export type {
  DashboardItem,
  DashboardTarget,
  ObservationPoint,
} from '../components/metrics/fragments.ts';

const QUERY = graphql(
  `
    query PlanDashboard($id: ID!, $theme: String, $sectionKey: String) {
      viewer {
        id
      }
      plan(id: $id) {
        id
        title
        viewerCanEdit
        partnership {
          slug
          name
          viewerMembership {
            roles
          }
        }
        sections {
          key
          title
        }
        dashboard(theme: $theme, sectionKey: $sectionKey) {
          themes
          items {
            ...DashboardItemFields
          }
          exceptions {
            ...DashboardTargetFields
          }
        }
      }
    }
  `,
  [DASHBOARD_ITEM_FIELDS, DASHBOARD_TARGET_FIELDS],
);

function numeric(point: ObservationPoint): number | null {
  if (point.value === null || point.value === '') return null;
  const n = Number(point.value);
  return Number.isFinite(n) ? n : null;
}

/** The chart as an SVG string, or null when it cannot be drawn (the table still has every figure). */
function chartFor(item: DashboardItem): string | null {
  // A regional or England count plotted beside a local one would flatten the local line to nothing.
  const comparators = comparableAcrossAreas(item.metric.unit)
    ? [
        { name: 'Region', points: item.region },
        { name: 'England', points: item.england },
      ]
    : [];
  const series = [{ name: 'Local', points: item.local }, ...comparators]
    .filter((s) => s.points.some((p) => numeric(p) !== null))
    .map((s) => ({
      name: s.name,
      points: s.points.map((p) => ({ period: p.period, value: numeric(p) })),
    }));
  if (series.length === 0) return null;
  const target = item.target ? Number(item.target.targetValue) : null;
  const latest = item.latest
    ? `The latest local figure is ${formatValue(item.latest.value ?? item.latest.symbol, item.metric.unit, item.metric.decimals)} for ${periodLabel(item.metric.periodType, item.latest.period)}.`
    : '';
  try {
    return lineChartSvg({
      title: item.metric.title,
      description:
        `Line chart of ${series.map((s) => s.name.toLowerCase()).join(', ')} figures by period. ${latest} The figures are in the table with this chart.`
          .replace(/\s+/g, ' ')
          .trim(),
      unit: item.metric.unit,
      series,
      target: target !== null && Number.isFinite(target) ? target : null,
      yLabel: item.metric.unit === 'percent' ? 'Per cent' : themeTitle(item.metric.unit),
    });
  } catch (error) {
    // A chart that cannot be drawn must not take the dashboard down with it.
    console.error(`Chart for ${item.metric.id} failed:`, error);
    return null;
  }
}

export async function loadDashboard(context: AppLoadContext, request: Request, planId: string) {
  const url = new URL(request.url);
  const theme = url.searchParams.get('theme') || null;
  const sectionKey = url.searchParams.get('section') || null;
  const data = requireViewer(request, await gql(context, QUERY, { id: planId, theme, sectionKey }));
  invariantResponse(data.plan);
  const { dashboard, ...plan } = data.plan;
  return {
    plan,
    filters: { theme, sectionKey },
    themes: dashboard.themes,
    items: dashboard.items.map((item) => ({ ...item, chartSvg: chartFor(item) })),
    exceptions: dashboard.exceptions,
  };
}
