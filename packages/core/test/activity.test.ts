// The activity feed: the plan's audit events, newest first, as sentences with links, paged.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { encodeGlobalId } from '../src/ids.ts';
import { bootCore, type TestCore } from './support/core.ts';

let t: TestCore;
const planId = encodeGlobalId('Plan', 'demo-plan-northshire-lip-2026');
const HE_03 = encodeGlobalId('Commitment', 'demo-plan-northshire-lip-2026.HE-03');

beforeAll(async () => {
  t = await bootCore();
});
afterAll(() => t?.close());

const FEED = /* GraphQL */ `
  query ($planId: ID!, $first: Int, $after: String) {
    plan(id: $planId) {
      activity(first: $first, after: $after) {
        edges {
          cursor
          node {
            id
            occurredAt
            actorName
            organisationName
            action
            entityType
            summary
            path
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`;
interface Feed {
  plan: {
    activity: {
      edges: {
        cursor: string;
        node: {
          id: string;
          actorName: string | null;
          organisationName: string | null;
          action: string;
          summary: string;
          path: string | null;
        };
      }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  } | null;
}

async function feed(email: string, variables: Record<string, unknown> = {}) {
  return t.run<Feed>(await t.as(email), FEED, { planId, ...variables });
}

describe('Plan.activity', () => {
  test('lists what people did, newest first, with who, their organisation, a sentence and a link', async () => {
    const icb = await t.as('icb@northshire.example');
    const current = await t.run<{ commitment: { version: number } }>(
      icb,
      'query($id: ID!) { commitment(id: $id) { version } }',
      { id: HE_03 },
    );
    await t.run(
      icb,
      `mutation($input: UpdateCommitmentInput!) { updateCommitment(input: $input) { __typename } }`,
      {
        input: { id: HE_03, version: current.commitment.version, rating: 'GREEN' },
      },
    );
    await t.run(
      await t.as('forum@northshire.example'),
      `mutation($input: AddCommentInput!) { addComment(input: $input) { __typename } }`,
      {
        input: { planId, sectionKey: 'health', body: 'Looks good.' },
      },
    );

    const { plan } = await feed('viewer@northshire.example', { first: 10 });
    const [newest, previous] = plan!.activity.edges.map((e) => e.node);
    expect(newest).toMatchObject({
      action: 'comment.create',
      summary: expect.stringMatching(/^.+ \(.+\) added a comment on the .+ section$/),
    });
    expect(newest!.path).toBe(`/plans/${planId}/sections/health`);
    expect(previous).toMatchObject({
      action: 'commitment.update',
      organisationName: 'NHS Northshire Integrated Care Board',
      summary: `${previous!.actorName} (NHS Northshire Integrated Care Board) updated commitment HE-03`,
      path: `/plans/${planId}/sections/health/commitments/${HE_03}`,
    });
    expect(Number(newest!.id)).toBeGreaterThan(Number(previous!.id));
  });

  test('pages forwards with first and after, without repeats', async () => {
    const lead = await t.as('lead@northshire.example');
    for (const title of ['One', 'Two', 'Three']) {
      await t.run(
        lead,
        `mutation($input: CreateCoproductionActivityInput!) { createCoproductionActivity(input: $input) { __typename } }`,
        {
          input: { planId, kind: 'FORUM', title, heldOn: '2026-11-01', heard: 'Heard.' },
        },
      );
    }
    const total = await t.db.prisma.auditEvent.count({
      where: { planId: 'demo-plan-northshire-lip-2026' },
    });
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Feed = await feed('lead@northshire.example', { first: 2, after });
      seen.push(...page.plan!.activity.edges.map((e) => e.node.id));
      if (!page.plan!.activity.pageInfo.hasNextPage) break;
      after = page.plan!.activity.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    const first = (await feed('lead@northshire.example', { first: 1 })).plan!.activity.edges[0]!
      .node;
    expect(first.summary).toMatch(/added co-production activity “Three”$/);
    expect(first.path).toMatch(new RegExp(`^/plans/${planId}/coproduction/`));
  });

  test('starting a revision reads as a sentence, not as “revision started the plan”', async () => {
    const lead = await t.db.prisma.user.findUniqueOrThrow({
      where: { email: 'lead@northshire.example' },
    });
    await t.db.prisma.auditEvent.create({
      data: {
        actorUserId: lead.id,
        planId: 'demo-plan-northshire-lip-2026',
        entityType: 'Plan',
        entityId: 'demo-plan-northshire-lip-2026',
        action: 'plan.revision_started',
      },
    });
    const latest = (await feed('lead@northshire.example', { first: 1 })).plan!.activity.edges[0]!
      .node;
    expect(latest.summary).toMatch(/ started a revision of the plan$/);
  });

  test('deleting a commitment reads “deleted commitment …”, with no link to what is gone', async () => {
    const lead = await t.as('lead@northshire.example');
    const created = await t.run<{
      result: { data?: { id: string; reference: string; version: number } };
    }>(
      lead,
      `mutation($input: CreateCommitmentInput!) {
        result: createCommitment(input: $input) {
          ... on MutationCreateCommitmentSuccess { data { id reference version } }
        }
      }`,
      { input: { planId, sectionKey: 'health', title: 'A commitment to delete' } },
    );
    const commitment = created.result.data!;
    const deleted = await t.run<{ result: { __typename: string } }>(
      lead,
      `mutation($input: DeleteCommitmentInput!) {
        result: deleteCommitment(input: $input) { __typename }
      }`,
      { input: { id: commitment.id, version: commitment.version } },
    );
    expect(deleted.result.__typename).toBe('MutationDeleteCommitmentSuccess');

    const latest = (await feed('viewer@northshire.example', { first: 1 })).plan!.activity.edges[0]!
      .node;
    expect(latest).toMatchObject({
      action: 'commitment.delete',
      summary: `${latest.actorName} (${latest.organisationName}) deleted commitment ${commitment.reference}`,
      path: null,
    });
  });

  test('another partnership sees no feed', async () => {
    expect((await feed('lead@southvale.example')).plan).toBeNull();
  });
});
