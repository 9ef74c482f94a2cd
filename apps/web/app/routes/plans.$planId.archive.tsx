// Archive a plan (the partnership's lead), after a confirmation: it leaves the partnership's list of
// plans and is kept whole; a published version stays public. Not while in partner review or
// signed off (the API says why).
import { data, redirect } from '@remix-run/node';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { FormActions, FormPage, InsetText, WarningText } from '@lip/ui';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { useErrorTitle } from '../components/useErrorTitle.ts';
import { planPath } from '../components/workflow/workflow.ts';
import { graphql, MUTATION_ERROR } from '../graphql.ts';
import { readForm } from '../lib/form.server.ts';
import { gql } from '../lib/graphql.server.ts';
import { forbidden, formErrors, unlessRefused } from '../lib/outcome.server.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import { partnershipPath } from '../lib/partnership-admin.ts';
import { queryPlan } from '../lib/plan-query.server.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page ? errorTitle(error) : pageTitle('Archive the plan', page.plan.title);

const QUERY = graphql(`
  query ArchivePlanPage($id: ID!) {
    viewer {
      id
    }
    plan(id: $id) {
      id
      title
      state
      version
      archivedAt
      viewerCanArchive
      publishedVersion {
        number
      }
      partnership {
        slug
        name
        viewerIsLead
      }
    }
  }
`);

const ARCHIVE = graphql(
  `
    mutation ArchivePlan($input: ArchivePlanInput!) {
      result: archivePlan(input: $input) {
        __typename
        ... on MutationArchivePlanSuccess {
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

async function loadPage({ request, params, context }: LoaderFunctionArgs) {
  const plan = await queryPlan(request, context, QUERY, { id: params.planId ?? '' });
  if (!plan.partnership.viewerIsLead) forbidden('Only a partnership lead can archive a plan');
  return { plan };
}

export const loader = (args: LoaderFunctionArgs) => loadPage(args);

export async function action(args: ActionFunctionArgs) {
  const { plan } = await loadPage(args);
  const version = (await readForm(args.request)).version();
  const { result } = await gql(args.context, ARCHIVE, { input: { planId: plan.id, version } });
  const outcome = unlessRefused(result);
  if (outcome.__typename === 'MutationArchivePlanSuccess')
    throw redirect(partnershipPath(plan.partnership.slug, '?archived=1'));
  if (outcome.__typename === 'PlanStateConflictError')
    return data(
      { error: 'The plan changed since this page was loaded. Check it, then try again' },
      { status: 409 },
    );
  const errors = formErrors(outcome);
  return data(
    { error: errors.planId ?? Object.values(errors)[0] ?? outcome.message },
    { status: 400 },
  );
}

export default function ArchivePlan() {
  const { plan } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  useErrorTitle(Boolean(failure));
  return (
    <FormPage
      back={{ href: planPath(plan.id), text: 'Back to the plan' }}
      errors={failure ? [{ href: 'main-form', text: failure.error }] : []}
      caption={plan.title}
      heading="Are you sure you want to archive this plan?"
    >
      {plan.archivedAt ? (
        <InsetText>This plan is already archived.</InsetText>
      ) : plan.viewerCanArchive ? (
        <>
          <p className="govuk-body">
            The plan will no longer be listed with {plan.partnership.name}’s plans. It is kept as it
            is, with its history, for reading only: nobody can change it again. You can still open
            it from the list of archived plans.
          </p>
          {plan.publishedVersion && (
            <p className="govuk-body">
              Version {plan.publishedVersion.number} stays published: its public page and downloads
              do not change.
            </p>
          )}
          <WarningText>You cannot undo this.</WarningText>
        </>
      ) : (
        <InsetText>
          A plan in partner review or signed off cannot be archived: withdraw it from review, or
          publish it, first.
        </InsetText>
      )}
      <form method="post" id="main-form" noValidate>
        <input type="hidden" name="version" value={plan.version} />
        <FormActions variant="warning" submit="Archive plan" cancelHref={planPath(plan.id)} />
      </form>
    </FormPage>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
