// The personal data detector (issue 14): what it finds in published free text, and what it leaves.
import { describe, expect, test } from 'vitest';
import { findPersonalData, isValidNhsNumber } from '../src/workflow/personal-data.ts';

const kinds = (text: string) => findPersonalData(text).map((f) => f.kind);

describe('findPersonalData', () => {
  test('finds a UPN: a check letter and twelve characters, temporary ones too', () => {
    expect(kinds('Pupil A123456789012 moved to the PRU in March')).toEqual(['UPN']);
    expect(kinds('Temporary UPN H80120123456T on roll')).toEqual(['UPN']);
    expect(findPersonalData('UPN: A123456789012')).toEqual([{ kind: 'UPN', index: 5 }]);
  });

  test('leaves what only looks a little like a UPN', () => {
    // I, O and S are never check letters; too few or too many digits; part of a longer code.
    expect(kinds('I123456789012 O123456789012 S123456789012')).toEqual([]);
    expect(kinds('A12345678901 and A1234567890123')).toEqual([]);
    expect(kinds('Commitment ED-03 by Q4 2027, SA-12')).toEqual([]);
  });

  test('finds an NHS number, together or spaced 3-3-4, only with a valid check digit', () => {
    expect(isValidNhsNumber('9434765919')).toBe(true);
    expect(isValidNhsNumber('9434765918')).toBe(false);
    expect(kinds('NHS no. 943 476 5919 seen by the paediatrician')).toEqual(['NHS_NUMBER']);
    expect(kinds('NHS 9434765919')).toEqual(['NHS_NUMBER']);
    expect(kinds('ref 943-476-5919')).toEqual(['NHS_NUMBER']);
    expect(kinds('NHS 943 476 5918')).toEqual([]);
  });

  test('leaves phone numbers, money and other runs of digits', () => {
    expect(kinds('Call 01234 567890 or 0300 123 4567')).toEqual([]);
    expect(kinds('Budget £6,850,000 for 2026 to 2027; 943 4765919')).toEqual([]);
    expect(kinds('Order 19434765919 and 94347659190')).toEqual([]);
  });

  test('finds a name beside a date of birth, written in the usual ways', () => {
    expect(kinds('We met Jamie Smith, DOB 12/03/2015, and her mother')).toEqual([
      'NAME_WITH_DATE_OF_BIRTH',
    ]);
    expect(kinds('Amy-Jo O’Neill (born 4 March 2016) joined the forum')).toEqual([
      'NAME_WITH_DATE_OF_BIRTH',
    ]);
    expect(kinds('Date of birth: 2015-03-12 Jamie Smith')).toEqual(['NAME_WITH_DATE_OF_BIRTH']);
    expect(kinds('Case: Jamie Smith (12.03.15)')).toEqual(['NAME_WITH_DATE_OF_BIRTH']);
  });

  test('leaves names without a birth date, and dates that are not of a birth', () => {
    expect(kinds('Led by Priya Shah, Head of SEND, from 1 September 2026')).toEqual([]);
    expect(kinds('Parent Carer Forum workshop held on 12/03/2026')).toEqual([]);
    expect(kinds('Babies born in 2015 will start secondary school in 2026')).toEqual([]);
    expect(kinds('')).toEqual([]);
  });

  test('reports every find, in order of where it starts', () => {
    expect(findPersonalData('A123456789012 then NHS 943 476 5919')).toEqual([
      { kind: 'UPN', index: 0 },
      { kind: 'NHS_NUMBER', index: 23 },
    ]);
  });
});
