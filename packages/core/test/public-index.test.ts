// The public index of published plans and the publications behind its feed: readable with no
// session, listing only public versions (never a draft, a version in review or a revision under
// way), searchable by a local authority's name or code.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RequestContext } from '../src/index.ts';
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
let signedOut: RequestContext;

interface Entry {
  partnershipSlug: string;
  partnershipName: string;
  localAuthorityCodes: string[];
  title: string;
  version: number;
  superseded: boolean;
  path: string;
  planPath: string;
}
const ENTRY =
  'partnershipSlug partnershipName localAuthorityCodes title version superseded path planPath';
const INDEX = `query($search: String, $first: Int, $offset: Int) {
  publishedPlans(search: $search, first: $first, offset: $offset) { totalCount entries { ${ENTRY} } } }`;
const FEED = `query($first: Int) { recentPublications(first: $first) { ${ENTRY} publishedAt } }`;

async function index(variables: { search?: string; first?: number; offset?: number } = {}) {
  return (
    await t.run<{ publishedPlans: { totalCount: number; entries: Entry[] } }>(
      signedOut,
      INDEX,
      variables,
    )
  ).publishedPlans;
}
const northshireEntries = async (search?: string) =>
  (await index(search === undefined ? {} : { search })).entries.filter(
    (e) => e.partnershipSlug === 'northshire',
  );
async function feed() {
  return (
    await t.run<{ recentPublications: Array<Entry & { publishedAt: string }> }>(signedOut, FEED, {})
  ).recentPublications.filter((e) => e.partnershipSlug === 'northshire');
}

beforeAll(async () => {
  t = await bootCore();
  signedOut = await t.core.contextForSession(undefined);
  const found = await northshirePlan(t);
  planId = found.planId;
  await clearSubmissionBlockers(t, planId, found.areas);
});
afterAll(() => t?.close());

describe('publishedPlans and recentPublications', () => {
  test('a draft and a version in review are never listed', async () => {
    expect(await northshireEntries()).toEqual([]);
    expect(await feed()).toEqual([]);
    await submitAndSignOff(t, planId);
    // Signed off, not yet published: still nothing public.
    expect(await northshireEntries()).toEqual([]);
    expect(await feed()).toEqual([]);
  });

  test('a published plan is listed with its public addresses, and found by name or code', async () => {
    expect((await mutate(t, LEAD, 'publishPlan', { planId, confirmed: true })).__typename).toBe(
      'MutationPublishPlanSuccess',
    );
    const [entry] = await northshireEntries();
    expect(entry).toMatchObject({
      partnershipName: 'Northshire SEND and AP Partnership',
      version: 1,
      superseded: false,
      path: `${entry!.planPath}/1`,
    });
    expect(entry!.planPath).toMatch(/^\/published\/northshire\/[\w-]+$/);
    expect(entry!.title.length).toBeGreaterThan(0);

    // The partnership's name, its council's name, a local authority code, in any case.
    for (const search of [
      'northshire',
      'NORTHSHIRE COUNTY COUNCIL',
      entry!.localAuthorityCodes[0]!,
    ])
      expect(await northshireEntries(search)).toHaveLength(1);
    for (const search of ['Southvale', 'E10000001', 'zzz'])
      expect(await northshireEntries(search)).toEqual([]);

    const [published] = await feed();
    expect(published).toMatchObject({ version: 1, superseded: false });
    expect(Date.parse(published!.publishedAt)).not.toBeNaN();
  });

  test('a revision keeps the published version listed; republishing lists the new one and feeds both', async () => {
    expect((await mutate(t, LEAD, 'startRevision', { planId })).__typename).toBe(
      'MutationStartRevisionSuccess',
    );
    expect((await northshireEntries()).map((e) => e.version)).toEqual([1]);
    await submitAndSignOff(t, planId);
    expect((await mutate(t, LEAD, 'publishPlan', { planId, confirmed: true })).__typename).toBe(
      'MutationPublishPlanSuccess',
    );
    expect((await northshireEntries()).map((e) => e.version)).toEqual([2]);
    // The feed announces each publication, newest first; the older is marked superseded.
    expect((await feed()).map((e) => [e.version, e.superseded])).toEqual([
      [2, false],
      [1, true],
    ]);
  });

  test('pages: a count of every match, and bad paging or search is refused with a reason', async () => {
    const all = await index({ first: 100 });
    expect(all.totalCount).toBe(all.entries.length);
    const second = await index({ first: 1, offset: all.totalCount });
    expect(second).toEqual({ totalCount: all.totalCount, entries: [] });

    for (const [variables, message] of [
      [{ first: 0 }, 'Ask for between 1 and 100 plans'],
      [{ first: 101 }, 'Ask for between 1 and 100 plans'],
      [{ offset: -1 }, 'Offset must be 0 or more'],
      [{ search: 'x'.repeat(101) }, 'Search must be 100 characters or fewer'],
    ] as const) {
      const result = await t.core.execute({ document: INDEX, variables, context: signedOut });
      expect(result.errors?.[0]).toMatchObject({
        message,
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
  });
});
