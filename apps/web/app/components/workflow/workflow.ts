// Shared by the workflow pages' loaders and components (no server-only code here).
import type { ResultOf } from '../../graphql.ts';
import type { SUBMISSION_BLOCKER_FIELDS } from './workflow.server.ts';

export function planPath(planId: string, rest = ''): string {
  return `/plans/${encodeURIComponent(planId)}${rest}`;
}

export type SubmissionBlockerData = ResultOf<typeof SUBMISSION_BLOCKER_FIELDS>;

/** Where to fix a submission blocker. */
export function blockerHref(planId: string, blocker: SubmissionBlockerData): string {
  switch (blocker.kind) {
    case 'SECTION_NOT_READY':
      return blocker.sectionKey
        ? planPath(planId, `/sections/${encodeURIComponent(blocker.sectionKey)}`)
        : planPath(planId);
    case 'STANDARD_AREA_UNCOVERED':
      return planPath(
        planId,
        `/coverage${blocker.standardAreaCode ? `#area-${encodeURIComponent(blocker.standardAreaCode)}` : ''}`,
      );
    case 'METRIC_NEEDS_COMMENTARY':
      return planPath(planId, '/dashboard');
  }
}

export const BLOCKER_KINDS: Record<SubmissionBlockerData['kind'], string> = {
  SECTION_NOT_READY: 'Section not ready',
  STANDARD_AREA_UNCOVERED: 'Standard area not covered',
  METRIC_NEEDS_COMMENTARY: 'Red metric needs commentary',
};
