// Withdraw the plan from partner review back to draft, with a reason for the partners.
import { data, redirect } from '@remix-run/node';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { Button, InsetText, Textarea } from '@lip/ui';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { TransitionPage, type TransitionFailure } from '../components/workflow/TransitionPage.tsx';
import {
  WITHDRAW_PLAN,
  loadWorkflowPlan,
  runTransition,
} from '../components/workflow/workflow.server.ts';
import { planPath } from '../components/workflow/workflow.ts';
import { readForm } from '../lib/form.server.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page ? errorTitle(error) : pageTitle('Withdraw from partner review', page.plan.title);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  return { plan: await loadWorkflowPlan(request, context, params.planId) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const planId = params.planId ?? '';
  const reason = (await readForm(request)).text('reason');
  if (reason === '') {
    return data<TransitionFailure & { reason: string }>(
      {
        message: 'Enter why you are withdrawing the plan',
        fieldErrors: { reason: 'Enter why you are withdrawing the plan' },
        blockers: [],
        reason,
      },
      { status: 400 },
    );
  }
  const outcome = await runTransition(context, WITHDRAW_PLAN, { input: { planId, reason } });
  if (outcome.ok) throw redirect(planPath(planId));
  const { ok: _ok, status, ...failure } = outcome;
  return data<TransitionFailure & { reason: string }>({ ...failure, reason }, { status });
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
