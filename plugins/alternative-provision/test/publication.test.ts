// How the section's fields are published (issue 14): every whole number says whether it is a count
// of children (under the partnership's disclosure rule) or a public figure; pupil movements are counts of children, protected a term at a time.
import { integerFieldsWithoutPublication } from '@lip/plugin-sdk';
import { describe, expect, test } from 'vitest';
import { apFields } from '../src/fields.ts';

describe('publication of the fields', () => {
  test('every integer field is marked as a count of children or a public figure', () => {
    expect(integerFieldsWithoutPublication(apFields.meta)).toEqual([]);
  });

  test('each term’s movements are counts of children', () => {
    const movements = apFields.meta.find((m) => m.name === 'movements')!;
    expect(
      movements.fields!.filter((m) => m.kind === 'integer').map((m) => [m.name, m.publication]),
    ).toEqual([
      ['intoAp', 'count'],
      ['returnedToMainstream', 'count'],
      ['movedToSpecialSchool', 'count'],
      ['post16Destination', 'count'],
    ]);
  });
});
