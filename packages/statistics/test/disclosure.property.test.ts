import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  filterName,
  isSuppressed,
  protectObservations,
  type ObservationLike,
  type ProtectOptions,
} from '../src/index.ts';
import { observation } from './support.ts';

// Random tables where every filter's parts add up to the total, as in DfE releases.

/** Splits `total` into `parts` non-negative integers (random cut points). */
const partition = (total: number, parts: number) =>
  fc
    .array(fc.integer({ min: 0, max: total }), { minLength: parts - 1, maxLength: parts - 1 })
    .map((cuts) => {
      const points = [0, ...cuts.sort((a, b) => a - b), total];
      return points.slice(1).map((point, index) => point - (points[index] ?? 0));
    });

/** Small counts most of the time, so that suppression happens often. */
const smallishCount = fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 200 }));

/** One geography × period: a total and 1–3 filters of 1–5 parts each. */
const star = (geographyCode: string, period: string) =>
  fc
    .tuple(
      fc.array(smallishCount, { minLength: 1, maxLength: 5 }),
      fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 2 }),
    )
    .chain(([firstParts, otherSizes]) => {
      const total = firstParts.reduce((sum, part) => sum + part, 0);
      return fc.tuple(
        fc.constant(total),
        fc.constant(firstParts),
        fc.tuple(...otherSizes.map((size) => partition(total, size))),
      );
    })
    .map(([total, firstParts, otherFilters]) => {
      const place = { geographyCode, period };
      const filters = [firstParts, ...otherFilters];
      return [
        observation({ ...place, breakdown: '', value: String(total) }),
        ...filters.flatMap((parts, filter) =>
          parts.map((part, index) =>
            observation({
              ...place,
              breakdown: `filter${filter}:value${index}`,
              value: String(part),
            }),
          ),
        ),
      ];
    });

const tables = fc
  .tuple(star('E09000001', '2023'), star('E09000001', '2024'), star('E09000002', '2024'))
  .map((stars) => stars.flat());

const settings: fc.Arbitrary<ProtectOptions> = fc.record({
  smallNumberThreshold: fc.option(fc.integer({ min: 1, max: 20 }), { nil: null }),
  roundingBase: fc.option(fc.constantFrom(1, 2, 5, 10), { nil: null }),
  unit: fc.constant('count'),
});

/** The additive relations: each filter's parts with its geography and period's total. */
function relations(
  rows: ObservationLike[],
): Array<{ total: ObservationLike | undefined; parts: ObservationLike[] }> {
  const totals = new Map<string, ObservationLike>();
  const parts = new Map<string, ObservationLike[]>();
  for (const row of rows) {
    const place = `${row.geographyCode}|${row.period}`;
    if (row.breakdown === '') totals.set(place, row);
    else {
      const key = `${place}|${filterName(row.breakdown)}`;
      parts.set(key, [...(parts.get(key) ?? []), row]);
    }
  }
  return [...parts.entries()].map(([key, group]) => ({
    total: totals.get(key.split('|').slice(0, 2).join('|')),
    parts: group,
  }));
}

const runs = { numRuns: 300 };

