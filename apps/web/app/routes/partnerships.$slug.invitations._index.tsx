// The partnership's invitations, for its leads: those waiting to be accepted (when each was sent,
// when it expires, whether the email went), with "Resend" and "Revoke"; then the accepted, revoked
// and expired ones. When this service sends no email, each waiting invitation's link is shown for
// the lead to pass on (docs/decisions/017-invitation-links.md).
import { redirect } from '@remix-run/node';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { Breadcrumbs, Button, Input, NotificationBanner, Table, Tag } from '@lip/ui';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { graphql, MUTATION_ERROR } from '../graphql.ts';
import { readForm } from '../lib/form.server.ts';
import { gql } from '../lib/graphql.server.ts';
import { leadPartnership } from '../lib/invitations.server.ts';
import { DELIVERY_STATUS, INVITATION_STATUS } from '../lib/invitations.ts';
import { formatDate } from '../lib/labels.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import { unlessRefused } from '../lib/outcome.server.ts';
import { INVITATION_DELIVERY_FIELDS } from '../lib/partnership/fragments.ts';
import { roleNames } from '../lib/roles.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page ? errorTitle(error) : pageTitle('Invitations', page.partnership.name);

const INVITATIONS = graphql(
  `
    query InvitationsPage($slug: String!) {
      partnership(slug: $slug) {
        invitations {
          id
          roles
          jobTitle
          status
          sentAt
          acceptedAt
          revokedAt
          ...InvitationDeliveryFields
        }
      }
    }
  `,
  [INVITATION_DELIVERY_FIELDS],
);

const RESEND = graphql(
  `
    mutation ResendInvitation($input: ResendInvitationInput!) {
      result: resendInvitation(input: $input) {
        __typename
        ... on MutationResendInvitationSuccess {
          data {
            id
          }
        }
        ...MutationError
      }
    }
  `,
  [MUTATION_ERROR],
);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const slug = params.slug ?? '';
  const partnership = await leadPartnership(request, context, slug);
  const data = await gql(context, INVITATIONS, { slug });
  const invitations = data.partnership?.invitations ?? [];
  const url = new URL(request.url);
  const named = (param: string) => {
    const id = url.searchParams.get(param);
    return id ? (invitations.find((i) => i.id === id)?.email ?? null) : null;
  };
  const invited = Number(url.searchParams.get('invited') ?? '');
  return {
    partnership,
    pending: invitations.filter((i) => i.status === 'PENDING'),
    others: invitations.filter((i) => i.status !== 'PENDING').slice(0, 50),
    banner: {
      invited: Number.isInteger(invited) && invited > 0 && invited <= 100 ? invited : null,
      resent: named('resent'),
      revoked: named('revoked'),
      problem: url.searchParams.get('problem') === 'resend',
    },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const slug = params.slug ?? '';
  const form = await readForm(request);
  const base = `/partnerships/${encodeURIComponent(slug)}/invitations`;
  if (form.intent !== 'resend') throw redirect(base);
  const { result } = await gql(context, RESEND, { input: { id: form.text('id') } });
  const outcome = unlessRefused(result);
  if (outcome.__typename === 'MutationResendInvitationSuccess')
    throw redirect(`${base}?resent=${encodeURIComponent(outcome.data.id)}`);
  // Accepted or revoked meanwhile: the list shows what happened to it.
  throw redirect(`${base}?problem=resend`);
}

function when(value: string | null | undefined) {
  return value ? formatDate(value) : '';
}

/** The first two cells of an invitation's row: who it is for, and as what. */
function inviteeCells(i: {
  email: string;
  roles: readonly string[];
  organisation: { name: string };
}) {
  return [
    <span key="email" className="lip-break-words">
      {i.email}
    </span>,
    <>
      {i.organisation.name}
      <br />
      <span className="govuk-body-s">{roleNames(i.roles)}</span>
    </>,
  ];
}

