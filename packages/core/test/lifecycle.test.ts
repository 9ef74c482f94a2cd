// The plan lifecycle through the API: submit (freezes a version), withdraw, publish, start a
// revision; permission and state refusals; every transition audited.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { LipPlugin } from '../src/index.ts';
import { bootCore, type TestCore } from './support/core.ts';
import { testPlugins } from './support/plugins.ts';
import { CREATE } from './support/queries.ts';
import {
  auditActions,
  clearSubmissionBlockers,
  EDUCATION,
  ICB,
  LEAD,
  mutate,
  northshirePlan,
  submitAndSignOff,
} from './support/workflow.ts';

let t: TestCore;
let planId: string;
let areas: { id: string; code: string }[];

// The demo plan covers every standard area, so a readiness check on health gives submission a
// blocker to refuse on, cleared the way an editor would: by adding the commitment it asks for.
const WAITING_WELL = 'Add a ‘waiting well’ commitment for families waiting for assessment';
const plugins: LipPlugin[] = testPlugins.map((plugin) =>
  plugin.id !== 'health'
    ? plugin
    : ({
        ...plugin,
        sections: plugin.sections!.map((s) => ({
          ...s,
          readinessChecks: [
            {
              id: 'health.waiting-well',
              title: 'Waiting well commitment',
              check: ({ commitments }) =>
                commitments.some((c) => /waiting well/i.test(c.title)) || WAITING_WELL,
            },
          ],
        })),
      } satisfies LipPlugin),
);

beforeAll(async () => {
  t = await bootCore(plugins);
  ({ planId, areas } = await northshirePlan(t));
});
afterAll(() => t?.close());

const VERSIONS = `query($id: ID!) { plan(id: $id) { state versions { number state note createdByName createdByOrganisation { name } publishedAt supersededAt }
  currentVersion { number state } publishedVersion { number } } }`;
interface Versions {
  plan: {
    state: string;
    versions: {
      number: number;
      state: string;
      note: string | null;
      createdByName: string | null;
      createdByOrganisation: { name: string } | null;
      publishedAt: string | null;
      supersededAt: string | null;
    }[];
    currentVersion: { number: number; state: string } | null;
    publishedVersion: { number: number } | null;
  };
}
const versions = async () =>
  (await t.run<Versions>(await t.as(LEAD), VERSIONS, { id: planId })).plan;

describe('submitPlan', () => {
  test('is refused with the blockers while a section is not ready, and nothing is frozen', async () => {
    const result = await mutate(t, LEAD, 'submitPlan', { planId });
    expect(result.__typename).toBe('SubmissionBlockedError');
    expect(result.blockers).toEqual([
      { kind: 'SECTION_NOT_READY', message: `Health: ${WAITING_WELL}`, standardAreaCode: null },
    ]);
    expect((await versions()).versions).toEqual([]);
    expect(await auditActions(t, planId, 'plan.submitted')).toBe(0);
  });

  test('is refused for a signatory who is not the lead', async () => {
    const created = await t.run<{ result: { __typename: string } }>(await t.as(ICB), CREATE, {
      input: { planId, sectionKey: 'health', title: 'Waiting well hub for families' },
    });
    expect(created.result.__typename).toBe('MutationCreateCommitmentSuccess');
    await clearSubmissionBlockers(t, planId, areas);
    const result = await mutate(t, EDUCATION, 'submitPlan', { planId });
    expect(result.__typename).toBe('ForbiddenError');
    expect((await versions()).state).toBe('DRAFT');
  });

  test('a note longer than 2000 characters is refused and nothing is frozen', async () => {
    const result = await mutate(t, LEAD, 'submitPlan', { planId, note: 'x'.repeat(2001) });
    expect(result.__typename).toBe('ValidationError');
    expect(result.fieldErrors).toEqual([
      { path: ['note'], message: 'The note must be 2000 characters or fewer' },
    ]);
    expect((await versions()).versions).toEqual([]);
  });

  test('freezes version 1 in partner review, by the lead for their organisation, and audits it', async () => {
    const result = await mutate(t, LEAD, 'submitPlan', {
      planId,
      note: '  Board pack for March: look at health first.  ',
    });
    expect(result).toMatchObject({
      __typename: 'MutationSubmitPlanSuccess',
      data: { id: planId, state: 'PARTNER_REVIEW' },
    });
    const plan = await versions();
    expect(plan.versions).toEqual([
      expect.objectContaining({
        number: 1,
        state: 'PARTNER_REVIEW',
        note: 'Board pack for March: look at health first.',
        createdByName: 'Alex Morgan',
        createdByOrganisation: { name: 'Northshire County Council (education)' },
        publishedAt: null,
      }),
    ]);
    expect(plan.currentVersion).toEqual({ number: 1, state: 'PARTNER_REVIEW' });
    expect(await auditActions(t, planId, 'plan.submitted')).toBe(1);
  });

  test('the note is kept with the version for the signatories to read', async () => {
    const { plan } = await t.run<{ plan: { currentVersion: { number: number; note: string } } }>(
      await t.as(ICB),
      `query($id: ID!) { plan(id: $id) { currentVersion { number note } } }`,
      { id: planId },
    );
    expect(plan.currentVersion).toEqual({
      number: 1,
      note: 'Board pack for March: look at health first.',
    });
  });

  test('a second submit of the same plan is refused: it is no longer a draft', async () => {
    const result = await mutate(t, LEAD, 'submitPlan', { planId });
    expect(result.__typename).toBe('ForbiddenError');
    expect(result.message).toMatch(/in partner review/);
    expect((await versions()).versions).toHaveLength(1);
  });

  test('content cannot be edited while the plan is in review', async () => {
    const { plan } = await t.run<{
      plan: { viewerCanEdit: boolean; viewerCan: { withdraw: boolean; submit: boolean } };
    }>(
      await t.as(LEAD),
      `query($id: ID!) { plan(id: $id) { viewerCanEdit viewerCan { withdraw submit } } }`,
      { id: planId },
    );
    expect(plan).toEqual({ viewerCanEdit: false, viewerCan: { withdraw: true, submit: false } });
  });
});

