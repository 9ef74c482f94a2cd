// How the section's fields are published (issue 14): every whole number says whether it is a count
// of children (under the partnership's disclosure rule) or a public figure; places, SENCos and the timeliness target are public figures.
import { integerFieldsWithoutPublication } from '@lip/plugin-sdk';
import { describe, expect, test } from 'vitest';
import { educationFields } from '../src/fields.ts';

describe('publication of the fields', () => {
  test('every integer field is marked as a count of children or a public figure', () => {
    expect(integerFieldsWithoutPublication(educationFields.meta)).toEqual([]);
  });
});
