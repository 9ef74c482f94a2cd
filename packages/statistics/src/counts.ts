// Disclosure control for counts a plan states directly (a plugin field marked as a count of
// children or young people), as opposed to imported observations. A count group is a set of counts
// published side by side whose total a reader may know or work out (a list row's counts, or fields
// a plugin names as one group): the same rules as observations, with that total treated as known.
import { protectObservations, SUPPRESSED, type DisclosureSettings } from './disclosure.ts';

/** A published count: the (rounded) number, the symbol "c" in its place, or null when not given. */
export type PublishedCount = number | typeof SUPPRESSED | null;

/**
 * Protects one group of counts and returns them in the same order (the input is not changed).
 *
 * 1. A count greater than 0 and below the threshold becomes "c".
 * 2. The group's total is treated as known, so a group never has exactly one "c": the smallest
 *    other non-zero count is suppressed too (a zero only when there is none).
 * 3. Published counts are rounded half up to the rounding base.
 *
 * Not-given counts (null) stay null and are never relied on to protect another. Protecting the
 * output again changes nothing.
 */
export function protectCountGroup(
  counts: readonly (number | null)[],
  settings: DisclosureSettings,
): PublishedCount[] {
  // Only given counts take part: a count not given is neither published nor relied on.
  const given = counts.flatMap((count, index) => (count === null ? [] : [{ count, index }]));
  const rows = given.map(({ count, index }) => ({
    geographyLevel: 'GROUP',
    geographyCode: '',
    period: '',
    breakdown: `count:${index}`,
    value: String(count),
    numerator: null,
    denominator: null,
    symbol: null as string | null,
    provisional: false,
    revised: false,
  }));
  const out: PublishedCount[] = counts.map(() => null);
  protectObservations(rows, { ...settings, unit: 'count' }).forEach((row, i) => {
    out[given[i]!.index] = row.symbol === SUPPRESSED ? SUPPRESSED : Number(row.value);
  });
  return out;
}
