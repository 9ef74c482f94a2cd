// Nothing in another partnership is visible: it answers as "not found", never as "forbidden".
import { afterAll, beforeAll, expect, test } from 'vitest';
import { bootCore, type TestCore } from './support/core.ts';
import { PLAN, UPDATE, type MutationResult, type PlanData } from './support/queries.ts';

let t: TestCore;
let northshire: {
  slug: string;
  planId: string;
  commitmentId: string;
  version: number;
  userId: string;
  memberId: string;
};

beforeAll(async () => {
  t = await bootCore();
  const lead = await t.as('lead@northshire.example');
  const data = await t.run<PlanData>(lead, PLAN);
  const partnership = data.partnerships.edges[0]!.node;
  const plan = partnership.plans.edges[0]!.node;
  const commitment = plan.sections[0]!.commitments.edges[0]!.node;
  const viewer = await t.run<{ viewer: { id: string; memberships: { id: string }[] } }>(
    lead,
    '{ viewer { id memberships { id } } }',
  );
  northshire = {
    slug: partnership.slug,
    planId: plan.id,
    commitmentId: commitment.id,
    version: commitment.version,
    userId: viewer.viewer.id,
    memberId: viewer.viewer.memberships[0]!.id,
  };
});
afterAll(() => t?.close());

test("Southvale's lead gets null for everything of Northshire, with no error", async () => {
  const southvale = await t.as('lead@southvale.example');
  const result = await t.core.execute({
    document: `query($plan: ID!, $commitment: ID!, $slug: String!, $user: ID!, $member: ID!) {
      plan(id: $plan) { id title }
      commitment(id: $commitment) { id title }
      partnership(slug: $slug) { id }
      planNode: node(id: $plan) { id }
      commitmentNode: node(id: $commitment) { id }
      userNode: node(id: $user) { id }
      memberNode: node(id: $member) { id }
      partnerships { edges { node { slug } } }
    }`,
    variables: {
      plan: northshire.planId,
      commitment: northshire.commitmentId,
      slug: northshire.slug,
      user: northshire.userId,
      member: northshire.memberId,
    },
    context: southvale,
  });
  expect(result.errors).toBeUndefined();
  expect(result.data).toEqual({
    plan: null,
    commitment: null,
    partnership: null,
    planNode: null,
    commitmentNode: null,
    userNode: null,
    memberNode: null,
    partnerships: { edges: [{ node: { slug: expect.not.stringMatching(northshire.slug) } }] },
  });
});

test("Southvale's lead cannot write to Northshire: NotFoundError, and nothing changes", async () => {
  const southvale = await t.as('lead@southvale.example');
  const result = await t.core.execute<MutationResult>({
    document: UPDATE,
    variables: {
      input: { id: northshire.commitmentId, version: northshire.version, title: 'Hijacked' },
    },
    context: southvale,
  });
  expect(result.data!.result).toEqual({
    __typename: 'NotFoundError',
    message: 'Commitment not found',
  });
  const row = await t.db.prisma.commitment
    .findFirstOrThrow({ where: { title: 'Hijacked' } })
    .catch(() => null);
  expect(row).toBeNull();
});

test('signed out: no viewer, no partnerships, no plans', async () => {
  const anonymous = await t.core.contextForSession(undefined);
  const result = await t.core.execute({
    document:
      'query($plan: ID!) { viewer { id } partnerships { edges { node { id } } } plan(id: $plan) { id } }',
    variables: { plan: northshire.planId },
    context: anonymous,
  });
  expect(result).toEqual({ data: { viewer: null, partnerships: { edges: [] }, plan: null } });
});

test('a garbage or wrong-type id is simply not found', async () => {
  const lead = await t.as('lead@northshire.example');
  const fieldError = Buffer.from('FieldError:x').toString('base64url');
  const unknownPlan = Buffer.from('Plan:nope').toString('base64url');
  for (const id of ['nonsense', '', 'Zm9v', northshire.commitmentId, fieldError, unknownPlan]) {
    const data = await t.run<{ plan: unknown; node: unknown }>(
      lead,
      'query($id: ID!) { plan(id: $id) { id } node(id: $id) { id } }',
      {
        id,
      },
    );
    expect(data.plan).toBeNull();
    expect(data.node === null || id === northshire.commitmentId).toBe(true);
  }
});
