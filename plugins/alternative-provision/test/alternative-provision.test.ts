// The alternative provision section through the API, on a test database with the demo data and
// this plugin's seed: who may read and write it, readiness, validation, conflicts, the metric pack
// and the seed's idempotence.
import { runPluginSeeds } from '@lip/plugin-sdk';
import { createTestHarness, type TestHarness } from '@lip/plugin-sdk/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import plugin from '../src/server/index.ts';
import { NORTHSHIRE_AP } from '../src/server/seed-data.ts';

const AP = 'alternative-provision';

const TIER = 'offer providers';
const OUTCOME = 'measure target';
const SELECTION = `version alternativeProvision {
  tier1 { ${TIER} } tier2 { ${TIER} } tier3 { ${TIER} }
  budget { amount note }
  apo1 { ${OUTCOME} } apo2 { ${OUTCOME} } apo3 { ${OUTCOME} } apo4 { ${OUTCOME} } apo5 { ${OUTCOME} }
  movements { term intoAp returnedToMainstream movedToSpecialSchool post16Destination }
}`;

const SECTION = /* GraphQL */ `
  query Ap($planId: ID!) {
    plan(id: $planId) {
      section(key: "${AP}") {
        key title position viewerCanEdit isReady
        readiness { id title passed message }
        metrics { code title status pluginId }
        suggestedStandards { code }
        ${SELECTION}
      }
    }
  }
`;

const UPDATE = /* GraphQL */ `
  mutation Update($input: UpdateAlternativeProvisionSectionInput!) {
    result: updateAlternativeProvisionSection(input: $input) {
      __typename
      ... on MutationUpdateAlternativeProvisionSectionSuccess { data { ${SELECTION} isReady readiness { id passed message } } }
      ... on Error { message }
      ... on ValidationError { fieldErrors { path message } }
      ... on SectionConflictError { current { ${SELECTION} } }
    }
  }
`;

type Values = Record<string, unknown> & {
  budget: { amount: number | null; note: string | null };
  apo1: { measure: string | null; target: number | null };
  apo5: { measure: string | null; target: number | null };
  tier2: { offer: string | null; providers: string | null };
  movements: Record<string, unknown>[];
};
interface Readiness {
  id: string;
  title?: string;
  passed: boolean;
  message: string | null;
}
interface Section {
  key: string;
  title: string;
  position: number;
  version: number;
  viewerCanEdit: boolean;
  isReady: boolean;
  readiness: Readiness[];
  metrics: { code: string; title: string; status: string; pluginId: string | null }[];
  suggestedStandards: { code: string }[];
  alternativeProvision: Values | null;
}
interface UpdateResult {
  result: {
    __typename: string;
    message?: string;
    data?: {
      version: number;
      alternativeProvision: Values;
      isReady: boolean;
      readiness: Readiness[];
    };
    fieldErrors?: { path: string[]; message: string }[];
    current?: { version: number; alternativeProvision: Values };
  };
}

let h: TestHarness;
let planId: string;

beforeAll(async () => {
  h = await createTestHarness({ plugins: [plugin] });
  planId = await h.planId('lead@northshire.example');
});
afterAll(() => h?.close());

async function section(email: string, id = planId): Promise<Section | null> {
  const result = await h.execute<{ plan: { section: Section | null } | null }>({
    document: SECTION,
    variables: { planId: id },
    context: await h.contextFor(email),
  });
  expect(result.errors).toBeUndefined();
  return result.data!.plan?.section ?? null;
}

async function update(email: string, input: Record<string, unknown>) {
  const result = await h.execute<UpdateResult>({
    document: UPDATE,
    variables: { input: { planId, ...input } },
    context: await h.contextFor(email),
  });
  expect(result.errors).toBeUndefined();
  return result.data!.result;
}

