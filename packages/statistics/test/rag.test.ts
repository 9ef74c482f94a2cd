import { describe, expect, it } from 'vitest';
import { formatValue, ragStatus } from '../src/index.ts';

describe('ragStatus, lower is better', () => {
  const base = { polarity: 'LOWER_BETTER' as const, baseline: 14, target: 10, unit: 'percent' };

  it('is GREEN at or below the target', () => {
    expect(ragStatus({ ...base, latest: 10 })).toEqual({
      rag: 'GREEN',
      reason: '10% meets the target of 10% (lower is better).',
    });
    expect(ragStatus({ ...base, latest: 9.5 }).rag).toBe('GREEN');
  });

  it('is AMBER when better than the baseline but not at the target', () => {
    const result = ragStatus({ ...base, latest: 12.1 });
    expect(result.rag).toBe('AMBER');
    expect(result.reason).toBe(
      '12.1% is above the target of 10% (lower is better), but better than the baseline of 14%.',
    );
  });

  it('is RED when equal to or worse than the baseline', () => {
    expect(ragStatus({ ...base, latest: 14 })).toEqual({
      rag: 'RED',
      reason:
        '14% is above the target of 10% (lower is better), and no better than the baseline of 14%.',
    });
    expect(ragStatus({ ...base, latest: 15 }).reason).toContain('worse than the baseline of 14%');
  });
});

describe('ragStatus, higher is better', () => {
  const base = { polarity: 'HIGHER_BETTER' as const, baseline: 60, target: 75, unit: 'count' };

  it('is GREEN at or above the target', () => {
    expect(ragStatus({ ...base, latest: 75 }).rag).toBe('GREEN');
    expect(ragStatus({ ...base, latest: 1200 })).toEqual({
      rag: 'GREEN',
      reason: '1,200 is above the target of 75 (higher is better), so the target is met.',
    });
  });

  it('is AMBER above the baseline and RED at or below it', () => {
    expect(ragStatus({ ...base, latest: 61 }).rag).toBe('AMBER');
    expect(ragStatus({ ...base, latest: 60 }).rag).toBe('RED');
    expect(ragStatus({ ...base, latest: 50 }).rag).toBe('RED');
  });

  it('is RED without a baseline or trajectory point when the target is not met', () => {
    const result = ragStatus({ polarity: 'HIGHER_BETTER', target: 75, latest: 70 });
    expect(result.rag).toBe('RED');
    expect(result.reason).toContain('no baseline or trajectory');
  });
});

describe('ragStatus with a trajectory', () => {
  const base = {
    polarity: 'HIGHER_BETTER' as const,
    baseline: 50,
    target: 80,
    trajectory: [
      { period: '2024', value: 60 },
      { period: '2025', value: 70 },
    ],
  };

  it('uses the point for the latest period instead of the baseline', () => {
    expect(ragStatus({ ...base, latest: 70, latestPeriod: '2025' }).rag).toBe('AMBER');
    const offTrack = ragStatus({ ...base, latest: 65, latestPeriod: '2025' });
    expect(offTrack.rag).toBe('RED');
    expect(offTrack.reason).toBe(
      '65 is below the target of 80 (higher is better), and off track: the trajectory expected 70 by 2025.',
    );
  });

  it('falls back to the baseline when no point matches the latest period', () => {
    expect(ragStatus({ ...base, latest: 55, latestPeriod: '2023' }).rag).toBe('AMBER');
    expect(ragStatus({ ...base, latest: 55 }).rag).toBe('AMBER');
  });

  it('is still GREEN when the target is met whatever the trajectory says', () => {
    expect(ragStatus({ ...base, latest: 85, latestPeriod: '2024' }).rag).toBe('GREEN');
  });
});

describe('ragStatus, context metrics', () => {
  it('takes the direction from baseline to target and is never RED', () => {
    const falling = { polarity: 'CONTEXT' as const, baseline: 20, target: 15 };
    expect(ragStatus({ ...falling, latest: 14 }).rag).toBe('GREEN');
    expect(ragStatus({ ...falling, latest: 18 }).rag).toBe('AMBER');
    expect(ragStatus({ ...falling, latest: 25 }).rag).toBe('AMBER');
    expect(ragStatus({ polarity: 'CONTEXT', target: 15, latest: 3 }).rag).toBe('AMBER');
  });
});

describe('ragStatus without data or target', () => {
  it('is NO_TARGET without a target and NO_DATA without a latest value', () => {
    expect(ragStatus({ polarity: 'HIGHER_BETTER', latest: 5 }).rag).toBe('NO_TARGET');
    expect(ragStatus({ polarity: 'HIGHER_BETTER', target: null, latest: null }).rag).toBe(
      'NO_TARGET',
    );
    expect(ragStatus({ polarity: 'HIGHER_BETTER', target: 5, latest: null }).rag).toBe('NO_DATA');
    expect(ragStatus({ polarity: 'CONTEXT', target: 5 }).rag).toBe('NO_DATA');
    expect(ragStatus({ polarity: 'LOWER_BETTER', target: 5, latest: Number.NaN }).rag).toBe(
      'NO_DATA',
    );
  });
});

describe('ragStatus inputs as stored', () => {
  it('accepts a null latest period and a null trajectory', () => {
    const input = {
      polarity: 'HIGHER_BETTER' as const,
      baseline: 1,
      target: 3,
      latest: 2,
      latestPeriod: null,
      trajectory: null,
    };
    expect(ragStatus(input).rag).toBe('AMBER');
  });
});

describe('published decimal places', () => {
  it("words the reason to the metric's decimal places", () => {
    const result = ragStatus({
      polarity: 'HIGHER_BETTER',
      baseline: 38,
      target: 60,
      latest: 40,
      unit: 'percent',
      decimals: 1,
    });
    expect(result.reason).toBe(
      '40.0% is below the target of 60.0% (higher is better), but better than the baseline of 38.0%.',
    );
  });

  it('formats counts as whole numbers and keeps two places where the metric has them', () => {
    expect(formatValue(1234, 'count', 0)).toBe('1,234');
    expect(formatValue(2.1, 'percent', 2)).toBe('2.10%');
    expect(formatValue(2.125, 'percent')).toBe('2.13%');
  });
});
