// One truth for a target's RAG: the dashboard, the API's rating, the members' export and the
// published plan measure a target against the same local figure. HLT-02 is a health metric, so it
// is measured over the ICB's footprint; a newer local authority figure for it must not win in
// one place and lose in another (it once did: the frozen snapshot looked at local authorities
// only and said "No data" where the dashboard said "Green").
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

// As plugins/health does: its metric pack makes HLT-02 a health metric.
const plugins: LipPlugin[] = testPlugins.map((plugin) =>
  plugin.id === 'health'
    ? ({ ...plugin, metrics: { uses: ['HLT-01', 'HLT-02', 'HLT-03'] } } satisfies LipPlugin)
    : plugin,
);

let t: TestCore;
let planId: string;
let signedOut: RequestContext;

beforeAll(async () => {
  t = await bootCore(plugins);
  signedOut = await t.core.contextForSession(undefined);
  const found = await northshirePlan(t);
  planId = found.planId;
  await clearSubmissionBlockers(t, planId, found.areas);
  // A later county figure, worse than the baseline: rated against it, HLT-02 would be red.
  await t.db.prisma.metricObservation.create({
    data: {
      partnershipId: 'demo-partnership-northshire',
      metricId: 'HLT-02',
      geographyLevel: 'LOCAL_AUTHORITY',
      geographyCode: 'E10000099',
      period: '2025-04',
      breakdown: '',
      value: 50,
    },
  });
});
afterAll(() => t?.close());

/** The rated figure of a published metric: the observation its `latest` names. */
function ratedFigure(publication: Publication, metricId: string) {
  const metric = publication.snapshot.metrics.find((m) => m.metricId === metricId)!;
  const observation = metric.latest
    ? metric.observations.find(
        (o) =>
          o.breakdown === '' &&
          o.geographyLevel === metric.latest!.geographyLevel &&
          o.geographyCode === metric.latest!.geographyCode &&
          o.period === metric.latest!.period,
      )
    : undefined;
  return { rag: metric.rag, period: observation?.period, value: observation?.value };
}

describe('a target’s RAG', () => {
  test('is the same on the dashboard, in the API, in the members’ export and on the published page', async () => {
    const lead = await t.as(LEAD);
    const { node } = await t.run<{
      node: {
        dashboard: {
          items: {
            metric: { id: string };
            rag: string;
            latest: { period: string; value: string } | null;
          }[];
        };
        metricTargets: { metric: { id: string }; rag: string }[];
      };
    }>(
      lead,
      `query($id: ID!) { node(id: $id) { ... on Plan {
        dashboard { items { metric { id } rag latest { period value } } }
        metricTargets { metric { id } rag } } } }`,
      { id: planId },
    );
    const item = node.dashboard.items.find((i) => i.metric.id === 'HLT-02')!;
    expect(item).toMatchObject({ rag: 'GREEN', latest: { period: '2025-03', value: '29.4' } });
    expect(node.metricTargets.find((x) => x.metric.id === 'HLT-02')!.rag).toBe('GREEN');

    await submitAndSignOff(t, planId);
    expect((await mutate(t, LEAD, 'publishPlan', { planId, confirmed: true })).__typename).toBe(
      'MutationPublishPlanSuccess',
    );
    const { publishedPlan } = await t.run<{
      publishedPlan: { version: number; publicationJson: string };
    }>(
      signedOut,
      `query($slug: String!, $id: ID!) { publishedPlan(partnershipSlug: $slug, planId: $id) { version publicationJson } }`,
      { slug: 'northshire', id: planId },
    );
    const { plan } = await t.run<{ plan: { planVersion: { publicationJson: string } } }>(
      lead,
      `query($id: ID!, $n: Int!) { plan(id: $id) { planVersion(number: $n) { publicationJson } } }`,
      { id: planId, n: publishedPlan.version },
    );
    const expected = { rag: 'GREEN', period: '2025-03', value: '29.4' };
    for (const json of [publishedPlan.publicationJson, plan.planVersion.publicationJson]) {
      const publication = JSON.parse(json) as Publication;
      expect(ratedFigure(publication, 'HLT-02')).toEqual(expected);
      // Every target agrees with the dashboard, not only this one.
      for (const target of node.metricTargets)
        expect(ratedFigure(publication, target.metric.id).rag).toBe(target.rag);
    }
  });
});
