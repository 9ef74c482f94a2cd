// Remove a member from the partnership (the lead), after a confirmation. Their sessions end at
// once; what they wrote stays theirs.
import { data, redirect } from '@remix-run/node';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { FormActions, FormPage, WarningText } from '@lip/ui';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { useErrorTitle } from '../components/useErrorTitle.ts';
import { graphql, MUTATION_ERROR } from '../graphql.ts';
import { gql } from '../lib/graphql.server.ts';
import { formErrors, unlessRefused } from '../lib/outcome.server.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import { partnershipPath } from '../lib/partnership-admin.ts';
import { PARTNERSHIP_PAGE_FIELDS } from '../lib/partnership/fragments.ts';
import { leadPartnershipPage, oneOf } from '../lib/partnership/page.server.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page ? errorTitle(error) : pageTitle(`Remove ${page.member.user.name}`);

const QUERY = graphql(
  `
    query RemoveMemberPage($slug: String!) {
      viewer {
        id
      }
      partnership(slug: $slug) {
        ...PartnershipPageFields
        members {
          id
          organisation {
            name
          }
          user {
            id
            name
          }
        }
      }
    }
  `,
  [PARTNERSHIP_PAGE_FIELDS],
);

const REMOVE = graphql(
  `
    mutation RemoveMember($input: RemoveMemberInput!) {
      result: removeMember(input: $input) {
        __typename
        ... on MutationRemoveMemberSuccess {
          data {
            sessionsEnded
          }
        }
        ...MutationError
      }
    }
  `,
  [MUTATION_ERROR],
);

async function loadPage(args: LoaderFunctionArgs) {
  const page = await leadPartnershipPage(args, QUERY);
  const { partnership, item: member } = oneOf(page.partnership, 'members', args.params.memberId);
  return { partnership, member, isViewer: member.user.id === page.viewer.id };
}

export const loader = (args: LoaderFunctionArgs) => loadPage(args);

export async function action(args: ActionFunctionArgs) {
  const { partnership, member, isViewer } = await loadPage(args);
  const { result } = await gql(args.context, REMOVE, { input: { memberId: member.id } });
  const outcome = unlessRefused(result);
  if (outcome.__typename === 'MutationRemoveMemberSuccess') {
    // A lead who removed themselves has just been signed out.
    if (isViewer) throw redirect('/sign-in');
    throw redirect(partnershipPath(partnership.slug, '/members?removed=1'));
  }
  const errors = formErrors(outcome);
  return data({ error: Object.values(errors)[0] ?? outcome.message }, { status: 400 });
}

export default function RemoveMember() {
  const { partnership, member, isViewer } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  useErrorTitle(Boolean(failure));
  const members = partnershipPath(partnership.slug, '/members');
  return (
    <FormPage
      back={{ href: members, text: 'Back to members' }}
      errors={failure ? [{ href: 'main-form', text: failure.error }] : []}
      caption={partnership.name}
      heading={<>Are you sure you want to remove {isViewer ? 'yourself' : member.user.name}?</>}
    >
      <p className="govuk-body">
        {isViewer ? 'You' : member.user.name} will no longer be a member of {partnership.name} for{' '}
        {member.organisation.name}. What they have written, commented and signed stays in the plan
        and its history under their name.
      </p>
      <WarningText>
        {isViewer ? 'You' : 'They'} will be signed out at once, on every device.
      </WarningText>
      <form method="post" id="main-form" noValidate>
        <FormActions variant="warning" submit="Remove member" cancelHref={members} />
      </form>
    </FormPage>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
