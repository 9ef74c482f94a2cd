// The partnership's organisations (its lead's page): name, type, ODS code, whether it signs off.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { Breadcrumbs, Button, NotificationBanner, Table } from '@lip/ui';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { graphql } from '../graphql.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import { partnershipPath } from '../lib/partnership-admin.ts';
import { PARTNERSHIP_PAGE_FIELDS } from '../lib/partnership/fragments.ts';
import { leadPartnershipPage } from '../lib/partnership/page.server.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page ? errorTitle(error) : pageTitle('Organisations', page.partnership.name);

const QUERY = graphql(
  `
    query PartnershipOrganisationsPage($slug: String!) {
      viewer {
        id
      }
      partnership(slug: $slug) {
        ...PartnershipPageFields
        organisations {
          id
          name
          typeTitle
          odsCode
          isSignatory
        }
      }
    }
  `,
  [PARTNERSHIP_PAGE_FIELDS],
);

export async function loader(args: LoaderFunctionArgs) {
  const { partnership } = await leadPartnershipPage(args, QUERY);
  const url = new URL(args.request.url);
  return {
    partnership,
    added: url.searchParams.get('added'),
    changed: url.searchParams.get('changed'),
  };
}

export default function Organisations() {
  const { partnership, added, changed } = useLoaderData<typeof loader>();
  const saved = partnership.organisations.find((o) => o.id === (added ?? changed));
  return (
    <>
      <Breadcrumbs
        items={[
          { text: 'Your partnerships', href: '/partnerships' },
          { text: partnership.name, href: partnershipPath(partnership.slug) },
          { text: 'Organisations' },
        ]}
      />
      {saved && (
        <NotificationBanner type="success" title="Success">
          <p className="govuk-notification-banner__heading">
            {saved.name} {added ? 'was added to the partnership' : 'was changed'}
          </p>
        </NotificationBanner>
      )}
      <span className="govuk-caption-l">{partnership.name}</span>
      <h1 className="govuk-heading-l">Organisations</h1>
      <p className="govuk-body">
        The organisations in the partnership. Signatories sign the plan off before it is published.
      </p>
      <Button href={partnershipPath(partnership.slug, '/organisations/new')}>
        Add an organisation
      </Button>
      <Table
        region="Organisations in the partnership"
        caption="Organisations in the partnership"
        captionSize="s"
        head={[
          'Name',
          'Type',
          'ODS code',
          'Signatory',
          { content: <span className="govuk-visually-hidden">Actions</span> },
        ]}
        rowKeys={partnership.organisations.map((o) => o.id)}
        firstCellIsHeader
        rows={partnership.organisations.map((o) => [
          o.name,
          o.typeTitle,
          o.odsCode ?? 'None',
          o.isSignatory ? 'Yes' : 'No',
          <a
            key="change"
            className="govuk-link"
            href={partnershipPath(partnership.slug, `/organisations/${encodeURIComponent(o.id)}`)}
          >
            Change<span className="govuk-visually-hidden"> {o.name}</span>
          </a>,
        ])}
      />
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
