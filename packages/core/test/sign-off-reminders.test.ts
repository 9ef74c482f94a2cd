// A sign-off decision waited for more than a week is reminded of, through the outbox: one mail a
// day to each signatory of each organisation that has not decided, none once it has, never two the
// same day (a second run, a retry, another instance); the daily job runs on the queue.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createHost } from '../src/host.ts';
import {
  queueSignOffReminders,
  SIGN_OFF_REMINDER_JOB,
} from '../src/workflow/sign-off-reminders.ts';
import { bootCore, type TestCore } from './support/core.ts';
import {
  clearSubmissionBlockers,
  EDUCATION,
  LEAD,
  mutate,
  northshirePlan,
  signOff,
} from './support/workflow.ts';

let t: TestCore;
let planId: string;
let dbPlanId: string;
const DAY = 24 * 60 * 60 * 1000;

const reminders = () =>
  t.db.prisma.emailOutbox.findMany({
    where: { template: 'sign-off-reminder' },
    orderBy: [{ to: 'asc' }, { createdAt: 'asc' }],
  });

beforeAll(async () => {
  t = await bootCore();
  const plan = await northshirePlan(t);
  planId = plan.planId;
  dbPlanId = Buffer.from(planId, 'base64url').toString('utf8').split(':')[1]!;
  await clearSubmissionBlockers(t, planId, plan.areas);
  const submitted = await mutate(t, LEAD, 'submitPlan', { planId }, 'id');
  expect(submitted.__typename).toBe('MutationSubmitPlanSuccess');
  // The education signatory decides at once; the others keep the plan waiting.
  expect((await signOff(t, EDUCATION, planId, 1, 'APPROVED')).__typename).toBe(
    'MutationRecordSignOffSuccess',
  );
});
afterAll(() => t?.close());

test('nothing is reminded of before a week has passed', async () => {
  const host = createHost(t.db.prisma, []);
  expect(await queueSignOffReminders(host, new Date(Date.now() + 6 * DAY))).toBe(0);
  expect(await reminders()).toEqual([]);
});

test('after a week, each signatory still to decide gets one reminder a day', async () => {
  const host = createHost(t.db.prisma, []);
  const day8 = new Date(Date.now() + 8 * DAY);
  const queued = await queueSignOffReminders(host, day8);
  expect(queued).toBeGreaterThan(0);
  const mails = await reminders();
  expect(mails).toHaveLength(queued);
  const recipients = mails.map((m) => m.to);
  expect(recipients).not.toContain(EDUCATION); // decided
  expect(recipients).toEqual([...new Set(recipients)]);
  expect(recipients).toEqual(
    expect.arrayContaining([
      'care@northshire.example',
      'icb@northshire.example',
      'forum@northshire.example',
    ]),
  );
  const care = mails.find((m) => m.to === 'care@northshire.example')!;
  expect(care.subject).toMatch(/^Reminder: .*: sign-off requested$/);
  expect(care.text).toContain('has waited 8 days');
  expect(care.text).toContain(`/plans/${encodeURIComponent(planId)}/sign-off/`);
  const forum = mails.find((m) => m.to === 'forum@northshire.example')!;
  expect(forum.subject).toMatch(/acknowledgement requested$/);

  // The same day again (a retry, a second instance): nothing more. A minute later, or earlier
  // when later would be the next UTC day.
  const later = new Date(day8.getTime() + 60_000);
  const sameDay = later.toISOString().slice(0, 10) === day8.toISOString().slice(0, 10);
  expect(
    await queueSignOffReminders(host, sameDay ? later : new Date(day8.getTime() - 60_000)),
  ).toBe(0);
  expect(await reminders()).toHaveLength(queued);
  // The next day: one more each.
  expect(await queueSignOffReminders(host, new Date(day8.getTime() + DAY))).toBe(queued);
});

test('the daily job queues the reminders through the queue', async () => {
  await t.db.prisma.emailOutbox.deleteMany({ where: { template: 'sign-off-reminder' } });
  await t.db.prisma.planVersion.updateMany({
    where: { planId: dbPlanId },
    data: { createdAt: new Date(Date.now() - 10 * DAY) },
  });
  await t.core.jobs.send(SIGN_OFF_REMINDER_JOB, {});
  await t.core.jobs.idle(30_000);
  const mails = await reminders();
  expect(mails.length).toBeGreaterThan(0);
  expect(mails.every((m) => m.text.includes('has waited 10 days'))).toBe(true);
});
