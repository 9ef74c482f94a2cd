// A service administrator grants oversight (read-only, of the published plans of a region or all
// England) to people who already have an account, and revokes it. Forms work without JavaScript.
import { data, redirect } from '@remix-run/node';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import {
  bindFields,
  Button,
  ErrorSummary,
  Fieldset,
  Input,
  NotificationBanner,
  Table,
} from '@lip/ui';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { useErrorTitle } from '../components/useErrorTitle.ts';
import { graphql, MUTATION_ERROR } from '../graphql.ts';
import { errorsInFieldOrder } from '../lib/error-summary.ts';
import { readForm } from '../lib/form.server.ts';
import { gql } from '../lib/graphql.server.ts';
import { formatDate } from '../lib/labels.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import { forbidden, formErrors, requireViewer, unlessRefused } from '../lib/outcome.server.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page ? errorTitle(error) : pageTitle('Oversight');

const PAGE = graphql(`
  query OversightAdminPage {
    viewer {
      id
      isSystemAdmin
    }
    oversightMemberships {
      __typename
      ... on QueryOversightMembershipsSuccess {
        data {
          id
          name
          region
          grantedAt
          userEmail
          userName
          grantedByName
        }
      }
    }
  }
`);

const GRANT = graphql(
  `
    mutation GrantOversight($input: GrantOversightInput!) {
      result: grantOversight(input: $input) {
        __typename
        ... on MutationGrantOversightSuccess {
          data {
            id
            userEmail
          }
        }
        ...MutationError
      }
    }
  `,
  [MUTATION_ERROR],
);

const REVOKE = graphql(
  `
    mutation RevokeOversight($input: RevokeOversightInput!) {
      result: revokeOversight(input: $input) {
        __typename
        ... on MutationRevokeOversightSuccess {
          data {
            userEmail
          }
        }
        ...MutationError
      }
    }
  `,
  [MUTATION_ERROR],
);

const FIELDS = ['email', 'name', 'region'] as const;
type FieldName = (typeof FIELDS)[number];

async function administrator(request: Request, context: LoaderFunctionArgs['context']) {
  const page = requireViewer(request, await gql(context, PAGE));
  if (
    !page.viewer.isSystemAdmin ||
    page.oversightMemberships.__typename !== 'QueryOversightMembershipsSuccess'
  )
    forbidden('Only a service administrator can grant oversight');
  return page.oversightMemberships.data;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const memberships = await administrator(request, context);
  const params = new URL(request.url).searchParams;
  return {
    memberships,
    granted: params.get('granted')?.slice(0, 254) ?? null,
    revoked: params.get('revoked')?.slice(0, 254) ?? null,
  };
}

interface GrantActionData {
  values: Record<FieldName, string>;
  errors: Record<string, string>;
}

export async function action({ request, context }: ActionFunctionArgs) {
  await administrator(request, context);
  const form = await readForm(request);
  if (form.text('intent') === 'revoke') {
    const { result } = await gql(context, REVOKE, { input: { id: form.text('id') } });
    const outcome = unlessRefused(result);
    if (outcome.__typename === 'MutationRevokeOversightSuccess')
      throw redirect(`/admin/oversight?revoked=${encodeURIComponent(outcome.data.userEmail)}`);
    throw new Response(outcome.message, { status: 400 });
  }
  const values = Object.fromEntries(FIELDS.map((f) => [f, form.text(f)])) as Record<
    FieldName,
    string
  >;
  const { result } = await gql(context, GRANT, {
    input: { email: values.email, name: values.name, region: values.region || null },
  });
  const outcome = unlessRefused(result);
  if (outcome.__typename === 'MutationGrantOversightSuccess')
    throw redirect(`/admin/oversight?granted=${encodeURIComponent(outcome.data.userEmail)}`);
  return data<GrantActionData>({ values, errors: formErrors(outcome) }, { status: 400 });
}

export default function OversightAdmin() {
  const { memberships, granted, revoked } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  useErrorTitle(Boolean(failure));
  const errors = failure?.errors ?? {};
  const values: Partial<Record<FieldName, string>> = failure?.values ?? {};
  const summary = errorsInFieldOrder(FIELDS, errors);
  const field = bindFields(values, errors);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {summary.length > 0 && <ErrorSummary errors={summary} />}
        {!failure && granted && (
          <NotificationBanner type="success" title="Success">
            <p className="govuk-notification-banner__heading">Oversight granted to {granted}</p>
          </NotificationBanner>
        )}
        {!failure && revoked && (
          <NotificationBanner type="success" title="Success">
            <p className="govuk-notification-banner__heading">Oversight revoked for {revoked}</p>
          </NotificationBanner>
        )}
        <span className="govuk-caption-l">Service administration</span>
        <h1 className="govuk-heading-l">Oversight</h1>
        <p className="govuk-body">
          People with oversight, such as a DfE regional team or NHS England, read the published
          plans, published dashboards and submission status of the partnerships in their region, or
          in all of England. They never see drafts or comments, and they cannot change any plan.
        </p>
      </div>
      <div className="govuk-grid-column-full">
        {memberships.length === 0 ? (
          <p className="govuk-body">No one has oversight yet.</p>
        ) : (
          <Table
            caption="People with oversight"
            region="People with oversight"
            firstCellIsHeader
            rowKeys={memberships.map((m) => m.id)}
            head={['Person', 'Team', 'Covers', 'Granted', 'Action']}
            rows={memberships.map((m) => [
              <>
                {m.userName}
                <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0 lip-break-words">
                  {m.userEmail}
                </span>
              </>,
              m.name,
              m.region ?? 'All England',
              `${formatDate(m.grantedAt)}${m.grantedByName ? ` by ${m.grantedByName}` : ''}`,
              <form method="post" className="lip-inline-form">
                <input type="hidden" name="intent" value="revoke" />
                <input type="hidden" name="id" value={m.id} />
                <button
                  type="submit"
                  className="govuk-button govuk-button--warning govuk-!-margin-bottom-0"
                >
                  Revoke<span className="govuk-visually-hidden"> oversight for {m.userEmail}</span>
                </button>
              </form>,
            ])}
          />
        )}
      </div>
      <div className="govuk-grid-column-two-thirds">
        <form method="post" noValidate>
          <input type="hidden" name="intent" value="grant" />
          <Fieldset legend="Grant oversight" legendSize="m">
            <Input
              {...field.text('email')}
              label="Email address"
              hint="The person must already have an account"
              type="email"
              autoComplete="off"
              spellCheck={false}
            />
            <Input
              {...field.text('name')}
              label="Team"
              hint="For example, DfE North West region or NHS England"
              autoComplete="off"
            />
            <Input
              {...field.text('region')}
              label="Region (optional)"
              hint="A region of England, for example, North West. Leave blank for all of England."
              width="20"
              autoComplete="off"
            />
          </Fieldset>
          <Button>Grant oversight</Button>
        </form>
      </div>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
