// Start a revision of a published plan: it becomes a draft again while the published version stays public.
import type { ActionFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { Button, InsetText } from '@lip/ui';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { TransitionPage } from '../components/workflow/TransitionPage.tsx';
import { START_REVISION } from '../components/workflow/workflow.server.ts';
import { planPath } from '../components/workflow/workflow.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import { transitionAction, transitionLoader } from '../lib/plan/transition.server.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page ? errorTitle(error) : pageTitle('Start a revision', page.plan.title);

export const loader = transitionLoader;

export async function action({ params, context }: ActionFunctionArgs) {
  const planId = params.planId ?? '';
  return transitionAction(context, START_REVISION, { input: { planId } }, () => planPath(planId));
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
