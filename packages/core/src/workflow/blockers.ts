// What stops a plan being submitted: failing section readiness checks, standard areas neither
// covered nor marked not applicable, red metrics without commentary, and a partnership that has not
// chosen its disclosure rule (issue 14). Empty means submittable.
import type { Partnership, Plan } from '@lip/db';
import type { CoreHost } from '../host.ts';
import { unexplainedRedMetrics } from '../metrics/exceptions.ts';
import { memoForPlan } from '../plan-memo.ts';
import { readinessOf } from '../schema/section-readiness.ts';
import { sectionsOfPlan } from '../schema/section-view.ts';
import { coverageOf } from './coverage.ts';
import { findPersonalData, PERSONAL_DATA_LABELS, type PersonalDataKind } from './personal-data.ts';

export type SubmissionBlockerKind =
  | 'DISCLOSURE_RULE_NOT_SET'
  | 'SECTION_NOT_READY'
  | 'STANDARD_AREA_UNCOVERED'
  | 'METRIC_NEEDS_COMMENTARY'
  | 'PERSONAL_DATA_SUSPECTED';

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
  /** For PERSONAL_DATA_SUSPECTED: the commitment or co-production activity where it was found. */
  commitmentId: string | null;
  coproductionActivityId: string | null;
  /**
   * A warning rather than a fault (PERSONAL_DATA_SUSPECTED): it stops submission until the lead
   * removes the text or confirms, when submitting, that it is not a child's personal data.
   */
  needsConfirmation: boolean;
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
  commitmentId: null,
  coproductionActivityId: null,
  needsConfirmation: false,
  ...more,
});

/** Whether the plan's partnership has saved its disclosure rule (nothing is published without one). */
export async function disclosureRuleIsSet(host: CoreHost, partnershipId: string): Promise<boolean> {
  const partnership = await host.prisma.partnership.findUniqueOrThrow({
    where: { id: partnershipId },
    select: { disclosureRuleSetAt: true },
  });
  return partnership.disclosureRuleSetAt !== null;
}

/**
 * The plan's partnership, read once per plan object: the disclosure rule check and the rating of
 * red metrics (which applies the partnership's rule) share it.
 */
function partnershipOfPlan(host: CoreHost, plan: Plan): Promise<Partnership> {
  return memoForPlan(plan, 'partnership', () =>
    host.prisma.partnership.findUniqueOrThrow({ where: { id: plan.partnershipId } }),
  );
}

export interface SubmissionBlockerOptions {
  /**
   * Scan the published text (section summaries, every commitment, co-production) for what looks
   * like a child's personal data (PERSONAL_DATA_SUSPECTED). On by default; pages that only list
   * what to fix leave it off, since it reads every commitment's text: the submit page and
   * submitPlan always scan, so the lead still confirms before anything is submitted.
   */
  personalData?: boolean;
}

/** The disclosure rule first, then in section order, then standard areas by position, then metrics. */
export async function submissionBlockersOf(
  host: CoreHost,
  plan: Plan,
  options: SubmissionBlockerOptions = {},
): Promise<SubmissionBlocker[]> {
  const blockers: SubmissionBlocker[] = [];
  const partnership = await partnershipOfPlan(host, plan);
  if (partnership.disclosureRuleSetAt === null)
    blockers.push(
      blocker('DISCLOSURE_RULE_NOT_SET', DISCLOSURE_RULE_NOT_SET_MESSAGE, {
        partnershipSlug: partnership.slug,
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
  for (const metric of await unexplainedRedMetrics(host, plan, partnership)) {
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
  if (options.personalData ?? true) blockers.push(...(await personalDataWarnings(host, plan)));
  return blockers;
}

/** "an NHS number and a UPN" from the finds in several texts (each kind once, in a fixed order). */
function whatWasFound(texts: ReadonlyArray<string | null | undefined>): string | null {
  const kinds = new Set<PersonalDataKind>();
  for (const text of texts)
    if (text) for (const find of findPersonalData(text)) kinds.add(find.kind);
  const labels = (Object.keys(PERSONAL_DATA_LABELS) as PersonalDataKind[])
    .filter((kind) => kinds.has(kind))
    .map((kind) => PERSONAL_DATA_LABELS[kind]);
  if (labels.length === 0) return null;
  return labels.length === 1
    ? labels[0]!
    : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}

const CHECK =
  'remove any child’s personal data, or confirm when you submit that it is not personal data';

/**
 * Published free text that looks like a child's personal data (issue 14): section summaries,
 * commitments (title, description, milestones) and co-production (title, what was heard, "you
 * said" and "we did"). One warning per place, naming it and linking to it.
 */
async function personalDataWarnings(host: CoreHost, plan: Plan): Promise<SubmissionBlocker[]> {
  const warnings: SubmissionBlocker[] = [];
  // The plan's sections as the readiness checks above read them (loaded once per execution).
  for (const { definition, row: section } of await sectionsOfPlan(host, plan)) {
    const found = section && whatWasFound([section.summary, section.easyReadSummary]);
    if (found)
      warnings.push(
        blocker(
          'PERSONAL_DATA_SUSPECTED',
          `${definition.title} section summary may contain ${found}: ${CHECK}`,
          { sectionKey: definition.key, needsConfirmation: true },
        ),
      );
  }
  const commitments = await host.prisma.commitment.findMany({
    where: { planId: plan.id, section: { key: { in: host.sectionKeys } } },
    orderBy: { reference: 'asc' },
    select: {
      id: true,
      reference: true,
      title: true,
      description: true,
      section: { select: { key: true } },
      milestones: { select: { title: true } },
    },
  });
  for (const c of commitments) {
    const found = whatWasFound([c.title, c.description, ...c.milestones.map((m) => m.title)]);
    if (found)
      warnings.push(
        blocker(
          'PERSONAL_DATA_SUSPECTED',
          `Commitment ${c.reference} ‘${c.title}’ may contain ${found}: ${CHECK}`,
          { sectionKey: c.section.key, commitmentId: c.id, needsConfirmation: true },
        ),
      );
  }
  const activities = await host.prisma.coproductionActivity.findMany({
    where: { partnershipId: plan.partnershipId, OR: [{ planId: plan.id }, { planId: null }] },
    orderBy: [{ heldOn: 'asc' }, { createdAt: 'asc' }],
    select: {
      id: true,
      title: true,
      heard: true,
      responses: { select: { youSaid: true, weDid: true } },
    },
  });
  for (const a of activities) {
    const found = whatWasFound([
      a.title,
      a.heard,
      ...a.responses.flatMap((r) => [r.youSaid, r.weDid]),
    ]);
    if (found)
      warnings.push(
        blocker(
          'PERSONAL_DATA_SUSPECTED',
          `Co-production ‘${a.title}’ may contain ${found}: ${CHECK}`,
          { coproductionActivityId: a.id, needsConfirmation: true },
        ),
      );
  }
  return warnings;
}
