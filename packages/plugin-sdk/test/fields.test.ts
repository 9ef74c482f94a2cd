// Field kinds, their messages, and the stored / update schemas.
import { describe, expect, test } from 'vitest';
import { defineFields, field } from '../src/fields.ts';
import { createSectionUi } from '../src/ui/index.tsx';
import sample, { sampleFields } from './sample-plugin.ts';

const messages = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => (result.error?.issues ?? []).map((i) => [i.path.map(String).join('.'), i.message]);

describe('defineFields', () => {
  test('meta lists labels, hints, kinds and limits in order', () => {
    expect(sampleFields.meta.map((m) => [m.name, m.kind])).toEqual([
      ['localOfferUrl', 'url'],
      ['contactEmail', 'email'],
      ['npqSencoCount', 'integer'],
      ['ratio', 'decimal'],
      ['budget', 'money'],
      ['reviewedOn', 'date'],
      ['summary', 'longText'],
      ['published', 'boolean'],
      ['phase', 'choice'],
      ['arrangements', 'list'],
      ['earlyYears', 'group'],
    ]);
    expect(sampleFields.meta[0]).toMatchObject({
      label: 'Local offer',
      hint: 'Link to the local offer page',
      required: false,
    });
    expect(sampleFields.meta[9]!.fields!.map((f) => f.name)).toEqual(['what', 'by', 'budget']);
  });

  test('the stored schema: omitted is null, lists [] and groups all null', () => {
    expect(sampleFields.schema.parse({})).toEqual({
      localOfferUrl: null,
      contactEmail: null,
      npqSencoCount: null,
      ratio: null,
      budget: null,
      reviewedOn: null,
      summary: null,
      published: null,
      phase: null,
      arrangements: [],
      earlyYears: { url: null, summary: null },
    });
  });

  test('the update schema: omitted is absent (unchanged), blank and null clear, values are trimmed and parsed', () => {
    const parsed = sampleFields.updateSchema.parse({
      planId: 'p',
      version: 1,
      summary: '  Hello ',
      contactEmail: '',
      npqSencoCount: '12',
      ratio: null,
    });
    expect(parsed).toEqual({
      planId: 'p',
      version: 1,
      summary: 'Hello',
      contactEmail: null,
      npqSencoCount: 12,
      ratio: null,
    });
  });

  test('GOV.UK-style messages say what to fix', () => {
    const result = sampleFields.updateSchema.safeParse({
      localOfferUrl: 'http://example.org',
      contactEmail: 'nope',
      npqSencoCount: -1,
      ratio: 2,
      budget: 10.555,
      reviewedOn: '2026-02-30',
      summary: 'x'.repeat(51),
      phase: 'NURSERY',
      arrangements: [{ what: 'Therapy', budget: -1 }, { by: 'ICB' }],
    });
    expect(messages(result)).toEqual([
      ['localOfferUrl', 'Enter a real web address starting with https://'],
      ['contactEmail', 'Enter contact email in the correct format, like name@example.org'],
      ['npqSencoCount', 'Number of SENCos must be 0 or more'],
      ['ratio', 'Ratio must be 1 or less'],
      ['budget', 'Budget must be in pounds and pence, like 1250.50'],
      ['reviewedOn', 'Last reviewed must be a real date, like 2026-03-31'],
      ['summary', 'Summary must be 50 characters or fewer'],
      ['phase', 'Select phase'],
      ['arrangements.0.budget', 'Arrangement 1: From which budget must be 0 or more'],
      ['arrangements.1.what', 'Arrangement 2: Enter what is commissioned'],
    ]);
  });

  test('numbers that are not numbers, and whole numbers', () => {
    const f = defineFields({ count: field.integer({ label: 'Number of places', min: 0 }) });
    expect(messages(f.updateSchema.safeParse({ count: 'lots' }))).toEqual([
      ['count', 'Enter number of places as a number'],
    ]);
    expect(messages(f.updateSchema.safeParse({ count: 1.5 }))).toEqual([
      ['count', 'Number of places must be a whole number'],
    ]);
    expect(f.updateSchema.parse({ count: '1,250' })).toEqual({ count: 1250 });
  });

  test('a required field refuses blank', () => {
    const f = defineFields({
      name: field.text({ label: 'Name', required: true }),
      on: field.boolean({ label: 'Published' }),
    });
    expect(messages(f.updateSchema.safeParse({ name: ' ' }))).toEqual([['name', 'Enter name']]);
    expect(f.updateSchema.parse({ on: 'yes' })).toEqual({ on: true });
  });

  test('read() keeps what parses and drops what does not (data from an older version)', () => {
    expect(
      sampleFields.read({
        summary: 'Kept',
        npqSencoCount: 'not a number',
        arrangements: [{ what: 'A', extra: 1 }],
        stray: 1,
      }),
    ).toMatchObject({
      summary: 'Kept',
      npqSencoCount: null,
      arrangements: [{ what: 'A', by: null, budget: null }],
    });
  });

  test('field names are camelCase and planId/version are reserved', () => {
    expect(() => defineFields({ 'bad-name': field.text({ label: 'X' }) })).toThrow(
      'must be camelCase',
    );
    expect(() => defineFields({ version: field.text({ label: 'X' }) })).toThrow(
      '"version" is reserved',
    );
  });
});

