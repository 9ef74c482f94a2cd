// The plan overview's counts through the API: Section.commitmentSummary and Plan.commitmentSummary
// (commitments by progress and by rating, counted apart, and by the older one-word RAG status;
// milestones overdue and due within 30 days) and Plan.sectionsComplete,
// checked against the commitments, milestones and readiness the same API lists one by one.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { encodeGlobalId } from '../src/ids.ts';
import { bootCore, type TestCore } from './support/core.ts';

let t: TestCore;
let planId: string;
let health: string;

const LEAD = 'lead@northshire.example';
const ICB = 'icb@northshire.example';
const VIEWER = 'viewer@northshire.example';
const RAGS = ['NOT_STARTED', 'RED', 'AMBER', 'GREEN', 'COMPLETE'];
const PROGRESS = ['NOT_STARTED', 'IN_PROGRESS', 'COMPLETE'];
const RATINGS = ['RED', 'AMBER', 'GREEN', null];

interface Summary {
  total: number;
  byProgress: { progress: string; count: number }[];
  byDeliveryRating: { rating: string | null; count: number }[];
  byRating: { rating: string; count: number }[];
  overdueMilestones: number;
  dueSoonMilestones: number;
}
interface Overview {
  plan: {
    sectionsComplete: number;
    commitmentSummary: Summary;
    sections: {
      key: string;
      status: string;
      isReady: boolean;
      readiness: { passed: boolean }[];
      commitmentSummary: Summary;
    }[];
    commitments: {
      pageInfo: { hasNextPage: boolean };
      edges: {
        node: {
          ragStatus: string;
          progress: string;
          rating: string | null;
          section: { key: string };
          milestones: { dueDate: string; isComplete: boolean; isOverdue: boolean }[];
        };
      }[];
    };
  } | null;
}

const SUMMARY = `total byProgress { progress count } byDeliveryRating { rating count } byRating { rating count } overdueMilestones dueSoonMilestones`;
const OVERVIEW = /* GraphQL */ `
  query ($id: ID!) {
    plan(id: $id) {
      sectionsComplete
      commitmentSummary { ${SUMMARY} }
      sections { key status isReady readiness { passed } commitmentSummary { ${SUMMARY} } }
      commitments(first: 50) {
        pageInfo { hasNextPage }
        edges { node { ragStatus progress rating section { key } milestones { dueDate isComplete isOverdue } } }
      }
    }
  }
`;
const CREATE_MILESTONE = /* GraphQL */ `
  mutation ($input: CreateMilestoneInput!) {
    result: createMilestone(input: $input) {
      __typename
      ... on MutationCreateMilestoneSuccess {
        data {
          id
          version
        }
      }
    }
  }
`;
const CREATE_COMMITMENT = /* GraphQL */ `
  mutation ($input: CreateCommitmentInput!) {
    result: createCommitment(input: $input) {
      __typename
      ... on MutationCreateCommitmentSuccess {
        data {
          progress
          rating
        }
      }
    }
  }
`;
const COMPLETE_MILESTONE = /* GraphQL */ `
  mutation ($input: CompleteMilestoneInput!) {
    result: completeMilestone(input: $input) {
      __typename
    }
  }
`;

async function overview(email: string): Promise<Overview['plan']> {
  return (await t.run<Overview>(await t.as(email), OVERVIEW, { id: planId })).plan;
}

