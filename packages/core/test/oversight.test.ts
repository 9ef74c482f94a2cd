// Oversight: a service administrator grants read-only oversight of a region (or all England); the
// overseer reads the published plans of the partnerships in scope and their submission status,
// never a draft's content, and nothing of a partnership outside the region.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RequestContext } from '../src/index.ts';
import { idOf } from '../src/ids.ts';
import { bootCore, type TestCore } from './support/core.ts';
import {
  clearSubmissionBlockers,
  LEAD,
  mutate,
  northshirePlan,
  submitAndSignOff,
} from './support/workflow.ts';

const OVERSEER = 'oversight@dfe.example';
const ADMIN = 'admin@service.example';

let t: TestCore;
let planId: string;
let areas: { id: string; code: string }[];
let overseer: RequestContext;

interface Row {
  partnershipSlug: string;
  region: string | null;
  planSlug: string | null;
  state: string | null;
  signOffsOutstanding: number;
  publishedTitle: string | null;
  publishedVersion: number | null;
  lastPublishedAt: string | null;
  publicPath: string | null;
  coveredAreas: number | null;
  notApplicableAreas: number | null;
  uncoveredAreas: number | null;
  redTargetsWithCommentary: number | null;
  redTargetsWithoutCommentary: number | null;
}
interface HeatMap {
  areas: { code: string; title: string }[];
  rows: { partnershipSlug: string; published: boolean; cells: string[] }[];
}

const ROWS = `query($region: String, $state: PlanState, $sort: OversightSort) { oversight { name region
  partnerships(region: $region, state: $state, sort: $sort) { partnershipSlug region planSlug state
    signOffsOutstanding publishedTitle publishedVersion lastPublishedAt publicPath coveredAreas
    notApplicableAreas uncoveredAreas redTargetsWithCommentary redTargetsWithoutCommentary } } }`;
const HEAT_MAP = `{ oversight { heatMap { areas { code title } rows { partnershipSlug published cells } } } }`;
const METRIC = `query($code: String!) { oversight { metric(code: $code) { code title unit
  england { geographyCode period value symbol } regions { region figure { period value } }
  partnerships { partnershipSlug figure { geographyCode period value symbol } targetValue rag commentary } } } }`;

async function rows(ctx: RequestContext, variables: Record<string, unknown> = {}) {
  const { oversight } = await t.run<{ oversight: { partnerships: Row[] } | null }>(
    ctx,
    ROWS,
    variables,
  );
  return oversight?.partnerships ?? null;
}
async function heatMap(ctx: RequestContext = overseer) {
  return (await t.run<{ oversight: { heatMap: HeatMap } }>(ctx, HEAT_MAP)).oversight.heatMap;
}

async function grant(ctx: RequestContext, input: Record<string, unknown>) {
  const { result } = await t.run<{
    result: {
      __typename: string;
      message?: string;
      fieldErrors?: { path: string[]; message: string }[];
      data?: { id: string; name: string; region: string | null; userEmail: string };
    };
  }>(
    ctx,
    `mutation($input: GrantOversightInput!) { result: grantOversight(input: $input) { __typename
      ... on Error { message } ... on ValidationError { fieldErrors { path message } }
      ... on MutationGrantOversightSuccess { data { id name region userEmail grantedByName } } } }`,
    { input },
  );
  return result;
}

beforeAll(async () => {
  t = await bootCore();
  overseer = await t.as(OVERSEER);
  ({ planId, areas } = await northshirePlan(t));
});
afterAll(() => t?.close());

describe('oversight scope', () => {
  test('anyone without an oversight membership gets null', async () => {
    const signedOut = await t.core.contextForSession(undefined);
    for (const ctx of [signedOut, await t.as(LEAD), await t.as(ADMIN)])
      expect(await rows(ctx)).toBeNull();
  });

  test('a North West overseer sees Northshire, a draft with nothing published, and never Southvale', async () => {
    const { oversight } = await t.run<{ oversight: { name: string; region: string } }>(
      overseer,
      '{ oversight { name region } }',
    );
    expect(oversight).toEqual({ name: 'DfE North West region', region: 'North West' });
    const all = (await rows(overseer))!;
    expect(all.map((r) => r.partnershipSlug)).toEqual(['northshire']);
    expect(all[0]).toMatchObject({
      region: 'North West',
      state: 'DRAFT',
      signOffsOutstanding: 0,
      publishedTitle: null,
      publishedVersion: null,
      publicPath: null,
      uncoveredAreas: null,
      redTargetsWithoutCommentary: null,
    });
    // Asking for another region inside a regional scope finds nothing, not that region's plans.
    expect(await rows(overseer, { region: 'South East' })).toEqual([]);
    expect(await rows(overseer, { state: 'PUBLISHED' })).toEqual([]);
    // The draft has commitments mapped to areas, but nothing is published: no heat map cells.
    const map = await heatMap();
    expect(map.rows).toEqual([{ partnershipSlug: 'northshire', published: false, cells: [] }]);
    expect(JSON.stringify(map)).not.toContain('southvale');
    // The metric comparison reads publications only: the draft's targets are not there.
    const { oversight: metric } = await t.run<{
      oversight: { metric: { partnerships: unknown[]; england: unknown } };
    }>(overseer, METRIC, { code: 'EHC-01' });
    expect(metric.metric).toMatchObject({ partnerships: [], england: null });
  });

  test('the overseer cannot read the plan itself, as a member would', async () => {
    const { plan } = await t.run<{ plan: unknown }>(
      overseer,
      'query($id: ID!) { plan(id: $id) { id title } }',
      { id: planId },
    );
    expect(plan).toBeNull();
  });
});

