// The settings directory through the API: the GIAS import (a good file, re-import by URN, every kind
// of bad file refused row by row with nothing written), settings added by hand, plugin settings
// fields, who may change what, and the tailored list frozen into a plan version's snapshot.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { encodeGlobalId } from '../src/ids.ts';
import type { LipPlugin, SettingsFieldsDefinition } from '../src/index.ts';
import { readSnapshot } from '../src/read-snapshot.ts';
import { bootCore, type TestCore } from './support/core.ts';
import { testPlugins } from './support/plugins.ts';

const NORTHSHIRE = encodeGlobalId('Partnership', 'demo-partnership-northshire');
const SOUTHVALE = encodeGlobalId('Partnership', 'demo-partnership-southvale');
const PLAN = encodeGlobalId('Plan', 'demo-plan-northshire-lip-2026');
const FIXTURES = new URL('./fixtures/gias/', import.meta.url);
const GOOD = readFileSync(new URL('northshire-establishments.csv', FIXTURES), 'utf8');
const BAD = readFileSync(new URL('northshire-establishments-bad.csv', FIXTURES), 'utf8');

/** A tiny settings-fields definition, as the SDK builds one from field builders. */
function fieldsOf(
  categories: SettingsFieldsDefinition['categories'],
  key: string,
  label: string,
  check: (value: string) => string | null,
  fromGias?: SettingsFieldsDefinition['fromGias'],
): SettingsFieldsDefinition {
  return {
    categories,
    meta: [{ key, label, kind: 'text' }],
    validate(data) {
      const value = (data as Record<string, unknown>)[key];
      const text = value == null ? '' : String(value).trim();
      if (text === '') return { ok: true, values: { [key]: null } };
      const problem = check(text);
      return problem
        ? { ok: false, errors: [{ path: [key], message: problem }] }
        : { ok: true, values: { [key]: text } };
    },
    describe: (data) => [
      {
        key,
        label,
        value: String((data as Record<string, unknown> | null)?.[key] ?? ''),
      },
    ],
    ...(fromGias ? { fromGias } : {}),
  };
}

const plugins: LipPlugin[] = testPlugins.map((plugin) => {
  if (plugin.id === 'education')
    return {
      ...plugin,
      settingsFields: fieldsOf(
        [
          'MAINSTREAM',
          'MAINSTREAM_WITH_RESOURCED_PROVISION_OR_SEN_UNIT',
          'SPECIAL',
          'INDEPENDENT_SPECIAL',
        ],
        'senUnitPlaces',
        'SEN unit places',
        (v) => (/^\d+$/.test(v) ? null : 'SEN unit places must be a whole number'),
        (row) => ({ senUnitPlaces: row['SenUnitCapacity'] ?? null }),
      ),
    };
  if (plugin.id === 'alternative-provision')
    return {
      ...plugin,
      settingsFields: fieldsOf(['ALTERNATIVE_PROVISION'], 'tier', 'Tier', (v) =>
        ['1', '2', '3'].includes(v) ? null : 'Choose tier 1, 2 or 3',
      ),
    };
  return plugin;
});

let t: TestCore;
beforeAll(async () => {
  t = await bootCore(plugins);
});
afterAll(() => t?.close());

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
/** The file's settings (URNs 9900xx), apart from the demo directory's (9901xx and one without). */
const FROM_FILE = { partnershipId: 'demo-partnership-northshire', urn: { startsWith: '9900' } };
const settingCount = () => t.db.prisma.setting.count({ where: FROM_FILE });
const fromFile = (urns: (string | null | undefined)[]) =>
  urns.filter((u): u is string => Boolean(u?.startsWith('9900')));

interface ImportResult {
  __typename: string;
  message?: string;
  data?: {
    applied: boolean;
    totalRows: number;
    added: number;
    changed: number;
    unchanged: number;
    closed: number;
    errors: { row: number; column: string | null; message: string }[];
    rows: { row: number; action: string; urn: string; category: string; changes: string | null }[];
  };
}

