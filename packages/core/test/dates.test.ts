// GOV.UK dates and times, as every page, export and plugin writes them.
import { expect, test } from 'vitest';
import { govukDate, govukTime } from '../src/dates.ts';

test('dates are calendar dates, never shifted by a time zone', () => {
  expect(govukDate('2026-09-01')).toBe('1 September 2026');
  expect(govukDate(new Date('2026-12-31T23:30:00Z'))).toBe('31 December 2026');
  expect(govukDate(null)).toBe('');
  expect(govukDate('not a date')).toBe('not a date');
});

test('times are UK times, lower-case, with no space: 3:01pm; midnight and midday in words', () => {
  expect(govukTime('2026-11-28T15:01:00Z')).toBe('3:01pm'); // GMT
  expect(govukTime('2026-07-01T09:05:00Z')).toBe('10:05am'); // BST
  expect(govukTime(new Date('2026-01-01T00:00:00Z'))).toBe('midnight');
  expect(govukTime('2026-01-01T12:00:00Z')).toBe('midday');
  expect(govukTime('2026-01-01T00:30:00Z')).toBe('12:30am');
  expect(govukTime('soon')).toBe('');
});
