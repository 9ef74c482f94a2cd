// "My tasks" through the API: each role is offered what it may do next, and nothing it would then be
// refused; tasks follow the plan through review, sign-off and publication.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { signedOutContext } from '../src/index.ts';
import { bootCore, type TestCore } from './support/core.ts';
import { testPlugins } from './support/plugins.ts';
import {
  CARE,
  clearSubmissionBlockers,
  EDUCATION,
  FORUM,
  ICB,
  LEAD,
  mutate,
  northshirePlan,
  signOff,
} from './support/workflow.ts';

interface TaskView {
  kind: string;
  plan: { id: string; title: string };
  partnershipName: string;
  sectionKey: string | null;
  sectionTitle: string | null;
  organisationId: string | null;
  commitmentId: string | null;
  subject: string | null;
  count: number;
  dueOn: string | null;
}

const TASKS = `{ myTasks { kind plan { id title } partnershipName sectionKey sectionTitle organisationId commitmentId subject count dueOn } }`;

let t: TestCore;
let planId: string;
let areas: { id: string; code: string }[];

const tasksOf = async (email: string) =>
  (await t.run<{ myTasks: TaskView[] }>(await t.as(email), TASKS)).myTasks;
const kindsOf = async (email: string) =>
  (await tasksOf(email)).filter((task) => task.plan.id === planId).map((task) => task.kind);
const dbId = (globalId: string) =>
  Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1]!;
const isoDay = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** The test plugins, with one readiness check on health the tests can make fail. */
const plugins = testPlugins.map((plugin) =>
  plugin.id !== 'health'
    ? plugin
    : {
        ...plugin,
        sections: plugin.sections!.map((section) => ({
          ...section,
          readinessChecks: [
            {
              id: 'health.no-drafts',
              title: 'No commitment is marked as a draft',
              check: ({ commitments }: { commitments: readonly { title: string }[] }) =>
                commitments.some((c) => c.title.startsWith('[draft]'))
                  ? 'Finish the commitments marked as drafts'
                  : true,
            },
          ],
        })),
      },
);

beforeAll(async () => {
  t = await bootCore(plugins);
  ({ planId, areas } = await northshirePlan(t));
});
afterAll(() => t?.close());

