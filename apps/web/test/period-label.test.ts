// Periods on the dashboard as people read them, by the metric's period type.
import { describe, expect, it } from 'vitest';
import { comparableAcrossAreas, periodLabel } from '../app/components/metrics/labels.ts';

describe('periodLabel', () => {
  it('reads a stored period by its period type', () => {
    expect(periodLabel('MONTHLY', '2025-03')).toBe('March 2025');
    expect(periodLabel('ROLLING_12_MONTHS', '2025-03')).toBe('12 months to March 2025');
    expect(periodLabel('ACADEMIC_YEAR', '2024/25')).toBe('2024/25');
    expect(periodLabel('ACADEMIC_YEAR', '202425')).toBe('2024/25');
    expect(periodLabel('FINANCIAL_YEAR', '2024-25')).toBe('2024-25');
    expect(periodLabel('JANUARY_SNAPSHOT', '2025')).toBe('January 2025');
    expect(periodLabel('CALENDAR_YEAR', '2023')).toBe('2023');
  });

  it('leaves anything it does not recognise as stored', () => {
    expect(periodLabel('MONTHLY', '2025-13')).toBe('2025-13');
    expect(periodLabel('LOCAL', 'Spring term')).toBe('Spring term');
  });
});

describe('comparableAcrossAreas', () => {
  it('compares rates and percentages across areas, never counts', () => {
    expect(comparableAcrossAreas('percent')).toBe(true);
    expect(comparableAcrossAreas('rate-per-100')).toBe(true);
    expect(comparableAcrossAreas('count')).toBe(false);
  });
});