/** A UK calendar date `days` from today, as the API writes dates. */
function ukDate(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
  const date = new Date(`${today}T00:00:00.000Z`);
  return new Date(date.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/** The summary counted by hand from commitments as the API lists them one by one. */
function countedByHand(
  commitments: NonNullable<Overview['plan']>['commitments']['edges'],
  today: string,
): Summary {
  const soon = ukDate(30);
  const milestones = commitments.flatMap((c) => c.node.milestones.filter((m) => !m.isComplete));
  return {
    total: commitments.length,
    byProgress: PROGRESS.map((progress) => ({
      progress,
      count: commitments.filter((c) => c.node.progress === progress).length,
    })),
    byDeliveryRating: RATINGS.map((rating) => ({
      rating,
      count: commitments.filter((c) => c.node.rating === rating).length,
    })),
    byRating: RAGS.map((rating) => ({
      rating,
      count: commitments.filter((c) => c.node.ragStatus === rating).length,
    })),
    overdueMilestones: milestones.filter((m) => m.isOverdue).length,
    dueSoonMilestones: milestones.filter((m) => m.dueDate >= today && m.dueDate <= soon).length,
  };
}

beforeAll(async () => {
  t = await bootCore();
  const plan = await t.db.prisma.plan.findFirstOrThrow({
    where: { partnership: { slug: 'northshire' } },
    orderBy: { createdAt: 'asc' },
  });
  planId = encodeGlobalId('Plan', plan.id);
  const first = await t.db.prisma.commitment.findFirstOrThrow({
    where: { planId: plan.id, section: { key: 'health' } },
    orderBy: { reference: 'asc' },
  });
  health = encodeGlobalId('Commitment', first.id);
});
afterAll(() => t?.close());

describe('commitment summaries', () => {
  test('the plan and each section count commitments by RAG status as the commitments list them', async () => {
    const plan = (await overview(LEAD))!;
    const all = plan.commitments.edges;
    expect(plan.commitments.pageInfo.hasNextPage).toBe(false);
    expect(all.length).toBeGreaterThan(0);
    expect(plan.commitmentSummary).toEqual(countedByHand(all, ukDate(0)));
    expect(plan.commitmentSummary.byRating.map((r) => r.rating)).toEqual(RAGS);
    expect(plan.commitmentSummary.byProgress.map((r) => r.progress)).toEqual(PROGRESS);
    expect(plan.commitmentSummary.byDeliveryRating.map((r) => r.rating)).toEqual(RATINGS);
    for (const section of plan.sections) {
      const own = all.filter((c) => c.node.section.key === section.key);
      expect(section.commitmentSummary, section.key).toEqual(countedByHand(own, ukDate(0)));
    }
    // The sections add up to the plan.
    const sum = plan.sections.reduce((n, s) => n + s.commitmentSummary.total, 0);
    expect(sum).toBe(plan.commitmentSummary.total);
  });

  test('a commitment in progress but not rated counts as in progress and not rated, not as not started', async () => {
    const before = (await overview(LEAD))!;
    const count = (s: Summary) => ({
      inProgress: s.byProgress.find((p) => p.progress === 'IN_PROGRESS')!.count,
      notStarted: s.byProgress.find((p) => p.progress === 'NOT_STARTED')!.count,
      notRated: s.byDeliveryRating.find((r) => r.rating === null)!.count,
    });
    const created = await t.run<{
      result: { __typename: string; data?: { progress: string; rating: string | null } };
    }>(await t.as(ICB), CREATE_COMMITMENT, {
      input: {
        planId,
        sectionKey: 'health',
        title: 'Under way, not yet rated',
        progress: 'IN_PROGRESS',
        rating: null,
      },
    });
    expect(created.result.__typename).toBe('MutationCreateCommitmentSuccess');
    expect(created.result.data).toEqual({ progress: 'IN_PROGRESS', rating: null });

    const after = (await overview(LEAD))!;
    const [was, is] = [count(before.commitmentSummary), count(after.commitmentSummary)];
    expect(is).toEqual({
      inProgress: was.inProgress + 1,
      notStarted: was.notStarted,
      notRated: was.notRated + 1,
    });
    const healthWas = count(before.sections.find((s) => s.key === 'health')!.commitmentSummary);
    const healthIs = count(after.sections.find((s) => s.key === 'health')!.commitmentSummary);
    expect(healthIs.inProgress).toBe(healthWas.inProgress + 1);
    expect(healthIs.notStarted).toBe(healthWas.notStarted);
    // Each reading adds up to the total.
    for (const s of [after.commitmentSummary, ...after.sections.map((x) => x.commitmentSummary)]) {
      expect(s.byProgress.reduce((n, p) => n + p.count, 0)).toBe(s.total);
      expect(s.byDeliveryRating.reduce((n, r) => n + r.count, 0)).toBe(s.total);
    }
    expect(after.commitmentSummary).toEqual(countedByHand(after.commitments.edges, ukDate(0)));
  });

  test('milestones count as overdue or due soon until they are done; later ones do not count', async () => {
    const before = (await overview(LEAD))!;
    const healthBefore = before.sections.find((s) => s.key === 'health')!.commitmentSummary;
    const add = async (title: string, days: number) => {
      const r = await t.run<{
        result: { __typename: string; data?: { id: string; version: number } };
      }>(await t.as(ICB), CREATE_MILESTONE, {
        input: { commitmentId: health, title, dueDate: ukDate(days) },
      });
      expect(r.result.__typename).toBe('MutationCreateMilestoneSuccess');
      return r.result.data!;
    };
    await add('Overdue step', -3);
    await add('Due today', 0);
    await add('Due in 30 days', 30);
    await add('Due in 31 days', 31);
    const done = await add('Overdue but done', -10);
    const completed = await t.run<{ result: { __typename: string } }>(
      await t.as(ICB),
      COMPLETE_MILESTONE,
      { input: { id: done.id, version: done.version } },
    );
    expect(completed.result.__typename).toBe('MutationCompleteMilestoneSuccess');

    const after = (await overview(LEAD))!;
    const healthAfter = after.sections.find((s) => s.key === 'health')!.commitmentSummary;
    expect(healthAfter.overdueMilestones).toBe(healthBefore.overdueMilestones + 1);
    expect(healthAfter.dueSoonMilestones).toBe(healthBefore.dueSoonMilestones + 2);
    expect(healthAfter.total).toBe(healthBefore.total);
    expect(after.commitmentSummary.overdueMilestones).toBe(
      before.commitmentSummary.overdueMilestones + 1,
    );
    expect(after.commitmentSummary.dueSoonMilestones).toBe(
      before.commitmentSummary.dueSoonMilestones + 2,
    );
    expect(after.commitmentSummary).toEqual(countedByHand(after.commitments.edges, ukDate(0)));
  });

  test('sectionsComplete counts the sections whose readiness checks all pass', async () => {
    const plan = (await overview(LEAD))!;
    const complete = plan.sections.filter((s) =>
      s.readiness.length > 0 ? s.isReady : s.status === 'COMPLETE',
    ).length;
    expect(plan.sectionsComplete).toBe(complete);
    expect(plan.sectionsComplete).toBeLessThan(plan.sections.length);
  });

  test('every member sees the same counts; another partnership sees no plan', async () => {
    const lead = (await overview(LEAD))!;
    expect((await overview(VIEWER))!.commitmentSummary).toEqual(lead.commitmentSummary);
    expect((await overview(ICB))!.sections.map((s) => s.commitmentSummary)).toEqual(
      lead.sections.map((s) => s.commitmentSummary),
    );
    expect(await overview('lead@southvale.example')).toBeNull();
  });
});
