// The health section through the test harness: permissions for every demo role, fields, readiness,
// metrics, standards suggestions, seed, conflicts and validation.
import { createTestHarness, type TestHarness } from '@lip/plugin-sdk/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import health from '../src/server/index.ts';

const FIELDS = `icbExecutiveLead icbExecutiveLeadRole dcoName dcoRole dcoEmail therapies
  jointCommissioning { what by budget } mentalHealth { summary waits } neurodevelopmental { summary waits }`;

const SECTION = /* GraphQL */ `
  query Health($planId: ID!) {
    plan(id: $planId) { section(key: "health") { key title version viewerCanEdit isReady
      readiness { id title passed message field } metrics { code pluginId } suggestedStandards { code }
      health { ${FIELDS} } } }
  }
`;

const UPDATE = /* GraphQL */ `
  mutation Update($input: UpdateHealthSectionInput!) {
    result: updateHealthSection(input: $input) {
      __typename
      ... on MutationUpdateHealthSectionSuccess { data { version health { ${FIELDS} } } }
      ... on Error { message }
      ... on ValidationError { fieldErrors { path message } }
      ... on SectionConflictError { current { version health { dcoName } } }
    }
  }
`;

type HealthValues = Record<string, unknown> & {
  dcoName: string | null;
  jointCommissioning: Record<string, string | null>[];
};

interface UpdateResult {
  result: {
    __typename: string;
    message?: string;
    data?: { version: number; health: HealthValues };
    fieldErrors?: { path: string[]; message: string }[];
    current?: { version: number; health: { dcoName: string | null } };
  };
}

interface Section {
  version: number;
  viewerCanEdit: boolean;
  isReady: boolean;
  readiness: {
    id: string;
    title: string;
    passed: boolean;
    message: string | null;
    field: string | null;
  }[];
  metrics: { code: string; pluginId: string | null }[];
  suggestedStandards: { code: string }[];
  health: HealthValues | null;
}

let h: TestHarness;
let planId: string;

beforeAll(async () => {
  h = await createTestHarness({ plugins: [health] });
  planId = await h.planId('lead@northshire.example');
});
afterAll(() => h?.close());

async function update(email: string, input: Record<string, unknown>, plan = planId) {
  const result = await h.execute<UpdateResult>({
    document: UPDATE,
    variables: { input: { planId: plan, ...input } },
    context: await h.contextFor(email),
  });
  expect(result.errors).toBeUndefined();
  return result.data!.result;
}

async function section(email: string, plan = planId): Promise<Section | null> {
  const result = await h.execute<{ plan: { section: Section | null } | null }>({
    document: SECTION,
    variables: { planId: plan },
    context: await h.contextFor(email),
  });
  expect(result.errors).toBeUndefined();
  return result.data!.plan?.section ?? null;
}

describe('permissions, for every demo role', () => {
  const roles: [email: string, read: boolean, edit: boolean][] = [
    ['lead@northshire.example', true, true],
    ['icb@northshire.example', true, true],
    ['education@northshire.example', true, false],
    ['care@northshire.example', true, false],
    ['ap@northshire.example', true, false],
    ['forum@northshire.example', true, false],
    ['viewer@northshire.example', true, false],
    ['lead@southvale.example', false, false],
  ];
  for (const [email, read, edit] of roles) {
    test(`${email}: ${read ? 'reads' : 'does not see'} it and ${edit ? 'edits' : 'cannot edit'} it`, async () => {
      const s = await section(email);
      if (!read) {
        expect(s).toBeNull();
      } else {
        expect(s!.viewerCanEdit).toBe(edit);
        expect(s!.health).not.toBeNull();
      }
      const version = s?.version ?? 1;
      const result = await update(email, { version, therapies: `Written by ${email}` });
      if (edit) {
        expect(result.__typename).toBe('MutationUpdateHealthSectionSuccess');
        expect(result.data!.health.therapies).toBe(`Written by ${email}`);
      } else if (read) {
        expect(result.__typename).toBe('ForbiddenError');
        expect(result.message).toMatch(/^You can /);
      } else {
        expect(result.__typename).toBe('NotFoundError');
      }
    });
  }

  test('signed out: nothing to read, NotFoundError to write', async () => {
    const anonymous = await h.anonymous();
    const read = await h.execute<{ plan: unknown }>({
      document: SECTION,
      variables: { planId },
      context: anonymous,
    });
    expect(read.data?.plan ?? null).toBeNull();
    const write = await h.execute<UpdateResult>({
      document: UPDATE,
      variables: { input: { planId, version: 1, dcoName: 'X' } },
      context: anonymous,
    });
    expect(write.data?.result.__typename).toBe('NotFoundError');
  });
});