describe('the alternative provision section', () => {
  test('is in every plan, at position 40, with its seeded Northshire content', async () => {
    const s = (await section('ap@northshire.example'))!;
    expect(s).toMatchObject({ key: AP, title: 'Alternative provision', position: 40 });
    expect(s.alternativeProvision!.tier1).toEqual(NORTHSHIRE_AP.tier1);
    expect(s.alternativeProvision!.budget).toEqual(NORTHSHIRE_AP.budget);
    expect(s.alternativeProvision!.movements).toEqual(NORTHSHIRE_AP.movements);
  });

  test('permission boundary: every demo role reads it; only the AP trust the plan names and the lead edit', async () => {
    const expectations: Record<string, boolean> = {
      'lead@northshire.example': true,
      'icb@northshire.example': false,
      // The council's education service may write AP only where the plan names it (not Northshire).
      'education@northshire.example': false,
      'care@northshire.example': false,
      'ap@northshire.example': true,
      'forum@northshire.example': false,
      'viewer@northshire.example': false,
    };
    for (const [email, canEdit] of Object.entries(expectations)) {
      const before = (await section(email))!;
      expect(before, email).not.toBeNull();
      expect(before.viewerCanEdit, email).toBe(canEdit);
      expect(before.alternativeProvision, email).not.toBeNull();
      const note = `Note written by ${email}`;
      const outcome = await update(email, {
        version: before.version,
        budget: { ...NORTHSHIRE_AP.budget, note },
      });
      if (canEdit) {
        expect(outcome.__typename, email).toBe('MutationUpdateAlternativeProvisionSectionSuccess');
        expect(outcome.data!.alternativeProvision.budget.note, email).toBe(note);
        expect(outcome.data!.version, email).toBe(before.version + 1);
      } else {
        expect(outcome.__typename, email).toBe('ForbiddenError');
        expect((await section(email))!.version, email).toBe(before.version);
      }
    }
  });

  test('another partnership gets not found: null to read, NotFoundError to write', async () => {
    expect(await section('lead@southvale.example')).toBeNull();
    const refused = await update('lead@southvale.example', {
      version: 1,
      budget: { amount: 1, note: 'Intruder' },
    });
    expect(refused.__typename).toBe('NotFoundError');
    // And nothing of Northshire changed.
    expect((await section('ap@northshire.example'))!.alternativeProvision!.budget.note).not.toBe(
      'Intruder',
    );
  });

  test('signed out, the plan is not there and nothing can be written', async () => {
    const result = await h.execute<{ plan: unknown }>({
      document: SECTION,
      variables: { planId },
      context: await h.anonymous(),
    });
    expect(result.data?.plan ?? null).toBeNull();
    const write = await h.execute<UpdateResult>({
      document: UPDATE,
      variables: { input: { planId, version: 1, budget: { amount: 1 } } },
      context: await h.anonymous(),
    });
    expect(
      write.data?.result?.__typename === 'MutationUpdateAlternativeProvisionSectionSuccess',
    ).toBe(false);
  });

  test('its metric pack: AP-01..04 from the catalogue and the five outcome metrics, all tagged with the plugin', async () => {
    const s = (await section('viewer@northshire.example'))!;
    const codes = s.metrics.map((m) => m.code).sort();
    expect(codes).toEqual([
      'AP-01',
      'AP-02',
      'AP-03',
      'AP-04',
      'APO-1',
      'APO-2',
      'APO-3',
      'APO-4',
      'APO-5',
    ]);
    for (const m of s.metrics) expect(m.pluginId, m.code).toBe(AP);
    expect(
      s.metrics.filter((m) => m.code.startsWith('APO-')).every((m) => m.status === 'LOCAL'),
    ).toBe(true);
    expect(s.suggestedStandards.map((a) => a.code)).toEqual(['SA-07', 'SA-10']);
  });
});

