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
    case 'DISCLOSURE_RULE_NOT_SET':
      return blocker.partnershipSlug
        ? `/partnerships/${encodeURIComponent(blocker.partnershipSlug)}/metrics/disclosure`
        : planPath(planId);
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
    case 'PERSONAL_DATA_SUSPECTED':
      if (blocker.coproductionActivityId)
        return planPath(
          planId,
          `/coproduction/${encodeURIComponent(blocker.coproductionActivityId)}`,
        );
      if (blocker.commitmentId && blocker.sectionKey)
        return planPath(
          planId,
          `/sections/${encodeURIComponent(blocker.sectionKey)}/commitments/${encodeURIComponent(blocker.commitmentId)}`,
        );
      return blocker.sectionKey
        ? planPath(planId, `/sections/${encodeURIComponent(blocker.sectionKey)}`)
        : planPath(planId);
  }
}

export const BLOCKER_KINDS: Record<SubmissionBlockerData['kind'], string> = {
  DISCLOSURE_RULE_NOT_SET: 'Disclosure rule not set',
  SECTION_NOT_READY: 'Section not ready',
  STANDARD_AREA_UNCOVERED: 'Standard area not covered',
  METRIC_NEEDS_COMMENTARY: 'Red metric needs commentary',
  PERSONAL_DATA_SUSPECTED: 'Check for personal data',
};

/** Submission blockers of one section, or of the whole plan (section null). */
export interface BlockerGroup {
  /** `null` for what is not tied to a section (standard areas, metrics of no section). */
  section: { key: string; title: string; viewerCanEdit: boolean } | null;
  /** Where this group's fixes are made: the section, or the coverage page for the whole plan. */
  href: string;
  blockers: SubmissionBlockerData[];
}

/**
 * The blockers grouped by section in the plan's section order, then the plan-wide ones. With
 * `ownFirst`, the sections the viewer edits come first (someone who writes only some sections).
 */
export function groupBlockers(
  planId: string,
  blockers: readonly SubmissionBlockerData[],
  sections: ReadonlyArray<{ key: string; title: string; viewerCanEdit: boolean }>,
  ownFirst = false,
): BlockerGroup[] {
  const known = new Set(sections.map((s) => s.key));
  const ordered = ownFirst
    ? [...sections.filter((s) => s.viewerCanEdit), ...sections.filter((s) => !s.viewerCanEdit)]
    : sections;
  const groups: BlockerGroup[] = ordered.map((section) => ({
    section,
    href: planPath(planId, `/sections/${encodeURIComponent(section.key)}`),
    blockers: blockers.filter((b) => b.sectionKey === section.key),
  }));
  groups.push({
    section: null,
    href: planPath(planId, '/coverage'),
    blockers: blockers.filter((b) => !b.sectionKey || !known.has(b.sectionKey)),
  });
  return groups.filter((g) => g.blockers.length > 0);
}
