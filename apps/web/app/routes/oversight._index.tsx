// Oversight: the partnerships of the viewer's region (or all England) with their plan's state and
// what their published version shows, sorted and filtered by a GET form (works without
// JavaScript, can be bookmarked), with the same table as CSV.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { formatDate } from '@lip/publish/labels';
import { Button, Input, numericCell, Select, Table, Tag } from '@lip/ui';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { PLAN_STATE_COLOURS } from '../lib/labels.ts';
import { OversightNav } from '../components/oversight/OversightNav.tsx';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import { oversightPartnerships } from '../lib/oversight.server.ts';
import { PLAN_STATE_FILTERS, queryOf, SORTS, stateLabel } from '../lib/oversight.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data }) =>
  error || !data ? errorTitle(error) : pageTitle('Partnerships', data.oversight.name);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { filters, oversight } = await oversightPartnerships(request, context);
  return { filters, query: queryOf(filters), oversight };
}

export default function OversightPartnerships() {
  const { filters, query, oversight } = useLoaderData<typeof loader>();
  const rows = oversight.partnerships;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <span className="govuk-caption-l">{oversight.name}</span>
        <h1 className="govuk-heading-l">Partnerships</h1>
        <OversightNav current="partnerships" />
        <p className="govuk-body">
          {oversight.region
            ? `Partnerships in the ${oversight.region} region.`
            : 'Partnerships in all of England.'}{' '}
          Figures are from each plan’s published version; the state is where the plan stands now.
          Drafts are not shown.
        </p>

        <Form method="get" action="/oversight" aria-label="Filter and sort partnerships">
          <div className="lip-filter-row">
            {!oversight.region && (
              <Input
                id="region"
                name="region"
                label="Region"
                labelSize="s"
                defaultValue={filters.region}
                width="10"
              />
            )}
            <Input
              id="icb"
              name="icb"
              label="ICB code"
              labelSize="s"
              defaultValue={filters.icb}
              width="10"
              spellCheck={false}
            />
            <Select
              id="state"
              name="state"
              label="Plan state"
              labelSize="s"
              defaultValue={filters.state}
              options={[
                { value: '', text: 'Any state' },
                ...PLAN_STATE_FILTERS.map((s) => ({ value: s, text: stateLabel(s) })),
              ]}
            />
            <Select
              id="sort"
              name="sort"
              label="Sort by"
              labelSize="s"
              defaultValue={filters.sort}
              options={Object.entries(SORTS).map(([value, text]) => ({ value, text }))}
            />
          </div>
          <Button variant="secondary">Apply</Button>
        </Form>

        <p className="govuk-body" role="status">
          {rows.length === 1 ? '1 plan' : `${rows.length} plans`}
          {query && (
            <>
              {' '}
              <a className="govuk-link" href="/oversight">
                Clear filters
              </a>
            </>
          )}
        </p>
        {rows.length > 0 && (
          <Table
            caption="Partnerships and their plans"
            region="Partnerships and their plans"
            firstCellIsHeader
            rowKeys={rows.map((r) => `${r.partnershipSlug}/${r.planSlug ?? ''}`)}
            head={[
              'Partnership',
              'Plan state',
              'Last published',
              numericCell('Standards areas uncovered'),
              numericCell('Red targets with commentary'),
              numericCell('Red targets without commentary'),
              numericCell('Sign-offs outstanding'),
            ]}
            rows={rows.map((r) => [
              <>
                {r.publicPath ? (
                  <a className="govuk-link" href={r.publicPath}>
                    {r.partnershipName}
                  </a>
                ) : (
                  r.partnershipName
                )}
                <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">
                  {[r.region, r.icbCode && `ICB ${r.icbCode}`, r.planSlug && `Plan ${r.planSlug}`]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </>,
              <Tag colour={r.state ? PLAN_STATE_COLOURS[r.state] : 'grey'}>
                {stateLabel(r.state)}
              </Tag>,
              r.lastPublishedAt
                ? `${formatDate(r.lastPublishedAt)} (version ${r.publishedVersion})`
                : 'Not yet published',
              numericCell(r.uncoveredAreas ?? '–'),
              numericCell(r.redTargetsWithCommentary ?? '–'),
              numericCell(r.redTargetsWithoutCommentary ?? '–'),
              numericCell(r.signOffsOutstanding),
            ])}
          />
        )}
        <p className="govuk-body">
          <a className="govuk-link" href={`/oversight/partnerships.csv${query}`} download>
            Download this table (CSV)
          </a>
        </p>

        {oversight.metrics.length > 0 && (
          <>
            <h2 className="govuk-heading-m">Compare a metric</h2>
            <ul className="govuk-list">
              {oversight.metrics.map((m) => (
                <li key={m.code}>
                  <a
                    className="govuk-link"
                    href={`/oversight/metrics/${encodeURIComponent(m.code)}`}
                  >
                    {m.title}
                  </a>{' '}
                  <span className="govuk-body-s">
                    (
                    {m.partnershipCount === 1
                      ? '1 partnership'
                      : `${m.partnershipCount} partnerships`}
                    )
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
