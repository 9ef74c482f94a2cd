// Start a revision of a published plan: it becomes a draft again while the published version stays public.
import { data, redirect } from '@remix-run/node';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { Button, InsetText } from '@lip/ui';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { TransitionPage, type TransitionFailure } from '../components/workflow/TransitionPage.tsx';
import {
  START_REVISION,
  loadWorkflowPlan,
  runTransition,
} from '../components/workflow/workflow.server.ts';
import { planPath } from '../components/workflow/workflow.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page ? errorTitle(error) : pageTitle('Start a revision', page.plan.title);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  return { plan: await loadWorkflowPlan(request, context, params.planId) };
}

export async function action({ params, context }: ActionFunctionArgs) {
  const planId = params.planId ?? '';
  const outcome = await runTransition(context, START_REVISION, { input: { planId } });
  if (outcome.ok) throw redirect(planPath(planId));
  const { ok: _ok, status, ...failure } = outcome;
  return data<TransitionFailure>(failure, { status });
}

export default function Revise() {
  const { plan } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  return (
    <TransitionPage plan={plan} heading="Start a revision" failure={failure}>
      {plan.viewerCan.revise ? (
        <p className="govuk-body">
          The plan becomes a draft again so partners can update it. Version{' '}
          {plan.publishedVersion?.number} stays public until the revised plan is signed off and
          published.
        </p>
      ) : (
        <InsetText>
          Only the partnership lead can start a revision, and only of a published plan.
        </InsetText>
      )}
      <form method="post" id="main-form">
        <Button>Start a revision</Button>
      </form>
    </TransitionPage>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
