// Submitting a plan mails each signatory that their organisation's decision is waited for, with a
// link to the page where they record it; a refused submission mails nobody.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { bootCore, type TestCore } from './support/core.ts';
import {
  clearSubmissionBlockers,
  LEAD,
  mutate,
  northshirePlan,
  signatories,
} from './support/workflow.ts';

let t: TestCore;
let planId: string;
let areas: { id: string; code: string }[];

const requests = () =>
  t.db.prisma.emailOutbox.findMany({
    where: { template: 'sign-off-request' },
    orderBy: [{ to: 'asc' }],
  });

beforeAll(async () => {
  t = await bootCore();
  ({ planId, areas } = await northshirePlan(t));
});
afterAll(() => t?.close());

test('a submission refused for its blockers mails nobody', async () => {
  const dbPlanId = Buffer.from(planId, 'base64url').toString('utf8').split(':')[1]!;
  const area = Buffer.from(areas[0]!.id, 'base64url').toString('utf8').split(':')[1]!;
  const removed = await t.db.prisma.commitmentStandard.findMany({
    where: { standardAreaId: area, commitment: { planId: dbPlanId } },
  });
  await t.db.prisma.commitmentStandard.deleteMany({
    where: { standardAreaId: area, commitment: { planId: dbPlanId } },
  });
  const refused = await mutate(t, LEAD, 'submitPlan', { planId }, 'id');
  expect(refused.__typename).toBe('SubmissionBlockedError');
  expect(await requests()).toEqual([]);
  await t.db.prisma.commitmentStandard.createMany({ data: removed });
});

test('each signatory of each deciding organisation is asked, with a link to record it and the lead’s note', async () => {
  await clearSubmissionBlockers(t, planId, areas);
  const submitted = await mutate(
    t,
    LEAD,
    'submitPlan',
    { planId, note: 'Please look at the health waiting times first.' },
    'id',
  );
  expect(submitted.__typename).toBe('MutationSubmitPlanSuccess');

  const expected = await signatories(t, LEAD, planId);
  const members = await t.db.prisma.member.findMany({
    where: { roles: { has: 'SIGNATORY' }, partnership: { slug: 'northshire' } },
    include: { user: true, organisation: true },
  });
  const deciding = members.filter((m) =>
    expected.some((s) => s.organisation.name === m.organisation.name),
  );
  expect(deciding.length).toBeGreaterThanOrEqual(expected.length);

  const mails = await requests();
  expect(mails.map((m) => m.to).sort()).toEqual(deciding.map((m) => m.user.email).sort());
  for (const mail of mails) {
    const member = deciding.find((m) => m.user.email === mail.to)!;
    const signatory = expected.find((s) => s.organisation.name === member.organisation.name)!;
    expect(mail.subject).toMatch(
      signatory.kind === 'ACKNOWLEDGEMENT' ? /acknowledgement requested$/ : /sign-off requested$/,
    );
    expect(mail.text).toContain(
      `/plans/${encodeURIComponent(planId)}/sign-off/${encodeURIComponent(signatory.organisation.id)}`,
    );
    expect(mail.text).toContain('version 1');
    expect(mail.text).toContain(
      'Note from the partnership lead:\nPlease look at the health waiting times first.',
    );
    expect(mail.status).toBe('PENDING');
  }
});
