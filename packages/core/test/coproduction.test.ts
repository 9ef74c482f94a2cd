// The co-production log and "you said, we did": validation, permissions, concurrency, audit, scoping.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { encodeGlobalId } from '../src/ids.ts';
import { bootCore, type TestCore } from './support/core.ts';

let t: TestCore;
const planId = encodeGlobalId('Plan', 'demo-plan-northshire-lip-2026');
const southvalePlanId = encodeGlobalId('Plan', 'demo-plan-southvale-lip-2026');
const commitment = (plan: string, reference: string) =>
  encodeGlobalId('Commitment', `${plan}.${reference}`);
const HE_03 = commitment('demo-plan-northshire-lip-2026', 'HE-03');
const ED_01 = commitment('demo-plan-northshire-lip-2026', 'ED-01');
const SOUTHVALE_HE_01 = commitment('demo-plan-southvale-lip-2026', 'HE-01');

beforeAll(async () => {
  t = await bootCore();
});
afterAll(() => t?.close());

const ACTIVITY =
  'id kind title heldOn audiences chair reached heard version viewerCanEdit responses { id youSaid weDid commitments { reference } }';
const CREATE = /* GraphQL */ `
  mutation($input: CreateCoproductionActivityInput!) {
    result: createCoproductionActivity(input: $input) {
      __typename
      ... on MutationCreateCoproductionActivitySuccess { data { ${ACTIVITY} } }
      ... on Error { message }
      ... on ValidationError { fieldErrors { path message } }
    }
  }
`;
const UPDATE = /* GraphQL */ `
  mutation($input: UpdateCoproductionActivityInput!) {
    result: updateCoproductionActivity(input: $input) {
      __typename
      ... on MutationUpdateCoproductionActivitySuccess { data { ${ACTIVITY} } }
      ... on CoproductionActivityConflictError { current { id title version } }
      ... on Error { message }
      ... on ValidationError { fieldErrors { path message } }
    }
  }
`;
const ADD_RESPONSE = /* GraphQL */ `
  mutation ($input: AddCoproductionResponseInput!) {
    result: addCoproductionResponse(input: $input) {
      __typename
      ... on MutationAddCoproductionResponseSuccess {
        data {
          id
          youSaid
          weDid
          version
          commitments {
            reference
          }
        }
      }
      ... on Error {
        message
      }
      ... on ValidationError {
        fieldErrors {
          path
          message
        }
      }
    }
  }
`;
const UPDATE_RESPONSE = /* GraphQL */ `
  mutation ($input: UpdateCoproductionResponseInput!) {
    result: updateCoproductionResponse(input: $input) {
      __typename
      ... on MutationUpdateCoproductionResponseSuccess {
        data {
          id
          youSaid
          weDid
          version
          commitments {
            reference
          }
        }
      }
      ... on CoproductionResponseConflictError {
        current {
          id
          youSaid
          version
        }
      }
      ... on Error {
        message
      }
      ... on ValidationError {
        fieldErrors {
          path
          message
        }
      }
    }
  }
`;

interface Result {
  result: {
    __typename: string;
    message?: string;
    data?: Record<string, unknown> & { id: string; version: number };
    current?: Record<string, unknown>;
    fieldErrors?: { path: string[]; message: string }[];
  };
}

async function run(
  document: string,
  input: Record<string, unknown>,
  email = 'lead@northshire.example',
) {
  return (await t.run<Result>(await t.as(email), document, { input })).result;
}

const workshop = {
  planId,
  kind: 'WORKSHOP',
  title: '  Staff workshop on the ordinarily available offer ',
  heldOn: '2026-10-14',
  audiences: ['SENCos', 'Headteachers', 'SENCos', ' '],
  chair: 'Head of inclusion',
  reached: 42,
  heard: 'Schools want clearer examples of adjustments by need area.',
};

