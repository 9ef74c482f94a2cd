import { isCountUnit } from './format.ts';
import { roundHalfUp } from './rounding.ts';

/** The symbol for a figure withheld to protect confidentiality (DfE/GSS convention). */
export const SUPPRESSED = 'c';

export interface DisclosureSettings {
  /** Counts greater than 0 and below this are suppressed; null suppresses nothing. */
  smallNumberThreshold: number | null;
  /** Published counts are rounded half up to a multiple of this; null leaves them as they are. */
  roundingBase: number | null;
}

/** One observation row; SnapshotObservation (packages/core/src/snapshot.ts) and the import build on it. */
export interface ObservationLike {
  geographyLevel: string;
  geographyCode: string;
  period: string;
  /** "" for the total; otherwise "<filter>:<value>", a part of that total. */
  breakdown: string;
  value: string | null;
  numerator: string | null;
  denominator: string | null;
  symbol: string | null;
  provisional: boolean;
  revised: boolean;
}

export interface ProtectOptions extends DisclosureSettings {
  /** The metric's unit: "count"/"number" protect the value; any other unit protects its numerator and denominator. */
  unit: string;
}

/**
 * Applies statistical disclosure control to one metric's observations and returns new rows in the
 * same order (the input is not changed). See the package README for the rules and a worked example.
 *
 * 1. Primary suppression: a count greater than 0 and below the threshold (for rates and
 *    percentages, the numerator or the denominator) becomes symbol "c" with no figures.
 * 2. Secondary suppression: within a geography and period, the total ("") and the parts of each
 *    filter ("sen_status:*") add up, so no "c" cell may be derivable from the published ones. The
 *    smallest non-zero published part is suppressed until no relation has exactly one unknown.
 * 3. Rounding: published counts (and rates' numerators and denominators) are rounded half up to
 *    the rounding base; rates themselves stay as published (computed from unrounded figures).
 *
 * Symbols already present (z, x, low, u...) are kept. Protecting twice is the same as protecting once.
 */
export function protectObservations<T extends ObservationLike>(
  rows: readonly T[],
  options: ProtectOptions,
): T[] {
  const { smallNumberThreshold: threshold, roundingBase: base, unit } = options;
  const countUnit = isCountUnit(unit);
  const protectedRows: T[] = rows.map((row) => ({ ...row }));

  if (threshold !== null) {
    for (const row of protectedRows) {
      if (row.symbol === null && isSmall(row, countUnit, threshold, base)) suppress(row);
    }
    suppressDerivableCells(protectedRows, countUnit);
  }

  if (base !== null) {
    for (const row of protectedRows) {
      if (row.symbol !== null) continue;
      if (countUnit) row.value = roundFigure(row.value, base);
      row.numerator = roundFigure(row.numerator, base);
      row.denominator = roundFigure(row.denominator, base);
    }
  }
  return protectedRows;
}

/** Whether a cell is withheld for confidentiality (and so must not be derivable). */
export function isSuppressed(row: Pick<ObservationLike, 'symbol'>): boolean {
  return row.symbol === SUPPRESSED;
}

/**
 * The figures a cell is judged by. Both the raw and the rounded figure are checked, so that a
 * figure rounding down below the threshold is not published either, and a second pass over the
 * output (already rounded) suppresses nothing more.
 */
function isSmall(
  row: ObservationLike,
  countUnit: boolean,
  threshold: number,
  base: number | null,
): boolean {
  const figures = countUnit ? [row.value] : [row.numerator, row.denominator];
  return figures.some((figure) => {
    const raw = parseFigure(figure);
    if (raw === null) return false;
    const rounded = base === null ? raw : roundHalfUp(raw, base);
    return (raw > 0 && raw < threshold) || (rounded > 0 && rounded < threshold);
  });
}

function suppress(row: ObservationLike): void {
  row.symbol = SUPPRESSED;
  row.value = null;
  row.numerator = null;
  row.denominator = null;
}

