// Frozen versions and their diffs through the API: what a snapshot holds, that later edits do not
// touch it, and what changed (and who changed it) between two versions or a version and the draft.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { LipPlugin } from '../src/index.ts';
import type { Publication } from '../src/snapshot.ts';
import { bootCore, type TestCore } from './support/core.ts';
import { testPlugins } from './support/plugins.ts';
import { CREATE, UPDATE } from './support/queries.ts';
import { clearSubmissionBlockers, ICB, LEAD, mutate, northshirePlan } from './support/workflow.ts';

// The health section describes its one typed field with a label, as SDK sections do.
const plugins: LipPlugin[] = testPlugins.map((plugin) =>
  plugin.id !== 'health'
    ? plugin
    : ({
        ...plugin,
        sections: plugin.sections!.map((s) => ({
          ...s,
          describeFields: (data: Record<string, unknown>) => [
            {
              key: 'dcoName',
              label: 'DCO/DMO name',
              value: typeof data.dcoName === 'string' ? data.dcoName : '',
            },
          ],
        })),
      } satisfies LipPlugin),
);

const databaseId = (globalId: string) =>
  Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1]!;

let t: TestCore;
let planId: string;
let dbPlanId: string;
let healthCommitment: { id: string; version: number; reference: string };

const VERSION = `query($id: ID!, $n: Int!) { plan(id: $id) { planVersion(number: $n) { number state publicPath publicationJson } } }`;
async function publication(n: number): Promise<Publication> {
  const { plan } = await t.run<{ plan: { planVersion: { publicationJson: string } } }>(
    await t.as(LEAD),
    VERSION,
    { id: planId, n },
  );
  return JSON.parse(plan.planVersion.publicationJson) as Publication;
}

const DIFF = `query($id: ID!, $from: Int!, $to: Int) { planDiff(planId: $id, from: $from, to: $to) {
  from to changedCount sections { key title fields { field label before after }
  commitments { reference title change fields { field label before after } changedBy { name organisationName at } } } } }`;
interface Diff {
  from: number;
  to: number | null;
  changedCount: number;
  sections: {
    key: string;
    title: string;
    fields: { field: string; label: string; before: string | null; after: string | null }[];
    commitments: {
      reference: string;
      title: string;
      change: string;
      fields: { field: string; before: string | null; after: string | null }[];
      changedBy: { name: string; organisationName: string | null }[];
    }[];
  }[];
}
async function diff(from: number, to?: number, email = LEAD): Promise<Diff | null> {
  return (await t.run<{ planDiff: Diff | null }>(await t.as(email), DIFF, { id: planId, from, to }))
    .planDiff;
}

async function setHealthSection(values: { summary: string; dcoName: string }) {
  // The test plugins have no section mutation of their own: write the section row as a plugin would.
  await t.db.prisma.section.update({
    where: { planId_key: { planId: dbPlanId, key: 'health' } },
    data: { summary: values.summary, data: { health: { dcoName: values.dcoName } } },
  });
}

async function addEvidence(input: { title: string; url?: string; note?: string }) {
  const evidence = await t.run<{ result: { __typename: string } }>(
    await t.as(ICB),
    /* GraphQL */ `
      mutation ($input: AddEvidenceInput!) {
        result: addEvidence(input: $input) {
          __typename
        }
      }
    `,
    { input: { commitmentId: healthCommitment.id, ...input } },
  );
  expect(evidence.result.__typename).toBe('MutationAddEvidenceSuccess');
}

