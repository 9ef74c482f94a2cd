// The tailored list in a publication: grouping and filtering for the public page, settings.csv,
// setting_fields.csv and settings.json, and the publication's JSON Schema with and without a list.
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { Publication, SnapshotSetting } from '@lip/core/snapshot';
import {
  ageRangeText,
  filterSettings,
  groupSettings,
  publicationJsonSchema,
  renderJson,
  renderSettingsCsv,
  renderSettingsJson,
} from '../src/index.ts';
import { parseCsvRecords } from './csv-parse.ts';
import { fixturePublication } from './fixtures.ts';

const setting = (over: Partial<SnapshotSetting>): SnapshotSetting => ({
  urn: '990001',
  name: 'Northshire Primary School',
  category: 'MAINSTREAM',
  establishmentType: 'Community school',
  phase: 'Primary',
  laCode: '990',
  postcode: 'NS1 1AA',
  status: 'Open',
  needAreas: [],
  ageLow: 4,
  ageHigh: 11,
  places: 420,
  source: 'GIAS',
  fields: [],
  ...over,
});

const LIST: SnapshotSetting[] = [
  setting({}),
  setting({
    urn: '990003',
    name: 'Riverside Special School',
    category: 'SPECIAL',
    needAreas: ['CL', 'SP'],
    places: 140,
  }),
  setting({
    urn: null,
    name: '=Tuition Centre',
    category: 'ALTERNATIVE_PROVISION',
    needAreas: ['SEMH'],
    source: 'MANUAL',
    ageLow: 11,
    ageHigh: null,
    fields: [
      {
        key: 'alternative-provision.tier',
        label: 'AP tier',
        value: 'Tier 2: time-limited placements in AP',
      },
    ],
  }),
];

function withList(settings: SnapshotSetting[] | undefined): Publication {
  const base = fixturePublication();
  return { ...base, snapshot: { ...base.snapshot, ...(settings ? { settings } : {}) } };
}

describe('the tailored list', () => {
  it('groups by category in order and filters by category and area of need', () => {
    expect(groupSettings(LIST).map((g) => [g.category, g.settings.length])).toEqual([
      ['MAINSTREAM', 1],
      ['SPECIAL', 1],
      ['ALTERNATIVE_PROVISION', 1],
    ]);
    expect(filterSettings(LIST, { needArea: 'SEMH' }).map((s) => s.name)).toEqual([
      '=Tuition Centre',
    ]);
    expect(filterSettings(LIST, { category: 'SPECIAL', needArea: 'SEMH' })).toEqual([]);
    expect(ageRangeText(LIST[2]!)).toBe('from 11');
  });

  it('writes settings.csv and setting_fields.csv, formula-safe', () => {
    const [settings, fields] = renderSettingsCsv(withList(LIST));
    const rows = parseCsvRecords(settings!.content);
    expect(rows).toHaveLength(3);
    expect(rows[1]).toMatchObject({
      plan_version: String(fixturePublication().snapshot.plan.versionNumber),
      urn: '990003',
      category: 'SPECIAL',
      need_areas: 'CL; SP',
      places: '140',
    });
    expect(rows[2]!.name).toBe("'=Tuition Centre");
    expect(parseCsvRecords(fields!.content)).toEqual([
      expect.objectContaining({
        field_key: 'alternative-provision.tier',
        value: 'Tier 2: time-limited placements in AP',
      }),
    ]);
    const filtered = renderSettingsCsv(withList(LIST), { category: 'SPECIAL' });
    expect(parseCsvRecords(filtered[0]!.content).map((r) => r.urn)).toEqual(['990003']);
  });

  it('writes settings.json with the filter it was asked for', () => {
    const json = JSON.parse(renderSettingsJson(withList(LIST), { needArea: 'CL' })) as {
      filter: unknown;
      settings: { urn: string }[];
    };
    expect(json.filter).toEqual({ category: null, needArea: 'CL' });
    expect(json.settings.map((s) => s.urn)).toEqual(['990003']);
  });

  it('the publication validates against its JSON Schema with a list and without one', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    addFormats.default(ajv);
    const validate = ajv.compile(publicationJsonSchema);
    for (const publication of [withList(LIST), withList(undefined)]) {
      const ok = validate(JSON.parse(renderJson(publication)));
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    }
  });
});
