// A service administrator creates a partnership: its name and address, the first organisation
// (found by ODS code, or new) and the email of its first lead, who is invited. The confirmation
// (a GOV.UK panel) says whether the invitation email went, or gives the link to pass on.
import { data, redirect } from '@remix-run/node';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import type { ComponentProps } from 'react';
import {
  bindFields,
  Button,
  ErrorSummary,
  Fieldset,
  Input,
  Select,
  SummaryList,
  Tag,
} from '@lip/ui';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { useErrorTitle } from '../components/useErrorTitle.ts';
import { graphql, MUTATION_ERROR } from '../graphql.ts';
import { errorsInFieldOrder } from '../lib/error-summary.ts';
import { readForm } from '../lib/form.server.ts';
import { gql } from '../lib/graphql.server.ts';
import { DELIVERY_STATUS } from '../lib/invitations.ts';
import { formatDate } from '../lib/labels.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import { INVITATION_DELIVERY_FIELDS } from '../lib/partnership/fragments.ts';
import { forbidden, formErrors, requireViewer, unlessRefused } from '../lib/outcome.server.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page
    ? errorTitle(error)
    : pageTitle(page.created ? 'Partnership created' : 'Create a partnership');

const PAGE = graphql(`
  query CreatePartnershipPage {
    viewer {
      id
      isSystemAdmin
    }
    organisationTypes {
      code
      title
    }
  }
`);

const CREATED = graphql(
  `
    query PartnershipCreated($id: ID!) {
      node(id: $id) {
        __typename
        ... on Invitation {
          id
          partnershipName
          partnershipSlug
          ...InvitationDeliveryFields
        }
      }
    }
  `,
  [INVITATION_DELIVERY_FIELDS],
);

