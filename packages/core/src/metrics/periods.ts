// Periods as the API and the database hold them, one canonical spelling per period type, so the
// same period always has the same key (observations are unique per period) and sorts as text:
//   CALENDAR_YEAR, JANUARY_SNAPSHOT, MARCH_SNAPSHOT  "2024"
//   ACADEMIC_YEAR                                     "2023/24"   (DfE time_period 202324)
//   FINANCIAL_YEAR                                    "2023-24"   (DfE time_period 202324)
//   MONTHLY, ROLLING_12_MONTHS (ending that month)    "2024-03"   (also 202403)
//   EVENT, LOCAL                                      free text the partnership chooses
import { MONTHS } from '../dates.ts';
import type { PeriodType } from '@lip/db';

export type PeriodResult = { ok: true; period: string } | { ok: false; message: string };

const EXAMPLES: Record<PeriodType, string> = {
  CALENDAR_YEAR: 'a calendar year, like 2024',
  ACADEMIC_YEAR: 'an academic year, like 2023/24 or 202324',
  FINANCIAL_YEAR: 'a financial year, like 2023-24 or 202324',
  JANUARY_SNAPSHOT: 'the year of the January census, like 2024',
  MONTHLY: 'a month, like 2024-03',
  ROLLING_12_MONTHS: 'the month the 12 months end, like 2024-03',
  MARCH_SNAPSHOT: 'the year of the 31 March snapshot, like 2024',
  EVENT: 'a period of up to 50 characters',
  LOCAL: 'a period of up to 50 characters',
};

const fail = (type: PeriodType): PeriodResult => ({
  ok: false,
  message: `Enter ${EXAMPLES[type]}`,
});

function year(text: string): number | null {
  if (!/^\d{4}$/.test(text)) return null;
  const value = Number(text);
  return value >= 1900 && value <= 2100 ? value : null;
}

/** "2023/24", "2023-24" or "202324": the starting year when the second year follows it. */
function spanningYear(text: string): number | null {
  const match = /^(\d{4})[/-]?(\d{2})$/.exec(text);
  if (!match) return null;
  const start = year(match[1]!);
  if (start === null || (start + 1) % 100 !== Number(match[2])) return null;
  return start;
}

function month(text: string): string | null {
  const match = /^(\d{4})-?(\d{2})$/.exec(text);
  if (!match || year(match[1]!) === null) return null;
  const m = Number(match[2]);
  return m >= 1 && m <= 12 ? `${match[1]}-${match[2]}` : null;
}

/** Reads a period written the DfE way or the canonical way; returns the canonical spelling. */
export function parsePeriod(type: PeriodType, raw: string): PeriodResult {
  const text = raw.trim();
  switch (type) {
    case 'CALENDAR_YEAR':
    case 'JANUARY_SNAPSHOT':
    case 'MARCH_SNAPSHOT':
      return year(text) === null ? fail(type) : { ok: true, period: text };
    case 'ACADEMIC_YEAR':
    case 'FINANCIAL_YEAR': {
      const start = spanningYear(text);
      if (start === null) return fail(type);
      const end = String((start + 1) % 100).padStart(2, '0');
      return { ok: true, period: `${start}${type === 'ACADEMIC_YEAR' ? '/' : '-'}${end}` };
    }
    case 'MONTHLY':
    case 'ROLLING_12_MONTHS': {
      const canonical = month(text);
      return canonical === null ? fail(type) : { ok: true, period: canonical };
    }
    case 'EVENT':
    case 'LOCAL':
      return text.length > 0 && text.length <= 50 ? { ok: true, period: text } : fail(type);
  }
}

/** A canonical period in words, for people: "2023/24 academic year", "12 months to March 2024". */
export function formatPeriod(type: PeriodType, period: string): string {
  const monthName = (p: string) => `${MONTHS[Number(p.slice(5, 7)) - 1] ?? ''} ${p.slice(0, 4)}`;
  switch (type) {
    case 'CALENDAR_YEAR':
      return period;
    case 'ACADEMIC_YEAR':
      return `${period} academic year`;
    case 'FINANCIAL_YEAR':
      return `${period} financial year`;
    case 'JANUARY_SNAPSHOT':
      return `January ${period}`;
    case 'MARCH_SNAPSHOT':
      return `31 March ${period}`;
    case 'MONTHLY':
      return monthName(period);
    case 'ROLLING_12_MONTHS':
      return `12 months to ${monthName(period)}`;
    case 'EVENT':
    case 'LOCAL':
      return period;
  }
}

/**
 * DfE `time_identifier` values and the period types they can describe. A row whose identifier
 * names a different kind of period than its metric's is refused.
 */
const TIME_IDENTIFIERS: Record<string, readonly PeriodType[]> = {
  'calendar year': ['CALENDAR_YEAR', 'EVENT', 'LOCAL'],
  'academic year': ['ACADEMIC_YEAR', 'EVENT', 'LOCAL'],
  'financial year': ['FINANCIAL_YEAR', 'EVENT', 'LOCAL'],
  january: ['JANUARY_SNAPSHOT', 'MONTHLY', 'ROLLING_12_MONTHS', 'LOCAL'],
  march: ['MARCH_SNAPSHOT', 'MONTHLY', 'ROLLING_12_MONTHS', 'LOCAL'],
  month: ['MONTHLY', 'LOCAL'],
  'rolling 12 months': ['ROLLING_12_MONTHS', 'LOCAL'],
  'twelve months ending': ['ROLLING_12_MONTHS', 'LOCAL'],
  'reporting year': ['EVENT', 'LOCAL', 'CALENDAR_YEAR'],
};

/** True when the row's time_identifier (if any) fits the metric's period type. */
export function timeIdentifierFits(type: PeriodType, identifier: string | undefined): boolean {
  if (identifier === undefined || identifier.trim() === '') return true;
  const types = TIME_IDENTIFIERS[identifier.trim().toLowerCase()];
  // An identifier we do not know says nothing either way: the period itself is still checked.
  return types === undefined || types.includes(type);
}

/**
 * DfE monthly files give the year as time_period and the month as time_identifier ("2024",
 * "March"): for monthly period types that becomes "2024-03". Anything else is returned as given.
 */
export function combineMonth(
  type: PeriodType,
  period: string,
  identifier: string | undefined,
): string {
  if (
    (type !== 'MONTHLY' && type !== 'ROLLING_12_MONTHS') ||
    !identifier ||
    !/^\d{4}$/.test(period.trim())
  )
    return period;
  const index = MONTHS.findIndex((name) => name.toLowerCase() === identifier.trim().toLowerCase());
  return index < 0 ? period : `${period.trim()}-${String(index + 1).padStart(2, '0')}`;
}