async function importFile(email: string, csv: string, partnershipId = NORTHSHIRE) {
  const { result } = await t.run<{ result: ImportResult }>(
    await t.as(email),
    /* GraphQL */ `
      mutation ($input: ImportSettingsInput!) {
        result: importSettings(input: $input) {
          __typename
          ... on Error {
            message
          }
          ... on MutationImportSettingsSuccess {
            data {
              applied
              totalRows
              added
              changed
              unchanged
              closed
              errors {
                row
                column
                message
              }
              rows {
                row
                action
                urn
                category
                changes
              }
            }
          }
        }
      }
    `,
    { input: { partnershipId, contentBase64: base64(csv), fileName: 'edubase.csv' } },
  );
  return result;
}

interface SettingView {
  id: string;
  urn: string | null;
  name: string;
  category: string;
  needAreas: string[];
  ageLow: number | null;
  ageHigh: number | null;
  places: number | null;
  status: string;
  closed: boolean;
  source: string;
  version: number;
  pluginFields: { pluginId: string; fields: { key: string; value: string }[] }[];
}
const SETTING = /* GraphQL */ `
  id urn name category needAreas ageLow ageHigh places status closed source version
  pluginFields { pluginId fields { key value } }
`;

async function directory(email: string, args = '') {
  const data = await t.run<{
    node: { settings: { totalCount: number; edges: { node: SettingView }[] } } | null;
  }>(
    await t.as(email),
    `query { node(id: "${NORTHSHIRE}") { ... on Partnership { settings(first: 20${args}) { totalCount edges { node { ${SETTING} } } } } } }`,
  );
  return data.node?.settings ?? null;
}

/** Replaces a column's value in one row of a CSV whose every field is quoted. */
function withCell(csv: string, urn: string, column: string, value: string): string {
  const lines = csv.split('\r\n');
  const header = lines[0]!.slice(1, -1).split('","');
  const at = header.indexOf(column);
  return lines
    .map((line) => {
      if (!line.startsWith(`"${urn}"`)) return line;
      const cells = line.slice(1, -1).split('","');
      cells[at] = value;
      return `"${cells.join('","')}"`;
    })
    .join('\r\n');
}