describe('withdrawPlan', () => {
  test('needs a reason', async () => {
    const result = await mutate(t, LEAD, 'withdrawPlan', { planId, reason: '  ' });
    expect(result.__typename).toBe('ValidationError');
    expect(result.fieldErrors).toEqual([
      { path: ['reason'], message: 'Enter why the plan is being withdrawn' },
    ]);
  });

  test('returns the plan to draft; the frozen version stays, no longer under review', async () => {
    const result = await mutate(t, LEAD, 'withdrawPlan', {
      planId,
      reason: 'Health figures need updating',
    });
    expect(result).toMatchObject({
      __typename: 'MutationWithdrawPlanSuccess',
      data: { state: 'DRAFT' },
    });
    const plan = await versions();
    expect(plan.versions.map((v) => [v.number, v.state])).toEqual([[1, 'DRAFT']]);
    expect(plan.currentVersion).toBeNull();
    expect(await auditActions(t, planId, 'plan.withdrawn')).toBe(1);
  });

  test('is refused when the plan is not in review', async () => {
    const result = await mutate(t, LEAD, 'withdrawPlan', { planId, reason: 'Again' });
    expect(result.__typename).toBe('ForbiddenError');
  });
});

describe('publishPlan and startRevision', () => {
  test('publish is refused before sign-off', async () => {
    expect((await mutate(t, LEAD, 'publishPlan', { planId, confirmed: true })).__typename).toBe(
      'ForbiddenError',
    );
  });

  test('a resubmitted plan freezes version 2; once signed off, publishing makes it public', async () => {
    const number = await submitAndSignOff(t, planId);
    expect(number).toBe(2);
    expect(
      (await mutate(t, EDUCATION, 'publishPlan', { planId, confirmed: true })).__typename,
    ).toBe('ForbiddenError');
    // Publishing needs the lead's confirmation that the conditions are met: refused without it.
    const unconfirmed = await mutate(t, LEAD, 'publishPlan', { planId, confirmed: false });
    expect(unconfirmed.__typename).toBe('ValidationError');
    expect(unconfirmed.fieldErrors).toEqual([
      {
        path: ['confirmed'],
        message: 'Confirm that any conditions have been met and this version can be made public',
      },
    ]);
    expect((await versions()).state).toBe('SIGNED_OFF');
    expect(await auditActions(t, planId, 'plan.published')).toBe(0);
    // Without the field at all, the request does not even validate.
    await expect(mutate(t, LEAD, 'publishPlan', { planId })).rejects.toThrow(/confirmed/);
    expect((await versions()).state).toBe('SIGNED_OFF');

    const result = await mutate(t, LEAD, 'publishPlan', { planId, confirmed: true });
    expect(result).toMatchObject({
      __typename: 'MutationPublishPlanSuccess',
      data: { state: 'PUBLISHED' },
    });
    const plan = await versions();
    expect(plan.versions[0]).toMatchObject({
      number: 2,
      state: 'PUBLISHED',
      publishedAt: expect.any(String),
      supersededAt: null,
    });
    expect(plan.publishedVersion).toEqual({ number: 2 });
    expect(await auditActions(t, planId, 'plan.published')).toBe(1);
  });

  test('startRevision makes the plan a draft again while version 2 stays published', async () => {
    const result = await mutate(t, LEAD, 'startRevision', { planId });
    expect(result).toMatchObject({
      __typename: 'MutationStartRevisionSuccess',
      data: { state: 'DRAFT' },
    });
    const plan = await versions();
    expect(plan.state).toBe('DRAFT');
    expect(plan.publishedVersion).toEqual({ number: 2 });
    expect(await auditActions(t, planId, 'plan.revision_started')).toBe(1);
  });

  test('publishing version 3 supersedes version 2', async () => {
    const number = await submitAndSignOff(t, planId);
    expect(number).toBe(3);
    expect((await mutate(t, LEAD, 'publishPlan', { planId, confirmed: true })).__typename).toBe(
      'MutationPublishPlanSuccess',
    );
    const plan = await versions();
    expect(plan.versions.map((v) => [v.number, v.state])).toEqual([
      [3, 'PUBLISHED'],
      [2, 'SUPERSEDED'],
      [1, 'DRAFT'],
    ]);
    expect(plan.versions[1]!.supersededAt).toEqual(expect.any(String));
    expect(plan.publishedVersion).toEqual({ number: 3 });
  });

  test('a frozen snapshot cannot be rewritten, even directly in the database', async () => {
    const dbId = Buffer.from(planId, 'base64url').toString('utf8').split(':')[1]!;
    await expect(
      t.db.prisma.planVersion.updateMany({
        where: { planId: dbId, number: 2 },
        data: { snapshot: { tampered: true } },
      }),
    ).rejects.toThrow();
  });
});
