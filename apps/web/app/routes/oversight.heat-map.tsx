// The standards heat map: partnerships × the standard areas of their published plans. Each cell
// says its status in words (never colour alone); the wide table scrolls in a labelled region.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { Table } from '@lip/ui';
import { OversightNav } from '../components/oversight/OversightNav.tsx';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import { oversightHeatMap } from '../lib/oversight.server.ts';
import { HEAT_MAP_LABELS, queryOf } from '../lib/oversight.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data }) =>
  error || !data ? errorTitle(error) : pageTitle('Standards heat map', data.oversight.name);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { filters, oversight } = await oversightHeatMap(request, context);
  return { query: queryOf({ ...filters, sort: 'NAME' }), oversight };
}

const CELL_CLASS: Record<string, string> = {
  COVERED: 'lip-heat lip-heat--covered',
  NOT_APPLICABLE: 'lip-heat lip-heat--not-applicable',
  GAP: 'lip-heat lip-heat--gap',
  NOT_IN_FRAMEWORK: 'lip-heat',
};

export default function OversightHeatMap() {
  const { query, oversight } = useLoaderData<typeof loader>();
  const { areas, rows } = oversight.heatMap;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <span className="govuk-caption-l">{oversight.name}</span>
        <h1 className="govuk-heading-l">Standards heat map</h1>
        <OversightNav current="heat-map" />
        <p className="govuk-body">
          Whether each published plan covers each area of the national standards: covered (a
          commitment maps to it), not applicable (the partnership said why), or a gap. Plans with
          nothing published yet have no cells.
        </p>
        {areas.length === 0 && rows.length > 0 && (
          <p className="govuk-body">No plan here has been published yet, so no area is mapped.</p>
        )}
        {rows.length === 0 ? (
          <p className="govuk-body">There are no partnerships to show.</p>
        ) : (
          <Table
            caption="Standards areas covered by each published plan"
            region="Standards heat map"
            firstCellIsHeader
            rowKeys={rows.map((r) => `${r.partnershipSlug}/${r.planSlug ?? ''}`)}
            head={[
              'Partnership',
              'Published',
              ...areas.map((a) => <abbr title={a.title}>{a.code}</abbr>),
            ]}
            rows={rows.map((r) => [
              r.publicPath ? (
                <a className="govuk-link" href={r.publicPath}>
                  {r.partnershipName}
                </a>
              ) : (
                r.partnershipName
              ),
              r.published ? 'Yes' : 'Not yet published',
              ...(r.published
                ? r.cells.map((c) => (
                    <span className={CELL_CLASS[c] ?? 'lip-heat'}>{HEAT_MAP_LABELS[c] ?? c}</span>
                  ))
                : areas.map(() => '–')),
            ])}
          />
        )}
        {areas.length > 0 && (
          <>
            <h2 className="govuk-heading-s">Standards areas</h2>
            <dl className="govuk-body-s lip-definitions">
              {areas.map((a) => (
                <div key={a.code}>
                  <dt>{a.code}</dt>
                  <dd>{a.title}</dd>
                </div>
              ))}
            </dl>
          </>
        )}
        <p className="govuk-body">
          <a className="govuk-link" href={`/oversight/heat-map.csv${query}`} download>
            Download the heat map (CSV)
          </a>
        </p>
      </div>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
