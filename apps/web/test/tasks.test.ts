import { describe, expect, it } from 'vitest';
import { daysUntil, taskLine, type TaskData } from '../app/lib/tasks.ts';

const task = (more: Partial<TaskData>): TaskData => ({
  kind: 'SUBMIT_PLAN',
  plan: { id: 'UGxhbjpw', title: 'Northshire local inclusion plan 2026-29' },
  partnershipName: 'Northshire SEND and AP partnership',
  sectionKey: null,
  sectionTitle: null,
  organisationId: null,
  commitmentId: null,
  metricTargetId: null,
  subject: null,
  count: 1,
  dueOn: null,
  ...more,
});

const today = new Date('2027-03-10T15:30:00Z');

describe('task lines', () => {
  it('names the plan and partnership in the hint', () => {
    expect(taskLine(task({}), today).hint).toBe(
      'Northshire local inclusion plan 2026-29 · Northshire SEND and AP partnership',
    );
  });

  it('links each kind to the page where it is done', () => {
    const hrefs = {
      FINISH_SECTION: taskLine(task({ kind: 'FINISH_SECTION', sectionKey: 'health' })).href,
      ANSWER_COMMENTS: taskLine(task({ kind: 'ANSWER_COMMENTS', sectionKey: 'health' })).href,
      MILESTONE_DUE: taskLine(
        task({ kind: 'MILESTONE_DUE', sectionKey: 'health', commitmentId: 'Q29tOmM=' }),
      ).href,
      EXPLAIN_RED_METRIC: taskLine(task({ kind: 'EXPLAIN_RED_METRIC', metricTargetId: 'TVQ6dA==' }))
        .href,
      RECORD_SIGN_OFF: taskLine(task({ kind: 'RECORD_SIGN_OFF', organisationId: 'T3JnOm8=' })).href,
      PUBLISH_PLAN: taskLine(task({ kind: 'PUBLISH_PLAN' })).href,
      CLEAR_BLOCKERS: taskLine(task({ kind: 'CLEAR_BLOCKERS', count: 3 })).href,
    };
    expect(hrefs).toEqual({
      FINISH_SECTION: '/plans/UGxhbjpw/sections/health',
      ANSWER_COMMENTS: '/plans/UGxhbjpw/sections/health#comments',
      MILESTONE_DUE: '/plans/UGxhbjpw/sections/health/commitments/Q29tOmM%3D',
      EXPLAIN_RED_METRIC: '/plans/UGxhbjpw/targets/TVQ6dA%3D%3D/commentary',
      RECORD_SIGN_OFF: '/plans/UGxhbjpw/sign-off/T3JnOm8%3D',
      PUBLISH_PLAN: '/plans/UGxhbjpw/publish',
      CLEAR_BLOCKERS: '/plans/UGxhbjpw/submit',
    });
  });

  it('counts in words, one and many', () => {
    const finish = (count: number) =>
      taskLine(task({ kind: 'FINISH_SECTION', sectionTitle: 'Health', count }), today);
    expect(finish(1)).toMatchObject({
      title: 'Finish the Health section',
      status: { text: '1 thing to fix' },
    });
    expect(finish(3).status.text).toBe('3 things to fix');
    expect(taskLine(task({ kind: 'CLEAR_BLOCKERS', count: 30 }), today).status.text).toBe(
      '30 blockers',
    );
  });

  it('says when a dated task is overdue, due today or due soon', () => {
    const due = (dueOn: string) =>
      taskLine(task({ kind: 'MILESTONE_DUE', subject: 'Pathway live', dueOn }), today).status;
    expect(due('2027-03-01')).toEqual({ text: 'Overdue since 1 March 2027', colour: 'red' });
    expect(due('2027-03-10')).toEqual({ text: 'Due today', colour: 'orange' });
    expect(due('2027-03-15')).toEqual({ text: 'Due 15 March 2027', colour: 'orange' });
    expect(due('2027-04-02')).toEqual({ text: 'Due 2 April 2027', colour: 'blue' });
  });

  it('counts days by calendar day, whatever the hour', () => {
    expect(daysUntil('2027-03-11', new Date('2027-03-10T23:59:00Z'))).toBe(1);
    expect(daysUntil('2027-03-09', new Date('2027-03-10T00:01:00Z'))).toBe(-1);
  });
});
