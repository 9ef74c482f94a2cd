import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { publicationJsonSchema, renderJson } from '../src/index.ts';
import { EVIDENCE, FORUM_CONCERNS, PLUGIN_COUNTS, fixturePublication } from './fixtures.ts';

const publication = fixturePublication();

function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats.default(ajv);
  return ajv.compile(publicationJsonSchema);
}

/** The same data with every object's keys reversed. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reverseKeys(v)]),
  );
}

describe('renderJson', () => {
  const json = renderJson(publication);

  it('validates against the published JSON Schema (2020-12)', () => {
    const validate = validator();
    const valid = validate(JSON.parse(json));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('round-trips: parsing it gives back the publication', () => {
    expect(JSON.parse(json)).toEqual(publication);
  });

  it('writes keys in a stable, documented order whatever order the input had', () => {
    expect(renderJson(reverseKeys(publication) as typeof publication)).toBe(json);
    expect(Object.keys(JSON.parse(json))).toEqual(['snapshot', 'version']);
    expect(Object.keys(JSON.parse(json).snapshot)).toEqual([
      'format',
      'takenAt',
      'plan',
      'partnership',
      'organisations',
      'framework',
      'sections',
      'commitments',
      'coverage',
      'metrics',
      'coproduction',
    ]);
    expect(json.endsWith('}\n')).toBe(true);
  });

  it('holds each commitment’s evidence and the forum’s concerns as they were recorded', () => {
    const parsed = JSON.parse(json) as typeof publication;
    expect(parsed.snapshot.format).toBe(2);
    const ed01 = parsed.snapshot.commitments.find((c) => c.reference === 'ED-01')!;
    expect(ed01.evidence).toEqual(EVIDENCE['ED-01']);
    expect(Object.keys(ed01.evidence[0]!)).toEqual(['title', 'url', 'note', 'addedOn']);
    expect(parsed.version.signOffs.map((s) => s.concerns)).toEqual([null, null, FORUM_CONCERNS]);
  });

  it('keeps a suppressed cell as a symbol without a value', () => {
    const cell = JSON.parse(json).snapshot.metrics[0].observations.find(
      (o: { symbol: string | null }) => o.symbol === 'c',
    );
    expect(cell).toMatchObject({ value: null, numerator: null, denominator: null, symbol: 'c' });
  });

  it('keeps a plugin’s suppressed counts as "c", with the field’s symbol', () => {
    const fields = JSON.parse(json).snapshot.sections[0].fields as Array<{ key: string }>;
    expect(fields.find((f) => f.key === PLUGIN_COUNTS.key)).toEqual(PLUGIN_COUNTS);
    // A field's symbol can only be c.
    const bad = structuredClone(publication);
    (bad.snapshot.sections[0]!.fields[2] as { symbol: string }).symbol = 'x';
    expect(validator()(JSON.parse(renderJson(bad)))).toBe(false);
  });

  it('is refused by the schema when a field is missing, unknown or malformed', () => {
    const validate = validator();
    const missing = structuredClone(publication) as unknown as {
      snapshot: { plan: Record<string, unknown> };
    };
    delete missing.snapshot.plan.title;
    expect(validate(missing)).toBe(false);
    const extra = structuredClone(publication) as unknown as {
      snapshot: { commitments: Array<Record<string, unknown>> };
    };
    extra.snapshot.commitments[0]!.childName = 'never published';
    expect(validate(extra)).toBe(false);
    const badDate = structuredClone(publication);
    badDate.snapshot.plan.periodStart = '01/04/2026';
    expect(validate(badDate)).toBe(false);
    const badSymbol = structuredClone(publication);
    badSymbol.snapshot.metrics[0]!.observations[0]!.symbol = 'suppressed';
    expect(validate(badSymbol)).toBe(false);
  });
});

describe('publicationJsonSchema', () => {
  it('is checked in unchanged at schema/publication.schema.json (run pnpm schema:write after a change)', () => {
    const checkedIn = JSON.parse(
      readFileSync(new URL('../schema/publication.schema.json', import.meta.url), 'utf8'),
    );
    expect(checkedIn).toEqual(publicationJsonSchema);
  });

  it('is a 2020-12 schema that ajv compiles in strict mode', () => {
    expect(publicationJsonSchema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(() => validator()).not.toThrow();
  });
});