describe('importing the GIAS establishment file', () => {
  test('a good file adds each establishment once, with category, need areas, ages and places', async () => {
    const result = await importFile('lead@northshire.example', GOOD);
    expect(result.__typename).toBe('MutationImportSettingsSuccess');
    expect(result.data).toMatchObject({
      applied: true,
      totalRows: 7,
      added: 7,
      changed: 0,
      unchanged: 0,
      closed: 1,
      errors: [],
    });
    const demo =
      (await t.db.prisma.setting.count({
        where: { partnershipId: 'demo-partnership-northshire' },
      })) - (await settingCount());
    const all = await directory('viewer@northshire.example', ', includeClosed: true');
    expect(all?.totalCount).toBe(7 + demo);
    const byUrn = new Map(all!.edges.map((e) => [e.node.urn, e.node]));
    expect(byUrn.get('990001')).toMatchObject({
      category: 'MAINSTREAM',
      ageLow: 4,
      ageHigh: 11,
      places: 420,
      source: 'GIAS',
    });
    expect(byUrn.get('990002')).toMatchObject({
      category: 'MAINSTREAM_WITH_RESOURCED_PROVISION_OR_SEN_UNIT',
      needAreas: ['CI'],
      places: 12,
    });
    expect(byUrn.get('990003')).toMatchObject({ category: 'SPECIAL', needAreas: ['CL', 'SP'] });
    expect(byUrn.get('990004')).toMatchObject({
      category: 'INDEPENDENT_SPECIAL',
      needAreas: ['SEMH'],
    });
    expect(byUrn.get('990005')).toMatchObject({ category: 'ALTERNATIVE_PROVISION' });
    expect(byUrn.get('990006')).toMatchObject({ status: 'Closed', closed: true });
    // The education plugin read its field from the GIAS row.
    expect(byUrn.get('990007')).toMatchObject({
      category: 'MAINSTREAM_WITH_RESOURCED_PROVISION_OR_SEN_UNIT',
      needAreas: ['CI', 'SP'],
      places: 8,
      pluginFields: [{ pluginId: 'education', fields: [{ key: 'senUnitPlaces', value: '8' }] }],
    });
    // Closed settings are kept but are not listed unless asked for.
    expect((await directory('viewer@northshire.example'))?.totalCount).toBe(6 + demo);
    // Filters.
    const special = await directory('lead@northshire.example', ', category: SPECIAL');
    expect(fromFile(special!.edges.map((e) => e.node.urn))).toEqual(['990003']);
    const semh = await directory('lead@northshire.example', ', needArea: SEMH');
    expect(fromFile(semh!.edges.map((e) => e.node.urn)).sort()).toEqual(['990004', '990005']);
  });

  test('importing the same file again changes nothing; a changed file updates by URN', async () => {
    const again = await importFile('lead@northshire.example', GOOD);
    expect(again.data).toMatchObject({ applied: true, added: 0, changed: 0, unchanged: 7 });
    expect(await settingCount()).toBe(7);

    let next = withCell(GOOD, '990001', 'SchoolCapacity', '450');
    next = withCell(next, '990004', 'EstablishmentStatus (name)', 'Closed');
    const changed = await importFile('lead@northshire.example', next);
    expect(changed.data).toMatchObject({
      applied: true,
      added: 0,
      changed: 2,
      unchanged: 5,
      closed: 1,
    });
    expect(changed.data!.rows.find((r) => r.urn === '990001')).toMatchObject({
      action: 'CHANGE',
      changes: 'places',
    });
    expect(await settingCount()).toBe(7);
    const hillview = await t.db.prisma.setting.findFirstOrThrow({ where: { urn: '990004' } });
    expect(hillview.closedAt).not.toBeNull();
    // Open again in the next file: back on the list.
    await importFile('lead@northshire.example', GOOD);
    const reopened = await t.db.prisma.setting.findFirstOrThrow({ where: { urn: '990004' } });
    expect(reopened.closedAt).toBeNull();
  });

  test('a bad file is reported row by row and nothing is written', async () => {
    const before = await t.db.prisma.setting.findMany({ orderBy: { id: 'asc' } });
    const result = await importFile('lead@northshire.example', BAD);
    expect(result.data?.applied).toBe(false);
    expect(result.data?.errors).toEqual([
      {
        row: 3,
        column: 'ResourcedProvisionCapacity',
        message: expect.stringContaining('must be a whole number'),
      },
      { row: 4, column: 'URN', message: 'URN 990001 is also on row 2: each establishment once' },
      {
        row: 5,
        column: 'GSSLACode (name)',
        message: expect.stringContaining('outside Northshire'),
      },
    ]);
    expect(await t.db.prisma.setting.findMany({ orderBy: { id: 'asc' } })).toEqual(before);
  });

  test('unknown and missing columns are refused before any row', async () => {
    const unknown = GOOD.replace('"EstablishmentNumber"', '"Favourite colour"');
    const a = await importFile('lead@northshire.example', unknown);
    expect(a.data?.applied).toBe(false);
    expect(a.data?.errors).toEqual([
      { row: 1, column: 'Favourite colour', message: expect.stringContaining('is not a column') },
    ]);
    const missing = GOOD.replace('"URN"', '"Reference"');
    const b = await importFile('lead@northshire.example', missing);
    expect(b.data?.errors.map((e) => e.column)).toEqual(['Reference', 'URN']);
    const notCsv = await importFile('lead@northshire.example', 'URN,"EstablishmentName\n1,x');
    expect(notCsv.data?.applied).toBe(false);
    expect(notCsv.data?.errors[0]?.message).toMatch(/not valid CSV/);
  });

  test('a good row beside a bad one is not written either', async () => {
    const mixed = withCell(
      GOOD.replace('"990007"', '"990017"'),
      '990017',
      'StatutoryLowAge',
      'four',
    );
    const result = await importFile('lead@northshire.example', mixed);
    expect(result.data?.applied).toBe(false);
    expect(result.data?.errors).toHaveLength(1);
    expect(await t.db.prisma.setting.count({ where: { urn: '990017' } })).toBe(0);
  });
});

