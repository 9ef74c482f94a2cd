import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { Breadcrumbs, Button, Select, Tag } from '@lip/ui';
import { PlanNav } from '../components/PlanNav.tsx';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { MetricCard } from '../components/metrics/MetricCard.tsx';
import { themeTitle } from '../components/metrics/labels.ts';
import { loadDashboard } from '../lib/metrics-dashboard.server.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data }) =>
  error || !data ? errorTitle(error) : pageTitle('Metrics dashboard', data.plan.title);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  return loadDashboard(context, request, params.planId ?? '');
}

export default function Dashboard() {
  const { plan, filters, themes, items, exceptions } = useLoaderData<typeof loader>();
  const base = `/plans/${encodeURIComponent(plan.id)}`;
  const filtered = Boolean(filters.theme || filters.sectionKey);
  return (
    <>
      <Breadcrumbs
        items={[
          { text: 'Your partnerships', href: '/partnerships' },
          {
            text: plan.partnership.name,
            href: `/partnerships/${encodeURIComponent(plan.partnership.slug)}`,
          },
          { text: plan.title, href: base },
          { text: 'Metrics dashboard' },
        ]}
      />
      <span className="govuk-caption-l">{plan.title}</span>
      <h1 className="govuk-heading-l">Metrics dashboard</h1>
      <PlanNav planId={plan.id} current="dashboard" />

      <form
        method="get"
        action={`${base}/dashboard`}
        className="govuk-!-margin-bottom-6"
        aria-label="Filter metrics"
      >
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <Select
              id="theme"
              name="theme"
              label="Theme"
              defaultValue={filters.theme ?? ''}
              options={[
                { value: '', text: 'All themes' },
                ...themes.map((t) => ({ value: t, text: themeTitle(t) })),
              ]}
            />
          </div>
          <div className="govuk-grid-column-one-third">
            <Select
              id="section"
              name="section"
              label="Plan section"
              defaultValue={filters.sectionKey ?? ''}
              options={[
                { value: '', text: 'All sections' },
                ...plan.sections.map((s) => ({ value: s.key, text: s.title })),
              ]}
            />
          </div>
        </div>
        <div className="govuk-button-group">
          <Button variant="secondary">Apply filters</Button>
          {filtered && (
            <a className="govuk-link" href={`${base}/dashboard`}>
              Clear filters
            </a>
          )}
        </div>
      </form>

      {plan.viewerCanEdit && (
        <div className="govuk-button-group">
          <Button href={`${base}/targets/new`} variant="secondary">
            Add a target
          </Button>
          <a
            className="govuk-link"
            href={`/partnerships/${encodeURIComponent(plan.partnership.slug)}/imports`}
          >
            Import figures
          </a>
        </div>
      )}

      <h2 className="govuk-heading-l" id="exceptions">
        Exception report
      </h2>
      {exceptions.length === 0 ? (
        <p className="govuk-body">No targets are rated red.</p>
      ) : (
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--s">
            Targets rated red and their commentary
          </caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Metric
              </th>
              <th scope="col" className="govuk-table__header">
                Owner
              </th>
              <th scope="col" className="govuk-table__header">
                Why it is red
              </th>
              <th scope="col" className="govuk-table__header">
                Commentary
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {exceptions.map((t) => (
              <tr key={t.id} className="govuk-table__row">
                <th scope="row" className="govuk-table__header">
                  {t.metric.title}
                </th>
                <td className="govuk-table__cell">{t.ownerOrganisation?.name ?? 'No owner'}</td>
                <td className="govuk-table__cell">{t.ragReason}</td>
                <td className="govuk-table__cell">
                  {t.commentary ? (
                    <Tag colour="green">Written</Tag>
                  ) : (
                    <Tag colour="red">Not written</Tag>
                  )}
                  {t.viewerCanComment && (
                    <p className="govuk-body govuk-!-margin-top-2 govuk-!-margin-bottom-0">
                      <a
                        className="govuk-link"
                        href={`${base}/targets/${encodeURIComponent(t.id)}/commentary`}
                      >
                        {t.commentary ? 'Change commentary' : 'Write commentary'}
                        <span className="govuk-visually-hidden"> for {t.metric.title}</span>
                      </a>
                    </p>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2 className="govuk-heading-l">Metrics</h2>
      {items.length === 0 ? (
        <p className="govuk-body">
          {filtered ? 'No metrics match these filters.' : 'This plan tracks no metrics yet.'}
        </p>
      ) : (
        <>
          <p className="govuk-body">
            {items.length === 1 ? '1 metric' : `${items.length} metrics`}
            {filters.theme ? ` in the theme ${themeTitle(filters.theme)}` : ''}. Each chart has a
            table with the same figures.
          </p>
          {items.map((item, i) => (
            <MetricCard
              key={item.metric.id}
              item={item}
              planId={plan.id}
              headingId={`metric-${i + 1}`}
            />
          ))}
        </>
      )}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
