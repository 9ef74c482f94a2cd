// The public published plan and the Publication it carries: readable with no session, only for
// published or superseded versions (never a draft or a version under review), and with disclosure
// control applied to every figure before it leaves core.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { LipPlugin, RequestContext } from '../src/index.ts';
import type { Publication } from '../src/snapshot.ts';
import { bootCore, type TestCore } from './support/core.ts';
import { testPlugins } from './support/plugins.ts';
import {
  clearSubmissionBlockers,
  LEAD,
  mutate,
  northshirePlan,
  submitAndSignOff,
} from './support/workflow.ts';

const databaseId = (globalId: string) =>
  Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1]!;

let t: TestCore;
let planId: string;
let signedOut: RequestContext;

const PUBLISHED = `query($slug: String!, $id: ID!, $version: Int) { publishedPlan(partnershipSlug: $slug, planId: $id, version: $version) {
  planId title partnershipName version state publishedAt supersededBy publicationJson } }`;
interface Published {
  planId: string;
  title: string;
  partnershipName: string;
  version: number;
  state: string;
  publishedAt: string;
  supersededBy: number | null;
  publicationJson: string;
}
async function published(
  version?: number,
  slug = 'northshire',
  id = planId,
  ctx = signedOut,
): Promise<Published | null> {
  return (await t.run<{ publishedPlan: Published | null }>(ctx, PUBLISHED, { slug, id, version }))
    .publishedPlan;
}

// The alternative provision section with fields the way @lip/plugin-sdk gives them (core never
// imports the SDK): a term's pupil movements (counts of children, one group per row) and an
// officer's direct email that is not for publication. `publishFields` receives the partnership's
// rule from core and must protect each group through it.
interface Movement {
  term: string;
  intoAp: number | null;
  returned: number | null;
}
const apData = (data: Record<string, unknown>) => ({
  movements: (Array.isArray(data.movements) ? data.movements : []) as Movement[],
  officerEmail: typeof data.officerEmail === 'string' ? data.officerEmail : '',
});
const describeMovements = (rows: Array<{ term: string; intoAp: unknown; returned: unknown }>) =>
  rows
    .map((r) => `Term: ${r.term}\nInto AP: ${String(r.intoAp)}\nReturned: ${String(r.returned)}`)
    .join('\n\n');
const plugins: LipPlugin[] = testPlugins.map((plugin) =>
  plugin.id !== 'alternative-provision'
    ? plugin
    : {
        ...plugin,
        sections: plugin.sections!.map((section) => ({
          ...section,
          describeFields: (data) => [
            {
              key: 'movements',
              label: 'Movements',
              value: describeMovements(apData(data).movements),
            },
            { key: 'officerEmail', label: 'Officer email', value: apData(data).officerEmail },
          ],
          publishFields: (data, protect) => {
            let suppressed = false;
            const rows = apData(data).movements.map((row) => {
              const [intoAp, returned] = protect([row.intoAp, row.returned]);
              suppressed ||= intoAp === 'c' || returned === 'c';
              return { term: row.term, intoAp, returned };
            });
            return [
              {
                key: 'movements',
                label: 'Movements',
                value: describeMovements(rows),
                ...(suppressed ? { symbol: 'c' as const } : {}),
              },
            ];
          },
        })),
      },
);

