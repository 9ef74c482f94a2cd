// Change a member's roles (the partnership's lead). The API checks the roles suit the member's
// organisation (a parent carer forum member is never a section editor) and keeps the last lead.
import { data, redirect } from '@remix-run/node';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { BackLink, Button, Checkboxes, ErrorSummary } from '@lip/ui';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { useErrorTitle } from '../components/useErrorTitle.ts';
import { graphql, MUTATION_ERROR } from '../graphql.ts';
import { readForm } from '../lib/form.server.ts';
import { gql } from '../lib/graphql.server.ts';
import { formErrors, unlessRefused } from '../lib/outcome.server.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import { partnershipPath } from '../lib/partnership-admin.ts';
import { PARTNERSHIP_PAGE_FIELDS } from '../lib/partnership/fragments.ts';
import { leadPartnershipPage, oneOf } from '../lib/partnership/page.server.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page ? errorTitle(error) : pageTitle(`Change ${page.member.user.name}’s roles`);

const QUERY = graphql(
  `
    query MemberRolesPage($slug: String!) {
      viewer {
        id
      }
      partnership(slug: $slug) {
        ...PartnershipPageFields
        members {
          id
          roles
          organisation {
            name
            typeTitle
          }
          user {
            name
          }
        }
      }
    }
  `,
  [PARTNERSHIP_PAGE_FIELDS],
);

const UPDATE_ROLES = graphql(
  `
    mutation UpdateMemberRoles($input: UpdateMemberRolesInput!) {
      result: updateMemberRoles(input: $input) {
        __typename
        ... on MutationUpdateMemberRolesSuccess {
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

const ROLES = [
  {
    value: 'PARTNERSHIP_LEAD',
    text: 'Partnership lead',
    hint: 'Manages the partnership, its members and plans, and edits the whole plan',
  },
  {
    value: 'SECTION_EDITOR',
    text: 'Section editor',
    hint: 'Edits the sections their organisation writes',
  },
  { value: 'CONTRIBUTOR', text: 'Contributor', hint: 'Comments and takes part in co-production' },
  { value: 'SIGNATORY', text: 'Signatory', hint: 'Signs the plan off for their organisation' },
  { value: 'VIEWER', text: 'Viewer', hint: 'Reads the plan' },
] as const;
type Role = (typeof ROLES)[number]['value'];
const isRole = (value: string): value is Role => ROLES.some((r) => r.value === value);

async function loadPage(args: LoaderFunctionArgs) {
  const page = await leadPartnershipPage(args, QUERY);
  const { partnership, item: member } = oneOf(page.partnership, 'members', args.params.memberId);
  return { partnership, member };
}

export const loader = (args: LoaderFunctionArgs) => loadPage(args);

export async function action(args: ActionFunctionArgs) {
  const { partnership, member } = await loadPage(args);
  const roles = (await readForm(args.request)).all('roles').filter(isRole);
  const { result } = await gql(args.context, UPDATE_ROLES, {
    input: { memberId: member.id, roles },
  });
  const outcome = unlessRefused(result);
  if (outcome.__typename === 'MutationUpdateMemberRolesSuccess')
    throw redirect(
      partnershipPath(partnership.slug, `/members?changed=${encodeURIComponent(member.id)}`),
    );
  const errors = formErrors(outcome);
  return data({ roles, error: errors.roles ?? errors._form ?? outcome.message }, { status: 400 });
}

export default function MemberRoles() {
  const { partnership, member } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  useErrorTitle(Boolean(failure));
  return (
    <>
      <BackLink href={partnershipPath(partnership.slug, '/members')}>Back to members</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {failure && <ErrorSummary errors={[{ href: 'roles', text: failure.error }]} />}
          <span className="govuk-caption-l">{partnership.name}</span>
          <form method="post" noValidate>
            <Checkboxes
              idPrefix="roles"
              name="roles"
              legend={`Change ${member.user.name}’s roles`}
              legendSize="l"
              isPageHeading
              hint={`${member.user.name} is a member for ${member.organisation.name} (${member.organisation.typeTitle}). Select all that apply.`}
              errorMessage={failure?.error}
              values={failure?.roles ?? member.roles}
              items={ROLES.map((r) => ({ ...r }))}
            />
            <Button>Save roles</Button>
          </form>
        </div>
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