describe('readiness', () => {
  test('the seeded section is in progress: APO-5 has no target yet', async () => {
    const s = (await section('ap@northshire.example'))!;
    expect(s.isReady).toBe(false);
    const byId = Object.fromEntries(s.readiness.map((r) => [r.id, r]));
    expect(Object.keys(byId).sort()).toEqual([
      'alternative-provision.budget-stated',
      'alternative-provision.outcomes-measured',
      'alternative-provision.tiers-described',
    ]);
    expect(byId['alternative-provision.tiers-described']!.passed).toBe(true);
    expect(byId['alternative-provision.budget-stated']!.passed).toBe(true);
    expect(byId['alternative-provision.outcomes-measured']).toMatchObject({
      passed: false,
      message: 'Add a target for APO-5 (successful post-16 transitions)',
    });
  });

  test('each check says what to do, and passes once done', async () => {
    const before = (await section('ap@northshire.example'))!;
    const emptied = await update('ap@northshire.example', {
      version: before.version,
      tier2: { offer: 'Placements of up to two terms', providers: null },
      budget: { amount: null, note: 'To be agreed at Schools Forum' },
    });
    expect(emptied.__typename).toBe('MutationUpdateAlternativeProvisionSectionSuccess');
    const messages = Object.fromEntries(emptied.data!.readiness.map((r) => [r.id, r.message]));
    expect(messages['alternative-provision.tiers-described']).toBe(
      'Say what is offered and by whom at tier 2',
    );
    expect(messages['alternative-provision.budget-stated']).toBe(
      'State the alternative provision budget for the year',
    );
    expect(emptied.data!.isReady).toBe(false);

    const done = await update('ap@northshire.example', {
      version: emptied.data!.version,
      tier2: NORTHSHIRE_AP.tier2,
      budget: NORTHSHIRE_AP.budget,
      apo5: { ...NORTHSHIRE_AP.apo5, target: 90 },
    });
    expect(done.__typename).toBe('MutationUpdateAlternativeProvisionSectionSuccess');
    expect(done.data!.readiness.every((r) => r.passed && r.message === null)).toBe(true);
    expect(done.data!.isReady).toBe(true);
  });

  test('a plan with nothing written is not ready, and every check says so', async () => {
    const southvale = await h.planId('lead@southvale.example');
    const s = (await section('lead@southvale.example', southvale))!;
    expect(s.isReady).toBe(false);
    expect(s.readiness.every((r) => !r.passed)).toBe(true);
    const outcomes = s.readiness.find((r) => r.id === 'alternative-provision.outcomes-measured')!;
    expect(outcomes.message).toMatch(
      /^Add a measure and a target for APO-1 \(effective outreach support\), .* and a measure and a target for APO-5/,
    );
  });
});

describe('validation', () => {
  test('bad input is refused field by field, and nothing is written', async () => {
    const before = (await section('ap@northshire.example'))!;
    const invalid = await update('ap@northshire.example', {
      version: before.version,
      budget: { amount: -5, note: 'x'.repeat(1001) },
      tier1: { offer: 'y'.repeat(2001), providers: 'Trust' },
      movements: [
        {
          term: 'Autumn 2026',
          intoAp: 3,
          returnedToMainstream: -1,
          movedToSpecialSchool: 0,
          post16Destination: 0,
        },
      ],
    });
    expect(invalid.__typename).toBe('ValidationError');
    const paths = invalid.fieldErrors!.map((e) => e.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['budget.amount', 'budget.note', 'tier1.offer']));
    expect(paths.some((p) => p.startsWith('movements'))).toBe(true);
    for (const e of invalid.fieldErrors!) expect(e.message.length).toBeGreaterThan(0);
    expect(invalid.fieldErrors!.find((e) => e.path.join('.') === 'tier1.offer')!.message).toBe(
      'What is offered must be 2000 characters or fewer',
    );
    expect((await section('ap@northshire.example'))!.version).toBe(before.version);
  });

  test('pupil movements are whole, non-negative counts per term', async () => {
    const before = (await section('ap@northshire.example'))!;
    const rows = [
      ...NORTHSHIRE_AP.movements,
      {
        term: 'Autumn 2026',
        intoAp: 60,
        returnedToMainstream: 25,
        movedToSpecialSchool: 3,
        post16Destination: 0,
      },
    ];
    const saved = await update('ap@northshire.example', {
      version: before.version,
      movements: rows,
    });
    expect(saved.__typename).toBe('MutationUpdateAlternativeProvisionSectionSuccess');
    expect(saved.data!.alternativeProvision.movements).toEqual(rows);

    // A row of counts must say which term it is for.
    const noTerm = await update('ap@northshire.example', {
      version: saved.data!.version,
      movements: [
        {
          term: ' ',
          intoAp: 4,
          returnedToMainstream: 1,
          movedToSpecialSchool: 0,
          post16Destination: 0,
        },
      ],
    });
    expect(noTerm.__typename).toBe('ValidationError');
    expect(noTerm.fieldErrors).toEqual([
      { path: ['movements', '0', 'term'], message: 'Term 1: Enter term' },
    ]);
  });
});

