// Section.commitmentPage: a section's commitments filtered (RAG status, owner organisation,
// standard area, words) and paged by number, checked against the same commitments listed whole and
// filtered by hand; bad page numbers are refused.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bootCore, type TestCore } from './support/core.ts';
import { CREATE, PLAN, type MutationResult, type PlanData } from './support/queries.ts';

let t: TestCore;
let planId: string;
let areas: { id: string; code: string }[];
const ICB = 'icb@northshire.example';
const PROBES = 25;

interface Listed {
  id: string;
  reference: string;
  title: string;
  description: string;
  ragStatus: string;
  ownerOrganisation: { id: string } | null;
  standards: { id: string }[];
}
const NODE = 'id reference title description ragStatus ownerOrganisation { id } standards { id }';

const ALL = /* GraphQL */ `
  query ($planId: ID!) {
    plan(id: $planId) { commitments(sectionKey: "health", first: 100) { edges { node { ${NODE} } } } }
  }
`;
const PAGE = /* GraphQL */ `
  query ($planId: ID!, $filter: CommitmentFilter, $page: Int, $perPage: Int) {
    plan(id: $planId) {
      section(key: "health") {
        commitmentPage(filter: $filter, page: $page, perPage: $perPage) {
          page perPage totalCount nodes { ${NODE} }
        }
      }
    }
  }
`;
interface PageData {
  plan: {
    section: {
      commitmentPage: { page: number; perPage: number; totalCount: number; nodes: Listed[] };
    };
  };
}

async function all(): Promise<Listed[]> {
  const data = await t.run<{
    plan: { commitments: { edges: { node: Listed }[] } };
  }>(await t.as(ICB), ALL, { planId });
  return data.plan.commitments.edges.map((e) => e.node);
}

async function page(variables: Record<string, unknown>) {
  return (await t.run<PageData>(await t.as(ICB), PAGE, { planId, ...variables })).plan.section
    .commitmentPage;
}

/** Every page of a filter, 20 at a time: what the list page would show, one after another. */
async function everyPage(filter: Record<string, unknown>): Promise<Listed[]> {
  const first = await page({ filter, page: 1, perPage: 20 });
  const pages = Math.ceil(first.totalCount / 20);
  const rest = [];
  for (let p = 2; p <= pages; p++)
    rest.push(...(await page({ filter, page: p, perPage: 20 })).nodes);
  return [...first.nodes, ...rest];
}

beforeAll(async () => {
  t = await bootCore();
  const plan = (await t.run<PlanData>(await t.as(ICB), PLAN)).partnerships.edges[0]!.node.plans
    .edges[0]!.node;
  planId = plan.id;
  areas = plan.framework.areas;
  // Enough commitments for two pages, with ratings, progress and standards that differ.
  for (let i = 1; i <= PROBES; i++) {
    const result = await t.core.execute<MutationResult<{ id: string }>>({
      document: CREATE,
      variables: {
        input: {
          planId,
          sectionKey: 'health',
          title: `Paging probe ${i}`,
          description: i % 5 === 0 ? 'Includes speech therapy' : null,
          progress: i % 4 === 0 ? 'COMPLETE' : 'IN_PROGRESS',
          rating: i % 3 === 0 ? 'RED' : i % 3 === 1 ? 'GREEN' : null,
          standardAreaIds: i % 2 === 0 ? [areas[0]!.id] : [areas[1]!.id],
        },
      },
      context: await t.as(ICB),
    });
    expect(result.errors).toBeUndefined();
    expect(result.data!.result.__typename).toBe('MutationCreateCommitmentSuccess');
  }
});
afterAll(() => t?.close());

describe('Section.commitmentPage', () => {
  test('pages of 20 list every commitment once, in the order the section lists them', async () => {
    const listed = await all();
    expect(listed.length).toBeGreaterThan(PROBES);
    const first = await page({ page: 1, perPage: 20 });
    expect(first).toMatchObject({ page: 1, perPage: 20, totalCount: listed.length });
    expect(first.nodes).toHaveLength(20);
    expect((await everyPage({})).map((c) => c.id)).toEqual(listed.map((c) => c.id));
    // Past the last page: none, and still the count.
    const past = await page({ page: 99, perPage: 20 });
    expect(past.nodes).toEqual([]);
    expect(past.totalCount).toBe(listed.length);
  });

  test('each filter, and filters together, match what filtering by hand finds', async () => {
    const listed = await all();
    const owner = listed.find((c) => c.ownerOrganisation)?.ownerOrganisation?.id;
    expect(owner).toBeDefined();
    const words = (c: Listed) => `${c.reference} ${c.title} ${c.description}`.toLowerCase();
    const cases: { filter: Record<string, unknown>; keep: (c: Listed) => boolean }[] = [
      ...['NOT_STARTED', 'RED', 'AMBER', 'GREEN', 'COMPLETE'].map((rag) => ({
        filter: { ragStatus: rag },
        keep: (c: Listed) => c.ragStatus === rag,
      })),
      { filter: { ownerOrganisationId: owner }, keep: (c) => c.ownerOrganisation?.id === owner },
      {
        filter: { standardAreaId: areas[0]!.id },
        keep: (c) => c.standards.some((s) => s.id === areas[0]!.id),
      },
      // Every word, anywhere in the reference, title or description, whatever the case.
      {
        filter: { search: '  PROBE   1 ' },
        keep: (c) => words(c).includes('probe') && words(c).includes('1'),
      },
      {
        filter: { search: 'speech therapy' },
        keep: (c) => /speech/.test(words(c)) && /therapy/.test(words(c)),
      },
      {
        filter: { ragStatus: 'RED', standardAreaId: areas[0]!.id, search: 'probe' },
        keep: (c) =>
          c.ragStatus === 'RED' &&
          c.standards.some((s) => s.id === areas[0]!.id) &&
          words(c).includes('probe'),
      },
    ];
    for (const { filter, keep } of cases) {
      const expected = listed.filter(keep).map((c) => c.id);
      expect(expected.length, JSON.stringify(filter)).toBeGreaterThan(0);
      const found = await everyPage(filter);
      expect(
        found.map((c) => c.id),
        JSON.stringify(filter),
      ).toEqual(expected);
      expect((await page({ filter })).totalCount).toBe(expected.length);
    }
    // Not an id of an organisation or a standard area: nothing matches.
    expect((await page({ filter: { ownerOrganisationId: areas[0]!.id } })).totalCount).toBe(0);
    expect((await page({ filter: { standardAreaId: 'not-an-id' } })).totalCount).toBe(0);
    // A filter nothing matches: an empty page, a count of 0.
    expect(await page({ filter: { search: 'no commitment says this' } })).toMatchObject({
      totalCount: 0,
      nodes: [],
    });
  });

  test('a page below 1 or a page size out of range is refused', async () => {
    for (const variables of [{ page: 0 }, { page: -3 }, { perPage: 0 }, { perPage: 101 }]) {
      const result = await t.core.execute({
        document: PAGE,
        variables: { planId, ...variables },
        context: await t.as(ICB),
      });
      expect(result.errors?.length, JSON.stringify(variables)).toBeGreaterThan(0);
    }
  });
});
