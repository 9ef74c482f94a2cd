// Display text for the metrics contract's enums and values (docs/api-metrics.md). Shared by the
// browser and the server, so nothing here may import server code.
import { MONTHS } from '@lip/core/dates';
import { metricRatingLabel, RATING_LABELS } from '@lip/publish/labels';
import type { TagColour } from '@lip/ui';

const RATING_COLOURS = {
  RED: 'red',
  AMBER: 'orange',
  GREEN: 'green',
  NO_DATA: 'grey',
  NO_TARGET: 'grey',
} as const satisfies Record<keyof typeof RATING_LABELS, TagColour>;

/** A metric's rating as its tag: the rating's word with what it means ("Red: off track"). */
export const RAG_LABELS: Readonly<Record<string, { text: string; colour: TagColour }>> =
  Object.fromEntries(
    (Object.keys(RATING_LABELS) as Array<keyof typeof RATING_LABELS>).map((rag) => [
      rag,
      { text: metricRatingLabel(rag), colour: RATING_COLOURS[rag] },
    ]),
  );

/** Why a metric without a target has the rating it has (a target carries its own reason). */
export const RAG_REASONS_WITHOUT_TARGET: Record<string, string> = {
  NO_DATA: 'There are no local figures for this metric yet.',
  NO_TARGET: 'The partnership has not set a target for this metric.',
};

export const POLARITIES = [
  { value: 'HIGHER_BETTER', text: 'Higher is better' },
  { value: 'LOWER_BETTER', text: 'Lower is better' },
  { value: 'CONTEXT', text: 'Context only (no better direction)' },
] as const;

export const PERIOD_TYPES = [
  { value: 'CALENDAR_YEAR', text: 'Calendar year' },
  { value: 'ACADEMIC_YEAR', text: 'Academic year' },
  { value: 'FINANCIAL_YEAR', text: 'Financial year' },
  { value: 'JANUARY_SNAPSHOT', text: 'January snapshot' },
  { value: 'MONTHLY', text: 'Monthly' },
  { value: 'ROLLING_12_MONTHS', text: 'Rolling 12 months' },
  { value: 'MARCH_SNAPSHOT', text: 'March snapshot' },
  { value: 'EVENT', text: 'Per event' },
  { value: 'LOCAL', text: 'Locally defined' },
] as const;

export function labelOf(
  list: ReadonlyArray<{ value: string; text: string }>,
  value: string,
): string {
  return list.find((item) => item.value === value)?.text ?? value;
}

/** The official statistics symbols (GSS guidance), as DfE publishes them. */
export const DISCLOSURE_SYMBOLS: ReadonlyArray<{ symbol: string; meaning: string }> = [
  { symbol: 'c', meaning: 'Confidential: suppressed to protect small numbers' },
  { symbol: 'x', meaning: 'Not available' },
  { symbol: 'z', meaning: 'Not applicable' },
  { symbol: 'low', meaning: 'Rounds to zero but is not zero' },
  { symbol: 'u', meaning: 'Low reliability' },
];

/** "theme-name" to "Theme name" for catalogue themes stored as slugs. */
export function themeTitle(theme: string): string {
  const words = theme.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const IMPORT_STATUSES: Record<string, { text: string; colour: TagColour }> = {
  UPLOADED: { text: 'Needs mapping', colour: 'blue' },
  CHECKING: { text: 'Checking', colour: 'light-blue' },
  CHECKED: { text: 'Checked', colour: 'turquoise' },
  APPLYING: { text: 'Importing', colour: 'light-blue' },
  APPLIED: { text: 'Imported', colour: 'green' },
  FAILED: { text: 'Failed', colour: 'red' },
};

export const IMPORT_ACTIONS = [
  { value: 'ADD', text: 'Rows to add', singular: 'Add' },
  { value: 'CHANGE', text: 'Rows to change', singular: 'Change' },
  { value: 'UNCHANGED', text: 'Rows unchanged', singular: 'Unchanged' },
  { value: 'REFUSE', text: 'Rows refused', singular: 'Refuse' },
] as const;

/**
 * A figure with its unit, for reading aloud as well as on screen; with `decimals` (the metric's
 * published decimal places) to exactly that many places, as the release prints it ("40.0%").
 */
export function formatValue(
  value: string | null | undefined,
  unit: string,
  decimals?: number | null,
): string {
  if (value === null || value === undefined || value === '') return 'None';
  const n = Number(value);
  const places = decimals ?? null;
  const shown = Number.isFinite(n)
    ? n.toLocaleString(
        'en-GB',
        places === null
          ? { maximumFractionDigits: 2 }
          : { minimumFractionDigits: places, maximumFractionDigits: places },
      )
    : value;
  if (unit === 'percent' || unit === 'percent-of-pupils' || unit === 'percent-of-sessions')
    return `${shown}%`;
  if ((unit === 'gbp' || unit === 'gbp-per-head') && Number.isFinite(n))
    return `£${shown}${unit === 'gbp-per-head' ? ' per head' : ''}`;
  if (unit === 'count' || unit === 'number' || unit === '') return shown;
  return `${shown} ${unit}`;
}

/**
 * A stored period as people read it, by the metric's period type: "2025-03" is "March 2025" for a
 * monthly metric, an academic year "2024/25" (DfE's "202425" too). Anything else as stored.
 */
export function periodLabel(periodType: string, period: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  const monthName = month ? MONTHS[Number(month[2]) - 1] : undefined;
  const twoYears = /^(\d{4})(\d{2})$/.exec(period);
  const year = /^\d{4}$/.test(period);
  switch (periodType) {
    case 'MONTHLY':
      return month && monthName ? `${monthName} ${month[1]}` : period;
    case 'ROLLING_12_MONTHS':
      return month && monthName ? `12 months to ${monthName} ${month[1]}` : period;
    case 'ACADEMIC_YEAR':
      return twoYears ? `${twoYears[1]}/${twoYears[2]}` : period;
    case 'FINANCIAL_YEAR':
      return twoYears ? `${twoYears[1]}-${twoYears[2]}` : period;
    case 'JANUARY_SNAPSHOT':
      return year ? `January ${period}` : period;
    case 'MARCH_SNAPSHOT':
      return year ? `March ${period}` : period;
    default:
      return period;
  }
}

/**
 * Whether figures for areas of different sizes can be set side by side: rates and percentages
 * can; a count for the region or England dwarfs the local one and says nothing about it.
 */
export function comparableAcrossAreas(unit: string): boolean {
  return !['count', 'number', ''].includes(unit);
}