describe('my tasks', () => {
  test('signed out, there are none', async () => {
    const { myTasks } = await t.run<{ myTasks: TaskView[] }>(signedOutContext(), TASKS);
    expect(myTasks).toEqual([]);
  });

  test('a section editor is asked to finish the sections their organisation writes, and only those', async () => {
    const prisma = t.db.prisma;
    const health = await prisma.commitment.findFirstOrThrow({
      where: { planId: dbId(planId), section: { key: 'health' } },
    });
    await prisma.commitment.update({
      where: { id: health.id },
      data: { title: `[draft] ${health.title}` },
    });
    try {
      const finish = (await tasksOf(ICB)).filter((task) => task.kind === 'FINISH_SECTION');
      expect(finish.map((task) => task.sectionKey)).toEqual(['health']);
      expect(finish[0]!.count).toBe(1);
      const { plan } = await t.run<{
        plan: { section: { readiness: { passed: boolean }[] } };
      }>(
        await t.as(ICB),
        `query($id: ID!) { plan(id: $id) { section(key: "health") { readiness { passed } } } }`,
        { id: planId },
      );
      expect(finish[0]!.count).toBe(plan.section.readiness.filter((check) => !check.passed).length);
      for (const email of [EDUCATION, CARE, FORUM])
        expect((await tasksOf(email)).map((task) => task.sectionKey)).not.toContain('health');
    } finally {
      await prisma.commitment.update({ where: { id: health.id }, data: { title: health.title } });
    }
    expect(await kindsOf(ICB)).not.toContain('FINISH_SECTION');
  });

  test('the lead is told how many things stop submission, then that the draft can be submitted', async () => {
    // Uncover one standard area: the draft is blocked until it is covered or marked not applicable.
    const area = areas[0]!;
    await t.db.prisma.commitmentStandard.deleteMany({
      where: { standardAreaId: dbId(area.id), commitment: { planId: dbId(planId) } },
    });
    const { plan } = await t.run<{ plan: { submissionBlockers: unknown[] } }>(
      await t.as(LEAD),
      `query($id: ID!) { plan(id: $id) { submissionBlockers { kind } } }`,
      { id: planId },
    );
    expect(plan.submissionBlockers.length).toBeGreaterThan(0);
    const blockers = (await tasksOf(LEAD)).find(
      (task) => task.plan.id === planId && task.kind === 'CLEAR_BLOCKERS',
    );
    expect(blockers).toMatchObject({
      count: plan.submissionBlockers.length,
      partnershipName: expect.stringContaining('Northshire'),
    });
    await clearSubmissionBlockers(t, planId, areas);
    expect(await kindsOf(LEAD)).toContain('SUBMIT_PLAN');
    expect(await kindsOf(LEAD)).not.toContain('CLEAR_BLOCKERS');
  });

  test('nobody else in the partnership is asked to submit, and another partnership sees nothing of it', async () => {
    for (const email of [ICB, EDUCATION, CARE, FORUM, 'viewer@northshire.example'])
      expect(await kindsOf(email)).not.toContain('SUBMIT_PLAN');
    expect(await kindsOf('lead@southvale.example')).toEqual([]);
  });

  test('a milestone due soon on a commitment the ICB owns is the ICB’s task, with its date', async () => {
    const prisma = t.db.prisma;
    const icb = await prisma.organisation.findFirstOrThrow({
      where: { typeCode: 'integrated-care-board', partnerships: { some: {} } },
    });
    const commitment = await prisma.commitment.findFirstOrThrow({
      where: { planId: dbId(planId), ownerOrganisationId: icb.id },
    });
    const soon = await prisma.milestone.create({
      data: {
        commitmentId: commitment.id,
        title: 'Neurodevelopmental pathway waiting list validated',
        dueDate: new Date(`${isoDay(5)}T00:00:00.000Z`),
      },
    });
    await prisma.milestone.create({
      data: {
        commitmentId: commitment.id,
        title: 'A milestone far in the future',
        dueDate: new Date(`${isoDay(200)}T00:00:00.000Z`),
      },
    });
    const due = (await tasksOf(ICB)).filter((task) => task.kind === 'MILESTONE_DUE');
    expect(due.map((task) => [task.subject, task.dueOn])).toContainEqual([soon.title, isoDay(5)]);
    expect(due.map((task) => task.subject)).not.toContain('A milestone far in the future');
    expect(due.find((task) => task.subject === soon.title)?.commitmentId).not.toBeNull();
    expect((await tasksOf(EDUCATION)).map((task) => task.subject)).not.toContain(soon.title);
    // Done, it is no longer a task.
    await prisma.milestone.update({ where: { id: soon.id }, data: { completedOn: new Date() } });
    expect((await tasksOf(ICB)).map((task) => task.subject)).not.toContain(soon.title);
  });

  test('an open comment thread on the health section is the ICB’s task, not its author’s', async () => {
    const { result } = await t.run<{ result: { __typename: string } }>(
      await t.as(FORUM),
      `mutation($input: AddCommentInput!) { result: addComment(input: $input) { __typename } }`,
      {
        input: {
          planId,
          sectionKey: 'health',
          body: 'How will families hear about the new pathway?',
        },
      },
    );
    expect(result.__typename).toBe('MutationAddCommentSuccess');
    const comments = (await tasksOf(ICB)).find(
      (task) => task.kind === 'ANSWER_COMMENTS' && task.sectionKey === 'health',
    );
    expect(comments).toMatchObject({ count: 1, sectionTitle: expect.any(String) });
    expect(await kindsOf(FORUM)).not.toContain('ANSWER_COMMENTS');
  });

  test('in review, each signatory is asked for its own organisation’s decision and the forum to acknowledge', async () => {
    const submitted = await mutate(t, LEAD, 'submitPlan', { planId }, 'currentVersion { number }');
    expect(submitted.__typename).toBe('MutationSubmitPlanSuccess');
    const version = (submitted.data as { currentVersion: { number: number } }).currentVersion
      .number;
    for (const email of [ICB, EDUCATION, CARE]) {
      const asks = (await tasksOf(email)).filter((task) => task.kind === 'RECORD_SIGN_OFF');
      expect(asks).toHaveLength(1);
      expect(asks[0]!.plan.id).toBe(planId);
    }
    expect(await kindsOf(FORUM)).toContain('ACKNOWLEDGE');
    expect(await kindsOf(LEAD)).not.toContain('RECORD_SIGN_OFF');
    expect(await kindsOf(LEAD)).not.toContain('SUBMIT_PLAN');

    // Decided, the ask goes; the last decision leaves the lead to publish.
    for (const email of [ICB, EDUCATION, CARE])
      expect((await signOff(t, email, planId, version, 'APPROVED')).__typename).toBe(
        'MutationRecordSignOffSuccess',
      );
    expect(await kindsOf(ICB)).not.toContain('RECORD_SIGN_OFF');
    expect((await signOff(t, FORUM, planId, version, 'ACKNOWLEDGED')).__typename).toBe(
      'MutationRecordSignOffSuccess',
    );
    expect(await kindsOf(FORUM)).not.toContain('ACKNOWLEDGE');
    expect(await kindsOf(LEAD)).toContain('PUBLISH_PLAN');
  });
});
