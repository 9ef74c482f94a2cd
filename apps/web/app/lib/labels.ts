/**
 * Display text for the contract's enums, as the web app's forms and tags use them. The words come
 * from @lip/publish (one source for the app and the published formats); this module adds the
 * option lists and the tag colours.
 */
import {
  DELIVERY_RATING_LABELS,
  PHASE_LABELS,
  PROGRESS_LABELS,
  PLAN_STATE_LABELS,
  RAG_STATUS_LABELS,
  SUPPORT_LAYER_LABELS,
  formatDate,
} from '@lip/publish/labels';
import type { TagColour } from '@lip/ui';

/** A label table as the options of a select, radios or checkboxes, in the table's order. */
function options<T extends Readonly<Record<string, string>>>(
  labels: T,
): ReadonlyArray<{ value: keyof T & string; text: string }> {
  return Object.entries(labels).map(([value, text]) => ({
    value: value as keyof T & string,
    text,
  }));
}

export const NEED_AREAS = [
  { value: 'CI', text: 'Communication and interaction' },
  { value: 'CL', text: 'Cognition and learning' },
  { value: 'SEMH', text: 'Social, emotional and mental health' },
  { value: 'SP', text: 'Sensory and/or physical' },
] as const;

export const PHASES = options(PHASE_LABELS);

export const SUPPORT_LAYERS = options(SUPPORT_LAYER_LABELS);

const RAG_STATUS_COLOURS = {
  NOT_STARTED: 'grey',
  RED: 'red',
  AMBER: 'orange',
  GREEN: 'green',
  COMPLETE: 'blue',
} as const satisfies Record<keyof typeof RAG_STATUS_LABELS, TagColour>;

export const RAG_STATUSES = options(RAG_STATUS_LABELS).map((status) => ({
  ...status,
  colour: RAG_STATUS_COLOURS[status.value],
}));

/** A commitment's progress: how far delivery has got. */
export const PROGRESS = options(PROGRESS_LABELS);

/** A commitment's rating: how delivery is going ('' is "Not rated"). */
export const DELIVERY_RATINGS = [
  ...options(DELIVERY_RATING_LABELS).map((r) => ({
    ...r,
    colour: RAG_STATUS_COLOURS[r.value],
  })),
  { value: '', text: 'Not rated', colour: 'grey' as const },
] as const;

export const SECTION_STATUSES: Record<string, { text: string; colour?: TagColour }> = {
  NOT_STARTED: { text: 'Not started', colour: 'blue' },
  IN_PROGRESS: { text: 'In progress', colour: 'light-blue' },
  READY_FOR_REVIEW: { text: 'Ready for review', colour: 'yellow' },
  COMPLETE: { text: 'Completed' },
};

export const PLAN_STATES: Readonly<Record<string, string>> = PLAN_STATE_LABELS;

/** A plan version's state as a tag colour (the state's words are always on the tag too). */
export const PLAN_STATE_COLOURS: Readonly<Record<string, TagColour>> = {
  PARTNER_REVIEW: 'yellow',
  SIGNED_OFF: 'blue',
  PUBLISHED: 'green',
  SUPERSEDED: 'grey',
  DRAFT: 'purple',
};

export function textOf(
  list: ReadonlyArray<{ value: string; text: string }>,
  value: string | null | undefined,
): string {
  return list.find((i) => i.value === value)?.text ?? value ?? '';
}

/** "2026-09-01" → "1 September 2026" (GOV.UK date style). */
export { formatDate };

/** "1 thing" / "3 things". */
export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

interface CountedSummary {
  total: number;
  byProgress: ReadonlyArray<{ progress: string; count: number }>;
  byDeliveryRating: ReadonlyArray<{ rating: string | null; count: number }>;
}

/** "1 not started, 2 in progress" (counts of none left out); "" when there are no commitments. */
export function progressCounts(summary: CountedSummary): string {
  return summary.byProgress
    .filter((p) => p.count > 0)
    .map((p) => {
      const label = PROGRESS_LABELS[p.progress as keyof typeof PROGRESS_LABELS] ?? p.progress;
      return `${p.count} ${label.toLowerCase()}`;
    })
    .join(', ');
}

/** "1 red, 2 amber, 1 not rated" (counts of none left out); "" when there are no commitments. */
export function ratingCounts(summary: CountedSummary): string {
  return summary.byDeliveryRating
    .filter((r) => r.count > 0)
    .map((r) => {
      const label =
        r.rating === null
          ? 'Not rated'
          : (DELIVERY_RATING_LABELS[r.rating as keyof typeof DELIVERY_RATING_LABELS] ?? r.rating);
      return `${r.count} ${label.toLowerCase()}`;
    })
    .join(', ');
}

/**
 * Commitments counted by progress and by rating, apart (CommitmentSummary), as an overview says
 * them: "4 commitments: 1 not started, 3 in progress; rated 1 red, 2 amber, 1 not rated";
 * "No commitments yet" when there are none.
 */
export function commitmentCounts(
  summary: CountedSummary,
  /** Where they are, said after the count: " in the whole plan". */
  where = '',
): string {
  if (summary.total === 0) return 'No commitments yet';
  return `${plural(summary.total, 'commitment', 'commitments')}${where}: ${progressCounts(summary)}; rated ${ratingCounts(summary)}`;
}

/** "1 milestone overdue, 2 due within 30 days"; "" when none is either. */
export function milestoneCounts(summary: {
  overdueMilestones: number;
  dueSoonMilestones: number;
}): string {
  const overdue = summary.overdueMilestones;
  const soon = summary.dueSoonMilestones;
  if (overdue === 0 && soon === 0) return '';
  if (soon === 0) return `${plural(overdue, 'milestone', 'milestones')} overdue`;
  if (overdue === 0) return `${plural(soon, 'milestone', 'milestones')} due within 30 days`;
  return `${plural(overdue, 'milestone', 'milestones')} overdue, ${soon} due within 30 days`;
}
