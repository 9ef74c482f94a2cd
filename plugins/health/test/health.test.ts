import { createTestHarness, type TestHarness } from '@lip/plugin-sdk/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import health from '../src/server/index.ts';

const SECTION = /* GraphQL */ `
  query Health($planId: ID!) {
    plan(id: $planId) { section(key: "health") { key title version viewerCanEdit health { icbExecutiveLead icbExecutiveLeadRole dcoName dcoRole dcoEmail } } }
  }
`;

const UPDATE = /* GraphQL */ `
  mutation Update($input: UpdateHealthSectionInput!) {
    result: updateHealthSection(input: $input) {
      __typename
      ... on MutationUpdateHealthSectionSuccess { data { version health { icbExecutiveLead dcoName dcoEmail } } }
      ... on Error { message }
      ... on ValidationError { fieldErrors { path message } }
      ... on SectionConflictError { current { version health { dcoName } } }
    }
  }
`;

interface UpdateResult {
  result: {
    __typename: string;
    message?: string;
    data?: { version: number; health: { icbExecutiveLead: string | null; dcoName: string | null; dcoEmail: string | null } };
    fieldErrors?: { path: string[]; message: string }[];
    current?: { version: number; health: { dcoName: string | null } };
  };
}

interface SectionResult {
  plan: {
    section: { version: number; viewerCanEdit: boolean; health: Record<string, string | null> | null } | null;
  } | null;
}

let h: TestHarness;
let planId: string;

beforeAll(async () => {
  h = await createTestHarness({ plugins: [health] });
  planId = await h.planId('lead@northshire.example');
});
afterAll(() => h?.close());

async function update(email: string, input: Record<string, unknown>) {
  const result = await h.execute<UpdateResult>({ document: UPDATE, variables: { input: { planId, ...input } }, context: await h.contextFor(email) });
  expect(result.errors).toBeUndefined();
  return result.data!.result;
}

async function section(email: string) {
  const result = await h.execute<SectionResult>({ document: SECTION, variables: { planId }, context: await h.contextFor(email) });
  expect(result.errors).toBeUndefined();
  return result.data!.plan?.section ?? null;
}

describe('the health section', () => {
  test('everyone in the partnership reads it; only the ICB and the lead may edit', async () => {
    const expectations: Record<string, boolean> = {
      'lead@northshire.example': true,
      'icb@northshire.example': true,
      'education@northshire.example': false,
      'care@northshire.example': false,
      'ap@northshire.example': false,
      'forum@northshire.example': false,
      'viewer@northshire.example': false,
    };
    for (const [email, canEdit] of Object.entries(expectations)) {
      const s = await section(email);
      expect(s, email).not.toBeNull();
      expect(s!.viewerCanEdit, email).toBe(canEdit);
      expect(s!.health, email).not.toBeNull();
    }
  });

  test('the ICB edits its fields; the version goes up and omitted fields stay', async () => {
    const before = (await section('icb@northshire.example'))!;
    const saved = await update('icb@northshire.example', {
      version: before.version,
      icbExecutiveLead: 'Dr Priya Shah',
      icbExecutiveLeadRole: 'Chief Nursing Officer',
      dcoName: 'Dr Sam Okafor',
      dcoEmail: 'sam.okafor@northshire.nhs.example',
    });
    expect(saved.__typename).toBe('MutationUpdateHealthSectionSuccess');
    expect(saved.data!.version).toBe(before.version + 1);
    expect(saved.data!.health.dcoName).toBe('Dr Sam Okafor');

    const again = await update('icb@northshire.example', { version: saved.data!.version, dcoName: 'Dr Sam Okafor-Reid' });
    expect(again.data!.health).toEqual({
      icbExecutiveLead: 'Dr Priya Shah',
      dcoName: 'Dr Sam Okafor-Reid',
      dcoEmail: 'sam.okafor@northshire.nhs.example',
    });
  });

  test('the partnership lead edits it too', async () => {
    const { version } = (await section('lead@northshire.example'))!;
    const saved = await update('lead@northshire.example', { version, icbExecutiveLeadRole: 'Director of Nursing' });
    expect(saved.__typename).toBe('MutationUpdateHealthSectionSuccess');
  });

  test('an education section editor is refused', async () => {
    const { version } = (await section('education@northshire.example'))!;
    const refused = await update('education@northshire.example', { version, dcoName: 'Someone else' });
    expect(refused.__typename).toBe('ForbiddenError');
    expect(refused.message).toBe('You can only change sections that your organisation owns');
  });

  test('a viewer is refused', async () => {
    const { version } = (await section('viewer@northshire.example'))!;
    expect((await update('viewer@northshire.example', { version, dcoName: 'X' })).__typename).toBe('ForbiddenError');
  });

  test('another partnership sees nothing: null to read, NotFoundError to write', async () => {
    expect(await section('lead@southvale.example')).toBeNull();
    const refused = await update('lead@southvale.example', { version: 1, dcoName: 'Intruder' });
    expect(refused.__typename).toBe('NotFoundError');
  });

  test("a plan's section with no row yet has version 0, and the first write creates it", async () => {
    const southvalePlan = await h.planId('lead@southvale.example');
    const ctx = await h.contextFor('lead@southvale.example');
    const read = async () =>
      (await h.execute<SectionResult>({ document: SECTION, variables: { planId: southvalePlan }, context: ctx })).data!
        .plan!.section!;
    const before = await read();
    const result = await h.execute<UpdateResult>({
      document: UPDATE,
      variables: { input: { planId: southvalePlan, version: before.version, dcoName: 'Dr Lee' } },
      context: ctx,
    });
    expect(result.data!.result).toMatchObject({
      __typename: 'MutationUpdateHealthSectionSuccess',
      data: { version: before.version + 1, health: { dcoName: 'Dr Lee' } },
    });
    // The same version again is now stale.
    const again = await h.execute<UpdateResult>({
      document: UPDATE,
      variables: { input: { planId: southvalePlan, version: before.version, dcoName: 'Dr Other' } },
      context: ctx,
    });
    expect(again.data!.result.__typename).toBe('SectionConflictError');
  });

  test('a stale version is refused with the current section', async () => {
    const { version } = (await section('icb@northshire.example'))!;
    const first = await update('icb@northshire.example', { version, dcoName: 'First' });
    expect(first.__typename).toBe('MutationUpdateHealthSectionSuccess');
    const stale = await update('icb@northshire.example', { version, dcoName: 'Second' });
    expect(stale.__typename).toBe('SectionConflictError');
    expect(stale.current).toEqual({ version: version + 1, health: { dcoName: 'First' } });
  });

  test('bad input is refused field by field with messages that say what to fix', async () => {
    const { version } = (await section('icb@northshire.example'))!;
    const invalid = await update('icb@northshire.example', {
      version,
      dcoEmail: 'not an email',
      icbExecutiveLead: 'x'.repeat(201),
    });
    expect(invalid.__typename).toBe('ValidationError');
    expect(invalid.fieldErrors).toEqual(
      expect.arrayContaining([
        { path: ['dcoEmail'], message: 'Enter the DCO/DMO email address in the correct format, like name@example.nhs.uk' },
        { path: ['icbExecutiveLead'], message: 'ICB executive lead for SEND must be 200 characters or fewer' },
      ]),
    );
    // Nothing was written.
    expect((await section('icb@northshire.example'))!.version).toBe(version);
  });
});