describe('protectObservations properties', () => {
  it('(a) publishes no count above 0 and below the threshold, raw or rounded', () => {
    fc.assert(
      fc.property(tables, settings, (rows, options) => {
        const threshold = options.smallNumberThreshold;
        if (threshold === null) return;
        protectObservations(rows, options).forEach((row, index) => {
          if (row.symbol !== null) return;
          for (const figure of [Number(rows[index]?.value), Number(row.value)]) {
            expect(figure === 0 || figure >= threshold).toBe(true);
          }
        });
      }),
      runs,
    );
  });

  it('(b) never leaves exactly one suppressed cell in an additive relation', () => {
    fc.assert(
      fc.property(tables, settings, (rows, options) => {
        for (const relation of relations(protectObservations(rows, options))) {
          const suppressedParts = relation.parts.filter(isSuppressed).length;
          const totalSuppressed = relation.total !== undefined && isSuppressed(relation.total);
          const hiddenCells = suppressedParts + (totalSuppressed ? 1 : 0);
          expect(hiddenCells).not.toBe(1);
          if (suppressedParts > 0) expect(totalSuppressed || suppressedParts >= 2).toBe(true);
        }
      }),
      runs,
    );
  });

  it('(c) is idempotent: protecting twice is protecting once', () => {
    fc.assert(
      fc.property(tables, settings, (rows, options) => {
        const once = protectObservations(rows, options);
        expect(protectObservations(once, options)).toEqual(once);
      }),
      runs,
    );
  });

  it('(d) rounds published counts to a multiple of the base, at most half the base away', () => {
    fc.assert(
      fc.property(tables, settings, (rows, options) => {
        const base = options.roundingBase;
        if (base === null) return;
        protectObservations(rows, options).forEach((row, index) => {
          if (row.symbol !== null) return;
          const rounded = Number(row.value);
          expect(Math.abs(rounded - Number(rows[index]?.value))).toBeLessThanOrEqual(base / 2);
          expect(rounded % base).toBe(0);
        });
      }),
      runs,
    );
  });

  it('(e) suppresses nothing when the threshold is null', () => {
    fc.assert(
      fc.property(tables, settings, (rows, options) => {
        const result = protectObservations(rows, { ...options, smallNumberThreshold: null });
        expect(result.filter(isSuppressed)).toEqual([]);
        expect(result.map((row) => row.breakdown)).toEqual(rows.map((row) => row.breakdown));
      }),
      runs,
    );
  });

  it('only ever adds suppression: every figure it publishes is the input figure, rounded', () => {
    fc.assert(
      fc.property(tables, settings, (rows, options) => {
        protectObservations(rows, options).forEach((row, index) => {
          const raw = Number(rows[index]?.value);
          if (row.symbol === null) {
            const expected =
              options.roundingBase === null
                ? raw
                : Math.round(raw / options.roundingBase) * options.roundingBase;
            expect(Number(row.value)).toBe(expected);
          } else expect(row.value).toBeNull();
        });
      }),
      runs,
    );
  });
});

/** Rates: one filter whose numerators and denominators add up to the total's. */
const rateStar = (period: string) =>
  fc.array(fc.tuple(smallishCount, smallishCount), { minLength: 1, maxLength: 5 }).map((parts) => {
    const cell = (breakdown: string, numerator: number, extra: number) =>
      observation({
        period,
        breakdown,
        numerator: String(numerator),
        denominator: String(numerator + extra),
        value:
          numerator + extra === 0
            ? null
            : String(Math.round((1000 * numerator) / (numerator + extra)) / 10),
      });
    const [numerator, extra] = parts.reduce(([n, e], [pn, pe]) => [n + pn, e + pe], [0, 0]);
    return [
      cell('', numerator, extra),
      ...parts.map(([n, e], index) => cell(`need:value${index}`, n, e)),
    ];
  });

describe('protectObservations properties for rates', () => {
  const rateTables = fc.tuple(rateStar('2023'), rateStar('2024')).map((stars) => stars.flat());
  const rateSettings = settings.map((options) => ({ ...options, unit: 'percent' }));

  it('publishes no numerator or denominator below the threshold, keeps rates as published, hides no cell alone', () => {
    fc.assert(
      fc.property(rateTables, rateSettings, (rows, options) => {
        const result = protectObservations(rows, options);
        result.forEach((row, index) => {
          const input = rows[index];
          if (row.symbol !== null || !input) return;
          expect(row.value).toBe(input.value);
          if (options.smallNumberThreshold === null) return;
          for (const figure of [
            row.numerator,
            row.denominator,
            input.numerator,
            input.denominator,
          ].map(Number)) {
            expect(figure === 0 || figure >= options.smallNumberThreshold).toBe(true);
          }
        });
        for (const relation of relations(result)) {
          const hidden =
            relation.parts.filter(isSuppressed).length +
            (relation.total && isSuppressed(relation.total) ? 1 : 0);
          expect(hidden).not.toBe(1);
        }
        expect(protectObservations(result, options)).toEqual(result);
      }),
      runs,
    );
  });
});