describe('who may change settings', () => {
  const create = async (email: string, input: Record<string, unknown>) => {
    const { result } = await t.run<{
      result: {
        __typename: string;
        message?: string;
        fieldErrors?: { path: string[]; message: string }[];
        data?: SettingView;
      };
    }>(
      await t.as(email),
      /* GraphQL */ `
        mutation ($input: CreateSettingInput!) {
          result: createSetting(input: $input) {
            __typename
            ... on Error { message }
            ... on ValidationError { fieldErrors { path message } }
            ... on MutationCreateSettingSuccess { data { ${SETTING} } }
          }
        }
      `,
      { input: { partnershipId: NORTHSHIRE, ...input } },
    );
    return result;
  };

  test('viewers and other partnerships cannot; the AP editor changes AP only', async () => {
    const ap = { name: 'Northshire Tuition Centre', category: 'ALTERNATIVE_PROVISION' };
    expect((await create('viewer@northshire.example', ap)).__typename).toBe('ForbiddenError');
    expect((await create('lead@southvale.example', ap)).__typename).toBe('NotFoundError');
    expect(await directory('lead@southvale.example')).toBeNull();
    const special = await create('ap@northshire.example', {
      name: 'Somewhere Special',
      category: 'INDEPENDENT_SPECIAL',
    });
    expect(special).toMatchObject({
      __typename: 'ForbiddenError',
      message: 'You cannot change independent special settings',
    });
    const made = await create('ap@northshire.example', {
      ...ap,
      needAreas: ['SEMH'],
      ageLow: 11,
      ageHigh: 16,
      places: 24,
      pluginFields: [{ key: 'alternative-provision.tier', value: '2' }],
    });
    expect(made.__typename).toBe('MutationCreateSettingSuccess');
    expect(made.data).toMatchObject({
      source: 'MANUAL',
      urn: null,
      pluginFields: [{ pluginId: 'alternative-provision', fields: [{ key: 'tier', value: '2' }] }],
    });
    // The education editor cannot import a file with AP in it.
    const edu = await importFile('education@northshire.example', GOOD);
    expect(edu.data?.applied).toBe(false);
    expect(edu.data?.errors).toEqual([
      {
        row: 6,
        column: 'TypeOfEstablishment (name)',
        message: 'You cannot change alternative provision settings: ask the partnership lead',
      },
    ]);
  });

  test("a plugin's fields are checked by its own definitions", async () => {
    const bad = await create('lead@northshire.example', {
      name: 'Tier Four',
      category: 'ALTERNATIVE_PROVISION',
      pluginFields: [{ key: 'alternative-provision.tier', value: '4' }],
    });
    expect(bad).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [
        {
          path: ['pluginFields', 'alternative-provision', 'tier'],
          message: 'Choose tier 1, 2 or 3',
        },
      ],
    });
    const wrongCategory = await create('lead@northshire.example', {
      name: 'Tier on a school',
      category: 'MAINSTREAM',
      pluginFields: [{ key: 'alternative-provision.tier', value: '1' }],
    });
    expect(wrongCategory.__typename).toBe('ValidationError');
    const duplicate = await create('lead@northshire.example', {
      name: 'Another',
      urn: '990001',
      category: 'INDEPENDENT_SPECIAL',
    });
    expect(duplicate).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [
        { path: ['urn'], message: 'A setting with URN 990001 is already in the directory' },
      ],
    });
  });

  test('settings added by hand are changed and removed; GIAS settings stay', async () => {
    const lead = await t.as('lead@northshire.example');
    const made = await create('lead@northshire.example', {
      name: 'Meadow House',
      category: 'INDEPENDENT_SPECIAL',
      postcode: 'ns9 1zz',
    });
    const id = made.data!.id;
    const { updated } = await t.run<{ updated: { __typename: string; data?: SettingView } }>(
      lead,
      `mutation { updated: updateSetting(input: { id: "${id}", version: 1, places: 30, needAreas: [CI] }) {
        __typename ... on MutationUpdateSettingSuccess { data { ${SETTING} } } } }`,
    );
    expect(updated.data).toMatchObject({ places: 30, needAreas: ['CI'], version: 2 });
    const { stale } = await t.run<{ stale: { __typename: string } }>(
      lead,
      `mutation { stale: updateSetting(input: { id: "${id}", version: 1, places: 31 }) { __typename } }`,
    );
    expect(stale.__typename).toBe('ForbiddenError');
    const gias = await t.db.prisma.setting.findFirstOrThrow({ where: { urn: '990003' } });
    const giasId = encodeGlobalId('Setting', gias.id);
    const { removeGias, renameGias } = await t.run<{
      removeGias: { __typename: string };
      renameGias: { __typename: string };
    }>(
      lead,
      `mutation {
        removeGias: removeSetting(input: { id: "${giasId}" }) { __typename }
        renameGias: updateSetting(input: { id: "${giasId}", version: ${gias.version}, name: "X" }) { __typename }
      }`,
    );
    expect(removeGias.__typename).toBe('ForbiddenError');
    expect(renameGias.__typename).toBe('ValidationError');
    const { removed } = await t.run<{ removed: { __typename: string } }>(
      lead,
      `mutation { removed: removeSetting(input: { id: "${id}" }) { __typename } }`,
    );
    expect(removed.__typename).toBe('MutationRemoveSettingSuccess');
    expect(await t.db.prisma.setting.count({ where: { name: 'Meadow House' } })).toBe(0);
  });
});

