/**
 * A section's place on the plan's task list, from its readiness checks (`Section.readiness`,
 * `Section.isReady`): "Completed" when every check passes, "Not started" while none does, else
 * "In progress". A section whose plugin declares no readiness check keeps its stored status.
 */
export interface ReadinessResult {
  id: string;
  title: string;
  passed: boolean;
  message: string | null;
}

export interface SectionReadiness {
  status: string;
  isReady: boolean;
  readiness: ReadonlyArray<Pick<ReadinessResult, 'passed'>>;
}

export type SectionProgress = 'NOT_STARTED' | 'IN_PROGRESS' | 'COMPLETE';

export function sectionProgress(section: SectionReadiness): SectionProgress | string {
  if (section.readiness.length === 0) return section.status;
  if (section.isReady) return 'COMPLETE';
  return section.readiness.some((r) => r.passed) ? 'IN_PROGRESS' : 'NOT_STARTED';
}

/** Metric units as people say them. */
export const METRIC_UNITS: Record<string, string> = {
  percent: 'Percentage',
  'percent-of-sessions': 'Percentage of sessions',
  'percent-of-pupils': 'Percentage of pupils',
  count: 'Number',
  'rate-per-100': 'Rate per 100',
  score: 'Score',
  weeks: 'Weeks',
  'gbp-per-head': 'Pounds per head',
  category: 'Category',
};