describe('submission status and what was published', () => {
  let published: HeatMap;

  test('in partner review the overseer sees the state and sign-offs outstanding, nothing else', async () => {
    await clearSubmissionBlockers(t, planId, areas);
    const submitted = await mutate(t, LEAD, 'submitPlan', { planId });
    expect(submitted.__typename).toBe('MutationSubmitPlanSuccess');
    const [row] = (await rows(overseer))!;
    expect(row).toMatchObject({ state: 'PARTNER_REVIEW', publishedVersion: null });
    // Three signing organisations and the parent carer forum have yet to decide.
    expect(row!.signOffsOutstanding).toBe(4);
    expect((await heatMap()).rows[0]).toMatchObject({ published: false, cells: [] });
    expect(
      await mutate(t, LEAD, 'withdrawPlan', { planId, reason: 'Health figures need updating' }),
    ).toMatchObject({
      __typename: 'MutationWithdrawPlanSuccess',
    });
  });

  test('once published, the row and the heat map show the published version', async () => {
    await submitAndSignOff(t, planId);
    expect((await rows(overseer))![0]).toMatchObject({
      state: 'SIGNED_OFF',
      publishedVersion: null,
    });
    expect((await mutate(t, LEAD, 'publishPlan', { planId, confirmed: true })).__typename).toBe(
      'MutationPublishPlanSuccess',
    );
    const [row] = (await rows(overseer, { state: 'PUBLISHED' }))!;
    expect(row).toMatchObject({
      partnershipSlug: 'northshire',
      state: 'PUBLISHED',
      signOffsOutstanding: 0,
      // Version 1 was withdrawn from review: version 2 is the one published.
      publishedVersion: 2,
      publicPath: '/published/northshire/2026-29/2',
      uncoveredAreas: 0,
      // The demo's one red target has its exception commentary.
      redTargetsWithCommentary: 1,
      redTargetsWithoutCommentary: 0,
    });
    expect(row!.publishedTitle).toBeTruthy();
    expect(row!.lastPublishedAt).not.toBeNull();
    expect(row!.coveredAreas! + row!.notApplicableAreas!).toBe(areas.length);
    published = await heatMap();
    expect(published.areas.map((a) => a.code)).toEqual(areas.map((a) => a.code));
    const cells = published.rows[0]!.cells;
    expect(cells).toHaveLength(areas.length);
    // The demo plan covers every area (a gap blocks submission, so none is ever published).
    expect(new Set(cells)).toEqual(new Set(['COVERED']));
  });

  test('one metric across partnerships, with England and region figures from the publication', async () => {
    const { oversight } = await t.run<{
      oversight: {
        metric: {
          code: string;
          england: { geographyCode: string; period: string; value: string | null };
          regions: { region: string; figure: { period: string; value: string | null } }[];
          partnerships: {
            partnershipSlug: string;
            figure: { period: string } | null;
            rag: string;
          }[];
        };
      };
    }>(overseer, METRIC, { code: 'EHC-01' });
    expect(oversight.metric.code).toBe('EHC-01');
    expect(oversight.metric.england).toMatchObject({ geographyCode: 'E92000001', period: '2024' });
    expect(oversight.metric.regions).toEqual([
      { region: 'North West', figure: { period: '2024', value: expect.any(String) } },
    ]);
    expect(oversight.metric.partnerships).toHaveLength(1);
    expect(oversight.metric.partnerships[0]).toMatchObject({ partnershipSlug: 'northshire' });
    expect(oversight.metric.partnerships[0]!.figure).not.toBeNull();
    const unknown = await t.run<{ oversight: { metric: unknown } }>(overseer, METRIC, {
      code: 'NO-SUCH-METRIC',
    });
    expect(unknown.oversight.metric).toBeNull();
    const { oversight: listed } = await t.run<{ oversight: { metrics: { code: string }[] } }>(
      overseer,
      '{ oversight { metrics { code title partnershipCount } } }',
    );
    expect(listed.metrics.map((m) => m.code)).toContain('EHC-01');
  });

  test('a revision under way changes nothing the overseer sees but its state', async () => {
    expect((await mutate(t, LEAD, 'startRevision', { planId })).__typename).toBe(
      'MutationStartRevisionSuccess',
    );
    const [area, other] = areas;
    const lead = await t.as(LEAD);
    // In the draft, one area is marked not applicable, and another gets a new commitment.
    const { marked } = await t.run<{ marked: { __typename: string } }>(
      lead,
      `mutation($input: MarkStandardAreaNotApplicableInput!) { marked: markStandardAreaNotApplicable(input: $input) { __typename } }`,
      { input: { planId, standardAreaId: area!.id, reason: 'DRAFT-ONLY reason' } },
    );
    expect(marked.__typename).toBe('MutationMarkStandardAreaNotApplicableSuccess');
    expect(await heatMap()).toEqual(published);
    const { created } = await t.run<{ created: { __typename: string } }>(
      lead,
      `mutation($input: CreateCommitmentInput!) { created: createCommitment(input: $input) { __typename } }`,
      {
        input: {
          planId,
          sectionKey: 'health',
          title: 'DRAFT-ONLY commitment for the revision',
          standardAreaIds: [other!.id],
        },
      },
    );
    expect(created.__typename).toBe('MutationCreateCommitmentSuccess');
    expect(await heatMap()).toEqual(published);
    const [row] = (await rows(overseer))!;
    expect(row).toMatchObject({ state: 'DRAFT', publishedVersion: 2, uncoveredAreas: 0 });
    const everything = await t.run(
      overseer,
      `{ oversight { partnerships { publishedTitle } heatMap { rows { cells } } metrics { title } } }`,
    );
    expect(JSON.stringify(everything)).not.toContain('DRAFT-ONLY');
  });
});