describe('a section as a frozen version describes it', () => {
  test('each part of a group on its own line, and a blank line between list rows', () => {
    const describeSection = sample.sections![0]!.describeFields!;
    const described = describeSection({
      arrangements: [
        { what: 'Speech and language therapy', by: 'ICB', budget: 1200 },
        { what: 'Short breaks' },
      ],
      earlyYears: { url: 'https://example.org/early-years', summary: 'Two hubs' },
    });
    const value = (key: string) => described.find((f) => f.key === key)?.value;
    expect(value('arrangements')).toBe(
      'What is commissioned: Speech and language therapy\nBy whom: ICB\nFrom which budget: £1,200.00' +
        '\n\nWhat is commissioned: Short breaks',
    );
    expect(value('earlyYears')).toBe('Link: https://example.org/early-years\nSummary: Two hubs');
  });
});

describe('field.metricTarget', () => {
  const fields = defineFields({
    summary: field.longText({ label: 'Summary' }),
    goal: field.metricTarget({ label: 'Goal (%)', metric: 'EHC-01', min: 0, max: 100 }),
    outcome: field.group({
      label: 'Outcome',
      fields: {
        measure: field.text({ label: 'Measure' }),
        target: field.metricTarget({ label: 'Target', metric: 'APO-1', noun: 'The APO-1 target' }),
      },
    }),
  });

  test('names its metric in the metadata and lists every target field by path', () => {
    expect(fields.meta[1]).toMatchObject({ name: 'goal', kind: 'metricTarget', metric: 'EHC-01' });
    expect(fields.metricTargets).toEqual([
      { path: 'goal', metric: 'EHC-01', label: 'Goal (%)' },
      { path: 'outcome.target', metric: 'APO-1', label: 'Target' },
    ]);
  });

  test('takes a number (decimals too) within its limits, as an update does', () => {
    expect(fields.updateSchema.parse({ goal: ' 72.5 ' })).toEqual({ goal: 72.5 });
    expect(messages(fields.updateSchema.safeParse({ goal: '101' }))).toEqual([
      ['goal', 'Goal (%) must be 100 or less'],
    ]);
    expect(messages(fields.updateSchema.safeParse({ outcome: { target: 'lots' } }))).toEqual([
      ['outcome.target', 'Enter the APO-1 target as a number'],
    ]);
  });

  test('is refused in a list (a plan has one target per metric) and twice for one metric', () => {
    expect(() =>
      defineFields({
        rows: field.list({
          label: 'Rows',
          itemLabel: 'Row',
          fields: { t: field.metricTarget({ label: 'T', metric: 'EHC-01' }) },
        }),
      }),
    ).toThrow('defineFields: "rows" is a list; a metric target field cannot be in a list');
    expect(() =>
      defineFields({
        a: field.metricTarget({ label: 'A', metric: 'EHC-01' }),
        b: field.metricTarget({ label: 'B', metric: 'EHC-01' }),
      }),
    ).toThrow('defineFields: metric "EHC-01" has more than one target field');
  });
});

describe('numbers as people type them in a form', () => {
  test('a figure may end in a per cent sign; money may not', () => {
    const ui = createSectionUi({
      sectionKey: 'sample',
      fields: defineFields({
        goal: field.metricTarget({ label: 'Goal (%)', metric: 'EHC-01' }),
        share: field.decimal({ label: 'Share' }),
        budget: field.money({ label: 'Budget' }),
      }),
    });
    const form = new FormData();
    form.set('goal', '85%');
    form.set('share', ' 12.5 % ');
    form.set('budget', '50%');
    expect(ui.toVariables(form, { planId: 'p', version: 1 })).toEqual({
      input: { planId: 'p', version: 1, goal: 85, share: 12.5, budget: '50%' },
    });
  });
});