beforeAll(async () => {
  t = await bootCore(plugins);
  const found = await northshirePlan(t);
  planId = found.planId;
  dbPlanId = databaseId(planId);
  await clearSubmissionBlockers(t, planId, found.areas);
  const created = await t.run<{
    result: { data: { id: string; version: number; reference: string } };
  }>(await t.as(ICB), CREATE, {
    input: {
      planId,
      sectionKey: 'health',
      title: 'Speech and language therapy in schools',
      standardAreaIds: [found.areas[0]!.id],
    },
  });
  healthCommitment = created.result.data;
  await t.db.prisma.section.upsert({
    where: { planId_key: { planId: dbPlanId, key: 'health' } },
    create: { planId: dbPlanId, key: 'health', pluginId: 'health' },
    update: {},
  });
  await setHealthSection({
    summary: 'Health services for children with SEND.',
    dcoName: 'Dr Jo Patel',
  });
  // Milestones have no API yet: one written directly, to see it frozen.
  await t.db.prisma.milestone.create({
    data: {
      commitmentId: databaseId(healthCommitment.id),
      title: 'Therapists recruited',
      dueDate: new Date('2027-01-31'),
    },
  });
  // Evidence of progress, added through the API, to see it frozen with its commitment.
  await addEvidence({
    title: 'Therapy waiting times, summer term',
    url: 'https://example.org/waiting-times',
    note: 'Average wait down from 18 to 12 weeks.',
  });
  expect((await mutate(t, LEAD, 'submitPlan', { planId })).__typename).toBe(
    'MutationSubmitPlanSuccess',
  );
});
afterAll(() => t?.close());

describe('the frozen snapshot', () => {
  test('holds the plan, partnership, organisations, sections with labelled fields, commitments and coverage', async () => {
    const { snapshot, version } = await publication(1);
    expect(snapshot).toMatchObject({
      format: 2,
      plan: { id: dbPlanId, versionNumber: 1 },
      partnership: {
        slug: 'northshire',
        name: 'Northshire SEND and AP Partnership',
        localAuthorityCodes: ['E10000099'],
      },
    });
    expect(
      snapshot.organisations.find((o) => o.typeCode === 'integrated-care-board'),
    ).toMatchObject({ isSignatory: true });
    expect(snapshot.sections.map((s) => s.key)).toEqual([
      'education',
      'health',
      'care',
      'alternative-provision',
    ]);
    expect(snapshot.sections[1]).toMatchObject({
      title: 'Health',
      summary: 'Health services for children with SEND.',
      fields: [{ key: 'dcoName', label: 'DCO/DMO name', value: 'Dr Jo Patel' }],
    });
    const frozen = snapshot.commitments.find((c) => c.reference === healthCommitment.reference)!;
    expect(frozen).toMatchObject({
      title: 'Speech and language therapy in schools',
      sectionKey: 'health',
      standardAreaCodes: [snapshot.framework.areas[0]!.code],
      milestones: [{ title: 'Therapists recruited', dueDate: '2027-01-31', completedOn: null }],
      evidence: [
        {
          title: 'Therapy waiting times, summer term',
          url: 'https://example.org/waiting-times',
          note: 'Average wait down from 18 to 12 weeks.',
          addedOn: new Date().toISOString().slice(0, 10),
        },
      ],
    });
    // A commitment with none has an empty list, not a missing one.
    expect(snapshot.commitments.find((c) => c !== frozen)?.evidence).toEqual([]);
    expect(snapshot.coverage).toHaveLength(snapshot.framework.areas.length);
    expect(snapshot.coverage[0]!.commitmentReferences).toContain(healthCommitment.reference);
    expect(version).toMatchObject({
      number: 1,
      state: 'PARTNER_REVIEW',
      publicPath: null,
      publishedAt: null,
      signOffs: [],
    });
  });

  test('later edits do not change a frozen version', async () => {
    expect(
      (await mutate(t, LEAD, 'withdrawPlan', { planId, reason: 'More to add' })).__typename,
    ).toBe('MutationWithdrawPlanSuccess');
    const updated = await t.run<{ result: { __typename: string } }>(await t.as(ICB), UPDATE, {
      input: {
        id: healthCommitment.id,
        version: healthCommitment.version,
        title: 'Speech, language and communication therapy in schools',
      },
    });
    expect(updated.result.__typename).toBe('MutationUpdateCommitmentSuccess');
    await setHealthSection({
      summary: 'Health services for children and young people with SEND.',
      dcoName: 'Dr Jo Patel',
    });
    const frozen = (await publication(1)).snapshot;
    expect(frozen.commitments.find((c) => c.reference === healthCommitment.reference)!.title).toBe(
      'Speech and language therapy in schools',
    );
    expect(frozen.sections[1]!.summary).toBe('Health services for children with SEND.');
  });
});