describe('the tailored list', () => {
  test('is chosen per plan and frozen into the version’s snapshot, closed settings left out', async () => {
    const lead = await t.as('lead@northshire.example');
    const ids = async (...urns: string[]) =>
      (await t.db.prisma.setting.findMany({ where: { urn: { in: urns } } })).map((s) =>
        encodeGlobalId('Setting', s.id),
      );
    const closed = await ids('990006');
    const { refused } = await t.run<{ refused: { __typename: string } }>(
      lead,
      `mutation { refused: setTailoredList(input: { planId: "${PLAN}", add: ${JSON.stringify(closed)} }) { __typename } }`,
    );
    expect(refused.__typename).toBe('ValidationError');
    const chosen = await ids('990002', '990003', '990005');
    const { set } = await t.run<{
      set: { __typename: string; data?: { tailoredList: { urn: string }[] } };
    }>(
      lead,
      `mutation { set: setTailoredList(input: { planId: "${PLAN}", add: ${JSON.stringify(chosen)} }) {
        __typename ... on MutationSetTailoredListSuccess { data { tailoredList { urn } } } } }`,
    );
    expect(fromFile(set.data!.tailoredList.map((s) => s.urn))).toEqual([
      '990002',
      '990003',
      '990005',
    ]);
    // The viewer reads the list but cannot change it.
    const viewer = await t.as('viewer@northshire.example');
    const { viewerTry } = await t.run<{ viewerTry: { __typename: string } }>(
      viewer,
      `mutation { viewerTry: setTailoredList(input: { planId: "${PLAN}", remove: ${JSON.stringify(chosen)} }) { __typename } }`,
    );
    expect(viewerTry.__typename).toBe('ForbiddenError');

    // Freeze a version: the snapshot carries the list.
    const { submit } = await t.run<{ submit: { __typename: string } }>(
      lead,
      `mutation { submit: submitPlan(input: { planId: "${PLAN}" }) { __typename ... on Error { message } } }`,
    );
    expect(submit.__typename).toBe('MutationSubmitPlanSuccess');
    const version = await t.db.prisma.planVersion.findFirstOrThrow({
      where: { planId: 'demo-plan-northshire-lip-2026' },
      orderBy: { number: 'desc' },
    });
    const snapshot = readSnapshot(version.snapshot);
    expect(
      snapshot.settings?.filter((s) => s.urn?.startsWith('9900')).map((s) => [s.urn, s.category]),
    ).toEqual([
      ['990002', 'MAINSTREAM_WITH_RESOURCED_PROVISION_OR_SEN_UNIT'],
      ['990003', 'SPECIAL'],
      ['990005', 'ALTERNATIVE_PROVISION'],
    ]);
    // Once submitted, the list is frozen until a revision.
    const { late } = await t.run<{ late: { __typename: string } }>(
      lead,
      `mutation { late: setTailoredList(input: { planId: "${PLAN}", remove: ${JSON.stringify(chosen)} }) { __typename } }`,
    );
    expect(late.__typename).toBe('ForbiddenError');
    // A snapshot from before the settings directory has no list, and still reads.
    const { settings: _none, ...older } = snapshot;
    void _none;
    expect(readSnapshot(older).settings).toBeUndefined();
  });

  test('another partnership cannot put Northshire settings on its plan', async () => {
    const southvaleLead = await t.as('lead@southvale.example');
    const setting = await t.db.prisma.setting.findFirstOrThrow({ where: { urn: '990001' } });
    const { other } = await t.run<{ other: { __typename: string } }>(
      southvaleLead,
      `mutation { other: setTailoredList(input: { planId: "${encodeGlobalId('Plan', 'demo-plan-southvale-lip-2026')}", add: ["${encodeGlobalId('Setting', setting.id)}"] }) { __typename } }`,
    );
    expect(other.__typename).toBe('ValidationError');
    expect(SOUTHVALE).not.toBe(NORTHSHIRE);
  });
});
