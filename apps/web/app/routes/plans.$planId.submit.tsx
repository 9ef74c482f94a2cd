// Submit the plan for partner review: freezes the next version. Refused, with the reasons, when
// something stops submission or the viewer may not submit.
import type { ActionFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { Button, Checkboxes, InsetText, TaskList, Textarea, WarningText } from '@lip/ui';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { TransitionPage } from '../components/workflow/TransitionPage.tsx';
import { SUBMIT_PLAN } from '../components/workflow/workflow.server.ts';
import { BLOCKER_KINDS, blockerHref, planPath } from '../components/workflow/workflow.ts';
import { readForm } from '../lib/form.server.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import { transitionAction, transitionLoader } from '../lib/plan/transition.server.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page ? errorTitle(error) : pageTitle('Submit for partner review', page.plan.title);

export const loader = transitionLoader;

export async function action({ request, params, context }: ActionFunctionArgs) {
  const planId = params.planId ?? '';
  const form = await readForm(request);
  const note = form.optional('note') ?? null;
  const confirmPersonalDataChecked = form.checked('confirmPersonalDataChecked');
  // A refused submission (blocked, or a conflict) gives the note back, so nothing typed is lost.
  return transitionAction(
    context,
    SUBMIT_PLAN,
    { input: { planId, note, confirmPersonalDataChecked } },
    (plan) => planPath(planId, `/versions/${plan.currentVersion?.number ?? ''}?submitted=1`),
    { note: note ?? '' },
  );
}

export default function Submit() {
  const { plan } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  // Faults must be fixed; possible personal data is a warning the lead checks and confirms here.
  const blockers = plan.submissionBlockers.filter((b) => !b.needsConfirmation);
  const warnings = plan.submissionBlockers.filter((b) => b.needsConfirmation);
  const blockerItems = (list: typeof blockers) =>
    list.map((b) => ({
      title: b.message,
      href: blockerHref(plan.id, b),
      hint: BLOCKER_KINDS[b.kind],
      status: <strong className="govuk-tag govuk-tag--red">To fix</strong>,
    }));
  return (
    <TransitionPage
      plan={plan}
      heading="Submit for partner review"
      failure={failure}
      fieldLinks={{ note: 'note' }}
    >
      {!plan.viewerCan.submit && blockers.length === 0 ? (
        <InsetText>
          {plan.state === 'DRAFT'
            ? 'Only the partnership lead can submit the plan.'
            : 'The plan is not a draft, so it cannot be submitted now.'}
        </InsetText>
      ) : null}
      {blockers.length > 0 ? (
        <div id="blockers" tabIndex={-1}>
          <p className="govuk-body">Fix these before you submit the plan:</p>
          <TaskList idPrefix="blockers" items={blockerItems(blockers)} />
        </div>
      ) : (
        <>
          <p className="govuk-body">
            Submitting freezes this draft as version {(plan.currentVersion?.number ?? 0) + 1}. Each
            signing organisation then records its decision, and the parent carer forum acknowledges
            the plan.
          </p>
          <WarningText>
            Nobody can change the plan while it is in partner review, unless the lead withdraws it.
          </WarningText>
        </>
      )}
      <form method="post" id="main-form" noValidate>
        <Textarea
          id="note"
          name="note"
          label="Note for the partners (optional)"
          hint="Why now, or anything they should look at first. Signatories see it with the version."
          rows={3}
          defaultValue={failure?.note ?? ''}
          errorMessage={failure?.fieldErrors.note}
        />
        {warnings.length > 0 ? (
          <div id="personal-data">
            <h2 className="govuk-heading-m">Check for personal data</h2>
            <p className="govuk-body">
              This text will be published, and looks like it may identify a child (a unique pupil
              number, an NHS number, or a name with a date of birth). Check each one and remove any
              personal data before you submit.
            </p>
            <TaskList
              idPrefix="personal-data"
              items={warnings.map((b) => ({
                title: b.message,
                href: blockerHref(plan.id, b),
                hint: BLOCKER_KINDS[b.kind],
                status: <strong className="govuk-tag govuk-tag--yellow">Check</strong>,
              }))}
            />
            <Checkboxes
              idPrefix="confirmPersonalDataChecked"
              name="confirmPersonalDataChecked"
              legend="Before you submit"
              legendSize="s"
              items={[
                {
                  value: 'yes',
                  text: 'I have checked the text above and it contains no child’s personal data',
                },
              ]}
            />
          </div>
        ) : null}
        <Button>Submit for partner review</Button>
      </form>
    </TransitionPage>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