describe('grants', () => {
  test('only a service administrator grants, to an existing account, once', async () => {
    const admin = await t.as(ADMIN);
    expect(await grant(await t.as(LEAD), { email: LEAD, name: 'NHS England' })).toMatchObject({
      __typename: 'ForbiddenError',
    });
    const unknown = await grant(admin, { email: 'nobody@nowhere.example', name: 'NHS England' });
    expect(unknown.__typename).toBe('ValidationError');
    expect(unknown.fieldErrors?.[0]).toMatchObject({ path: ['email'] });
    expect(unknown.fieldErrors?.[0]?.message).toContain('nobody@nowhere.example');
    const bad = await grant(admin, { email: 'lead@southvale.example', name: ' ', region: 'Mars' });
    expect(bad.fieldErrors?.map((e) => e.path[0]).sort()).toEqual(['name', 'region']);
    const again = await grant(admin, { email: OVERSEER, name: 'NHS England' });
    expect(again.fieldErrors?.[0]?.message).toContain('already has oversight');
    const { oversightMemberships } = await t.run<{ oversightMemberships: { __typename: string } }>(
      await t.as(LEAD),
      '{ oversightMemberships { __typename } }',
    );
    expect(oversightMemberships.__typename).toBe('ForbiddenError');
  });

  test('an all-England grant sees every partnership; revoking it ends it', async () => {
    const admin = await t.as(ADMIN);
    const email = 'lead@southvale.example';
    const granted = await grant(admin, { email, name: 'NHS England', region: '' });
    expect(granted).toMatchObject({
      __typename: 'MutationGrantOversightSuccess',
      data: { name: 'NHS England', region: null, userEmail: email },
    });
    const england = await t.as(email);
    const slugs = (await rows(england))!.map((r) => r.partnershipSlug);
    expect(slugs).toEqual(expect.arrayContaining(['northshire', 'southvale']));
    expect((await rows(england, { region: 'North West' }))!.map((r) => r.partnershipSlug)).toEqual([
      'northshire',
    ]);
    const list = await t.run<{ oversightMemberships: { data: { userEmail: string }[] } }>(
      admin,
      '{ oversightMemberships { ... on QueryOversightMembershipsSuccess { data { userEmail } } } }',
    );
    expect(list.oversightMemberships.data.map((m) => m.userEmail).sort()).toEqual([
      email,
      OVERSEER,
    ]);
    const { result } = await t.run<{ result: { __typename: string } }>(
      admin,
      'mutation($input: RevokeOversightInput!) { result: revokeOversight(input: $input) { __typename } }',
      { input: { id: granted.data!.id } },
    );
    expect(result.__typename).toBe('MutationRevokeOversightSuccess');
    // Both are in the service's audit log, by the administrator, naming whom and where.
    const audits = await t.db.prisma.auditEvent.findMany({
      where: {
        entityType: 'OversightMembership',
        entityId: idOf('OversightMembership', granted.data!.id)!,
      },
      orderBy: { id: 'asc' },
    });
    expect(audits.map((a) => [a.action, a.partnershipId, a.after])).toEqual([
      ['oversight.granted', null, expect.objectContaining({ name: 'NHS England', region: null })],
      ['oversight.revoked', null, expect.objectContaining({ name: 'NHS England', region: null })],
    ]);
    expect(new Set(audits.map((a) => a.actorUserId)).size).toBe(1);
    expect(audits[0]!.actorUserId).toEqual(expect.any(String));
    // From the next request (the membership is read with the session).
    expect(await rows(await t.as(email))).toBeNull();
  });
});