describe('seed, metrics and standards', () => {
  test("Northshire's section is seeded, with the DCO/DMO left to name", async () => {
    const s = (await section('viewer@northshire.example'))!;
    expect(s.health!.icbExecutiveLead).toBe('Dr Priya Shah');
    expect(s.health!.dcoName).toBeNull();
    expect(s.health!.jointCommissioning.length).toBeGreaterThan(0);
    expect(s.health!.jointCommissioning[0]).toMatchObject({
      what: expect.any(String),
      by: expect.any(String),
      budget: expect.any(String),
    });
  });

  test('the metric pack is HLT-01..03, tagged with the plugin', async () => {
    const s = (await section('viewer@northshire.example'))!;
    expect(s.metrics).toEqual([
      { code: 'HLT-01', pluginId: 'health' },
      { code: 'HLT-02', pluginId: 'health' },
      { code: 'HLT-03', pluginId: 'health' },
    ]);
  });

  test('its commitments usually map to SA-08 and SA-10', async () => {
    expect((await section('viewer@northshire.example'))!.suggestedStandards).toEqual([
      { code: 'SA-08' },
      { code: 'SA-10' },
    ]);
  });

  test('seeding again writes nothing (idempotent)', async () => {
    const before = (await section('viewer@northshire.example'))!.version;
    const { runPluginSeeds } = await import('@lip/plugin-sdk');
    await runPluginSeeds(h.db, [health], { demo: true });
    expect((await section('viewer@northshire.example'))!.version).toBe(before);
  });
});

describe('readiness', () => {
  test('the section is not ready without a named DCO/DMO, and is once named', async () => {
    // Another partnership's plan, never written: every field check fails.
    const southvale = await h.planId('lead@southvale.example');
    const empty = (await section('lead@southvale.example', southvale))!;
    expect(empty.isReady).toBe(false);
    expect(empty.readiness.filter((r) => !r.passed).map((r) => r.message)).toEqual(
      expect.arrayContaining([
        'Name the ICB executive lead for SEND',
        'Name the designated clinical or medical officer (DCO/DMO)',
        'Record at least one joint commissioning arrangement (what, by whom, from which budget)',
        'Describe the mental health and neurodevelopmental pathways',
      ]),
    );

    const before = (await section('icb@northshire.example'))!;
    const dco = before.readiness.find((r) => r.id === 'health.dco-named')!;
    expect(dco).toEqual({
      id: 'health.dco-named',
      title: 'DCO/DMO named',
      passed: false,
      message: 'Name the designated clinical or medical officer (DCO/DMO)',
      // The field to change, for the section page to link to.
      field: 'dcoName',
    });
    expect(empty.readiness.map((r) => r.field)).toEqual([
      'icbExecutiveLead',
      'dcoName',
      'jointCommissioning',
      'mentalHealth.summary',
      null,
    ]);
    expect(before.isReady).toBe(false);

    const saved = await update('icb@northshire.example', {
      version: before.version,
      dcoName: 'Dr Sam Okafor',
    });
    expect(saved.__typename).toBe('MutationUpdateHealthSectionSuccess');
    const after = (await section('icb@northshire.example'))!;
    expect(after.readiness.find((r) => r.id === 'health.dco-named')!.passed).toBe(true);
    // The seeded section with its mapped health commitments passes everything else.
    expect(after.readiness.filter((r) => !r.passed)).toEqual([]);
    expect(after.isReady).toBe(true);
  });
});

