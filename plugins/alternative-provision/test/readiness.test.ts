import { describe, expect, it } from 'vitest';
import {
  budgetStated,
  outcomeToMeasure,
  outcomesMeasured,
  tierToDescribe,
  tiersDescribed,
} from '../src/readiness.ts';
import { NORTHSHIRE_AP } from '../src/server/seed-data.ts';

const complete = { ...NORTHSHIRE_AP, apo5: { ...NORTHSHIRE_AP.apo5, target: 90 } };

describe('readiness checks', () => {
  it('pass on a complete section', () => {
    expect(tiersDescribed(complete)).toBe(true);
    expect(outcomesMeasured(complete)).toBe(true);
    expect(budgetStated(complete)).toBe(true);
  });

  it('name the field to fill in first, for the section page to link to', () => {
    expect(tierToDescribe(complete)).toBeNull();
    expect(outcomeToMeasure(complete)).toBeNull();
    expect(outcomeToMeasure(NORTHSHIRE_AP)).toBe('apo5.target');
    expect(tierToDescribe({ ...complete, tier2: { offer: 'x', providers: ' ' } })).toBe(
      'tier2.providers',
    );
    expect(tierToDescribe({})).toBe('tier1.offer');
    expect(outcomeToMeasure({})).toBe('apo1.measure');
  });

  it('name every tier still to describe', () => {
    expect(
      tiersDescribed({
        ...complete,
        tier1: { offer: ' ', providers: 'x' },
        tier3: { offer: 'x', providers: null },
      }),
    ).toBe('Say what is offered and by whom at tier 1 and tier 3');
    expect(tiersDescribed({})).toBe('Say what is offered and by whom at tier 1, tier 2 and tier 3');
  });

  it('name each outcome missing a measure or a target', () => {
    expect(outcomesMeasured(NORTHSHIRE_AP)).toBe(
      'Add a target for APO-5 (successful post-16 transitions)',
    );
    expect(
      outcomesMeasured({
        ...complete,
        apo2: { measure: null, target: null },
        apo4: { measure: null, target: 25 },
      }),
    ).toBe(
      'Add a measure and a target for APO-2 (improved attendance) and a measure for APO-4 (attainment, with a focus on English and maths)',
    );
  });

  it('need a budget amount (a note alone is not a budget)', () => {
    expect(budgetStated({ budget: { amount: null, note: 'To be agreed' } })).toBe(
      'State the alternative provision budget for the year',
    );
    expect(budgetStated({ budget: { amount: 0, note: null } })).toBe(true);
  });
});
