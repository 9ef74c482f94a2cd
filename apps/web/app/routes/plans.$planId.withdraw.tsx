// Withdraw the plan from partner review back to draft, with a reason for the partners.
import type { ActionFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { Button, InsetText, Textarea } from '@lip/ui';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { TransitionPage } from '../components/workflow/TransitionPage.tsx';
import { WITHDRAW_PLAN } from '../components/workflow/workflow.server.ts';
import { planPath } from '../components/workflow/workflow.ts';
import { readForm } from '../lib/form.server.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import {
  transitionAction,
  transitionFailure,
  transitionLoader,
} from '../lib/plan/transition.server.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page ? errorTitle(error) : pageTitle('Withdraw from partner review', page.plan.title);

export const loader = transitionLoader;

export async function action({ request, params, context }: ActionFunctionArgs) {
  const planId = params.planId ?? '';
  const reason = (await readForm(request)).text('reason');
  if (reason === '') {
    const message = 'Enter why you are withdrawing the plan';
    return transitionFailure(
      { status: 400, message, fieldErrors: { reason: message }, blockers: [] },
      { reason },
    );
  }
  return transitionAction(
    context,
    WITHDRAW_PLAN,
    { input: { planId, reason } },
    () => planPath(planId),
    { reason },
  );
}

export default function Withdraw() {
  const { plan } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  return (
    <TransitionPage
      plan={plan}
      heading="Withdraw from partner review"
      failure={failure}
      fieldLinks={{ reason: 'reason' }}
    >
      {plan.viewerCan.withdraw ? (
        <p className="govuk-body">
          The plan goes back to draft so partners can change it. Decisions already recorded on
          version {plan.currentVersion?.number} stay in its record; the plan must be submitted again
          for sign-off.
        </p>
      ) : (
        <InsetText>
          Only the partnership lead can withdraw a plan, and only while it is in partner review.
        </InsetText>
      )}
      <form method="post" id="main-form" noValidate>
        <Textarea
          id="reason"
          name="reason"
          label="Why are you withdrawing the plan?"
          hint="Partners see this in the plan's activity"
          rows={4}
          errorMessage={failure?.fieldErrors.reason}
          defaultValue={failure?.reason}
        />
        <Button variant="warning">Withdraw from partner review</Button>
      </form>
    </TransitionPage>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