describe('conflicts', () => {
  test('a stale version is refused with the current section', async () => {
    const { version } = (await section('ap@northshire.example'))!;
    const first = await update('ap@northshire.example', {
      version,
      budget: { amount: 7_000_000, note: 'Revised in January' },
    });
    expect(first.__typename).toBe('MutationUpdateAlternativeProvisionSectionSuccess');
    const stale = await update('lead@northshire.example', {
      version,
      budget: { amount: 6_000_000, note: 'Older figure' },
    });
    expect(stale.__typename).toBe('SectionConflictError');
    expect(stale.current!.version).toBe(version + 1);
    expect(stale.current!.alternativeProvision.budget).toEqual({
      amount: 7_000_000,
      note: 'Revised in January',
    });
  });
});

describe('seed', () => {
  test('asks to fill the Northshire plan only', async () => {
    const asked: string[] = [];
    await plugin.seed!({
      demo: true,
      demoPlans: async () => [
        { planId: 'north', partnershipSlug: 'northshire', title: 'Northshire' },
        { planId: 'south', partnershipSlug: 'southvale', title: 'Southvale' },
      ],
      fillSectionData: async (id, key) => {
        asked.push(`${id}:${key}`);
        return true;
      },
    });
    expect(asked).toEqual(['north:alternative-provision']);
  });

  test('is idempotent: running the seeds again changes nothing that was written', async () => {
    const before = (await section('ap@northshire.example'))!;
    const southvale = await h.planId('lead@southvale.example');
    const southBefore = (await section('lead@southvale.example', southvale))!;
    await runPluginSeeds(h.db, [plugin], { demo: true });
    await runPluginSeeds(h.db, [plugin], { demo: true });
    const after = (await section('ap@northshire.example'))!;
    expect(after.version).toBe(before.version);
    expect(after.alternativeProvision).toEqual(before.alternativeProvision);
    expect(after.metrics.map((m) => m.code).sort()).toEqual(
      before.metrics.map((m) => m.code).sort(),
    );
    const southAfter = (await section('lead@southvale.example', southvale))!;
    expect(southAfter.version).toBe(southBefore.version);
  });
});

// The outcome targets are the plan's APO-1..5 metric targets (decision 027): one value, read and
// written through the section or the metric, never stored twice.
const TARGETS = /* GraphQL */ `
  query Targets($planId: ID!) {
    plan(id: $planId) {
      metricTargets {
        id
        version
        targetValue
        targetPeriod
        metric {
          code
        }
        ownerOrganisation {
          name
        }
      }
    }
  }
`;
const UPDATE_TARGET = /* GraphQL */ `
  mutation UpdateTarget($input: UpdateMetricTargetInput!) {
    result: updateMetricTarget(input: $input) {
      __typename
      ... on MutationUpdateMetricTargetSuccess {
        data {
          targetValue
          version
        }
      }
    }
  }
`;
interface TargetRow {
  id: string;
  version: number;
  targetValue: string;
  targetPeriod: string;
  metric: { code: string };
  ownerOrganisation: { name: string } | null;
}
async function targetOf(code: string): Promise<TargetRow | undefined> {
  const data = await h.runAs<{ plan: { metricTargets: TargetRow[] } }>(
    'lead@northshire.example',
    TARGETS,
    { planId },
  );
  return data.plan.metricTargets.find((t) => t.metric.code === code);
}

