// One national metric across the partnerships in scope, with England and region figures, all from
// the published plans (disclosure applied): a chart (when the unit compares across areas) and the
// same figures in a table, with a CSV download.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { Table } from '@lip/ui';
import { RagTag } from '../components/metrics/RagTag.tsx';
import { OversightNav } from '../components/oversight/OversightNav.tsx';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import { metricChartSvg, oversightMetric } from '../lib/oversight.server.ts';
import { figureText } from '../lib/oversight.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data }) =>
  error || !data ? errorTitle(error) : pageTitle(data.metric.title, data.oversight.name);

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { oversight, metric } = await oversightMetric(request, context, params.code ?? '');
  return { oversight: { name: oversight.name }, metric, chartSvg: metricChartSvg(metric) };
}

export default function OversightMetric() {
  const { oversight, metric, chartSvg } = useLoaderData<typeof loader>();
  const rows = [
    ...metric.partnerships.map((p) => ({
      key: p.partnershipSlug + (p.planSlug ?? ''),
      area: p.publicPath ? (
        <a className="govuk-link" href={p.publicPath}>
          {p.partnershipName}
        </a>
      ) : (
        p.partnershipName
      ),
      figure: p.figure,
      target: `${figureText({ value: p.targetValue, symbol: null }, metric.unit)} by ${p.targetPeriod}`,
      rating: <RagTag rag={p.rag} />,
    })),
    ...metric.regions.map((r) => ({
      key: `region:${r.region}`,
      area: `${r.region} (region)`,
      figure: r.figure,
      target: '',
      rating: '',
    })),
    ...(metric.england
      ? [{ key: 'england', area: 'England', figure: metric.england, target: '', rating: '' }]
      : []),
  ];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <span className="govuk-caption-l">{oversight.name}</span>
        <h1 className="govuk-heading-l">{metric.title}</h1>
        <OversightNav current="metric" />
        <p className="govuk-body">
          The latest figure each partnership’s published plan rates its target against, with its
          region’s and England’s from the same publications. Small numbers are suppressed as they
          are in the published plans.
        </p>
        {chartSvg ? (
          // Our own SVG from @lip/charts (server-rendered, no user HTML), with <title> and <desc>;
          // the table below has the same figures.
          <figure
            className="govuk-!-margin-0 govuk-!-margin-bottom-4"
            style={{ maxWidth: '100%', overflowX: 'auto' }}
            dangerouslySetInnerHTML={{ __html: chartSvg }}
          />
        ) : (
          <p className="govuk-body">
            {metric.partnerships.length === 0
              ? 'No published plan in scope sets a target on this metric.'
              : 'These figures are counts, which do not compare across areas of different sizes, so there is no chart.'}
          </p>
        )}
        <Table
          caption={`${metric.title}: figures`}
          region={`${metric.title}: figures`}
          firstCellIsHeader
          rowKeys={rows.map((r) => r.key)}
          head={['Area', 'Period', 'Figure', 'Target', 'Rating']}
          rows={rows.map((r) => [
            r.area,
            r.figure?.period ?? '',
            figureText(r.figure, metric.unit),
            r.target,
            r.rating,
          ])}
        />
        <p className="govuk-body">
          <a
            className="govuk-link"
            href={`/oversight/metrics/${encodeURIComponent(metric.code)}/data.csv`}
            download
          >
            Download these figures (CSV)
          </a>
        </p>
      </div>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
