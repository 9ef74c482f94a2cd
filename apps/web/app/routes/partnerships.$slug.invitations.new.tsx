// A lead invites people: their email addresses (several at once), the organisation they act for,
// their roles and, optionally, their job title. All are invited or, when something is wrong, none.
import { data, redirect } from '@remix-run/node';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { bindFields, Button, Checkboxes, FormPage, Input, Radios, Textarea } from '@lip/ui';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { useErrorTitle } from '../components/useErrorTitle.ts';
import { graphql, MUTATION_ERROR } from '../graphql.ts';
import { errorsInFieldOrder } from '../lib/error-summary.ts';
import { readForm } from '../lib/form.server.ts';
import { gql } from '../lib/graphql.server.ts';
import { leadPartnership } from '../lib/invitations.server.ts';
import { ROLE_CHOICES, splitEmails } from '../lib/invitations.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import { formErrors, invariantResponse, unlessRefused } from '../lib/outcome.server.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page ? errorTitle(error) : pageTitle('Invite people', page.partnership.name);

const ORGANISATIONS = graphql(`
  query InviteOrganisations($slug: String!) {
    partnership(slug: $slug) {
      organisations {
        id
        name
        typeTitle
      }
    }
  }
`);

const INVITE = graphql(
  `
    mutation InviteMember($input: InviteMemberInput!) {
      result: inviteMember(input: $input) {
        __typename
        ... on MutationInviteMemberSuccess {
          data {
            invitations {
              id
            }
          }
        }
        ...MutationError
      }
    }
  `,
  [MUTATION_ERROR],
);

/** The form's fields, in page order. */
const FIELDS = ['emails', 'organisationId', 'roles', 'jobTitle'];

type Role = 'PARTNERSHIP_LEAD' | 'SECTION_EDITOR' | 'CONTRIBUTOR' | 'SIGNATORY' | 'VIEWER';
const isRole = (value: string): value is Role => ROLE_CHOICES.some((r) => r.value === value);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const slug = params.slug ?? '';
  const partnership = await leadPartnership(request, context, slug);
  const page = await gql(context, ORGANISATIONS, { slug });
  invariantResponse(page.partnership);
  return { partnership, organisations: page.partnership.organisations };
}

interface InviteActionData {
  values: { emails: string; organisationId: string; roles: string[]; jobTitle: string };
  errors: Record<string, string>;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const slug = params.slug ?? '';
  const partnership = await leadPartnership(request, context, slug);
  const form = await readForm(request);
  const values = {
    emails: form.text('emails'),
    organisationId: form.text('organisationId'),
    roles: form.all('roles').filter(isRole),
    jobTitle: form.text('jobTitle'),
  };
  const errors: Record<string, string> = {};
  if (!values.emails) errors.emails = 'Enter at least one email address';
  if (!values.organisationId) errors.organisationId = 'Choose the organisation they act for';
  if (values.roles.length === 0) errors.roles = 'Select at least one role';
  if (Object.keys(errors).length > 0)
    return data<InviteActionData>({ values, errors }, { status: 400 });

  const { result } = await gql(context, INVITE, {
    input: {
      partnershipId: partnership.id,
      emails: splitEmails(values.emails),
      organisationId: values.organisationId,
      roles: values.roles,
      jobTitle: values.jobTitle || null,
    },
  });
  const outcome = unlessRefused(result);
  if (outcome.__typename === 'MutationInviteMemberSuccess') {
    const count = outcome.data.invitations.length;
    throw redirect(`/partnerships/${encodeURIComponent(slug)}/invitations?invited=${count}`);
  }
  return data<InviteActionData>({ values, errors: formErrors(outcome) }, { status: 400 });
}

export default function InvitePeople() {
  const { partnership, organisations } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  useErrorTitle(Boolean(failure));
  const errors = failure?.errors ?? {};
  const field = bindFields(
    failure?.values ?? { emails: '', organisationId: '', roles: [], jobTitle: '' },
    errors,
  );
  const back = `/partnerships/${encodeURIComponent(partnership.slug)}/invitations`;
  return (
    <FormPage
      back={{ href: back, text: 'Back to invitations' }}
      errors={errorsInFieldOrder(FIELDS, errors)}
      caption={partnership.name}
      heading="Invite people"
    >
      <p className="govuk-body">
        Each person gets an email with a link to join. The link works once, for 7 days.
      </p>
      <form method="post" noValidate>
        <Textarea
          {...field.text('emails')}
          label="Email addresses"
          labelSize="m"
          hint="One on each line, or separated by commas. Up to 100 at a time: everyone gets the same organisation and roles."
          rows={4}
          spellCheck={false}
          autoComplete="off"
        />
        <Radios
          {...field.radios('organisationId')}
          legend="Which organisation do they act for?"
          legendSize="m"
          items={organisations.map((o) => ({ value: o.id, text: o.name, hint: o.typeTitle }))}
        />
        <Checkboxes
          {...field.checkboxes('roles')}
          legend="What can they do?"
          legendSize="m"
          hint="Select all that apply. Members of a parent carer forum, young people’s forum or SENDIASS cannot be section editors or partnership leads."
          items={ROLE_CHOICES.map((r) => ({ value: r.value, text: r.text, hint: r.hint }))}
        />
        <Input
          {...field.text('jobTitle')}
          label="Job title (optional)"
          labelSize="m"
          hint="Shown to other members, for example, SEND commissioning manager"
          autoComplete="off"
        />
        <Button>Send invitations</Button>
      </form>
    </FormPage>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
