import { TaskList } from '@lip/ui';
import { BLOCKER_KINDS, blockerHref, type SubmissionBlockerData } from './workflow.ts';

/** What stops a plan being submitted, as a task list whose items link to where each is fixed. */
export function BlockerList({
  planId,
  blockers,
}: {
  planId: string;
  blockers: readonly SubmissionBlockerData[];
}) {
  return (
    <TaskList
      idPrefix="blockers"
      items={blockers.map((b) => ({
        title: b.message,
        href: blockerHref(planId, b),
        hint: BLOCKER_KINDS[b.kind],
        status: <strong className="govuk-tag govuk-tag--red">To fix</strong>,
      }))}
    />
  );
}