export default function Invitations() {
  const { partnership, pending, others, banner } = useLoaderData<typeof loader>();
  const base = `/partnerships/${encodeURIComponent(partnership.slug)}/invitations`;
  const links = pending.filter((i) => i.link);
  return (
    <>
      <Breadcrumbs
        items={[
          { text: 'Your partnerships', href: '/partnerships' },
          { text: partnership.name, href: `/partnerships/${encodeURIComponent(partnership.slug)}` },
          { text: 'Invitations' },
        ]}
      />
      {banner.invited !== null && (
        <NotificationBanner type="success">
          <p className="govuk-notification-banner__heading">
            {banner.invited === 1 ? 'Invitation' : `${banner.invited} invitations`}{' '}
            {links.length > 0 ? 'created' : 'sent'}
          </p>
        </NotificationBanner>
      )}
      {banner.resent && (
        <NotificationBanner type="success">
          <p className="govuk-notification-banner__heading">
            Invitation to {banner.resent} sent again. The earlier link no longer works.
          </p>
        </NotificationBanner>
      )}
      {banner.revoked && (
        <NotificationBanner type="success">
          <p className="govuk-notification-banner__heading">
            Invitation to {banner.revoked} revoked. Its link no longer works.
          </p>
        </NotificationBanner>
      )}
      {banner.problem && (
        <NotificationBanner title="Important">
          <p className="govuk-notification-banner__heading">
            That invitation could not be sent again: it has been accepted or revoked.
          </p>
        </NotificationBanner>
      )}
      <span className="govuk-caption-l">{partnership.name}</span>
      <h1 className="govuk-heading-l">Invitations</h1>
      <p className="govuk-body">
        People join the partnership through an email invitation. Its link works once, for 7 days.
      </p>
      <Button href={`${base}/new`}>Invite people</Button>

      <h2 className="govuk-heading-m">Waiting to be accepted</h2>
      {pending.length === 0 ? (
        <p className="govuk-body">No invitations are waiting.</p>
      ) : (
        <Table
          region="Invitations waiting to be accepted"
          caption="Invitations waiting to be accepted"
          captionSize="s"
          head={['Email address', 'Organisation and roles', 'Sent', 'Expires', 'Email', 'Actions']}
          rowKeys={pending.map((i) => i.id)}
          firstCellIsHeader
          rows={pending.map((i) => [
            ...inviteeCells(i),
            when(i.sentAt),
            when(i.expiresAt),
            <>
              <Tag colour={DELIVERY_STATUS[i.delivery.status]?.colour}>
                {DELIVERY_STATUS[i.delivery.status]?.text ?? i.delivery.status}
              </Tag>
              {i.delivery.problem && i.delivery.status !== 'NOT_SENT' && (
                <p className="govuk-body-s govuk-!-margin-top-2 govuk-!-margin-bottom-0">
                  {i.delivery.problem}
                </p>
              )}
            </>,
            <div key="actions">
              <form method="post" className="govuk-!-margin-bottom-2">
                <input type="hidden" name="id" value={i.id} />
                <Button
                  name="intent"
                  value="resend"
                  variant="secondary"
                  className="govuk-!-margin-bottom-0"
                >
                  Resend<span className="govuk-visually-hidden"> to {i.email}</span>
                </Button>
              </form>
              <a className="govuk-link" href={`${base}/${encodeURIComponent(i.id)}/revoke`}>
                Revoke<span className="govuk-visually-hidden"> the invitation to {i.email}</span>
              </a>
            </div>,
          ])}
        />
      )}

      {links.length > 0 && (
        <>
          <h2 className="govuk-heading-m">Links to send yourself</h2>
          <p className="govuk-body">
            This service cannot send email, so no invitation emails were sent. Copy each link and
            send it to the person it is for. Anyone with a link can use it to join, so send it only
            to them.
          </p>
          {links.map((i, n) => (
            <Input
              key={i.id}
              id={`link-${n + 1}`}
              name={`link-${n + 1}`}
              label={`Invitation link for ${i.email}`}
              labelSize="s"
              readOnly
              spellCheck={false}
              defaultValue={i.link ?? ''}
            />
          ))}
        </>
      )}

      <h2 className="govuk-heading-m">Accepted, revoked and expired</h2>
      {others.length === 0 ? (
        <p className="govuk-body">None yet.</p>
      ) : (
        <Table
          region="Invitations that have been accepted, revoked or have expired"
          caption="Invitations that have been accepted, revoked or have expired"
          captionSize="s"
          head={['Email address', 'Organisation and roles', 'Status', 'Date']}
          rowKeys={others.map((i) => i.id)}
          firstCellIsHeader
          rows={others.map((i) => [
            ...inviteeCells(i),
            <Tag key="status" colour={INVITATION_STATUS[i.status]?.colour}>
              {INVITATION_STATUS[i.status]?.text ?? i.status}
            </Tag>,
            when(i.acceptedAt ?? i.revokedAt ?? i.expiresAt),
          ])}
        />
      )}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
