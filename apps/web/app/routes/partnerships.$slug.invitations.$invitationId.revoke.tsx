// Revoking an invitation asks first (a GOV.UK confirmation page): its link then stops working and
// says the invitation was cancelled.
import { data, redirect } from '@remix-run/node';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { FormActions, FormPage, SummaryList } from '@lip/ui';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { graphql, MUTATION_ERROR } from '../graphql.ts';
import { readForm } from '../lib/form.server.ts';
import { gql } from '../lib/graphql.server.ts';
import { leadPartnership } from '../lib/invitations.server.ts';
import { formatDate } from '../lib/labels.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import { formErrors, invariantResponse, unlessRefused } from '../lib/outcome.server.ts';
import { roleNames } from '../lib/roles.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page
    ? errorTitle(error)
    : pageTitle(`Revoke the invitation to ${page.invitation.email}`, page.partnership.name);

const INVITATION = graphql(`
  query RevokeInvitationPage($id: ID!) {
    node(id: $id) {
      __typename
      ... on Invitation {
        id
        email
        roles
        status
        sentAt
        partnershipSlug
        organisation {
          name
        }
      }
    }
  }
`);

const REVOKE = graphql(
  `
    mutation RevokeInvitation($input: RevokeInvitationInput!) {
      result: revokeInvitation(input: $input) {
        __typename
        ... on MutationRevokeInvitationSuccess {
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

async function load(
  request: Request,
  context: LoaderFunctionArgs['context'],
  slug: string,
  id: string,
) {
  const partnership = await leadPartnership(request, context, slug);
  const page = await gql(context, INVITATION, { id });
  const invitation = page.node?.__typename === 'Invitation' ? page.node : null;
  invariantResponse(invitation && invitation.partnershipSlug === partnership.slug);
  return { partnership, invitation };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const page = await load(request, context, params.slug ?? '', params.invitationId ?? '');
  const list = `/partnerships/${encodeURIComponent(page.partnership.slug)}/invitations`;
  // Nothing to revoke: back to the list, which shows what happened to it.
  if (page.invitation.status !== 'PENDING') throw redirect(list);
  return page;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { partnership, invitation } = await load(
    request,
    context,
    params.slug ?? '',
    params.invitationId ?? '',
  );
  await readForm(request);
  const { result } = await gql(context, REVOKE, { input: { id: invitation.id } });
  const outcome = unlessRefused(result);
  if (outcome.__typename === 'MutationRevokeInvitationSuccess')
    throw redirect(
      `/partnerships/${encodeURIComponent(partnership.slug)}/invitations?revoked=${encodeURIComponent(invitation.id)}`,
    );
  const errors = formErrors(outcome);
  return data({ error: errors._form ?? Object.values(errors)[0] ?? '' }, { status: 400 });
}

export default function RevokeInvitation() {
  const { partnership, invitation } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const list = `/partnerships/${encodeURIComponent(partnership.slug)}/invitations`;
  return (
    <FormPage
      back={{ href: list, text: 'Back to invitations' }}
      errors={failure?.error ? [{ href: 'revoke', text: failure.error }] : []}
      caption={partnership.name}
      heading={<>Are you sure you want to revoke the invitation to {invitation.email}?</>}
    >
      <SummaryList
        rows={[
          { key: 'Organisation', value: invitation.organisation.name },
          { key: 'Roles', value: roleNames(invitation.roles) },
          { key: 'Sent', value: formatDate(invitation.sentAt) },
        ]}
      />
      <p className="govuk-body">
        The link in their email will stop working. You can invite them again later.
      </p>
      <form method="post">
        <FormActions id="revoke" variant="warning" submit="Revoke invitation" cancelHref={list} />
      </form>
    </FormPage>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
