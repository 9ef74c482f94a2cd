import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { Breadcrumbs, SummaryList, Table, Tag } from '@lip/ui';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { graphql } from '../graphql.ts';
import { gql } from '../lib/graphql.server.ts';
import { invariantResponse, requireViewer } from '../lib/outcome.server.ts';
import { PLAN_STATES, formatDate } from '../lib/labels.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import { roleNames } from '../lib/roles.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data }) =>
  error || !data ? errorTitle(error) : pageTitle(data.partnership.name);

const QUERY = graphql(`
  query PartnershipPage($slug: String!) {
    viewer {
      id
    }
    partnership(slug: $slug) {
      id
      slug
      name
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
    }
  }
`);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const data = requireViewer(request, await gql(context, QUERY, { slug: params.slug ?? '' }));
  invariantResponse(data.partnership);
  const { plans, ...partnership } = data.partnership;
  return { partnership, plans: plans.edges.map((e) => e.node) };
}

export default function Partnership() {
  const { partnership, plans } = useLoaderData<typeof loader>();
  return (
    <>
      <Breadcrumbs
        items={[{ text: 'Your partnerships', href: '/partnerships' }, { text: partnership.name }]}
      />
      <h1 className="govuk-heading-l">{partnership.name}</h1>
      {partnership.viewerMembership && (
        <p className="govuk-body">
          You are a member for {partnership.viewerMembership.organisation.name} (
          {roleNames(partnership.viewerMembership.roles)}).
        </p>
      )}
      <h2 className="govuk-heading-m">Plans</h2>
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
      </ul>
      <h2 className="govuk-heading-m">Organisations</h2>
      <SummaryList
        rows={partnership.organisations.map((o) => ({ key: o.name, value: o.typeTitle }))}
      />
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