beforeAll(async () => {
  t = await bootCore(plugins);
  signedOut = await t.core.contextForSession(undefined);
  const found = await northshirePlan(t);
  planId = found.planId;
  await clearSubmissionBlockers(t, planId, found.areas);

  // Figures come in through the observations import (another module); here they are written
  // directly: a local count metric with a target, a local total of 40 split 3 / 37 by SEN status,
  // and the partnership's disclosure setting (suppress counts below 5).
  const partnershipId = 'demo-partnership-northshire';
  await t.db.prisma.partnership.update({
    where: { id: partnershipId },
    data: { smallNumberThreshold: 5 },
  });
  await t.db.prisma.metric.create({
    data: {
      id: 'TEST-EXCL',
      partnershipId,
      theme: 'Inclusion',
      title: 'Permanent exclusions of pupils with SEND',
      unit: 'count',
      polarity: 'LOWER_BETTER',
      periodType: 'ACADEMIC_YEAR',
      status: 'LOCAL',
    },
  });
  await t.db.prisma.metricTarget.create({
    data: {
      planId: databaseId(planId),
      metricId: 'TEST-EXCL',
      // Worse than the baseline (40 against 30, lower is better): rated red.
      baselineValue: 30,
      baselinePeriod: '202324',
      targetValue: 10,
      targetPeriod: '202728',
      commentary:
        'Exclusions rose after the pandemic; the inclusion support team starts in September.',
    },
  });
  const observation = {
    partnershipId,
    metricId: 'TEST-EXCL',
    geographyLevel: 'LOCAL_AUTHORITY' as const,
    geographyCode: 'E10000099',
    period: '202526',
  };
  await t.db.prisma.section.updateMany({
    where: { planId: databaseId(planId), key: 'alternative-provision' },
    data: {
      data: {
        'alternative-provision': {
          officerEmail: 'sam.patel@northshire.example',
          movements: [
            { term: 'Autumn 2025', intoAp: 3, returned: 12 },
            { term: 'Spring 2026', intoAp: 22, returned: 9 },
          ],
        },
      },
    },
  });
  await t.db.prisma.metricObservation.createMany({
    data: [
      { ...observation, breakdown: '', value: 40 },
      { ...observation, breakdown: 'sen_status:EHC plan', value: 3 },
      { ...observation, breakdown: 'sen_status:SEN support', value: 37 },
    ],
  });
});
afterAll(() => t?.close());

