// How the section's fields are published (issue 14): every whole number says whether it is a count
// of children (under the partnership's disclosure rule) or a public figure; children in need, on a child protection plan and looked after with SEND are one count group.
import { integerFieldsWithoutPublication } from '@lip/plugin-sdk';
import { describe, expect, test } from 'vitest';
import { careFields } from '../src/fields.ts';

describe('publication of the fields', () => {
  test('every integer field is marked as a count of children or a public figure', () => {
    expect(integerFieldsWithoutPublication(careFields.meta)).toEqual([]);
  });

  test('the counts of children with SEND are one count group; places and hubs are public', () => {
    const facts = Object.fromEntries(
      careFields.meta.map((m) => [m.name, [m.publication, m.countGroup]]),
    );
    for (const name of [
      'childrenInNeedWithSend',
      'childProtectionPlansWithSend',
      'lookedAfterWithSend',
    ])
      expect(facts[name]).toEqual(['count', 'send-social-care']);
    expect(facts.overnightRespitePlaces).toEqual(['public', undefined]);
    expect(facts.familyHubCount).toEqual(['public', undefined]);
  });
});
