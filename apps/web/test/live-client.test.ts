// The words the live banner uses for when someone saved, and for who they are.
import { describe, expect, test } from 'vitest';
import { ago, personLabel } from '../app/components/live/live-client.ts';

describe('ago', () => {
  test.each([
    [0, 'a moment ago'],
    [4_400, 'a moment ago'],
    [5_000, '5 seconds ago'],
    [59_000, '59 seconds ago'],
    [60_000, '1 minute ago'],
    [125_000, '2 minutes ago'],
    [3_600_000, '1 hour ago'],
    [-2_000, 'a moment ago'],
  ])('%i ms is "%s"', (ms, words) => {
    expect(ago(ms)).toBe(words);
  });
});

test('a person is named with their organisation when it is known', () => {
  expect(personLabel({ name: 'Priya Shah', organisationName: 'NHS Northshire ICB' })).toBe(
    'Priya Shah (NHS Northshire ICB)',
  );
  expect(personLabel({ name: 'Priya Shah', organisationName: null })).toBe('Priya Shah');
});