const CREATE = graphql(
  `
    mutation CreatePartnership($input: CreatePartnershipInput!) {
      result: createPartnership(input: $input) {
        __typename
        ... on MutationCreatePartnershipSuccess {
          data {
            invitation {
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
const FIELDS = [
  'name',
  'slug',
  'localAuthorityCodes',
  'region',
  'organisationOdsCode',
  'organisationName',
  'organisationTypeCode',
  'leadEmail',
  'leadJobTitle',
] as const;
type FieldName = (typeof FIELDS)[number];

async function administrator(request: Request, context: LoaderFunctionArgs['context']) {
  const page = requireViewer(request, await gql(context, PAGE));
  if (!page.viewer.isSystemAdmin) forbidden('Only a service administrator can create partnerships');
  return page;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const page = await administrator(request, context);
  const createdId = new URL(request.url).searchParams.get('created');
  if (createdId) {
    const found = await gql(context, CREATED, { id: createdId });
    if (found.node?.__typename === 'Invitation')
      return { organisationTypes: page.organisationTypes, created: found.node };
  }
  return { organisationTypes: page.organisationTypes, created: null };
}

interface CreateActionData {
  values: Record<FieldName, string>;
  errors: Record<string, string>;
}

export async function action({ request, context }: ActionFunctionArgs) {
  await administrator(request, context);
  const form = await readForm(request);
  const values = Object.fromEntries(FIELDS.map((f) => [f, form.text(f)])) as Record<
    FieldName,
    string
  >;
  const { result } = await gql(context, CREATE, {
    input: {
      name: values.name,
      slug: values.slug || null,
      localAuthorityCodes: values.localAuthorityCodes.split(/[\s,;]+/).filter(Boolean),
      region: values.region || null,
      organisationOdsCode: values.organisationOdsCode || null,
      organisationName: values.organisationName || null,
      organisationTypeCode: values.organisationTypeCode || null,
      leadEmail: values.leadEmail,
      leadJobTitle: values.leadJobTitle || null,
    },
  });
  const outcome = unlessRefused(result);
  if (outcome.__typename === 'MutationCreatePartnershipSuccess')
    throw redirect(
      `/admin/partnerships/new?created=${encodeURIComponent(outcome.data.invitation.id)}`,
    );
  return data<CreateActionData>({ values, errors: formErrors(outcome) }, { status: 400 });
}

type Created = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>['created']>;

function Confirmation({ created }: { created: Created }) {
  const delivery = DELIVERY_STATUS[created.delivery.status];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 className="govuk-panel__title">Partnership created</h1>
          <div className="govuk-panel__body lip-break-words">{created.partnershipName}</div>
        </div>
        <h2 className="govuk-heading-m">The partnership lead’s invitation</h2>
        <SummaryList
          rows={[
            {
              key: 'Email address',
              value: <span className="lip-break-words">{created.email}</span>,
            },
            { key: 'Organisation', value: created.organisation.name },
            {
              key: 'Email',
              value: (
                <>
                  <Tag colour={delivery?.colour}>{delivery?.text ?? created.delivery.status}</Tag>
                  {created.delivery.problem && !created.link && (
                    <p className="govuk-body-s govuk-!-margin-top-2 govuk-!-margin-bottom-0">
                      {created.delivery.problem}
                    </p>
                  )}
                </>
              ),
            },
            { key: 'Link expires', value: formatDate(created.expiresAt) },
          ]}
        />
        {created.link ? (
          <>
            <p className="govuk-body">
              This service cannot send email, so no invitation email was sent. Copy the link and
              send it to {created.email} yourself. Anyone with the link can use it to join, so send
              it only to them.
            </p>
            <Input
              id="link"
              name="link"
              label="Invitation link"
              labelSize="s"
              readOnly
              spellCheck={false}
              defaultValue={created.link}
            />
          </>
        ) : (
          <p className="govuk-body">
            We have emailed {created.email} a link to accept. Once they accept, they can add the
            partnership’s other organisations and invite its members.
          </p>
        )}
        <p className="govuk-body">
          <a className="govuk-link" href="/admin/partnerships/new">
            Create another partnership
          </a>
        </p>
      </div>
    </div>
  );
}

// The fields describe the partnership and its lead, not the administrator filling them in, so the
// browser must not offer the administrator's own details.
const Field = (props: ComponentProps<typeof Input>) => <Input autoComplete="off" {...props} />;
// Codes, web addresses and email addresses are not words to spell-check.
const CodeField = (props: ComponentProps<typeof Input>) => <Field spellCheck={false} {...props} />;

export default function CreatePartnership() {
  const { organisationTypes, created } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  useErrorTitle(Boolean(failure));
  if (created) return <Confirmation created={created} />;
  const errors = failure?.errors ?? {};
  const values: Partial<Record<FieldName, string>> = failure?.values ?? {};
  const summary = errorsInFieldOrder(FIELDS, errors);
  const field = bindFields(values, errors);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {summary.length > 0 && <ErrorSummary errors={summary} />}
        <span className="govuk-caption-l">Service administration</span>
        <h1 className="govuk-heading-l">Create a partnership</h1>
        <p className="govuk-body">
          Add the partnership and the organisation its lead works for. We will email the lead an
          invitation; they then add the other organisations and invite the members.
        </p>
        <form method="post" noValidate>
          <Fieldset legend="The partnership" legendSize="m">
            <Field
              {...field.text('name')}
              label="Name"
              hint="For example, Eastmarsh SEND and AP Partnership"
            />
            <CodeField
              {...field.text('slug')}
              label="Web address (optional)"
              hint="Lower-case letters, numbers and hyphens, used in /partnerships/…. Leave blank to make one from the name."
              width="20"
            />
            <CodeField
              {...field.text('localAuthorityCodes')}
              label="Local authority codes (optional)"
              hint="Separated by commas, for example, 886 or E10000016"
              width="20"
            />
            <Field {...field.text('region')} label="Region (optional)" width="20" />
          </Fieldset>
          <Fieldset legend="The partnership lead’s organisation" legendSize="m">
            <CodeField
              {...field.text('organisationOdsCode')}
              label="ODS code (optional)"
              hint="If an organisation already has this code, it is used and you do not need to enter its name and type"
              width="10"
            />
            <Field {...field.text('organisationName')} label="Organisation name" />
            <Select
              {...field.text('organisationTypeCode')}
              label="Type of organisation"
              options={[
                { value: '', text: 'Choose a type' },
                ...organisationTypes.map((t) => ({ value: t.code, text: t.title })),
              ]}
            />
          </Fieldset>
          <Fieldset legend="The partnership lead" legendSize="m">
            <CodeField {...field.text('leadEmail')} label="Email address" type="email" />
            <Field {...field.text('leadJobTitle')} label="Job title (optional)" />
          </Fieldset>
          <Button>Create partnership and invite the lead</Button>
        </form>
      </div>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
