// Sign-off through the API: who signs and who acknowledges, the decision rules, one decision per
// organisation, rejection, and the last approval moving the plan once even when two arrive together.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Publication } from '../src/snapshot.ts';
import { bootCore, type TestCore } from './support/core.ts';
import {
  auditActions,
  CARE,
  clearSubmissionBlockers,
  EDUCATION,
  FORUM,
  ICB,
  LEAD,
  mutate,
  northshirePlan,
  signatories,
  signOff,
} from './support/workflow.ts';

let t: TestCore;
let planId: string;
let areas: { id: string; code: string }[];

beforeAll(async () => {
  t = await bootCore();
  ({ planId, areas } = await northshirePlan(t));
  await clearSubmissionBlockers(t, planId, areas);
});
afterAll(() => t?.close());

const planState = async () =>
  (
    await t.run<{
      plan: {
        state: string;
        currentVersion: { number: number; state: string; signedOffAt: string | null } | null;
      };
    }>(
      await t.as(LEAD),
      `query($id: ID!) { plan(id: $id) { state currentVersion { number state signedOffAt } } }`,
      { id: planId },
    )
  ).plan;

async function submit(): Promise<number> {
  const result = await mutate(t, LEAD, 'submitPlan', { planId }, 'currentVersion { number }');
  expect(result.__typename).toBe('MutationSubmitPlanSuccess');
  return (result.data as { currentVersion: { number: number } }).currentVersion.number;
}

describe('signatories', () => {
  test('the signing organisations sign off and the parent carer forum acknowledges', async () => {
    const list = await signatories(t, LEAD, planId);
    expect(list.map((s) => [s.organisation.name, s.kind])).toEqual([
      ['NHS Northshire Integrated Care Board', 'SIGN_OFF'],
      ["Northshire County Council (children's social care)", 'SIGN_OFF'],
      ['Northshire County Council (education)', 'SIGN_OFF'],
      ['Northshire Parent Carer Forum', 'ACKNOWLEDGEMENT'],
    ]);
    // Nothing to record on a draft.
    expect(list.every((s) => s.signOff === null && !s.viewerCanRecord)).toBe(true);
  });

  test('once submitted, each signatory can record for their own organisation only', async () => {
    await submit();
    const list = await signatories(t, EDUCATION, planId);
    expect(list.filter((s) => s.viewerCanRecord).map((s) => s.organisation.typeCode)).toEqual([
      'local-authority-education',
    ]);
  });
});

describe('recordSignOff rules', () => {
  test('conditions are required for APPROVED_WITH_CONDITIONS and REJECTED', async () => {
    for (const decision of ['APPROVED_WITH_CONDITIONS', 'REJECTED']) {
      const result = await signOff(t, ICB, planId, 1, decision, { conditions: ' ' });
      expect(result.__typename).toBe('ValidationError');
      expect(result.fieldErrors!.map((e) => e.path)).toEqual([['conditions']]);
    }
  });

  test('only the parent carer forum records ACKNOWLEDGED, and it records nothing else', async () => {
    const signatoryAcknowledging = await signOff(t, ICB, planId, 1, 'ACKNOWLEDGED');
    expect(signatoryAcknowledging.__typename).toBe('ValidationError');
    expect(signatoryAcknowledging.fieldErrors![0]!.path).toEqual(['decision']);
    const forumApproving = await signOff(t, FORUM, planId, 1, 'APPROVED');
    expect(forumApproving.__typename).toBe('ValidationError');
    expect(forumApproving.fieldErrors![0]!.path).toEqual(['decision']);
  });

  test('only the parent carer forum records concerns: a signing organisation records conditions', async () => {
    const result = await signOff(t, ICB, planId, 1, 'APPROVED', { concerns: 'Waiting times' });
    expect(result.__typename).toBe('ValidationError');
    expect(result.fieldErrors).toEqual([
      {
        path: ['concerns'],
        message:
          'Only the parent carer forum records concerns: a signing organisation records conditions',
      },
    ]);
  });

  test('a signatory cannot sign for another organisation; the lead cannot sign at all', async () => {
    const icbOrganisation = (await signatories(t, LEAD, planId)).find(
      (s) => s.organisation.typeCode === 'integrated-care-board',
    )!;
    const base = {
      planId,
      versionNumber: 1,
      decision: 'APPROVED',
      signatoryName: 'A',
      signatoryRole: 'B',
      forum: 'C',
      decidedOn: '2027-03-12',
    };
    const forOther = await mutate(
      t,
      EDUCATION,
      'recordSignOff',
      { ...base, organisationId: icbOrganisation.organisation.id },
      'id',
    );
    expect(forOther).toMatchObject({
      __typename: 'ForbiddenError',
      message: 'You can only sign off for your own organisation',
    });
    const byLead = await mutate(
      t,
      LEAD,
      'recordSignOff',
      { ...base, organisationId: icbOrganisation.organisation.id },
      'id',
    );
    expect(byLead.__typename).toBe('ForbiddenError');
  });

  test('an unknown version number is not found', async () => {
    expect((await signOff(t, ICB, planId, 9, 'APPROVED')).__typename).toBe('NotFoundError');
  });

  test('a decision is recorded once per organisation per version', async () => {
    const first = await signOff(t, ICB, planId, 1, 'APPROVED_WITH_CONDITIONS', {
      conditions: 'Review the therapy budget in September',
    });
    expect(first).toMatchObject({
      __typename: 'MutationRecordSignOffSuccess',
      data: { decision: 'APPROVED_WITH_CONDITIONS' },
    });
    const again = await signOff(t, ICB, planId, 1, 'APPROVED');
    expect(again.__typename).toBe('ValidationError');
    expect(again.fieldErrors![0]!.message).toMatch(/already been recorded/);
    expect(await auditActions(t, planId, 'sign_off.recorded')).toBe(1);
    expect((await planState()).state).toBe('PARTNER_REVIEW');
  });

  test('a rejection returns the plan (and the version) to draft, audited', async () => {
    const result = await signOff(t, CARE, planId, 1, 'REJECTED', {
      conditions: 'Short breaks are missing',
    });
    expect(result.__typename).toBe('MutationRecordSignOffSuccess');
    expect(await planState()).toEqual({ state: 'DRAFT', currentVersion: null });
    expect(await auditActions(t, planId, 'plan.rejected')).toBe(1);
    // The rejected version can no longer be signed.
    expect((await signOff(t, EDUCATION, planId, 1, 'APPROVED')).__typename).toBe('ForbiddenError');
  });
});