describe('outcome targets are the metric targets', () => {
  test('the seed set APO-1..4 as metric targets; the section reads them from there', async () => {
    const s = (await section('ap@northshire.example'))!;
    expect((await targetOf('APO-1'))?.targetValue).toBe(
      String(s.alternativeProvision!.apo1.target),
    );
    expect(Number((await targetOf('APO-1'))!.targetValue)).toBe(NORTHSHIRE_AP.apo1.target);
    // Stored once: the section's own data holds the measure, never the target.
    const row = await h.db.prisma.section.findFirstOrThrow({
      where: { key: AP, plan: { partnership: { slug: 'northshire' } } },
    });
    const stored = (row.data as Record<string, Record<string, Record<string, unknown>>>)[AP]!;
    expect(stored.apo1).toEqual({ measure: NORTHSHIRE_AP.apo1.measure });
  });

  test('set through the section, it is the metric target; set through the metric, the section shows it', async () => {
    const before = (await section('ap@northshire.example'))!;
    // Only the target changes: the section row is not written, the metric target is made.
    const saved = await update('ap@northshire.example', {
      version: before.version,
      apo5: { target: 62.5 },
    });
    expect(saved.__typename).toBe('MutationUpdateAlternativeProvisionSectionSuccess');
    expect(saved.data!.alternativeProvision.apo5.target).toBe(62.5);
    const made = (await targetOf('APO-5'))!;
    expect(made).toMatchObject({
      targetValue: '62.5',
      targetPeriod: '2028/29',
      ownerOrganisation: { name: 'Northshire Alternative Provision Academy Trust' },
    });
    // Audited as a metric target is, by the person who wrote the section.
    const created = (
      await h.db.prisma.auditEvent.findMany({
        where: { entityType: 'MetricTarget', action: 'metricTarget.create' },
      })
    ).filter((e) => (e.after as { metricId?: string } | null)?.metricId === 'APO-5');
    expect(created).toHaveLength(1);
    expect(created[0]!.actorUserId).not.toBeNull();

    const changed = await h.runAs<{ result: { __typename: string } }>(
      'lead@northshire.example',
      UPDATE_TARGET,
      { input: { id: made.id, version: made.version, targetValue: '75' } },
    );
    expect(changed.result.__typename).toBe('MutationUpdateMetricTargetSuccess');
    expect((await section('ap@northshire.example'))!.alternativeProvision!.apo5.target).toBe(75);

    // And back through the section: the same record, one version on.
    const again = await update('ap@northshire.example', {
      version: (await section('ap@northshire.example'))!.version,
      apo5: { measure: NORTHSHIRE_AP.apo5.measure, target: 80 },
    });
    expect(again.__typename).toBe('MutationUpdateAlternativeProvisionSectionSuccess');
    const updated = (await targetOf('APO-5'))!;
    expect(updated).toMatchObject({ id: made.id, targetValue: '80', version: made.version + 2 });
    const updates = await h.db.prisma.auditEvent.findMany({
      where: { entityType: 'MetricTarget', action: 'metricTarget.update' },
    });
    expect(
      updates.filter((e) => (e.after as { targetValue?: string } | null)?.targetValue === '80'),
    ).toHaveLength(1);
  });

  test('a blank target field does not delete the metric target', async () => {
    const before = (await section('ap@northshire.example'))!;
    const blank = await update('ap@northshire.example', {
      version: before.version,
      apo1: { measure: NORTHSHIRE_AP.apo1.measure, target: null },
    });
    expect(blank.__typename).toBe('ValidationError');
    expect(blank.fieldErrors!.map((e) => e.path.join('.'))).toEqual(['apo1.target']);
    expect(Number((await targetOf('APO-1'))!.targetValue)).toBe(NORTHSHIRE_AP.apo1.target);
    expect((await section('ap@northshire.example'))!.version).toBe(before.version);
  });

  test('who may not write the section may not set its targets through it', async () => {
    const before = (await section('icb@northshire.example'))!;
    const refused = await update('icb@northshire.example', {
      version: before.version,
      apo2: { target: 10 },
    });
    expect(refused.__typename).toBe('ForbiddenError');
    expect(Number((await targetOf('APO-2'))!.targetValue)).toBe(NORTHSHIRE_AP.apo2.target);
  });
});