describe('writing', () => {
  test('omitted fields stay, null and blank clear, lists are replaced whole', async () => {
    const before = (await section('icb@northshire.example'))!;
    const saved = await update('icb@northshire.example', {
      version: before.version,
      icbExecutiveLeadRole: '  ',
      jointCommissioning: [{ what: 'Occupational therapy', by: 'ICB', budget: null }],
      mentalHealth: { summary: 'Single point of access', waits: '' },
    });
    expect(saved.__typename).toBe('MutationUpdateHealthSectionSuccess');
    expect(saved.data!.version).toBe(before.version + 1);
    expect(saved.data!.health).toMatchObject({
      icbExecutiveLead: before.health!.icbExecutiveLead,
      icbExecutiveLeadRole: null,
      jointCommissioning: [{ what: 'Occupational therapy', by: 'ICB', budget: null }],
      mentalHealth: { summary: 'Single point of access', waits: null },
      neurodevelopmental: before.health!.neurodevelopmental,
    });
  });

  test('every write is audited', async () => {
    const { version } = (await section('icb@northshire.example'))!;
    await update('icb@northshire.example', { version, dcoRole: 'Designated Medical Officer' });
    const audit = await h.db.prisma.auditEvent.findFirst({
      where: { entityType: 'Section', action: 'section.update' },
      orderBy: { occurredAt: 'desc' },
    });
    expect(audit?.after).toMatchObject({
      version: version + 1,
      data: { dcoRole: 'Designated Medical Officer' },
    });
  });

  test('a partnership lead edits its own plan; the version it edited is then stale', async () => {
    const southvale = await h.planId('lead@southvale.example');
    const { version } = (await section('lead@southvale.example', southvale))!;
    const saved = await update('lead@southvale.example', { version, dcoName: 'Dr Lee' }, southvale);
    expect(saved).toMatchObject({
      __typename: 'MutationUpdateHealthSectionSuccess',
      data: { version: version + 1, health: { dcoName: 'Dr Lee' } },
    });
    expect(
      (await update('lead@southvale.example', { version, dcoName: 'Dr Other' }, southvale))
        .__typename,
    ).toBe('SectionConflictError');
  });

  test('a stale version is refused with the current section', async () => {
    const { version } = (await section('icb@northshire.example'))!;
    expect((await update('icb@northshire.example', { version, dcoName: 'First' })).__typename).toBe(
      'MutationUpdateHealthSectionSuccess',
    );
    const stale = await update('lead@northshire.example', { version, dcoName: 'Second' });
    expect(stale.__typename).toBe('SectionConflictError');
    expect(stale.current).toEqual({ version: version + 1, health: { dcoName: 'First' } });
  });

  test('bad input is refused field by field with messages that say what to fix, and nothing is written', async () => {
    const { version } = (await section('icb@northshire.example'))!;
    const invalid = await update('icb@northshire.example', {
      version,
      dcoEmail: 'not an email',
      icbExecutiveLead: 'x'.repeat(201),
      jointCommissioning: [
        { what: 'Fine', by: 'ICB' },
        { what: '  ', budget: 'ICB' },
      ],
    });
    expect(invalid.__typename).toBe('ValidationError');
    expect(invalid.fieldErrors).toEqual(
      expect.arrayContaining([
        {
          path: ['dcoEmail'],
          message: 'Enter DCO/DMO email address in the correct format, like name@example.nhs.uk',
        },
        {
          path: ['icbExecutiveLead'],
          message: 'ICB executive lead for SEND must be 200 characters or fewer',
        },
        {
          path: ['jointCommissioning', '1', 'what'],
          message: 'Arrangement 2: Enter what is commissioned',
        },
      ]),
    );
    expect((await section('icb@northshire.example'))!.version).toBe(version);
  });
});
