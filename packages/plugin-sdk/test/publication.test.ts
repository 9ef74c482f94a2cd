// Field options for publishing (issue 14): counts of children through the partnership's disclosure
// rule (a list row's counts and a named count group protected together, any other count on its
// own), public figures as written, and not-for-publication fields left out at any depth.
import { describe, expect, test } from 'vitest';
import { defineFields, field, integerFieldsWithoutPublication } from '../src/fields.ts';
import { publishFieldValues } from '../src/server/sections.ts';

const fields = defineFields({
  officerName: field.text({ label: 'Officer' }),
  officerEmail: field.email({ label: 'Officer email', notForPublication: true }),
  places: field.integer({ label: 'Places commissioned', publication: 'public' }),
  childrenInNeed: field.integer({
    label: 'Children in need with SEND',
    publication: 'count',
    countGroup: 'social-care',
  }),
  lookedAfter: field.integer({
    label: 'Looked-after children with SEND',
    publication: 'count',
    countGroup: 'social-care',
  }),
  onItsOwn: field.integer({ label: 'Pupils excluded', publication: 'count' }),
  movements: field.list({
    label: 'Movements',
    itemLabel: 'Term',
    fields: {
      term: field.text({ label: 'Term' }),
      intoAp: field.integer({ label: 'Into AP', publication: 'count' }),
      returned: field.integer({ label: 'Returned', publication: 'count' }),
      caseworkerPhone: field.text({ label: 'Caseworker phone', notForPublication: true }),
    },
  }),
});

// Core passes the partnership's rule (@lip/statistics protectCountGroup); the SDK's part is which
// counts go together. This rule is that one for a threshold of 5 and rounding to 5, and records the
// groups it was given.
const groupsSeen: Array<Array<number | null>> = [];
function protect(counts: readonly (number | null)[]): Array<number | 'c' | null> {
  groupsSeen.push([...counts]);
  const out: Array<number | 'c' | null> = counts.map((n) =>
    n === null ? null : n > 0 && n < 5 ? 'c' : Math.round(n / 5) * 5,
  );
  const given = counts.filter((n) => n !== null).length;
  if (given > 1 && out.filter((p) => p === 'c').length === 1) {
    const smallest = counts
      .map((n, index) => ({ n, index }))
      .filter(({ n, index }) => n !== null && out[index] !== 'c')
      .sort((a, b) => (a.n ?? 0) - (b.n ?? 0))[0];
    if (smallest) out[smallest.index] = 'c';
  }
  return out;
}

const values = fields.read({
  officerName: 'Sam Patel',
  officerEmail: 'sam.patel@example.org',
  places: 3,
  childrenInNeed: 4,
  lookedAfter: 37,
  onItsOwn: 2,
  movements: [
    { term: 'Autumn 2025', intoAp: 3, returned: 12, caseworkerPhone: '01234 567890' },
    { term: 'Spring 2026', intoAp: 22, returned: 9 },
  ],
});

describe('publishFieldValues', () => {
  const published = publishFieldValues(fields.meta, values, protect);
  const byKey = Object.fromEntries(published.map((f) => [f.key, f]));

  test('protects a list row’s counts together, a named count group together, any other count alone', () => {
    expect(groupsSeen).toEqual([[4, 37], [2], [3, 12], [22, 9]]);
  });

  test('leaves not-for-publication fields out, at any depth', () => {
    expect(published.map((f) => f.key)).toEqual([
      'officerName',
      'places',
      'childrenInNeed',
      'lookedAfter',
      'onItsOwn',
      'movements',
    ]);
    const text = JSON.stringify(published);
    expect(text).not.toContain('sam.patel@example.org');
    expect(text).not.toContain('01234 567890');
    expect(text).not.toContain('Caseworker phone');
  });

  test('publishes a public figure as written, even below the threshold', () => {
    expect(byKey.places).toEqual({ key: 'places', label: 'Places commissioned', value: '3' });
  });

  test('suppresses a small count and, in its count group, the next smallest with it', () => {
    expect(byKey.childrenInNeed).toMatchObject({ value: 'c', symbol: 'c' });
    expect(byKey.lookedAfter).toMatchObject({ value: 'c', symbol: 'c' });
    expect(byKey.onItsOwn).toMatchObject({ value: 'c', symbol: 'c' });
  });

  test('protects each list row’s counts together, and rounds the rest', () => {
    expect(byKey.movements).toEqual({
      key: 'movements',
      label: 'Movements',
      value:
        'Term: Autumn 2025\nInto AP: c\nReturned: c\n\nTerm: Spring 2026\nInto AP: 20\nReturned: 10',
      symbol: 'c',
    });
  });

  test('changes nothing it was given', () => {
    expect(values.movements[0]).toMatchObject({ intoAp: 3, returned: 12 });
    expect(values.childrenInNeed).toBe(4);
  });

  test('a count without an option is treated as a count', () => {
    const unmarked = defineFields({ pupils: field.integer({ label: 'Pupils' }) });
    expect(publishFieldValues(unmarked.meta, unmarked.read({ pupils: 3 }), protect)).toEqual([
      { key: 'pupils', label: 'Pupils', value: 'c', symbol: 'c' },
    ]);
  });
});

describe('integerFieldsWithoutPublication', () => {
  test('names integer fields, at any depth, that say neither count nor public', () => {
    const shape = defineFields({
      ok: field.integer({ label: 'A', publication: 'public' }),
      missing: field.integer({ label: 'B' }),
      group: field.group({
        label: 'G',
        fields: { inner: field.integer({ label: 'C' }), text: field.text({ label: 'T' }) },
      }),
      rows: field.list({
        label: 'R',
        itemLabel: 'Row',
        fields: { n: field.integer({ label: 'N', publication: 'count' }) },
      }),
    });
    expect(integerFieldsWithoutPublication(shape.meta)).toEqual(['missing', 'group.inner']);
    expect(integerFieldsWithoutPublication(fields.meta)).toEqual([]);
  });
});