describe('createCoproductionActivity', () => {
  test('records an activity with every field and an audit entry', async () => {
    const result = await run(CREATE, workshop);
    expect(result.__typename).toBe('MutationCreateCoproductionActivitySuccess');
    expect(result.data).toMatchObject({
      kind: 'WORKSHOP',
      title: 'Staff workshop on the ordinarily available offer',
      heldOn: '2026-10-14',
      audiences: ['SENCos', 'Headteachers'],
      chair: 'Head of inclusion',
      reached: 42,
      version: 1,
      viewerCanEdit: true,
      responses: [],
    });
    const audit = await t.db.prisma.auditEvent.findFirstOrThrow({
      where: { entityType: 'CoproductionActivity', action: 'coproduction.create' },
      orderBy: { id: 'desc' },
    });
    expect(audit.planId).toBe('demo-plan-northshire-lip-2026');
    expect(audit.after).toMatchObject({
      title: 'Staff workshop on the ordinarily available offer',
    });
  });

  test('reports every problem with GOV.UK messages and writes nothing', async () => {
    const before = await t.db.prisma.coproductionActivity.count();
    const result = await run(CREATE, {
      planId,
      title: ' ',
      heard: '',
      reached: -3,
      kind: null,
      heldOn: null,
    });
    expect(result.__typename).toBe('ValidationError');
    const messages = Object.fromEntries(
      result.fieldErrors!.map((e) => [e.path.join('.'), e.message]),
    );
    expect(messages).toEqual({
      kind: 'Choose the kind of activity',
      title: 'Enter a title for the activity',
      heldOn: 'Enter the date the activity was held',
      reached: 'Enter the number of people reached as a whole number, 0 or more',
      heard: 'Enter what was heard',
    });
    expect(await t.db.prisma.coproductionActivity.count()).toBe(before);
  });

  test('an impossible date is a field error', async () => {
    const result = await run(CREATE, { ...workshop, heldOn: '2026-02-30' });
    expect(result.fieldErrors).toEqual([
      { path: ['heldOn'], message: 'Enter the date the activity was held' },
    ]);
  });

  test('viewers cannot record activities; another partnership gets not found', async () => {
    expect(await run(CREATE, workshop, 'viewer@northshire.example')).toMatchObject({
      __typename: 'ForbiddenError',
    });
    expect(await run(CREATE, { ...workshop, planId: southvalePlanId })).toMatchObject({
      __typename: 'NotFoundError',
    });
  });
});

describe('who records co-production', () => {
  test('the parent carer forum is refused: activities and "you said, we did" are the lead’s and the editors’', async () => {
    const FORUM = 'forum@northshire.example';
    const activity = (await run(CREATE, { ...workshop, title: 'Forum listening event' })).data!;
    const response = (
      await run(ADD_RESPONSE, {
        activityId: activity.id,
        youSaid: 'Families wait too long.',
        weDid: 'We added a support offer while waiting.',
      })
    ).data!;
    const refused = 'ForbiddenError';
    const message =
      'Only the partnership lead or the plan’s editors can record co-production: you can comment on the plan instead';
    expect(await run(CREATE, workshop, FORUM)).toEqual({ __typename: refused, message });
    expect(
      await run(UPDATE, { id: activity.id, version: 1, title: 'Forum rewrite' }, FORUM),
    ).toEqual({ __typename: refused, message });
    expect(
      await run(ADD_RESPONSE, { activityId: activity.id, youSaid: 'a', weDid: 'b' }, FORUM),
    ).toEqual({ __typename: refused, message });
    expect(
      await run(UPDATE_RESPONSE, { id: response.id, version: 1, weDid: 'Nothing yet' }, FORUM),
    ).toEqual({ __typename: refused, message });
    // Nothing changed, and the API tells the forum it may not edit (so pages offer no edit links).
    const read = await t.run<{
      node: { title: string; viewerCanEdit: boolean; responses: { weDid: string }[] };
      plan: { viewerCan: { editCoproduction: boolean; comment: boolean } };
    }>(
      await t.as(FORUM),
      `query($id: ID!, $planId: ID!) {
        node(id: $id) { ... on CoproductionActivity { title viewerCanEdit responses { weDid } } }
        plan(id: $planId) { viewerCan { editCoproduction comment } }
      }`,
      { id: activity.id, planId },
    );
    expect(read).toEqual({
      node: {
        title: 'Forum listening event',
        viewerCanEdit: false,
        responses: [{ weDid: 'We added a support offer while waiting.' }],
      },
      plan: { viewerCan: { editCoproduction: false, comment: true } },
    });
  });

  test('the lead and a section editor may record it', async () => {
    const { plan } = await t.run<{ plan: { viewerCan: { editCoproduction: boolean } } }>(
      await t.as('icb@northshire.example'),
      `query($planId: ID!) { plan(id: $planId) { viewerCan { editCoproduction } } }`,
      { planId },
    );
    expect(plan.viewerCan.editCoproduction).toBe(true);
    expect((await run(CREATE, workshop, 'icb@northshire.example')).__typename).toBe(
      'MutationCreateCoproductionActivitySuccess',
    );
  });
});

