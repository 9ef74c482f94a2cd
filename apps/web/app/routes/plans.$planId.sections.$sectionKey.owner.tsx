// Who writes a section of this plan: the partnership lead names one of the organisations the
// section's plugin allows (an AP trust, or the council's education service where it runs AP).
import { data, redirect } from '@remix-run/node';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { BackLink, Button, ErrorSummary, Radios } from '@lip/ui';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { useErrorTitle } from '../components/useErrorTitle.ts';
import { planPath } from '../components/workflow/workflow.ts';
import { graphql, MUTATION_ERROR } from '../graphql.ts';
import { readForm } from '../lib/form.server.ts';
import { gql } from '../lib/graphql.server.ts';
import { formErrors, forbidden, invariantResponse, unlessRefused } from '../lib/outcome.server.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import { queryPlan } from '../lib/plan-query.server.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page
    ? errorTitle(error)
    : pageTitle(`Who writes the ${page.plan.section.title} section`, page.plan.title);

const QUERY = graphql(`
  query SectionOwnerPage($id: ID!, $key: String!) {
    viewer {
      id
    }
    plan(id: $id) {
      id
      title
      viewerCanEdit
      section(key: $key) {
        key
        title
        ownerOrganisation {
          id
        }
        eligibleOwnerOrganisations {
          id
          name
          typeTitle
        }
      }
    }
  }
`);

const SET_OWNER = graphql(
  `
    mutation SetSectionOwner($input: SetSectionOwnerInput!) {
      result: setSectionOwner(input: $input) {
        __typename
        ... on MutationSetSectionOwnerSuccess {
          data {
            key
          }
        }
        ...MutationError
      }
    }
  `,
  [MUTATION_ERROR],
);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { section, ...plan } = await queryPlan(request, context, QUERY, {
    id: params.planId ?? '',
    key: params.sectionKey ?? '',
  });
  invariantResponse(section);
  // The lead of a draft plan only (the API refuses anyone else too).
  if (!plan.viewerCanEdit)
    forbidden(
      'Only the partnership lead can change who writes a section, while the plan is a draft',
    );
  return { plan: { ...plan, section } };
}

interface OwnerActionData {
  chosen: string;
  error: string;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const organisationId = form.text('organisationId');
  const planId = params.planId ?? '';
  const sectionKey = params.sectionKey ?? '';
  if (!organisationId) {
    return data<OwnerActionData>(
      { chosen: '', error: 'Choose the organisation that writes this section' },
      { status: 400 },
    );
  }
  const { result } = await gql(context, SET_OWNER, {
    input: { planId, sectionKey, organisationId },
  });
  const outcome = unlessRefused(result);
  if (outcome.__typename === 'MutationSetSectionOwnerSuccess') {
    throw redirect(`${planPath(planId)}?owner=${encodeURIComponent(outcome.data.key)}`);
  }
  const errors = formErrors(outcome);
  return data<OwnerActionData>(
    { chosen: organisationId, error: errors.organisationId ?? errors._form ?? outcome.message },
    { status: 400 },
  );
}

export default function SectionOwner() {
  const { plan } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  useErrorTitle(Boolean(failure));
  const { section } = plan;
  return (
    <>
      <BackLink href={planPath(plan.id)}>Back to the plan</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {failure && <ErrorSummary errors={[{ href: 'organisationId', text: failure.error }]} />}
          {section.eligibleOwnerOrganisations.length === 0 ? (
            <>
              <h1 className="govuk-heading-l">
                Who writes the {section.title.toLowerCase()} section?
              </h1>
              <p className="govuk-body">
                None of this partnership’s organisations can write this section. Add the
                organisation to the partnership first.
              </p>
            </>
          ) : (
            <form method="post" noValidate>
              <Radios
                idPrefix="organisationId"
                name="organisationId"
                legend={`Who writes the ${section.title.toLowerCase()} section?`}
                legendSize="l"
                isPageHeading
                hint="Section editors of this organisation can change the section and its commitments. Others can read and comment."
                errorMessage={failure?.error}
                value={failure?.chosen ?? section.ownerOrganisation?.id ?? null}
                items={section.eligibleOwnerOrganisations.map((o) => ({
                  value: o.id,
                  text: o.name,
                  hint: o.typeTitle,
                }))}
              />
              <Button>Save</Button>
            </form>
          )}
        </div>
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
