// The readiness checks as pure functions: every message is one a person can act on.
import { describe, expect, test } from 'vitest';
import { educationFields, type EducationFields } from '../src/fields.ts';
import { educationReadiness, listPhrase } from '../src/readiness.ts';
import { northshireEducation } from '../src/server/seed-content.ts';

const empty = educationFields.read({});

function results(fields: EducationFields, commitmentStandards: string[][] = []) {
  return Object.fromEntries(
    educationReadiness.map((c) => [c.id, c.check({ fields, commitmentStandards })]),
  );
}

describe('education readiness', () => {
  test('an empty section says what to add, check by check', () => {
    expect(results(empty)).toEqual({
      'education.oap-linked-every-phase':
        'Add a link to ordinarily available provision for every phase (missing: early years, primary, secondary and post-16)',
      'education.oap-summarised-every-phase':
        'Summarise what settings ordinarily provide in every phase (missing: early years, primary, secondary and post-16)',
      'education.sen-support': 'Describe how settings identify needs and provide SEN support',
      'education.ehc-timeliness': 'Say how the plan will improve EHC plan timeliness',
      'education.sufficiency': 'Add the specialist settings and their commissioned places',
      'education.senco-workforce': 'Give the number of SENCos in post',
      'education.transitions':
        'Describe how transitions are supported (missing: phase transfer, adjustment passports and preparation for adulthood)',
      'education.commitment-sa-02':
        'Map at least one education commitment to SA-02 (support ordinarily available in mainstream settings)',
      'education.commitment-sa-04':
        'Map at least one education commitment to SA-04 (consistent processes, including EHC plan timeliness and quality)',
    });
  });

  test('the Northshire demo content lacks only the post-16 link', () => {
    const r = results(northshireEducation, [['SA-02', 'SA-05'], ['SA-04']]);
    expect(r['education.oap-linked-every-phase']).toBe(
      'Add a link to ordinarily available provision for every phase (missing: post-16)',
    );
    expect(Object.values(r).filter((v) => v !== true)).toHaveLength(1);
  });

  test('the demo content is valid against the fields', () => {
    expect(educationFields.schema.safeParse(northshireEducation).success).toBe(true);
  });

  test('timeliness needs a target as well as the approach', () => {
    const fields = { ...empty, ehcTimelinessSummary: 'Weekly tracking.' };
    expect(results(fields)['education.ehc-timeliness']).toBe(
      'Set a target for the share of new EHC plans issued within 20 weeks',
    );
    expect(results({ ...fields, ehcTimelinessTarget: 70 })['education.ehc-timeliness']).toBe(true);
    // The check links to the field to change first: the target, once the approach is written.
    const check = educationReadiness.find((c) => c.id === 'education.ehc-timeliness')!;
    const field = check.field as (f: EducationFields) => string;
    expect(field(empty)).toBe('ehcTimelinessSummary');
    expect(field(fields)).toBe('ehcTimelinessTarget');
  });

  test('more NPQ holders than SENCos is caught', () => {
    const r = results({ ...empty, sencoCount: 10, npqSencoCount: 12 });
    expect(r['education.senco-workforce']).toBe(
      'The number of SENCos holding the NPQ cannot be more than the number of SENCos in post: check both numbers',
    );
    expect(results({ ...empty, sencoCount: 10 })['education.senco-workforce']).toBe(
      'Give the number of SENCos holding the NPQ for SENCos',
    );
    expect(
      results({ ...empty, sencoCount: 10, npqSencoCount: 0 })['education.senco-workforce'],
    ).toBe(true);
  });

  test('lists read as English', () => {
    expect(listPhrase([])).toBe('');
    expect(listPhrase(['post-16'])).toBe('post-16');
    expect(listPhrase(['primary', 'post-16'])).toBe('primary and post-16');
  });
});
