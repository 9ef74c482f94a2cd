// A commitment's milestones and evidence on the commitment page: lists for everyone; for those who
// may change the commitment, the actions (plain forms and links that work without JavaScript).
import { Button, SummaryList, Table, Tag } from '@lip/ui';
import type { ResultOf } from '../graphql.ts';
import { formatDate } from '../lib/labels.ts';
import type { COMMITMENT_PARTS_FRAGMENT } from '../lib/commitment-parts.server.ts';

type Parts = ResultOf<typeof COMMITMENT_PARTS_FRAGMENT>;
type Milestone = Parts['milestones'][number];

export function MilestoneStatus({ milestone }: { milestone: Milestone }) {
  if (milestone.isComplete) return <Tag colour="green">Done</Tag>;
  if (milestone.isOverdue) return <Tag colour="red">Overdue</Tag>;
  return <Tag colour="grey">Not done</Tag>;
}

export function CommitmentParts({
  parts,
  canEdit,
  commitmentUrl,
}: {
  parts: Parts;
  canEdit: boolean;
  commitmentUrl: string;
}) {
  const { milestones, evidence } = parts;
  return (
    <>
      <h2 className="govuk-heading-m" id="milestones">
        Milestones
      </h2>
      {milestones.length === 0 ? (
        <p className="govuk-body">There are no milestones yet.</p>
      ) : (
        <Table
          caption={<span className="govuk-visually-hidden">Milestones</span>}
          head={[
            'Milestone',
            'Due date',
            'Status',
            ...(canEdit
              ? [
                  <span key="a" className="govuk-visually-hidden">
                    Actions
                  </span>,
                ]
              : []),
          ]}
          rowKeys={milestones.map((m) => m.id)}
          rows={milestones.map((m) => [
            m.title,
            formatDate(m.dueDate),
            <>
              <MilestoneStatus milestone={m} />
              {m.completedOn && (
                <span className="govuk-body-s govuk-!-display-block govuk-!-margin-top-1 govuk-!-margin-bottom-0">
                  {formatDate(m.completedOn)}
                </span>
              )}
            </>,
            ...(canEdit
              ? [
                  <div key="actions" className="lip-milestone-actions">
                    <a
                      className="govuk-link govuk-!-display-block govuk-!-margin-bottom-2"
                      href={`${commitmentUrl}/milestones/${encodeURIComponent(m.id)}`}
                    >
                      Change<span className="govuk-visually-hidden"> milestone: {m.title}</span>
                    </a>
                    <form
                      method="post"
                      action={`${commitmentUrl}/milestones/${encodeURIComponent(m.id)}`}
                    >
                      <input type="hidden" name="version" value={m.version} />
                      <Button
                        variant="secondary"
                        className="govuk-!-margin-bottom-0"
                        name="intent"
                        value={m.isComplete ? 'reopen' : 'complete'}
                      >
                        {m.isComplete ? 'Mark as not done' : 'Mark as done'}
                        <span className="govuk-visually-hidden">: {m.title}</span>
                      </Button>
                    </form>
                  </div>,
                ]
              : []),
          ])}
        />
      )}
      {canEdit && (
        <p className="govuk-body">
          <Button variant="secondary" href={`${commitmentUrl}/milestones/new`}>
            Add a milestone
          </Button>
        </p>
      )}

      <h2 className="govuk-heading-m" id="evidence">
        Evidence
      </h2>
      {evidence.length === 0 ? (
        <p className="govuk-body">There is no evidence yet.</p>
      ) : (
        <SummaryList
          rows={evidence.map((e) => ({
            key: e.url ? (
              <a className="govuk-link" href={e.url} rel="noreferrer noopener">
                {e.title}
              </a>
            ) : (
              e.title
            ),
            value: (
              <>
                {e.note && <p className="govuk-body govuk-!-margin-bottom-1">{e.note}</p>}
                <p className="govuk-body-s govuk-!-margin-bottom-0">
                  Added {e.createdByName ? `by ${e.createdByName} ` : ''}on{' '}
                  {formatDate(e.createdAt)}
                </p>
              </>
            ),
            actions: canEdit
              ? [
                  {
                    href: `${commitmentUrl}/evidence/${encodeURIComponent(e.id)}`,
                    text: 'Change',
                    visuallyHiddenText: `evidence: ${e.title}`,
                  },
                  {
                    href: `${commitmentUrl}/evidence/${encodeURIComponent(e.id)}?remove`,
                    text: 'Remove',
                    visuallyHiddenText: `evidence: ${e.title}`,
                  },
                ]
              : undefined,
          }))}
        />
      )}
      {canEdit && (
        <p className="govuk-body">
          <Button variant="secondary" href={`${commitmentUrl}/evidence/new`}>
            Add evidence
          </Button>
        </p>
      )}
    </>
  );
}