describe('updateCoproductionActivity', () => {
  test('changes the fields named, bumps the version and refuses a stale version with the current record', async () => {
    const created = (await run(CREATE, { ...workshop, title: 'Round table' })).data!;
    const updated = await run(UPDATE, {
      id: created.id,
      version: 1,
      kind: 'ROUND_TABLE',
      reached: 0,
      chair: null,
    });
    expect(updated.data).toMatchObject({
      title: 'Round table',
      kind: 'ROUND_TABLE',
      reached: 0,
      chair: null,
      version: 2,
    });
    const stale = await run(
      UPDATE,
      { id: created.id, version: 1, title: 'Lost edit' },
      'icb@northshire.example',
    );
    expect(stale).toMatchObject({
      __typename: 'CoproductionActivityConflictError',
      current: { id: created.id, title: 'Round table', version: 2 },
    });
    const row = await t.db.prisma.coproductionActivity.findFirstOrThrow({
      where: { title: 'Round table' },
    });
    expect(row.version).toBe(2);
    const audits = await t.db.prisma.auditEvent.count({
      where: { entityId: row.id, action: 'coproduction.update' },
    });
    expect(audits).toBe(1);
  });

  test('another partnership cannot see or change the activity', async () => {
    const created = (await run(CREATE, { ...workshop, title: 'Private' })).data!;
    expect(
      await run(UPDATE, { id: created.id, version: 1, title: 'x' }, 'lead@southvale.example'),
    ).toMatchObject({
      __typename: 'NotFoundError',
    });
    const node = await t.run<{ node: unknown }>(
      await t.as('lead@southvale.example'),
      'query($id: ID!) { node(id: $id) { id } }',
      {
        id: created.id,
      },
    );
    expect(node.node).toBeNull();
  });
});