interface Star {
  /** The total row; absent when the import had none (then it is treated as known: it may be published elsewhere). */
  total: ObservationLike | undefined;
  /** Each filter's parts. */
  groups: ObservationLike[][];
}

/**
 * Secondary suppression, one geography × period at a time. The total T is shared by every
 * filter's relation T = part₁ + … + partₙ, and each part is in exactly one relation, so:
 * - a suppressed T is derivable when some filter has all its parts published;
 * - a known T makes a filter's part derivable when it is that filter's only suppressed part.
 * Only "c" cells count as unknown: other symbols (x, z, low, u) may be known or published
 * elsewhere, so they are not relied on for protection.
 */
function suppressDerivableCells(rows: ObservationLike[], countUnit: boolean): void {
  for (const star of stars(rows)) {
    let changed = true;
    while (changed) {
      changed = false;
      const totalHidden = star.total !== undefined && isSuppressed(star.total);
      if (totalHidden) {
        for (const group of star.groups) {
          if (group.every((part) => !isSuppressed(part)))
            changed = suppressSmallest(group, countUnit) || changed;
        }
        continue;
      }
      for (const group of star.groups) {
        if (group.filter(isSuppressed).length !== 1) continue;
        if (suppressSmallest(group, countUnit)) changed = true;
        else if (star.total) {
          // The part is the filter's only part, so it equals the total: hide the total too.
          suppress(star.total);
          changed = true;
        }
      }
    }
  }
}

/** Suppresses the smallest non-zero published part (a zero only when there is none); false when nothing is left to suppress. */
function suppressSmallest(group: ObservationLike[], countUnit: boolean): boolean {
  const candidates = group
    .filter((part) => !isSuppressed(part))
    .map((part) => ({ part, size: cellSize(part, countUnit) }))
    .sort(
      (a, b) =>
        Number(a.size === 0) - Number(b.size === 0) ||
        a.size - b.size ||
        a.part.breakdown.localeCompare(b.part.breakdown),
    );
  const smallest = candidates[0];
  if (!smallest) return false;
  suppress(smallest.part);
  return true;
}

/** How big a cell is, for choosing the secondary suppression: its count (a rate's numerator). Unknown sizes go last. */
function cellSize(row: ObservationLike, countUnit: boolean): number {
  const figure = parseFigure(countUnit ? row.value : (row.numerator ?? row.value));
  return figure === null ? Number.POSITIVE_INFINITY : Math.abs(figure);
}

function stars(rows: ObservationLike[]): Star[] {
  const byPlaceAndPeriod = new Map<
    string,
    { total?: ObservationLike; groups: Map<string, ObservationLike[]> }
  >();
  for (const row of rows) {
    const key = JSON.stringify([row.geographyLevel, row.geographyCode, row.period]);
    let star = byPlaceAndPeriod.get(key);
    if (!star) {
      star = { groups: new Map() };
      byPlaceAndPeriod.set(key, star);
    }
    if (row.breakdown === '') {
      star.total = row;
      continue;
    }
    const filter = filterName(row.breakdown);
    const group = star.groups.get(filter) ?? [];
    group.push(row);
    star.groups.set(filter, group);
  }
  return [...byPlaceAndPeriod.values()].map((star) => ({
    total: star.total,
    groups: [...star.groups.values()],
  }));
}

/** "sen_status:EHC plan" → "sen_status". A breakdown without a colon is its own filter. */
export function filterName(breakdown: string): string {
  const colon = breakdown.indexOf(':');
  return colon === -1 ? breakdown : breakdown.slice(0, colon);
}

function parseFigure(figure: string | null): number | null {
  if (figure === null || figure.trim() === '') return null;
  const number = Number(figure);
  return Number.isFinite(number) ? number : null;
}

function roundFigure(figure: string | null, base: number): string | null {
  const number = parseFigure(figure);
  return number === null ? figure : String(roundHalfUp(number, base));
}
