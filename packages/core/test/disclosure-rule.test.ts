// Issue 14: nothing is submitted or published until the partnership has chosen its disclosure rule.
// A partnership without one gets a submission blocker linking to its disclosure settings (and the
// lead a "clear blockers" task), saving the settings sets the rule, and a threshold is required:
// no threshold never silently means "no suppression".
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bootCore, type TestCore } from './support/core.ts';
import {
  clearSubmissionBlockers,
  LEAD,
  mutate,
  northshirePlan,
  submitAndSignOff,
} from './support/workflow.ts';

let t: TestCore;
let planId: string;
let partnershipId: string;

beforeAll(async () => {
  t = await bootCore();
  const plan = await northshirePlan(t);
  planId = plan.planId;
  await clearSubmissionBlockers(t, planId, plan.areas);
  const { partnership } = await t.run<{ partnership: { id: string } }>(
    await t.as(LEAD),
    `{ partnership(slug: "northshire") { id } }`,
  );
  partnershipId = partnership.id;
  // As a partnership that has never saved its rule (the demo seed sets one).
  await t.db.prisma.partnership.update({
    where: { slug: 'northshire' },
    data: { smallNumberThreshold: null, roundingBase: null, disclosureRuleSetAt: null },
  });
});
afterAll(() => t?.close());

const DISCLOSURE = `{ partnership(slug: "northshire") { disclosure { isSet setAt smallNumberThreshold roundingBase } } }`;
interface Disclosure {
  partnership: {
    disclosure: {
      isSet: boolean;
      setAt: string | null;
      smallNumberThreshold: number | null;
      roundingBase: number | null;
    };
  };
}

async function saveRule(input: Record<string, unknown>) {
  const { result } = await t.run<{
    result: { __typename: string; fieldErrors?: { path: string[]; message: string }[] };
  }>(
    await t.as(LEAD),
    `mutation($input: UpdateDisclosureSettingsInput!) { result: updateDisclosureSettings(input: $input) {
      __typename ... on ValidationError { fieldErrors { path message } } } }`,
    { input: { partnershipId, ...input } },
  );
  return result;
}

describe('the disclosure rule', () => {
  test('is not set: the plan has a blocker linking to the settings, and submission is refused', async () => {
    const lead = await t.as(LEAD);
    expect((await t.run<Disclosure>(lead, DISCLOSURE)).partnership.disclosure).toMatchObject({
      isSet: false,
      setAt: null,
    });
    const { plan } = await t.run<{
      plan: { submissionBlockers: { kind: string; message: string; partnershipSlug: string }[] };
    }>(
      lead,
      `query($id: ID!) { plan(id: $id) { submissionBlockers { kind message partnershipSlug } } }`,
      {
        id: planId,
      },
    );
    expect(plan.submissionBlockers).toEqual([
      {
        kind: 'DISCLOSURE_RULE_NOT_SET',
        message: expect.stringMatching(/^Set the partnership’s disclosure rule/),
        partnershipSlug: 'northshire',
      },
    ]);
    const { myTasks } = await t.run<{ myTasks: { kind: string; count: number | null }[] }>(
      lead,
      `{ myTasks { kind count plan { id } } }`,
    );
    expect(myTasks).toContainEqual(expect.objectContaining({ kind: 'CLEAR_BLOCKERS', count: 1 }));

    const refused = await mutate(t, LEAD, 'submitPlan', { planId });
    expect(refused.__typename).toBe('SubmissionBlockedError');
    expect(refused.blockers?.map((b) => b.kind)).toEqual(['DISCLOSURE_RULE_NOT_SET']);
    expect(await t.db.prisma.planVersion.count()).toBe(0);
  });

  test('saving without a threshold is refused and does not set the rule', async () => {
    expect(await saveRule({ smallNumberThreshold: null, roundingBase: 5 })).toEqual({
      __typename: 'ValidationError',
      fieldErrors: [
        {
          path: ['smallNumberThreshold'],
          message:
            'Enter the small-number threshold: counts of children below it are published as c',
        },
      ],
    });
    const { disclosure } = (await t.run<Disclosure>(await t.as(LEAD), DISCLOSURE)).partnership;
    expect(disclosure).toMatchObject({ isSet: false, roundingBase: null });
  });

  test('saving a threshold with "no rounding" sets the rule; the plan can then be submitted', async () => {
    expect((await saveRule({ smallNumberThreshold: 10, roundingBase: null })).__typename).toBe(
      'MutationUpdateDisclosureSettingsSuccess',
    );
    const { disclosure } = (await t.run<Disclosure>(await t.as(LEAD), DISCLOSURE)).partnership;
    expect(disclosure).toMatchObject({ isSet: true, smallNumberThreshold: 10, roundingBase: null });
    expect(disclosure.setAt).not.toBeNull();
    expect(await submitAndSignOff(t, planId)).toBe(1);
  });

  test('publishing is refused if the rule has been unset since (e.g. a partnership created before the rule was required)', async () => {
    await t.db.prisma.partnership.update({
      where: { slug: 'northshire' },
      data: { disclosureRuleSetAt: null },
    });
    const refused = await mutate(t, LEAD, 'publishPlan', { planId, confirmed: true });
    expect(refused).toMatchObject({
      __typename: 'ValidationError',
      message: expect.stringMatching(/disclosure rule .* before the plan is published/),
    });
    expect((await saveRule({ smallNumberThreshold: 10 })).__typename).toBe(
      'MutationUpdateDisclosureSettingsSuccess',
    );
    const published = await mutate(t, LEAD, 'publishPlan', { planId, confirmed: true });
    expect(published).toMatchObject({
      __typename: 'MutationPublishPlanSuccess',
      data: { state: 'PUBLISHED' },
    });
  });
});
