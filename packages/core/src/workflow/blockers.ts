// What stops a plan being submitted: failing section readiness checks, standard areas neither
// covered nor marked not applicable, and red metrics without commentary. Empty means submittable.
import type { Plan } from '@lip/db';
import type { CoreHost } from '../host.ts';
import { unexplainedRedMetrics } from '../metrics/exceptions.ts';
import { readinessOf } from '../schema/section-readiness.ts';
import { sectionsOfPlan } from '../schema/section-view.ts';
import { coverageOf } from './coverage.ts';

export type SubmissionBlockerKind =
  'SECTION_NOT_READY' | 'STANDARD_AREA_UNCOVERED' | 'METRIC_NEEDS_COMMENTARY';

export interface SubmissionBlocker {
  kind: SubmissionBlockerKind;
  /** What to do about it, in plain English, for the partnership lead. */
  message: string;
  sectionKey: string | null;
  standardAreaCode: string | null;
  metricTargetId: string | null;
}

const blocker = (
  kind: SubmissionBlockerKind,
  message: string,
  more: Partial<SubmissionBlocker> = {},
): SubmissionBlocker => ({
  kind,
  message,
  sectionKey: null,
  standardAreaCode: null,
  metricTargetId: null,
  ...more,
});

/** In section order, then standard areas by position, then metrics. */
export async function submissionBlockersOf(
  host: CoreHost,
  plan: Plan,
): Promise<SubmissionBlocker[]> {
  const blockers: SubmissionBlocker[] = [];
  for (const view of await sectionsOfPlan(host, plan)) {
    for (const check of await readinessOf(host, view)) {
      if (check.passed) continue;
      blockers.push(
        blocker('SECTION_NOT_READY', `${view.definition.title}: ${check.message ?? check.title}`, {
          sectionKey: view.definition.key,
        }),
      );
    }
  }
  const coverage = await coverageOf(host, plan);
  for (const row of coverage.rows) {
    if (row.covered) continue;
    blockers.push(
      blocker(
        'STANDARD_AREA_UNCOVERED',
        `Map a commitment to ‘${row.area.title}’ or mark it not applicable`,
        {
          standardAreaCode: row.area.code,
        },
      ),
    );
  }
  for (const metric of await unexplainedRedMetrics(host, plan.id)) {
    const owner = metric.ownerOrganisationName ? ` (${metric.ownerOrganisationName})` : '';
    blockers.push(
      blocker(
        'METRIC_NEEDS_COMMENTARY',
        `‘${metric.metricTitle}’ is red: its owner${owner} must explain why before the plan is submitted`,
        {
          sectionKey: metric.sectionKey,
          metricTargetId: metric.targetId,
        },
      ),
    );
  }
  return blockers;
}
