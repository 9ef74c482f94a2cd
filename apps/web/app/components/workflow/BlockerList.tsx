import { TaskList } from '@lip/ui';
import { plural } from '../../lib/labels.ts';
import {
  BLOCKER_KINDS,
  blockerHref,
  type BlockerGroup,
  type SubmissionBlockerData,
} from './workflow.ts';

/** What stops a plan being submitted, as a task list whose items link to where each is fixed. */
export function BlockerList({
  planId,
  blockers,
  idPrefix = 'blockers',
  showKind = (b) => b.kind !== 'SECTION_NOT_READY',
}: {
  planId: string;
  blockers: readonly SubmissionBlockerData[];
  idPrefix?: string;
  /** Whether an item says its kind ("Standard area not covered"); not when its group says it. */
  showKind?: (blocker: SubmissionBlockerData) => boolean;
}) {
  return (
    <TaskList
      idPrefix={idPrefix}
      items={blockers.map((b) => ({
        title: b.message,
        href: blockerHref(planId, b),
        hint: showKind(b) ? BLOCKER_KINDS[b.kind] : undefined,
        status: <strong className="govuk-tag govuk-tag--red">To fix</strong>,
      }))}
    />
  );
}

/** The group's name as its summary says it: "Health (3 things to fix)". */
export function blockerGroupTitle(group: BlockerGroup): string {
  const name = group.section?.title ?? 'Whole plan';
  return `${name} (${plural(group.blockers.length, 'thing', 'things')} to fix)`;
}

/**
 * The blockers grouped by section, one GOV.UK details each, so a long list does not bury the page:
 * the summary names the section and counts its blockers; inside, a link to where they are fixed
 * and each blocker with its own link. `open` groups start expanded.
 */
export function GroupedBlockers({
  planId,
  groups,
  isOpen,
}: {
  planId: string;
  groups: readonly BlockerGroup[];
  isOpen: (group: BlockerGroup) => boolean;
}) {
  return (
    <>
      {groups.map((group) => {
        const id = `blockers-${group.section?.key ?? 'plan'}`;
        return (
          <details key={id} id={id} className="govuk-details" open={isOpen(group)}>
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">{blockerGroupTitle(group)}</span>
            </summary>
            <div className="govuk-details__text">
              <p className="govuk-body">
                <a className="govuk-link" href={group.href}>
                  {group.section
                    ? `Go to the ${group.section.title.toLowerCase()} section`
                    : 'Go to standards coverage'}
                </a>
              </p>
              <BlockerList
                planId={planId}
                blockers={group.blockers}
                idPrefix={id}
                showKind={(b) => group.section === null || b.kind !== 'SECTION_NOT_READY'}
              />
            </div>
          </details>
        );
      })}
    </>
  );
}
