// Properties of protectCountGroup: counts a plan states directly (plugin fields marked as counts of
// children), published side by side with a total a reader may know.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { protectCountGroup, SUPPRESSED, type DisclosureSettings } from '../src/index.ts';

/** Small counts most of the time, so that suppression happens often; sometimes not given. */
const count = fc.oneof(
  fc.integer({ min: 0, max: 12 }),
  fc.integer({ min: 0, max: 300 }),
  fc.constant(null),
);
const group = fc.array(count, { minLength: 1, maxLength: 6 });
const settings: fc.Arbitrary<DisclosureSettings> = fc.record({
  smallNumberThreshold: fc.integer({ min: 1, max: 20 }),
  roundingBase: fc.option(fc.constantFrom(1, 2, 5, 10), { nil: null }),
});
const runs = { numRuns: 500 };

describe('protectCountGroup properties', () => {
  it('publishes no count above 0 and below the threshold, raw or rounded', () => {
    fc.assert(
      fc.property(group, settings, (counts, rule) => {
        const threshold = rule.smallNumberThreshold!;
        protectCountGroup(counts, rule).forEach((published, index) => {
          const raw = counts[index];
          if (raw !== null && raw !== undefined && raw > 0 && raw < threshold)
            expect(published).toBe(SUPPRESSED);
          if (typeof published === 'number')
            expect(published === 0 || published >= threshold).toBe(true);
        });
      }),
      runs,
    );
  });

  it('no suppressed count can be recovered from the group total and the counts published beside it', () => {
    fc.assert(
      fc.property(group, settings, (counts, rule) => {
        const published = protectCountGroup(counts, rule);
        const given = published.filter((_, index) => counts[index] !== null);
        const hidden = given.filter((p) => p === SUPPRESSED).length;
        // With the total known, one hidden count is the total minus the others: never exactly one,
        // unless it is the group's only count (then the total is that count, never published).
        if (given.length > 1) expect(hidden).not.toBe(1);
      }),
      runs,
    );
  });

  it('rounds published counts to a multiple of the base, at most half the base away', () => {
    fc.assert(
      fc.property(group, settings, (counts, rule) => {
        const base = rule.roundingBase;
        protectCountGroup(counts, rule).forEach((published, index) => {
          if (typeof published !== 'number') return;
          const raw = counts[index]!;
          if (base === null) expect(published).toBe(raw);
          else {
            expect(published % base).toBe(0);
            expect(Math.abs(published - raw)).toBeLessThanOrEqual(base / 2);
          }
        });
      }),
      runs,
    );
  });

  it('keeps counts not given as not given, and suppresses nothing without a threshold', () => {
    fc.assert(
      fc.property(group, settings, (counts, rule) => {
        const published = protectCountGroup(counts, rule);
        counts.forEach((raw, index) => {
          if (raw === null) expect(published[index]).toBeNull();
        });
        expect(
          protectCountGroup(counts, { smallNumberThreshold: null, roundingBase: null }),
        ).toEqual(counts);
      }),
      runs,
    );
  });

  it('is stable: protecting the published figures again changes none of them', () => {
    fc.assert(
      fc.property(group, settings, (counts, rule) => {
        const once = protectCountGroup(counts, rule);
        const again = protectCountGroup(
          once.map((p) => (typeof p === 'number' ? p : null)),
          rule,
        );
        once.forEach((p, index) => {
          if (typeof p === 'number' && p >= rule.smallNumberThreshold!)
            expect(again[index]).toBe(p);
        });
      }),
      runs,
    );
  });
});

describe('protectCountGroup examples', () => {
  const rule = { smallNumberThreshold: 5, roundingBase: 5 };
  it('AP movements in one term: 3 into AP is suppressed, and the smallest other with it', () => {
    expect(protectCountGroup([3, 12, 8, 41], rule)).toEqual([SUPPRESSED, 10, SUPPRESSED, 40]);
  });
  it('a count on its own is suppressed only when small', () => {
    expect(protectCountGroup([4], rule)).toEqual([SUPPRESSED]);
    expect(protectCountGroup([0], rule)).toEqual([0]);
    expect(protectCountGroup([23], rule)).toEqual([25]);
  });
  it('a count not given is not used to protect another', () => {
    expect(protectCountGroup([2, null, 17], rule)).toEqual([SUPPRESSED, null, SUPPRESSED]);
  });
});