describe('planDiff', () => {
  test('against the current draft: section fields and commitments changed, with who changed them', async () => {
    await t.run(await t.as(ICB), CREATE, {
      input: { planId, sectionKey: 'health', title: 'Waiting well hub' },
    });
    await addEvidence({ title: 'Autumn term audit', note: 'Report to the board in December.' });
    const result = (await diff(1))!;
    expect(result).toMatchObject({ from: 1, to: null });
    const health = result.sections.find((s) => s.key === 'health')!;
    expect(health.fields).toEqual([
      {
        field: 'summary',
        label: 'Summary',
        before: 'Health services for children with SEND.',
        after: 'Health services for children and young people with SEND.',
      },
    ]);
    const changed = health.commitments.find((c) => c.reference === healthCommitment.reference)!;
    expect(changed).toMatchObject({
      change: 'CHANGED',
      title: 'Speech, language and communication therapy in schools',
      fields: [
        {
          field: 'title',
          before: 'Speech and language therapy in schools',
          after: 'Speech, language and communication therapy in schools',
        },
        {
          field: 'evidence',
          label: 'Evidence',
          before:
            'Therapy waiting times, summer term (https://example.org/waiting-times): Average wait down from 18 to 12 weeks.',
          after:
            'Therapy waiting times, summer term (https://example.org/waiting-times): Average wait down from 18 to 12 weeks.\nAutumn term audit: Report to the board in December.',
        },
      ],
      changedBy: [{ name: 'Priya Shah', organisationName: 'NHS Northshire Integrated Care Board' }],
    });
    const added = health.commitments.find((c) => c.title === 'Waiting well hub')!;
    expect(added.change).toBe('ADDED');
    expect(added.fields).toContainEqual({
      field: 'title',
      label: 'Title',
      before: null,
      after: 'Waiting well hub',
    });
    expect(result.changedCount).toBe(3);
    // Sections without changes are left out.
    expect(result.sections.map((s) => s.key)).toEqual(['health']);
  });

  test('between two frozen versions gives the same changes, with `to` set', async () => {
    expect((await mutate(t, LEAD, 'submitPlan', { planId })).__typename).toBe(
      'MutationSubmitPlanSuccess',
    );
    const result = (await diff(1, 2))!;
    expect(result).toMatchObject({ from: 1, to: 2, changedCount: 3 });
    expect(result.sections[0]!.commitments.map((c) => c.change).sort()).toEqual([
      'ADDED',
      'CHANGED',
    ]);
    // A version compared with itself has no changes.
    expect(await diff(2, 2)).toMatchObject({ changedCount: 0, sections: [] });
  });

  test('is null for an unknown version and for someone outside the partnership', async () => {
    expect(await diff(1, 7)).toBeNull();
    expect(await diff(5)).toBeNull();
    expect(await diff(1, 2, 'lead@southvale.example')).toBeNull();
  });

  test('versions are listed newest first; planVersion of an unknown number is null', async () => {
    const { plan } = await t.run<{ plan: { versions: { number: number }[]; planVersion: null } }>(
      await t.as(LEAD),
      `query($id: ID!) { plan(id: $id) { versions { number } planVersion(number: 9) { number } } }`,
      { id: planId },
    );
    expect(plan).toEqual({ versions: [{ number: 2 }, { number: 1 }], planVersion: null });
  });
});
