import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { Breadcrumbs, Button, NotificationBanner, SummaryList, Table, Tag } from '@lip/ui';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { graphql } from '../graphql.ts';
import { PLAN_STATES, formatDate } from '../lib/labels.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import { partnershipPath } from '../lib/partnership-admin.ts';
import { PARTNERSHIP_PAGE_FIELDS } from '../lib/partnership/fragments.ts';
import { partnershipPage } from '../lib/partnership/page.server.ts';
import { roleNames } from '../lib/roles.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data }) =>
  error || !data ? errorTitle(error) : pageTitle(data.partnership.name);

const QUERY = graphql(
  `
    query PartnershipPage($slug: String!) {
      viewer {
        id
      }
      partnership(slug: $slug) {
        ...PartnershipPageFields
        organisations {
          id
          name
          typeTitle
        }
        viewerMembership {
          roles
          organisation {
            name
          }
        }
        plans(first: 50) {
          edges {
            node {
              id
              title
              kindTitle
              state
              periodStart
              periodEnd
            }
          }
        }
        archivedPlans: plans(first: 50, archived: true) {
          edges {
            node {
              id
              title
              archivedAt
            }
          }
        }
      }
    }
  `,
  [PARTNERSHIP_PAGE_FIELDS],
);

export async function loader(args: LoaderFunctionArgs) {
  const page = await partnershipPage(args, QUERY);
  const { plans, archivedPlans, ...partnership } = page.partnership;
  return {
    partnership,
    plans: plans.edges.map((e) => e.node),
    archivedPlans: archivedPlans.edges.map((e) => e.node),
    archived: new URL(args.request.url).searchParams.has('archived'),
  };
}

export default function Partnership() {
  const { partnership, plans, archivedPlans, archived } = useLoaderData<typeof loader>();
  return (
    <>
      <Breadcrumbs
        items={[{ text: 'Your partnerships', href: '/partnerships' }, { text: partnership.name }]}
      />
      {archived && (
        <NotificationBanner type="success" title="Success">
          <p className="govuk-notification-banner__heading">The plan was archived</p>
        </NotificationBanner>
      )}
      <h1 className="govuk-heading-l">{partnership.name}</h1>
      {partnership.viewerMembership && (
        <p className="govuk-body">
          {/* Organisation names often end in brackets ("… (education)"): the roles get a sentence. */}
          You are a member for {partnership.viewerMembership.organisation.name}. Your{' '}
          {partnership.viewerMembership.roles.length === 1 ? 'role' : 'roles'}:{' '}
          {roleNames(partnership.viewerMembership.roles)}.
        </p>
      )}
      {partnership.viewerIsLead && (
        <>
          <h2 className="govuk-heading-m">Manage the partnership</h2>
          <ul className="govuk-list">
            <li>
              <a className="govuk-link" href={partnershipPath(partnership.slug, '/organisations')}>
                Organisations
              </a>
            </li>
            <li>
              <a className="govuk-link" href={partnershipPath(partnership.slug, '/members')}>
                Members
              </a>
            </li>
          </ul>
        </>
      )}
      <h2 className="govuk-heading-m">Plans</h2>
      {partnership.viewerIsLead && (
        <Button href={partnershipPath(partnership.slug, '/plans/new')} variant="secondary">
          Create a plan
        </Button>
      )}
      {plans.length === 0 ? (
        <p className="govuk-body">This partnership has no plans yet.</p>
      ) : (
        <Table
          caption="Plans of this partnership"
          captionSize="s"
          head={['Plan', 'Kind', 'Period', 'State']}
          rowKeys={plans.map((p) => p.id)}
          firstCellIsHeader
          rows={plans.map((p) => [
            <a key="link" className="govuk-link" href={`/plans/${encodeURIComponent(p.id)}`}>
              {p.title}
            </a>,
            p.kindTitle,
            `${formatDate(p.periodStart)} to ${formatDate(p.periodEnd)}`,
            <Tag key="state" colour={p.state === 'DRAFT' ? 'grey' : 'green'}>
              {PLAN_STATES[p.state] ?? p.state}
            </Tag>,
          ])}
        />
      )}
      {archivedPlans.length > 0 && (
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">
              Archived plans ({archivedPlans.length})
            </span>
          </summary>
          <div className="govuk-details__text">
            <ul className="govuk-list">
              {archivedPlans.map((p) => (
                <li key={p.id}>
                  <a className="govuk-link" href={`/plans/${encodeURIComponent(p.id)}`}>
                    {p.title}
                  </a>
                  {p.archivedAt && ` (archived ${formatDate(p.archivedAt.slice(0, 10))})`}
                </li>
              ))}
            </ul>
          </div>
        </details>
      )}
      <h2 className="govuk-heading-m">Metrics</h2>
      <ul className="govuk-list">
        <li>
          <a
            className="govuk-link"
            href={`/partnerships/${encodeURIComponent(partnership.slug)}/metrics`}
          >
            Metrics and disclosure control
          </a>
        </li>
        <li>
          <a
            className="govuk-link"
            href={`/partnerships/${encodeURIComponent(partnership.slug)}/imports`}
          >
            Import figures
          </a>
        </li>
        <li>
          <a
            className="govuk-link"
            href={`/partnerships/${encodeURIComponent(partnership.slug)}/tariffs`}
          >
            Banding and tariffs
          </a>
        </li>
      </ul>
      <h2 className="govuk-heading-m">Settings</h2>
      <ul className="govuk-list">
        <li>
          <a
            className="govuk-link"
            href={`/partnerships/${encodeURIComponent(partnership.slug)}/settings`}
          >
            Settings directory and tailored lists
          </a>
        </li>
      </ul>
      <h2 className="govuk-heading-m">Organisations</h2>
      <SummaryList
        rows={partnership.organisations.map((o) => ({ key: o.name, value: o.typeTitle }))}
      />
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
