/** Display text for the contract's enums. */
import type { TagColour } from '@lip/ui';

export const NEED_AREAS = [
  { value: 'CI', text: 'Communication and interaction' },
  { value: 'CL', text: 'Cognition and learning' },
  { value: 'SEMH', text: 'Social, emotional and mental health' },
  { value: 'SP', text: 'Sensory and/or physical' },
] as const;

export const PHASES = [
  { value: 'EARLY_YEARS', text: 'Early years' },
  { value: 'PRIMARY', text: 'Primary' },
  { value: 'SECONDARY', text: 'Secondary' },
  { value: 'POST_16', text: 'Post-16' },
  { value: 'POST_19', text: 'Post-19' },
  { value: 'ALL_AGES', text: 'All ages' },
] as const;

export const SUPPORT_LAYERS = [
  { value: 'UNIVERSAL', text: 'Universal' },
  { value: 'TARGETED', text: 'Targeted' },
  { value: 'TARGETED_PLUS', text: 'Targeted plus' },
  { value: 'SPECIALIST', text: 'Specialist' },
] as const;

export const RAG_STATUSES = [
  { value: 'NOT_STARTED', text: 'Not started', colour: 'grey' },
  { value: 'RED', text: 'Red', colour: 'red' },
  { value: 'AMBER', text: 'Amber', colour: 'orange' },
  { value: 'GREEN', text: 'Green', colour: 'green' },
  { value: 'COMPLETE', text: 'Complete', colour: 'blue' },
] as const satisfies ReadonlyArray<{ value: string; text: string; colour: TagColour }>;

export const SECTION_STATUSES: Record<string, { text: string; colour?: TagColour }> = {
  NOT_STARTED: { text: 'Not started', colour: 'blue' },
  IN_PROGRESS: { text: 'In progress', colour: 'light-blue' },
  READY_FOR_REVIEW: { text: 'Ready for review', colour: 'yellow' },
  COMPLETE: { text: 'Completed' },
};

export const PLAN_STATES: Record<string, string> = {
  DRAFT: 'Draft',
  PARTNER_REVIEW: 'Partner review',
  SIGNED_OFF: 'Signed off',
  PUBLISHED: 'Published',
  SUPERSEDED: 'Superseded',
};

export function textOf(
  list: ReadonlyArray<{ value: string; text: string }>,
  value: string | null | undefined,
): string {
  return list.find((i) => i.value === value)?.text ?? value ?? '';
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2026-09-01" → "1 September 2026" (GOV.UK date style). */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}
