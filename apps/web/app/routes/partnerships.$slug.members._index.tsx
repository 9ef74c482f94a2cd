// The partnership's members (its lead's page): who they are, their organisation and roles, and
// when they last signed in; change their roles or remove them; invite more.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { Breadcrumbs, Button, NotificationBanner, Table } from '@lip/ui';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { graphql } from '../graphql.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import { lastSignedIn, partnershipPath } from '../lib/partnership-admin.ts';
import { PARTNERSHIP_PAGE_FIELDS } from '../lib/partnership/fragments.ts';
import { leadPartnershipPage } from '../lib/partnership/page.server.ts';
import { roleNames } from '../lib/roles.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page ? errorTitle(error) : pageTitle('Members', page.partnership.name);

const QUERY = graphql(
  `
    query PartnershipMembersPage($slug: String!) {
      viewer {
        id
      }
      partnership(slug: $slug) {
        ...PartnershipPageFields
        members {
          id
          roles
          jobTitle
          organisation {
            name
          }
          user {
            id
            name
            email
            lastSignedInAt
          }
        }
      }
    }
  `,
  [PARTNERSHIP_PAGE_FIELDS],
);

export async function loader(args: LoaderFunctionArgs) {
  const { viewer, partnership } = await leadPartnershipPage(args, QUERY);
  const url = new URL(args.request.url);
  return {
    partnership: {
      ...partnership,
      members: [...partnership.members].sort((a, b) => a.user.name.localeCompare(b.user.name)),
    },
    viewerId: viewer.id,
    changed: url.searchParams.get('changed'),
    removed: url.searchParams.has('removed'),
  };
}

export default function Members() {
  const { partnership, viewerId, changed, removed } = useLoaderData<typeof loader>();
  const changedMember = partnership.members.find((m) => m.id === changed);
  const memberPath = (id: string, rest: string) =>
    partnershipPath(partnership.slug, `/members/${encodeURIComponent(id)}${rest}`);
  return (
    <>
      <Breadcrumbs
        items={[
          { text: 'Your partnerships', href: '/partnerships' },
          { text: partnership.name, href: partnershipPath(partnership.slug) },
          { text: 'Members' },
        ]}
      />
      {(changedMember || removed) && (
        <NotificationBanner type="success" title="Success">
          <p className="govuk-notification-banner__heading">
            {changedMember
              ? `${changedMember.user.name}’s roles were changed`
              : 'The member was removed from the partnership and signed out'}
          </p>
        </NotificationBanner>
      )}
      <span className="govuk-caption-l">{partnership.name}</span>
      <h1 className="govuk-heading-l">Members</h1>
      <div className="govuk-button-group">
        <Button href={partnershipPath(partnership.slug, '/invitations/new')}>
          Invite a member
        </Button>
        <a className="govuk-link" href={partnershipPath(partnership.slug, '/invitations')}>
          Pending invitations
        </a>
      </div>
      <Table
        region="Members of the partnership"
        caption="Members of the partnership"
        captionSize="s"
        head={[
          'Name',
          'Organisation',
          'Roles',
          'Last signed in',
          { content: <span className="govuk-visually-hidden">Actions</span> },
        ]}
        rowKeys={partnership.members.map((m) => m.id)}
        firstCellIsHeader
        rows={partnership.members.map((m) => [
          <>
            {m.user.name}
            {m.user.id === viewerId && ' (you)'}
            {m.user.email && (
              <>
                <br />
                <span className="govuk-body-s lip-break-words">{m.user.email}</span>
              </>
            )}
          </>,
          m.jobTitle ? (
            <>
              {m.organisation.name}
              <br />
              <span className="govuk-body-s">{m.jobTitle}</span>
            </>
          ) : (
            m.organisation.name
          ),
          roleNames(m.roles),
          lastSignedIn(m.user.lastSignedInAt),
          <ul key="actions" className="govuk-list govuk-!-margin-bottom-0">
            <li>
              <a className="govuk-link" href={memberPath(m.id, '/roles')}>
                Change roles<span className="govuk-visually-hidden"> of {m.user.name}</span>
              </a>
            </li>
            <li>
              <a className="govuk-link" href={memberPath(m.id, '/remove')}>
                Remove<span className="govuk-visually-hidden"> {m.user.name}</span>
              </a>
            </li>
          </ul>,
        ])}
      />
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
