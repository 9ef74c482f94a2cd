// Dates in words, GOV.UK style. Dependency-free and browser-safe (`@lip/core/dates`), so core's
// period formats, the plugin SDK's summaries and the published plan say dates one way.

export const MONTHS = [
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
] as const;

/**
 * "2026-09-01" (or an ISO instant, or a Date) → "1 September 2026"; "" for null. Read in UTC: dates
 * are calendar dates, never shifted by the reader's time zone. Text that is not a date is returned
 * as it is.
 */
export function govukDate(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  if (value instanceof Date) {
    return `${value.getUTCDate()} ${MONTHS[value.getUTCMonth()]} ${value.getUTCFullYear()}`;
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return value;
  const [, year, month, day] = match;
  return `${Number(day)} ${MONTHS[Number(month) - 1] ?? month} ${year}`;
}
