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

describe('the alternative provision section as published', () => {
  test('sends each term’s counts to the disclosure rule together and prints what it returns', async () => {
    const { default: ap } = await import('../src/server/index.ts');
    const section = ap.sections!.find((s) => s.publishFields)!;
    const groups: Array<Array<number | null>> = [];
    const published = section.publishFields!(
      {
        movements: [
          {
            term: 'Autumn 2025',
            intoAp: 3,
            returnedToMainstream: 12,
            movedToSpecialSchool: 8,
            post16Destination: 41,
          },
        ],
      },
      (counts) => {
        groups.push([...counts]);
        // As core's rule would, for a threshold of 5 and rounding to 5.
        return ['c', 10, 'c', 40];
      },
    );
    expect(groups).toEqual([[3, 12, 8, 41]]);
    const movements = published.find((f) => f.key === 'movements')!;
    expect(movements.symbol).toBe('c');
    expect(movements.value).toContain('Moved into alternative provision: c');
    expect(movements.value).toContain('Returned to mainstream school: 10');
    expect(movements.value).not.toMatch(/: (3|12|8|41)\b/);
  });
});

describe('outcome targets as published', () => {
  test('an outcome publishes its measure; its target is published once, as the metric target', async () => {
    const { default: ap } = await import('../src/server/index.ts');
    const section = ap.sections!.find((s) => s.publishFields)!;
    const data = { apo1: { measure: 'Pupils still on roll two terms later', target: 85 } };
    const published = section.publishFields!(data, (counts) => [...counts]);
    const apo1 = published.find((f) => f.key === 'apo1')!;
    expect(apo1.value).toBe('Measure: Pupils still on roll two terms later');
    // Frozen versions' text leaves it out too.
    const described = section.describeFields!(data).find((f) => f.key === 'apo1')!;
    expect(described.value).not.toContain('Target');
    expect(section.metricTargetFields!.map((f) => [f.path, f.metric])).toEqual([
      ['apo1.target', 'APO-1'],
      ['apo2.target', 'APO-2'],
      ['apo3.target', 'APO-3'],
      ['apo4.target', 'APO-4'],
      ['apo5.target', 'APO-5'],
    ]);
  });
});
