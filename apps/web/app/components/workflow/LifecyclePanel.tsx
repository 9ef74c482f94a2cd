// The plan page's lifecycle panel: where the plan is, which version is current, what happens next,
// what the viewer may do now (Plan.viewerCan), who has signed off (the version under review, or
// once published, the published version, also while a revision is drafted), and what stops
// submission, grouped by section with counts, each item linking to where it is fixed.
import { Button, ButtonGroup, InsetText, SummaryList, Table } from '@lip/ui';
import type { ResultOf } from '../../graphql.ts';
import { PLAN_STATES, formatDate } from '../../lib/labels.ts';
import { DECISIONS } from './labels.ts';
import { GroupedBlockers } from './BlockerList.tsx';
import { groupBlockers, planPath } from './workflow.ts';
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

/** A section as the panel needs it: to group blockers and to know which the viewer writes. */
export interface PanelSection {
  key: string;
  title: string;
  viewerCanEdit: boolean;
}

const SIGNATORY_KINDS: Record<string, string> = {
  SIGN_OFF: 'Sign-off',
  ACKNOWLEDGEMENT: 'Acknowledgement',
};

export function LifecyclePanel({
  plan,
  sections,
}: {
  plan: LifecycleData;
  sections: readonly PanelSection[];
}) {
  const base = planPath(plan.id);
  const blockers = plan.submissionBlockers;
  const recordable = plan.signatories.filter((s) => s.viewerCanRecord && !s.signOff);
  // The lead (who writes every section) reads every group closed, so the sections stay in view;
  // someone who writes some sections finds theirs first and open.
  const writesAll = sections.length > 0 && sections.every((s) => s.viewerCanEdit);
  const groups = groupBlockers(plan.id, blockers, sections, !writesAll);
  const underReview = plan.state === 'PARTNER_REVIEW' || plan.state === 'SIGNED_OFF';
  // Out of review, who signed off the version the public reads stays in view.
  const published = !underReview ? plan.publishedVersion : null;
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
      {underReview && plan.signatories.length > 0 && (
        <Table
          caption="Sign-off"
          captionSize="s"
          region="Sign-off, by organisation"
          firstCellIsHeader
          head={['Organisation', 'Kind', 'Decision', 'Date of the decision']}
          rowKeys={plan.signatories.map((s) => s.organisation.id)}
          rows={plan.signatories.map((s) => [
            s.organisation.name,
            SIGNATORY_KINDS[s.kind] ?? s.kind,
            s.signOff ? (DECISIONS[s.signOff.decision] ?? s.signOff.decision) : 'Waiting',
            s.signOff ? formatDate(s.signOff.decidedOn) : '',
          ])}
        />
      )}
      {published && published.signOffs.length > 0 && (
        <div id="published-sign-off">
          <Table
            caption={`Sign-off of version ${published.number} (published)`}
            captionSize="s"
            region={`Sign-off of version ${published.number}, by organisation`}
            firstCellIsHeader
            head={['Organisation', 'Decision', 'Date of the decision']}
            rowKeys={published.signOffs.map((s) => s.id)}
            rows={published.signOffs.map((s) => [
              s.organisation.name,
              DECISIONS[s.decision] ?? s.decision,
              formatDate(s.decidedOn),
            ])}
          />
          <p className="govuk-body">
            <a className="govuk-link" href={`${base}/versions/${published.number}`}>
              Every decision on version {published.number} in full
            </a>
            , with conditions and the parent carer forum’s concerns.
          </p>
        </div>
      )}
      {plan.state === 'DRAFT' && (
        <div id="blockers" tabIndex={-1}>
          <h3 className="govuk-heading-s" id="blockers-heading">
            {plan.viewerCan.submit ? 'Before you can submit' : 'What stops submission'}
          </h3>
          {blockers.length === 0 ? (
            <InsetText>
              Nothing stops submission: every section is ready and every standard area is covered.
            </InsetText>
          ) : (
            <>
              <p className="govuk-body">
                {blockers.length === 1 ? '1 thing stops' : `${blockers.length} things stop`} the
                plan being submitted
                {writesAll || !sections.some((s) => s.viewerCanEdit)
                  ? '.'
                  : ': those in the sections you write come first.'}
              </p>
              <GroupedBlockers
                planId={plan.id}
                groups={groups}
                isOpen={(g) => !writesAll && (g.section?.viewerCanEdit ?? false)}
              />
            </>
          )}
        </div>
      )}
      <ButtonGroup>
        {plan.viewerCan.submit && blockers.length === 0 && (
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