describe('"you said, we did"', () => {
  test('links a response to commitments of the same plan, shown on the activity and on each commitment', async () => {
    const activity = (await run(CREATE, { ...workshop, title: 'Parent carer forum event' })).data!;
    const added = await run(
      ADD_RESPONSE,
      {
        activityId: activity.id,
        youSaid: 'Families wait too long.',
        weDid: 'We added a support offer while waiting.',
        commitmentIds: [HE_03, ED_01],
      },
      'icb@northshire.example',
    );
    expect(added.data).toMatchObject({
      version: 1,
      commitments: [{ reference: 'ED-01' }, { reference: 'HE-03' }],
    });

    const page = await t.run<{
      plan: { coproduction: { id: string; responses: { youSaid: string }[] }[] };
      commitment: { coproductionResponses: { weDid: string }[] };
    }>(
      await t.as('icb@northshire.example'),
      `query($planId: ID!, $c: ID!) {
        plan(id: $planId) { coproduction { id responses { youSaid } } }
        commitment(id: $c) { coproductionResponses { weDid } }
      }`,
      { planId, c: HE_03 },
    );
    expect(page.plan.coproduction.find((a) => a.id === activity.id)?.responses).toEqual([
      { youSaid: 'Families wait too long.' },
    ]);
    expect(page.commitment.coproductionResponses).toContainEqual({
      weDid: 'We added a support offer while waiting.',
    });
  });

  test('refuses commitments of another plan and writes nothing', async () => {
    const activity = (await run(CREATE, { ...workshop, title: 'Forum' })).data!;
    const result = await run(ADD_RESPONSE, {
      activityId: activity.id,
      youSaid: 'a',
      weDid: 'b',
      commitmentIds: [HE_03, SOUTHVALE_HE_01],
    });
    expect(result).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [
        { path: ['commitmentIds'], message: "Choose commitments from this activity's plan" },
      ],
    });
    expect(
      await t.db.prisma.coproductionResponse.count({ where: { activity: { title: 'Forum' } } }),
    ).toBe(0);
  });

  test('requires what was said and what was done', async () => {
    const activity = (await run(CREATE, { ...workshop, title: 'Survey' })).data!;
    const result = await run(ADD_RESPONSE, { activityId: activity.id, youSaid: ' ', weDid: '' });
    expect(result.fieldErrors).toEqual([
      { path: ['youSaid'], message: 'Enter what people said' },
      { path: ['weDid'], message: 'Enter what the partnership did' },
    ]);
  });

  test('updates replace the links; a stale version is a conflict carrying the current response', async () => {
    const activity = (await run(CREATE, { ...workshop, title: 'Briefing' })).data!;
    const response = (
      await run(ADD_RESPONSE, {
        activityId: activity.id,
        youSaid: 'x',
        weDid: 'y',
        commitmentIds: [HE_03],
      })
    ).data!;
    const updated = await run(UPDATE_RESPONSE, {
      id: response.id,
      version: 1,
      weDid: 'z',
      commitmentIds: [ED_01],
    });
    expect(updated.data).toMatchObject({
      youSaid: 'x',
      weDid: 'z',
      version: 2,
      commitments: [{ reference: 'ED-01' }],
    });
    const stale = await run(UPDATE_RESPONSE, { id: response.id, version: 1, youSaid: 'late' });
    expect(stale).toMatchObject({
      __typename: 'CoproductionResponseConflictError',
      current: { youSaid: 'x', version: 2 },
    });
    const viewer = await run(
      UPDATE_RESPONSE,
      { id: response.id, version: 2, youSaid: 'no' },
      'viewer@northshire.example',
    );
    expect(viewer.__typename).toBe('ForbiddenError');
  });
});

describe('Plan.coproduction', () => {
  test("lists the plan's and partnership-wide activities by date held, never another partnership's", async () => {
    await t.db.prisma.coproductionActivity.create({
      data: {
        partnershipId: 'demo-partnership-northshire',
        planId: null,
        kind: 'CABINET_MEETING',
        title: 'Partnership-wide cabinet briefing',
        heldOn: new Date('2020-01-02T00:00:00Z'),
        heard: 'Support for the approach.',
      },
    });
    await run(
      CREATE,
      { ...workshop, planId: southvalePlanId, title: 'Southvale only' },
      'lead@southvale.example',
    );
    const { plan } = await t.run<{ plan: { coproduction: { title: string; heldOn: string }[] } }>(
      await t.as('viewer@northshire.example'),
      'query($planId: ID!) { plan(id: $planId) { coproduction { title heldOn } } }',
      { planId },
    );
    const titles = plan.coproduction.map((a) => a.title);
    expect(titles).toContain('Partnership-wide cabinet briefing');
    expect(titles).not.toContain('Southvale only');
    const dates = plan.coproduction.map((a) => a.heldOn);
    expect(dates).toEqual([...dates].sort());
  });
});
