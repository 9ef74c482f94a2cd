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

/**
 * An instant's time of day as GOV.UK writes it, in UK time: "3:01pm", "10:05am", and "midnight" and
 * "midday" for 12:00; "" for text that is not an instant.
 */
export function govukTime(value: string | Date): string {
  const instant = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(instant.getTime())) return '';
  const parts = new Intl.DateTimeFormat('en-GB', {
    hour: 'numeric',
    minute: '2-digit',
    hourCycle: 'h12', // 12:00am, not the 0:00am `hour12: true` gives in en-GB
    timeZone: 'Europe/London',
  }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const hour = part('hour');
  const minute = part('minute');
  const period = part('dayPeriod').toLowerCase().replace(/\./g, '').replace(/\s/g, '');
  if (hour === '12' && minute === '00') return period === 'am' ? 'midnight' : 'midday';
  return `${hour}:${minute}${period}`;
}
