import type { StandardSchemaV1 } from '@pothos/plugin-validation';
import { z } from 'zod';
import type { FieldError } from './errors.ts';

/** Standard-schema issues → field errors whose path is the input field name (the arg name dropped). */
export function fieldErrorsFromIssues(issues: readonly StandardSchemaV1.Issue[]): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const issue of issues) {
    const path = (issue.path ?? []).map((p) => String(typeof p === 'object' ? p.key : p));
    if (path[0] === 'input') path.shift();
    const key = path.join('.');
    if (seen.has(key)) continue; // one message per field, the first (most basic) one
    seen.add(key);
    out.push({ path, message: issue.message });
  }
  return out;
}

/** The calendar dates any input accepts: a year outside these is a typing slip, not a plan date. */
export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 2200;

/**
 * A Date input's rule, GOV.UK style: "Start date must be a real date" for one that is not (the
 * Date scalar turns "2026-02-30" into an Invalid Date), and "Start date must be between 1 January
 * 1900 and 31 December 2200" for "0000-01-01" and the like, which PostgreSQL would store as it is.
 */
export function dateField(label: string, invalid = `${label} must be a real date`) {
  return z.date({ error: invalid }).refine((date) => {
    const year = date.getUTCFullYear();
    return year >= EARLIEST_YEAR && year <= LATEST_YEAR;
  }, `${label} must be between 1 January ${EARLIEST_YEAR} and 31 December ${LATEST_YEAR}`);
}

/**
 * Money as typed: "12500", "£12,500.50". `integerDigits` is the column's precision less its scale
 * (Decimal(14, 2) holds 12 digits before the point), so a larger amount is refused with a message
 * rather than overflowing the column.
 */
export function moneyField(label: string, integerDigits: number) {
  const shape = /^£?\s?(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$/;
  const largest = `£${'9'.repeat(integerDigits).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.99`;
  return z
    .string()
    .trim()
    .refine(
      (v) => v === '' || shape.test(v),
      `Enter the ${label.toLowerCase()} in pounds, like 12500 or 12500.50`,
    )
    .refine((v) => {
      if (!shape.test(v)) return true; // the message above says what is wrong
      const whole = v.replace(/^£\s?/, '').replaceAll(',', '').split('.')[0] ?? '';
      return whole.replace(/^0+(?=\d)/, '').length <= integerDigits;
    }, `${label} must be ${largest} or less`);
}
