// What stops a plan being submitted: failing section readiness checks, standard areas neither
// covered nor marked not applicable, red metrics without commentary, and a partnership that has not
// chosen its disclosure rule (issue 14). Empty means submittable.
import type { Plan } from '@lip/db';
import type { CoreHost } from '../host.ts';
import { unexplainedRedMetrics } from '../metrics/exceptions.ts';
import { readinessOf } from '../schema/section-readiness.ts';
import { sectionsOfPlan } from '../schema/section-view.ts';
import { coverageOf } from './coverage.ts';

export type SubmissionBlockerKind =
  | 'DISCLOSURE_RULE_NOT_SET'
  | 'SECTION_NOT_READY'
  | 'STANDARD_AREA_UNCOVERED'
  | 'METRIC_NEEDS_COMMENTARY';

export const DISCLOSURE_RULE_NOT_SET_MESSAGE =
  'Set the partnership’s disclosure rule (the small-number threshold and rounding) before the plan is submitted: published counts of children follow it';

export interface SubmissionBlocker {
  kind: SubmissionBlockerKind;
  /** What to do about it, in plain English, for the partnership lead. */
  message: string;
  sectionKey: string | null;
  standardAreaCode: string | null;
  metricTargetId: string | null;
  /** For DISCLOSURE_RULE_NOT_SET: whose disclosure settings page fixes it. */
  partnershipSlug: string | null;
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
  partnershipSlug: null,
  ...more,
});

/** Whether the plan's partnership has saved its disclosure rule (nothing is published without one). */
export async function disclosureRuleIsSet(host: CoreHost, partnershipId: string): Promise<boolean> {
  return (await disclosureRuleOf(host, partnershipId)).isSet;
}

async function disclosureRuleOf(
  host: CoreHost,
  partnershipId: string,
): Promise<{ isSet: boolean; slug: string }> {
  const partnership = await host.prisma.partnership.findUniqueOrThrow({
    where: { id: partnershipId },
    select: { disclosureRuleSetAt: true, slug: true },
  });
  return { isSet: partnership.disclosureRuleSetAt !== null, slug: partnership.slug };
}

/** The disclosure rule first, then in section order, then standard areas by position, then metrics. */
export async function submissionBlockersOf(
  host: CoreHost,
  plan: Plan,
): Promise<SubmissionBlocker[]> {
  const blockers: SubmissionBlocker[] = [];
  const rule = await disclosureRuleOf(host, plan.partnershipId);
  if (!rule.isSet)
    blockers.push(
      blocker('DISCLOSURE_RULE_NOT_SET', DISCLOSURE_RULE_NOT_SET_MESSAGE, {
        partnershipSlug: rule.slug,
      }),
    );
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
