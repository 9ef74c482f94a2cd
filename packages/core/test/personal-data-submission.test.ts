// Issue 14: published free text that looks like a child's personal data is a warning on
// submission, naming where it is, that the lead must explicitly confirm: never a silent pass.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bootCore, type TestCore } from './support/core.ts';
import { clearSubmissionBlockers, LEAD, northshirePlan } from './support/workflow.ts';

let t: TestCore;
let planId: string;
const dbId = (globalId: string) =>
  Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1]!;
const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64url');

let commitment: { id: string; reference: string; title: string };
let activity: { id: string; title: string };

beforeAll(async () => {
  t = await bootCore();
  const plan = await northshirePlan(t);
  planId = plan.planId;
  await clearSubmissionBlockers(t, planId, plan.areas);
  commitment = await t.db.prisma.commitment.findFirstOrThrow({
    where: { planId: dbId(planId) },
    orderBy: { reference: 'asc' },
    select: { id: true, reference: true, title: true },
  });
  await t.db.prisma.commitment.update({
    where: { id: commitment.id },
    data: { description: 'Start with the pupil whose NHS number is 943 476 5919.' },
  });
  const found = await t.db.prisma.coproductionActivity.findFirstOrThrow({
    where: { partnership: { slug: 'northshire' }, responses: { some: {} } },
    select: { id: true, title: true, responses: { select: { id: true }, take: 1 } },
  });
  activity = found;
  await t.db.prisma.coproductionResponse.update({
    where: { id: found.responses[0]!.id },
    data: { youSaid: 'Jamie Smith (DOB 12/03/2015) waited a year for an assessment' },
  });
});
afterAll(() => t?.close());

const BLOCKERS = `query($id: ID!) { plan(id: $id) { submissionBlockers {
  kind message sectionKey commitmentId coproductionActivityId needsConfirmation } } }`;

async function submit(confirmPersonalDataChecked?: boolean) {
  const { result } = await t.run<{
    result: { __typename: string; blockers?: { kind: string }[]; data?: { state: string } };
  }>(
    await t.as(LEAD),
    `mutation($input: SubmitPlanInput!) { result: submitPlan(input: $input) { __typename
      ... on SubmissionBlockedError { blockers { kind } }
      ... on MutationSubmitPlanSuccess { data { state } } } }`,
    { input: { planId, confirmPersonalDataChecked } },
  );
  return result;
}

describe('possible personal data in published text', () => {
  test('is a warning naming the commitment and the co-production activity, with links', async () => {
    const { plan } = await t.run<{ plan: { submissionBlockers: unknown[] } }>(
      await t.as(LEAD),
      BLOCKERS,
      { id: planId },
    );
    expect(plan.submissionBlockers).toEqual([
      {
        kind: 'PERSONAL_DATA_SUSPECTED',
        message: `Commitment ${commitment.reference} ‘${commitment.title}’ may contain an NHS number: remove any child’s personal data, or confirm when you submit that it is not personal data`,
        sectionKey: expect.any(String),
        commitmentId: globalId('Commitment', commitment.id),
        coproductionActivityId: null,
        needsConfirmation: true,
      },
      {
        kind: 'PERSONAL_DATA_SUSPECTED',
        message: `Co-production ‘${activity.title}’ may contain a name with a date of birth: remove any child’s personal data, or confirm when you submit that it is not personal data`,
        sectionKey: null,
        commitmentId: null,
        coproductionActivityId: globalId('CoproductionActivity', activity.id),
        needsConfirmation: true,
      },
    ]);
  });

  test('a page that only lists what to fix can leave the scan out (checkPersonalData: false); submitPlan cannot', async () => {
    const { plan } = await t.run<{ plan: { submissionBlockers: unknown[] } }>(
      await t.as(LEAD),
      `query($id: ID!) { plan(id: $id) { submissionBlockers(checkPersonalData: false) { kind } } }`,
      { id: planId },
    );
    expect(plan.submissionBlockers).toEqual([]);
  });

  test('the lead is asked to submit (and confirm there), not to clear blockers', async () => {
    const { myTasks } = await t.run<{ myTasks: { kind: string; plan: { id: string } }[] }>(
      await t.as(LEAD),
      `{ myTasks { kind plan { id } } }`,
    );
    const kinds = myTasks.filter((task) => task.plan.id === planId).map((task) => task.kind);
    expect(kinds).toContain('SUBMIT_PLAN');
    expect(kinds).not.toContain('CLEAR_BLOCKERS');
  });

  test('submission is refused until the lead confirms, then recorded with what was confirmed', async () => {
    for (const answer of [undefined, false]) {
      const refused = await submit(answer);
      expect(refused).toEqual({
        __typename: 'SubmissionBlockedError',
        blockers: [{ kind: 'PERSONAL_DATA_SUSPECTED' }, { kind: 'PERSONAL_DATA_SUSPECTED' }],
      });
    }
    expect(await t.db.prisma.planVersion.count({ where: { planId: dbId(planId) } })).toBe(0);

    expect(await submit(true)).toEqual({
      __typename: 'MutationSubmitPlanSuccess',
      data: { state: 'PARTNER_REVIEW' },
    });
    const audit = await t.db.prisma.auditEvent.findFirstOrThrow({
      where: { planId: dbId(planId), action: 'plan.submitted' },
    });
    expect(JSON.stringify(audit.after)).toContain(`Commitment ${commitment.reference}`);
  });
});