describe('signing off', () => {
  test('the plan stays in review until every signatory approved and the forum acknowledged', async () => {
    const number = await submit();
    expect(number).toBe(2);
    expect((await signOff(t, EDUCATION, planId, 2, 'APPROVED')).__typename).toBe(
      'MutationRecordSignOffSuccess',
    );
    const acknowledged = await signOff(t, FORUM, planId, 2, 'ACKNOWLEDGED', {
      concerns: '  Families want the waiting-well offer reviewed after six months.  ',
    });
    expect(acknowledged.__typename).toBe('MutationRecordSignOffSuccess');
    expect((await planState()).state).toBe('PARTNER_REVIEW');
    // The forum's concerns are kept with its acknowledgement, for the lead and the partners to read.
    const { plan } = await t.run<{
      plan: {
        planVersion: {
          signOffs: { organisation: { name: string }; concerns: string }[];
          publicationJson: string;
        };
      };
    }>(
      await t.as(ICB),
      `query($id: ID!) { plan(id: $id) { planVersion(number: 2) { signOffs { organisation { name } concerns } publicationJson } } }`,
      { id: planId },
    );
    expect(plan.planVersion.signOffs).toContainEqual({
      organisation: { name: 'Northshire Parent Carer Forum' },
      concerns: 'Families want the waiting-well offer reviewed after six months.',
    });
    // ...and go into the publication (page and exports) with the acknowledgement; an approval
    // carries none.
    const { version } = JSON.parse(plan.planVersion.publicationJson) as Publication;
    expect(version.signOffs.map((s) => [s.organisationName, s.decision, s.concerns])).toEqual([
      ['Northshire County Council (education)', 'APPROVED', null],
      [
        'Northshire Parent Carer Forum',
        'ACKNOWLEDGED',
        'Families want the waiting-well offer reviewed after six months.',
      ],
    ]);
    const recorded = (await signatories(t, LEAD, planId)).map((s) => s.signOff?.decision ?? null);
    expect(recorded).toEqual([null, null, 'APPROVED', 'ACKNOWLEDGED']);
  });

  test('the two last approvals arriving at the same moment move the plan exactly once', async () => {
    const [care, icb] = await Promise.all([
      signOff(t, CARE, planId, 2, 'APPROVED'),
      signOff(t, ICB, planId, 2, 'APPROVED'),
    ]);
    expect([care.__typename, icb.__typename]).toEqual([
      'MutationRecordSignOffSuccess',
      'MutationRecordSignOffSuccess',
    ]);
    const plan = await planState();
    expect(plan).toMatchObject({
      state: 'SIGNED_OFF',
      currentVersion: { number: 2, state: 'SIGNED_OFF', signedOffAt: expect.any(String) },
    });
    expect(await auditActions(t, planId, 'plan.signed_off')).toBe(1);
    expect(await auditActions(t, planId, 'sign_off.recorded')).toBe(2 + 4);
  });

  test('nothing more can be recorded once signed off', async () => {
    const result = await signOff(t, CARE, planId, 2, 'APPROVED');
    expect(result.__typename).toBe('ForbiddenError');
  });
});
