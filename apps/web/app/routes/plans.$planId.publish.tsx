// Publish the signed-off version: it becomes public, and any earlier published version is superseded.
import type { ActionFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { Button, InsetText } from '@lip/ui';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { TransitionPage } from '../components/workflow/TransitionPage.tsx';
import { PUBLISH_PLAN } from '../components/workflow/workflow.server.ts';
import { planPath } from '../components/workflow/workflow.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import { transitionAction, transitionLoader } from '../lib/plan/transition.server.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page ? errorTitle(error) : pageTitle('Publish the plan', page.plan.title);

export const loader = transitionLoader;

export async function action({ params, context }: ActionFunctionArgs) {
  const planId = params.planId ?? '';
  return transitionAction(context, PUBLISH_PLAN, { input: { planId } }, (plan) =>
    planPath(planId, `/versions/${plan.publishedVersion?.number ?? ''}?published=1`),
  );
}

export default function Publish() {
  const { plan } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const version = plan.currentVersion?.number;
  return (
    <TransitionPage plan={plan} heading="Publish the plan" failure={failure}>
      {plan.viewerCan.publish ? (
        <p className="govuk-body">
          Version {version} has been signed off by every partner. Publishing puts it on a public
          page, with its Word and open data downloads, for anyone to read without signing in.
          {plan.publishedVersion
            ? ` Version ${plan.publishedVersion.number} stays available but is marked as superseded.`
            : ''}
        </p>
      ) : (
        <InsetText>
          Only the partnership lead can publish, once every signatory has approved the version under
          review.
        </InsetText>
      )}
      <form method="post" id="main-form">
        <Button>Publish version {version ?? ''}</Button>
      </form>
    </TransitionPage>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
