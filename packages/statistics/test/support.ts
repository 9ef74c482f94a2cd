import { type ObservationLike } from '../src/index.ts';

/** An observation row with defaults: a local authority's 2024 total. */
export function observation(overrides: Partial<ObservationLike> = {}): ObservationLike {
  return {
    geographyLevel: 'LOCAL_AUTHORITY',
    geographyCode: 'E09000001',
    period: '2024',
    breakdown: '',
    value: null,
    numerator: null,
    denominator: null,
    symbol: null,
    provisional: false,
    revised: false,
    ...overrides,
  };
}

/** A count row. */
export function count(
  breakdown: string,
  value: number,
  overrides: Partial<ObservationLike> = {},
): ObservationLike {
  return observation({ breakdown, value: String(value), ...overrides });
}

/** Rows keyed by breakdown, for readable assertions on one geography and period. */
export function byBreakdown(rows: ObservationLike[]): Record<string, string | null> {
  return Object.fromEntries(rows.map((row) => [row.breakdown, row.symbol ?? row.value]));
}
