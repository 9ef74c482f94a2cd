import { describe, expect, it } from 'vitest';
import { protectObservations } from '../src/index.ts';
import { byBreakdown, count, observation } from './support.ts';

const suppressOnly = { smallNumberThreshold: 5, roundingBase: null, unit: 'count' };

describe('protectObservations: primary suppression', () => {
  it('suppresses counts above 0 and below the threshold, keeping 0 and the threshold itself', () => {
    const rows = [count('', 4), count('', 0, { period: '2023' }), count('', 5, { period: '2022' })];
    const result = protectObservations(rows, suppressOnly);
    expect(result.map((row) => [row.symbol, row.value])).toEqual([
      ['c', null],
      [null, '0'],
      [null, '5'],
    ]);
  });

  it('judges a rate by its numerator and its denominator, and clears every figure', () => {
    const rows = [
      observation({ value: '37.5', numerator: '3', denominator: '8' }),
      observation({ period: '2023', value: '50', numerator: '6', denominator: '12' }),
      observation({ period: '2022', value: '0', numerator: '0', denominator: '4' }),
    ];
    const result = protectObservations(rows, {
      smallNumberThreshold: 5,
      roundingBase: null,
      unit: 'percent',
    });
    expect(result[0]).toMatchObject({
      symbol: 'c',
      value: null,
      numerator: null,
      denominator: null,
    });
    expect(result[1]).toMatchObject({
      symbol: null,
      value: '50',
      numerator: '6',
      denominator: '12',
    });
    expect(result[2]).toMatchObject({ symbol: 'c', value: null });
  });

  it('keeps symbols already present and does not change the input', () => {
    const rows = [
      count('', 0, { value: null, symbol: 'x' }),
      count('', 3, { period: '2023', value: null, symbol: 'low' }),
    ];
    const copy = structuredClone(rows);
    const result = protectObservations(rows, suppressOnly);
    expect(result.map((row) => row.symbol)).toEqual(['x', 'low']);
    expect(rows).toEqual(copy);
  });

  it('suppresses nothing when the threshold is null', () => {
    const rows = [
      count('', 3),
      count('sen_status:EHC plan', 1),
      count('sen_status:SEN support', 2),
    ];
    expect(
      protectObservations(rows, { smallNumberThreshold: null, roundingBase: null, unit: 'count' }),
    ).toEqual(rows);
  });
});

describe('protectObservations: secondary suppression', () => {
  it('suppresses the next smallest part when one part is suppressed', () => {
    const rows = [
      count('', 120),
      count('sen_status:EHC plan', 3),
      count('sen_status:SEN support', 40),
      count('sen_status:No SEN', 77),
    ];
    expect(byBreakdown(protectObservations(rows, suppressOnly))).toEqual({
      '': '120',
      'sen_status:EHC plan': 'c',
      'sen_status:SEN support': 'c',
      'sen_status:No SEN': '77',
    });
  });

  it('prefers a non-zero part to a zero, which would protect nothing', () => {
    const rows = [count('', 63), count('need:A', 3), count('need:B', 0), count('need:C', 60)];
    expect(byBreakdown(protectObservations(rows, suppressOnly))).toMatchObject({
      'need:B': '0',
      'need:C': 'c',
    });
  });

  it('leaves groups alone when two parts are already suppressed', () => {
    const rows = [count('', 107), count('need:A', 3), count('need:B', 4), count('need:C', 100)];
    expect(byBreakdown(protectObservations(rows, suppressOnly))).toEqual({
      '': '107',
      'need:A': 'c',
      'need:B': 'c',
      'need:C': '100',
    });
  });

  it('keeps a suppressed total underivable in every filter, not only the one that caused it', () => {
    // The source withheld the total; each filter's published parts would give it away.
    const rows = [
      count('', 0, { value: null, symbol: 'c' }),
      count('sen_status:EHC plan', 20),
      count('sen_status:SEN support', 30),
      count('gender:Boys', 26),
      count('gender:Girls', 24),
    ];
    expect(byBreakdown(protectObservations(rows, suppressOnly))).toEqual({
      '': 'c',
      'sen_status:EHC plan': 'c',
      'sen_status:SEN support': '30',
      'gender:Boys': '26',
      'gender:Girls': 'c',
    });
  });

  it('leaves a suppressed total and one suppressed part to protect each other', () => {
    const rows = [count('', 4), count('gender:Boys', 0), count('gender:Girls', 4)];
    // Total and Girls are both primary; with two unknowns in the relation neither can be derived.
    expect(byBreakdown(protectObservations(rows, suppressOnly))).toEqual({
      '': 'c',
      'gender:Boys': '0',
      'gender:Girls': 'c',
    });
  });

  it('suppresses the total when a filter has one part and it is suppressed', () => {
    const rows = [
      count('', 3),
      count('phase:Primary', 3),
      count('', 30, { period: '2023' }),
      count('phase:Primary', 2, { period: '2023' }),
    ];
    const result = protectObservations(rows, suppressOnly);
    expect(result.map((row) => row.symbol)).toEqual(['c', 'c', 'c', 'c']);
  });

  it('treats each geography and period separately', () => {
    const rows = [
      count('', 50),
      count('need:A', 2),
      count('need:B', 48),
      count('', 50, { geographyCode: 'E09000002' }),
      count('need:A', 20, { geographyCode: 'E09000002' }),
      count('need:B', 30, { geographyCode: 'E09000002' }),
    ];
    const result = protectObservations(rows, suppressOnly);
    expect(result.map((row) => row.symbol ?? row.value)).toEqual([
      '50',
      'c',
      'c',
      '50',
      '20',
      '30',
    ]);
  });
});

describe('protectObservations: rounding', () => {
  it('rounds published counts half up and leaves rates as published', () => {
    const counts = [count('', 127), count('need:A', 62), count('need:B', 65)];
    expect(
      protectObservations(counts, {
        smallNumberThreshold: null,
        roundingBase: 5,
        unit: 'count',
      }).map((row) => row.value),
    ).toEqual(['125', '60', '65']);
    const rates = [observation({ value: '36.67', numerator: '11', denominator: '30' })];
    expect(
      protectObservations(rates, { smallNumberThreshold: 10, roundingBase: 5, unit: 'percent' })[0],
    ).toMatchObject({
      symbol: null,
      value: '36.67',
      numerator: '10',
      denominator: '30',
    });
  });

  it('suppresses a count that would round to a positive figure below the threshold', () => {
    // 12 rounds to 10, which is below 11: publishing "10" would show a figure under the threshold.
    const rows = [count('', 12)];
    expect(
      protectObservations(rows, { smallNumberThreshold: 11, roundingBase: 10, unit: 'count' })[0]
        ?.symbol,
    ).toBe('c');
  });
});
