// Shared by the workflow pages' loaders and components (no server-only code here).

export function planPath(planId: string, rest = ''): string {
  return `/plans/${encodeURIComponent(planId)}${rest}`;
}

export interface SubmissionBlockerData {
  kind: 'SECTION_NOT_READY' | 'STANDARD_AREA_UNCOVERED' | 'METRIC_NEEDS_COMMENTARY';
  message: string;
  sectionKey: string | null;
  standardAreaCode: string | null;
  metricTargetId: string | null;
}

export const BLOCKER_FIELDS = /* GraphQL */ `kind message sectionKey standardAreaCode metricTargetId`;

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
