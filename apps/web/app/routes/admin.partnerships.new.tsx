// A service administrator creates a partnership: its name and address, the first organisation
// (found by ODS code, or new) and the email of its first lead, who is invited. The confirmation
// (a GOV.UK panel) says whether the invitation email went, or gives the link to pass on.
import { data, redirect } from '@remix-run/node';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
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
import { readForm } from '../lib/form.server.ts';
import { gql } from '../lib/graphql.server.ts';
import { DELIVERY_STATUS } from '../lib/invitations.ts';
import { formatDate } from '../lib/labels.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';
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

const CREATED = graphql(`
  query PartnershipCreated($id: ID!) {
    node(id: $id) {
      __typename
      ... on Invitation {
        id
        email
        partnershipName
        partnershipSlug
        expiresAt
        organisation {
          name
        }
        delivery {
          status
          problem
        }
        link
      }
    }
  }
`);

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

const FIELDS = [
  { name: 'name', label: 'Name' },
  { name: 'slug', label: 'Web address' },
  { name: 'localAuthorityCodes', label: 'Local authority codes' },
  { name: 'region', label: 'Region' },
  { name: 'organisationOdsCode', label: 'ODS code' },
  { name: 'organisationName', label: 'Organisation name' },
  { name: 'organisationTypeCode', label: 'Type of organisation' },
  { name: 'leadEmail', label: 'Email address' },
  { name: 'leadJobTitle', label: 'Job title' },
] as const;
type FieldName = (typeof FIELDS)[number]['name'];

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
  const values = Object.fromEntries(FIELDS.map((f) => [f.name, form.text(f.name)])) as Record<
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

export default function CreatePartnership() {
  const { organisationTypes, created } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  useErrorTitle(Boolean(failure));
  if (created) return <Confirmation created={created} />;
  const errors = failure?.errors ?? {};
  const values: Partial<Record<FieldName, string>> = failure?.values ?? {};
  const summary = [
    ...FIELDS.filter((f) => errors[f.name]).map((f) => ({ href: f.name, text: errors[f.name]! })),
    ...(errors._form ? [{ href: 'name', text: errors._form }] : []),
  ];
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
            <Input
              {...field.text('name')}
              label="Name"
              hint="For example, Eastmarsh SEND and AP Partnership"
              autoComplete="off"
            />
            <Input
              {...field.text('slug')}
              label="Web address (optional)"
              hint="Lower-case letters, numbers and hyphens, used in /partnerships/…. Leave blank to make one from the name."
              autoComplete="off"
              spellCheck={false}
              width="20"
            />
            <Input
              {...field.text('localAuthorityCodes')}
              label="Local authority codes (optional)"
              hint="Separated by commas, for example, 886 or E10000016"
              autoComplete="off"
              spellCheck={false}
              width="20"
            />
            <Input
              {...field.text('region')}
              label="Region (optional)"
              autoComplete="off"
              width="20"
            />
          </Fieldset>
          <Fieldset legend="The partnership lead’s organisation" legendSize="m">
            <Input
              {...field.text('organisationOdsCode')}
              label="ODS code (optional)"
              hint="If an organisation already has this code, it is used and you do not need to enter its name and type"
              autoComplete="off"
              spellCheck={false}
              width="10"
            />
            <Input
              {...field.text('organisationName')}
              label="Organisation name"
              autoComplete="off"
            />
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
            <Input
              {...field.text('leadEmail')}
              label="Email address"
              type="email"
              autoComplete="off"
              spellCheck={false}
            />
            <Input
              {...field.text('leadJobTitle')}
              label="Job title (optional)"
              autoComplete="off"
            />
          </Fieldset>
          <Button>Create partnership and invite the lead</Button>
        </form>
      </div>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
