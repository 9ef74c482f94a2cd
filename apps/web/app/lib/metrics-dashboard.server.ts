// The plan's inclusion dashboard: one GraphQL query, and a server-rendered SVG chart per metric.
// @lip/charts draws with a server DOM, so it is imported here and never from a route's component.
import type { AppLoadContext } from '@remix-run/node';
import { lineChartSvg } from '@lip/charts';
import { formatValue, themeTitle } from '../components/metrics/labels.ts';
import { gql, notFound, requireViewer } from './graphql.server.ts';

export interface ObservationPoint {
  period: string;
  value: string | null;
  symbol: string | null;
  provisional: boolean;
  revised: boolean;
}

export interface DashboardTarget {
  id: string;
  targetValue: string;
  targetPeriod: string;
  baselineValue: string | null;
  baselinePeriod: string | null;
  rag: string;
  ragReason: string;
  commentary: string | null;
  viewerCanEdit: boolean;
  viewerCanComment: boolean;
  metric: { id: string; title: string; unit: string };
  ownerOrganisation: { name: string } | null;
}

export interface DashboardItem {
  metric: {
    id: string;
    title: string;
    theme: string;
    unit: string;
    polarity: string;
    source: string | null;
    isLocal: boolean;
  };
  target: DashboardTarget | null;
  local: ObservationPoint[];
  region: ObservationPoint[];
  england: ObservationPoint[];
  latest: ObservationPoint | null;
  rag: string;
  sectionKeys: string[];
}

const TARGET_FIELDS = /* GraphQL */ `
  id targetValue targetPeriod baselineValue baselinePeriod rag ragReason commentary viewerCanEdit viewerCanComment
  metric { id title unit }
  ownerOrganisation { name }
`;
const POINT_FIELDS = 'period value symbol provisional revised';

const QUERY = /* GraphQL */ `
  query PlanDashboard($id: ID!, $theme: String, $sectionKey: String) {
    viewer { id }
    plan(id: $id) {
      id title viewerCanEdit
      partnership { slug name viewerMembership { roles } }
      sections { key title }
      dashboard(theme: $theme, sectionKey: $sectionKey) {
        themes
        items {
          metric { id title theme unit polarity source isLocal }
          target { ${TARGET_FIELDS} }
          local { ${POINT_FIELDS} }
          region { ${POINT_FIELDS} }
          england { ${POINT_FIELDS} }
          latest { ${POINT_FIELDS} }
          rag sectionKeys
        }
        exceptions { ${TARGET_FIELDS} }
      }
    }
  }
`;

interface QueryData {
  viewer: { id: string } | null;
  plan: {
    id: string;
    title: string;
    viewerCanEdit: boolean;
    partnership: { slug: string; name: string; viewerMembership: { roles: string[] } | null };
    sections: Array<{ key: string; title: string }>;
    dashboard: { themes: string[]; items: DashboardItem[]; exceptions: DashboardTarget[] };
  } | null;
}

function numeric(point: ObservationPoint): number | null {
  if (point.value === null || point.value === '') return null;
  const n = Number(point.value);
  return Number.isFinite(n) ? n : null;
}

/** The chart as an SVG string, or null when it cannot be drawn (the table still has every figure). */
function chartFor(item: DashboardItem): string | null {
  const series = [
    { name: 'Local', points: item.local },
    { name: 'Region', points: item.region },
    { name: 'England', points: item.england },
  ]
    .filter((s) => s.points.some((p) => numeric(p) !== null))
    .map((s) => ({
      name: s.name,
      points: s.points.map((p) => ({ period: p.period, value: numeric(p) })),
    }));
  if (series.length === 0) return null;
  const target = item.target ? Number(item.target.targetValue) : null;
  const latest = item.latest
    ? `The latest local figure is ${formatValue(item.latest.value ?? item.latest.symbol, item.metric.unit)} for ${item.latest.period}.`
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
  const data = requireViewer(
    request,
    await gql<QueryData>(context, QUERY, { id: planId, theme, sectionKey }),
  );
  if (!data.plan) notFound();
  const { dashboard, ...plan } = data.plan;
  return {
    plan,
    filters: { theme, sectionKey },
    themes: dashboard.themes,
    items: dashboard.items.map((item) => ({ ...item, chartSvg: chartFor(item) })),
    exceptions: dashboard.exceptions,
  };
}