describe('publishedPlan', () => {
  test('nothing is public while the plan is a draft or under review', async () => {
    expect(await published()).toBeNull();
    expect((await mutate(t, LEAD, 'submitPlan', { planId })).__typename).toBe(
      'MutationSubmitPlanSuccess',
    );
    expect(await published()).toBeNull();
    expect(await published(1)).toBeNull();
    // Members see the version under review; the public does not, even signed in as a member.
    expect(await published(1, 'northshire', planId, await t.as(LEAD))).toBeNull();
    expect((await mutate(t, LEAD, 'withdrawPlan', { planId, reason: 'Not yet' })).__typename).toBe(
      'MutationWithdrawPlanSuccess',
    );
  });

  test('a published version is readable with no session, with its public path', async () => {
    const number = await submitAndSignOff(t, planId);
    expect(number).toBe(2);
    expect((await mutate(t, LEAD, 'publishPlan', { planId, confirmed: true })).__typename).toBe(
      'MutationPublishPlanSuccess',
    );
    const plan = (await published())!;
    expect(plan).toMatchObject({
      planId,
      partnershipName: 'Northshire SEND and AP Partnership',
      version: 2,
      state: 'PUBLISHED',
      publishedAt: expect.any(String),
      supersededBy: null,
    });
    const publication = JSON.parse(plan.publicationJson) as Publication;
    expect(publication.version).toMatchObject({
      number: 2,
      state: 'PUBLISHED',
      publicPath: '/published/northshire/2026-29/2',
    });
    expect(publication.version.signOffs.map((s) => s.decision).sort()).toEqual([
      'ACKNOWLEDGED',
      'APPROVED',
      'APPROVED',
      'APPROVED',
    ]);
    // The withdrawn version 1 never becomes public.
    expect(await published(1)).toBeNull();
  });

  test('a plan is found by its readable address, in its own partnership only', async () => {
    const BY_SLUG = `query($slug: String!, $plan: String!, $version: Int) {
      publishedPlan(partnershipSlug: $slug, planSlug: $plan, version: $version) {
        planId planSlug version path planPath } }`;
    const bySlug = async (plan: string, version?: number, slug = 'northshire') =>
      (
        await t.run<{ publishedPlan: Record<string, unknown> | null }>(signedOut, BY_SLUG, {
          slug,
          plan,
          version,
        })
      ).publishedPlan;
    // The demo plan runs from September 2026 to August 2029.
    expect(await bySlug('2026-29')).toEqual({
      planId,
      planSlug: '2026-29',
      version: 2,
      path: '/published/northshire/2026-29/2',
      planPath: '/published/northshire/2026-29',
    });
    expect(await bySlug('2026-29', 2)).toMatchObject({ version: 2 });
    expect(await bySlug('2026-29', 1)).toBeNull();
    expect(await bySlug('2026-30')).toBeNull();
    // Southvale's plan has the same years, and is not published: Northshire's never answers there.
    expect(await bySlug('2026-29', undefined, 'southvale')).toBeNull();
  });

  test('small counts come out as "c", with the cell that would reveal them, in public and members’ JSON alike', async () => {
    const { plan } = await t.run<{
      plan: { planVersion: { publicationJson: string; publicPath: string } };
    }>(
      await t.as(LEAD),
      `query($id: ID!) { plan(id: $id) { planVersion(number: 2) { publicationJson publicPath } } }`,
      { id: planId },
    );
    expect(plan.planVersion.publicPath).toBe('/published/northshire/2026-29/2');
    for (const json of [(await published())!.publicationJson, plan.planVersion.publicationJson]) {
      const metric = (JSON.parse(json) as Publication).snapshot.metrics.find(
        (m) => m.metricId === 'TEST-EXCL',
      )!;
      expect(metric).toMatchObject({
        metricId: 'TEST-EXCL',
        rag: 'RED',
        target: { value: '10', period: '202728' },
      });
      const byBreakdown = Object.fromEntries(metric.observations.map((o) => [o.breakdown, o]));
      expect(byBreakdown['']).toMatchObject({ value: '40', symbol: null });
      // 3 is below the threshold; 37 would give it away as 40 − 37, so it goes too.
      for (const hidden of ['sen_status:EHC plan', 'sen_status:SEN support']) {
        expect(byBreakdown[hidden]).toMatchObject({
          symbol: 'c',
          value: null,
          numerator: null,
          denominator: null,
        });
      }
      expect(JSON.stringify(metric)).not.toContain('"3"');
    }
    // The frozen snapshot itself keeps the figures: disclosure control happens on the way out.
    const stored = await t.db.prisma.planVersion.findFirstOrThrow({
      where: { planId: databaseId(planId), number: 2 },
    });
    expect(JSON.stringify(stored.snapshot)).toContain('"value":"3"');
  });

  test('plugin counts of children come out as "c" or rounded, and not-for-publication fields not at all', async () => {
    const section = (publication: Publication) =>
      publication.snapshot.sections.find((s) => s.key === 'alternative-provision')!;
    const v2 = section(JSON.parse((await published(2))!.publicationJson) as Publication);
    // 3 into AP is below the threshold of 5; 12 returned beside it would give it away from the term's total.
    expect(v2.fields).toEqual([
      {
        key: 'movements',
        label: 'Movements',
        value:
          'Term: Autumn 2025\nInto AP: c\nReturned: c\n\nTerm: Spring 2026\nInto AP: 22\nReturned: 9',
        symbol: 'c',
      },
    ]);
    expect(JSON.stringify(v2)).not.toContain('sam.patel');
    expect(JSON.stringify(v2)).not.toContain('publishedFields');
    // Members comparing versions still see what was written: the frozen snapshot keeps it.
    const stored = await t.db.prisma.planVersion.findFirstOrThrow({
      where: { planId: databaseId(planId), number: 2 },
    });
    expect(JSON.stringify(stored.snapshot)).toContain('sam.patel@northshire.example');
  });

  test('is null for another partnership’s slug, an unknown plan or a garbage id', async () => {
    expect(await published(undefined, 'southvale')).toBeNull();
    expect(
      await published(undefined, 'northshire', Buffer.from('Plan:nope').toString('base64url')),
    ).toBeNull();
    expect(await published(undefined, 'northshire', 'not-an-id')).toBeNull();
  });

  test('a revision in progress is never public; the published version stays until the next is published', async () => {
    expect((await mutate(t, LEAD, 'startRevision', { planId })).__typename).toBe(
      'MutationStartRevisionSuccess',
    );
    expect((await published())!.version).toBe(2);
    const number = await submitAndSignOff(t, planId);
    expect(number).toBe(3);
    // Signed off but not yet published: still version 2.
    expect(await published(3)).toBeNull();
    expect((await published())!.version).toBe(2);
    expect((await mutate(t, LEAD, 'publishPlan', { planId, confirmed: true })).__typename).toBe(
      'MutationPublishPlanSuccess',
    );
    expect((await published())!.version).toBe(3);
    expect(await published(2)).toMatchObject({ version: 2, state: 'SUPERSEDED', supersededBy: 3 });
  });

  test('members’ version fields stay private: a signed-out viewer cannot read the plan', async () => {
    const { plan } = await t.run<{ plan: unknown }>(
      signedOut,
      `query($id: ID!) { plan(id: $id) { versions { number } } }`,
      { id: planId },
    );
    expect(plan).toBeNull();
  });
});
