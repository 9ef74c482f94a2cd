// The plan page's lifecycle panel: where the plan is, which version is current, what happens next,
// what the viewer may do now (Plan.viewerCan), and what stops submission as a task list whose
// items link to where each thing is fixed.
import { Button, ButtonGroup, InsetText, SummaryList } from '@lip/ui';
import type { ResultOf } from '../../graphql.ts';
import { PLAN_STATES } from '../../lib/labels.ts';
import { DECISIONS } from './labels.ts';
import { BlockerList } from './BlockerList.tsx';
import { planPath } from './workflow.ts';
import type { LIFECYCLE_FIELDS } from './workflow.server.ts';

/** The plan's fields the panel shows (fragment LifecycleFields). */
export type LifecycleData = ResultOf<typeof LIFECYCLE_FIELDS>;

function nextStep(plan: LifecycleData): string {
  switch (plan.state) {
    case 'DRAFT':
      return plan.submissionBlockers.length > 0
        ? 'Partners finish the sections and the lead fixes what stops submission, then submits the plan for partner review.'
        : 'The plan is ready: the partnership lead can submit it for partner review.';
    case 'PARTNER_REVIEW': {
      const waiting = plan.signatories.filter((s) => !s.signOff).length;
      return `Each signing organisation records its decision and the parent carer forum acknowledges the plan (${waiting} still to decide). A rejection returns the plan to draft.`;
    }
    case 'SIGNED_OFF':
      return 'Every signatory has approved: the partnership lead can publish this version.';
    case 'PUBLISHED':
      return 'The plan is public. The partnership lead can start a revision; the published version stays public until the next one is published.';
    default:
      return '';
  }
}

export function LifecyclePanel({ plan }: { plan: LifecycleData }) {
  const base = planPath(plan.id);
  const blockers = plan.submissionBlockers;
  const recordable = plan.signatories.filter((s) => s.viewerCanRecord && !s.signOff);
  return (
    <section aria-labelledby="lifecycle-heading" className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id="lifecycle-heading">
        Review and publication
      </h2>
      <SummaryList
        rows={[
          {
            key: 'Current version',
            value: plan.currentVersion ? (
              <a className="govuk-link" href={`${base}/versions/${plan.currentVersion.number}`}>
                Version {plan.currentVersion.number} (
                {PLAN_STATES[plan.currentVersion.state] ?? plan.currentVersion.state})
              </a>
            ) : (
              'Not submitted yet'
            ),
          },
          ...(plan.publishedVersion
            ? [
                {
                  key: 'Published',
                  value: plan.publishedVersion.publicPath ? (
                    <a className="govuk-link" href={plan.publishedVersion.publicPath}>
                      Version {plan.publishedVersion.number} (public page)
                    </a>
                  ) : (
                    `Version ${plan.publishedVersion.number}`
                  ),
                },
              ]
            : []),
          { key: 'What happens next', value: nextStep(plan) },
        ]}
      />
      {plan.state === 'PARTNER_REVIEW' && plan.signatories.length > 0 && (
        <>
          <h3 className="govuk-heading-s">Sign-off</h3>
          <ul className="govuk-list">
            {plan.signatories.map((s) => (
              <li key={s.organisation.id}>
                {s.organisation.name}:{' '}
                {s.signOff ? (DECISIONS[s.signOff.decision] ?? s.signOff.decision) : 'waiting'}
              </li>
            ))}
          </ul>
        </>
      )}
      {plan.state === 'DRAFT' && (
        <>
          <h3 className="govuk-heading-s" id="blockers-heading">
            Before you can submit
          </h3>
          {blockers.length === 0 ? (
            <InsetText>
              Nothing stops submission: every section is ready and every standard area is covered.
            </InsetText>
          ) : (
            <>
              <p className="govuk-body">
                {blockers.length === 1 ? '1 thing stops' : `${blockers.length} things stop`} the
                plan being submitted.
              </p>
              <BlockerList planId={plan.id} blockers={blockers} />
            </>
          )}
        </>
      )}
      <ButtonGroup>
        {plan.viewerCan.submit && (
          <Button href={`${base}/submit`}>Submit for partner review</Button>
        )}
        {recordable.map((s) => (
          <Button
            key={s.organisation.id}
            href={`${base}/sign-off/${encodeURIComponent(s.organisation.id)}`}
          >
            {s.kind === 'ACKNOWLEDGEMENT' ? 'Acknowledge' : 'Record sign-off'} for{' '}
            {s.organisation.name}
          </Button>
        ))}
        {plan.viewerCan.publish && <Button href={`${base}/publish`}>Publish the plan</Button>}
        {plan.viewerCan.revise && (
          <Button href={`${base}/revise`} variant="secondary">
            Start a revision
          </Button>
        )}
        {plan.viewerCan.withdraw && (
          <Button href={`${base}/withdraw`} variant="secondary">
            Withdraw from review
          </Button>
        )}
      </ButtonGroup>
    </section>
  );
}
