// The readiness checks as pure functions: every message is one a person can act on.
import { describe, expect, test } from 'vitest';
import { careFields, type CareFields } from '../src/fields.ts';
import { careReadiness, govukDate, twelveMonthsBefore } from '../src/readiness.ts';
import { northshireCare } from '../src/server/seed-content.ts';

const empty = careFields.read({});
const today = new Date('2026-11-28T09:00:00Z');

function results(fields: CareFields, commitmentStandards: string[][] = []) {
  return Object.fromEntries(
    careReadiness.map((c) => [c.id, c.check({ fields, commitmentStandards, today })]),
  );
}

describe('social care readiness', () => {
  test('an empty section says what to add, check by check', () => {
    expect(results(empty)).toEqual({
      'care.short-breaks-statement-linked':
        'Add a link to the published short breaks services statement',
      'care.short-breaks-statement-content':
        'Describe the range of short breaks, who is eligible and how they meet carers’ needs',
      'care.short-breaks-reviewed-with-parents':
        'Add the date the short breaks statement was last reviewed with parents',
      'care.respite': 'Give the number of overnight respite places',
      'care.family-hubs': 'Say what families of children with SEND can get from family hubs',
      'care.children-in-need-and-looked-after':
        'Give the number of children in need, children on a child protection plan and looked-after children with SEND',
      'care.commitment-sa-09':
        'Map at least one social care commitment to SA-09 (social care contribution: short breaks, family help, children in need and looked after with SEND)',
    });
  });

  test('the Northshire demo content, with a commitment mapped to SA-09, is ready', () => {
    const content = northshireCare(today);
    expect(careFields.schema.safeParse(content).success).toBe(true);
    expect(Object.values(results(content, [['SA-09', 'SA-05']])).every((v) => v === true)).toBe(
      true,
    );
  });

  test('a review more than 12 months ago asks for a new review with parents', () => {
    const r = (date: string) =>
      results({ ...empty, shortBreaksLastReviewedWithParents: date })[
        'care.short-breaks-reviewed-with-parents'
      ];
    expect(r('2025-11-27')).toBe(
      'The short breaks statement was last reviewed with parents on 27 November 2025, more than 12 months ago: review it with parents and update the date',
    );
    expect(r('2025-11-28')).toBe(true);
    expect(r('2026-06-01')).toBe(true);
  });

  test('counts need the date they were taken', () => {
    const counts = {
      ...empty,
      childrenInNeedWithSend: 1,
      childProtectionPlansWithSend: 0,
      lookedAfterWithSend: 3,
    };
    expect(results(counts)['care.children-in-need-and-looked-after']).toBe(
      'Add the date the counts of children with SEND were taken',
    );
    expect(
      results({ ...counts, countsAsAt: '2026-03-31' })['care.children-in-need-and-looked-after'],
    ).toBe(true);
  });

  test('dates read the GOV.UK way', () => {
    expect(govukDate('2026-03-01')).toBe('1 March 2026');
    expect(twelveMonthsBefore(today).toISOString()).toBe('2025-11-28T00:00:00.000Z');
  });
});
