// definePlugin with typed fields, through the harness: the generated GraphQL, readiness, metrics,
// suggestions, seed, and createSectionUi's documents and form mapping against the real schema.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createCore } from '@lip/core';
import { definePlugin } from '../src/index.ts';
import { defineFields, field } from '../src/fields.ts';
import { createTestHarness, type TestHarness } from '../src/testing.ts';
import { createSectionUi, sectionGroups } from '../src/ui/index.tsx';
import sample, { sampleFields } from './sample-plugin.ts';

const other = definePlugin({
  id: 'other-thing',
  name: 'Other',
  version: '0.1.0',
  coreRange: '^0.1.0',
  sections: [
    {
      key: 'other-thing',
      title: 'Other',
      position: 99,
      ownerOrganisationTypes: ['integrated-care-board'],
      fields: defineFields({ note: field.text({ label: 'Note' }) }),
    },
  ],
});

let h: TestHarness;
let planId: string;
const ui = createSectionUi({ sectionKey: 'sample', fields: sampleFields });

beforeAll(async () => {
  h = await createTestHarness({ plugins: [sample, other] });
  planId = await h.planId('lead@northshire.example');
});
afterAll(() => h?.close());

async function run<T>(email: string, document: string, variables: Record<string, unknown>) {
  const result = await h.execute<T>({ document, variables, context: await h.contextFor(email) });
  expect(result.errors).toBeUndefined();
  return result.data!;
}

describe('generated GraphQL', () => {
  test('names: SampleSection, Section.sample, UpdateSampleSectionInput, updateSampleSection', () => {
    const schema = h.core.schema;
    expect(schema.getType('SampleSection')).toBeDefined();
    expect(schema.getType('SampleSectionArrangementsItem')).toBeDefined();
    expect(schema.getType('SampleSectionEarlyYears')).toBeDefined();
    expect(schema.getType('SampleSectionPhase')).toBeDefined();
    expect(schema.getType('UpdateSampleSectionInput')).toBeDefined();
    expect(schema.getMutationType()!.getFields()['updateSampleSection']).toBeDefined();
    expect(schema.getMutationType()!.getFields()['updateOtherThingSection']).toBeDefined();
    expect(schema.getType('Section')!.toString()).toBe('Section');
  });

  test("a section's field is null on other sections", async () => {
    const data = await run<{
      plan: { sections: { key: string; sample: unknown; otherThing: unknown }[] };
    }>(
      'viewer@northshire.example',
      'query($planId: ID!) { plan(id: $planId) { sections { key sample { summary } otherThing { note } } } }',
      { planId },
    );
    const byKey = Object.fromEntries(data.plan.sections.map((s) => [s.key, s]));
    expect(byKey['sample']!.otherThing).toBeNull();
    expect(byKey['sample']!.sample).not.toBeNull();
    expect(byKey['other-thing']!.sample).toBeNull();
  });

  test('seed, readiness, metrics and suggested standards', async () => {
    const data = await run<{ plan: { section: Record<string, unknown> } }>(
      'viewer@northshire.example',
      `query($planId: ID!) { plan(id: $planId) { section(key: "sample") {
        isReady readiness { id title passed message } metrics { code title pluginId } suggestedStandards { code title }
        sample { summary arrangements { what by budget } } } } }`,
      { planId },
    );
    expect(data.plan.section).toMatchObject({
      isReady: false,
      readiness: [
        {
          id: 'sample.local-offer',
          title: 'Local offer linked',
          passed: false,
          message: 'Add a link to the local offer',
        },
        { id: 'sample.arrangements', title: 'Arrangements recorded', passed: true, message: null },
      ],
      metrics: [
        { code: 'EHC-01', pluginId: 'sample' },
        { code: 'SEN-01', pluginId: 'sample' },
        { code: 'SMP-1', title: 'Sample measure', pluginId: 'sample' },
      ],
      suggestedStandards: [{ code: 'SA-02' }, { code: 'SA-03' }],
      sample: {
        summary: 'Seeded',
        arrangements: [{ what: 'Speech therapy', by: 'ICB', budget: 1000 }],
      },
    });
  });

  test('a section without readiness checks is ready, with no metrics or suggestions', async () => {
    const data = await run<{ plan: { section: Record<string, unknown> } }>(
      'viewer@northshire.example',
      'query($planId: ID!) { plan(id: $planId) { section(key: "other-thing") { isReady readiness { id } metrics { code } suggestedStandards { code } } } }',
      { planId },
    );
    expect(data.plan.section).toEqual({
      isReady: true,
      readiness: [],
      metrics: [],
      suggestedStandards: [],
    });
  });
});

describe('createSectionUi against the real schema', () => {
  test("the editor's form goes through toVariables and the mutation; toValues reads it back", async () => {
    const read = () =>
      run<{ plan: { section: { version: number } & Record<string, unknown> } }>(
        'lead@northshire.example',
        ui.query,
        { planId },
      );
    const before = (await read()).plan.section;
    const values = ui.toValues(before);
    expect(values['arrangements.0.what']).toBe('Speech therapy');

    const form = new FormData();
    for (const [k, v] of Object.entries(values)) form.set(k, v);
    form.set('localOfferUrl', 'https://northshire.example/local-offer');
    form.set('npqSencoCount', '12');
    form.set('budget', '£1,250.50');
    form.set('published', 'true');
    form.set('phase', 'PRIMARY');
    form.set('reviewedOn', '2026-03-31');
    form.set('arrangements.1.what', 'Occupational therapy');
    form.set('arrangements.1.by', '');
    form.set('arrangements.1.budget', '300');
    form.set('arrangements.2.what', '');
    form.set('earlyYears.url', 'https://northshire.example/early-years');

    const saved = await run<{ result: { __typename: string } }>(
      'lead@northshire.example',
      ui.mutation,
      ui.toVariables(form, { planId, version: before.version }),
    );
    expect(saved.result.__typename).toBe('MutationUpdateSampleSectionSuccess');
    const after = ui.toValues((await read()).plan.section);
    expect(after).toMatchObject({
      localOfferUrl: 'https://northshire.example/local-offer',
      npqSencoCount: '12',
      budget: '1250.5',
      published: 'true',
      phase: 'PRIMARY',
      reviewedOn: '2026-03-31',
      'arrangements.1.what': 'Occupational therapy',
      'arrangements.1.by': '',
      'earlyYears.url': 'https://northshire.example/early-years',
    });
    expect(after['arrangements.2.what']).toBeUndefined();

    const html = renderToStaticMarkup(
      createElement(ui.Editor, {
        values: after,
        errors: { arrangements: 'Arrangement 2: Enter what is commissioned' },
      }),
    );
    // The saved rows plus one blank row.
    expect(html).toContain('name="arrangements.2.what"');
    expect(html).not.toContain('name="arrangements.3.what"');
    expect(html).toContain('id="arrangements"');
    expect(html).toContain('Arrangement 2: Enter what is commissioned');
    const summary = renderToStaticMarkup(
      createElement(ui.Summary, { section: (await read()).plan.section }),
    );
    expect(summary).toContain('£1,250.50');
    expect(summary).toContain('Primary');
  });

  test('groups: each group or list field alone, runs of other fields together (decision 023)', () => {
    expect(sectionGroups(sampleFields.meta)).toEqual([
      {
        key: 'details',
        title: 'Section details',
        fields: [
          'localOfferUrl',
          'contactEmail',
          'npqSencoCount',
          'ratio',
          'budget',
          'reviewedOn',
          'summary',
          'published',
          'phase',
        ],
      },
      { key: 'arrangements', title: 'Joint commissioning arrangements', fields: ['arrangements'] },
      { key: 'earlyYears', title: 'Early years', fields: ['earlyYears'] },
    ]);
    const meta = defineFields({
      a: field.text({ label: 'A' }),
      g: field.group({ label: 'G', fields: { x: field.text({ label: 'X' }) } }),
      b: field.text({ label: 'B' }),
      c: field.text({ label: 'C' }),
      l: field.list({ label: 'L', itemLabel: 'Row', fields: { y: field.text({ label: 'Y' }) } }),
      d: field.text({ label: 'D' }),
      e: field.text({ label: 'E' }),
    }).meta;
    expect(sectionGroups(meta).map((g) => [g.key, g.title, g.fields])).toEqual([
      ['a', 'A', ['a']],
      ['g', 'G', ['g']],
      ['details', 'Section details', ['b', 'c']],
      ['l', 'L', ['l']],
      ['details-2', 'More section details', ['d', 'e']],
    ]);
    // A plugin with its own editor changes its section on one page: no groups.
    const own = createSectionUi({ sectionKey: 'sample', fields: sampleFields, Editor: () => null });
    expect(own.groups).toBeUndefined();
  });

  test("one group's form, with that group's baseline, saves that group and leaves the others", async () => {
    const read = async () =>
      (
        await run<{ plan: { section: { version: number } & Record<string, unknown> } }>(
          'lead@northshire.example',
          ui.query,
          { planId },
        )
      ).plan.section;
    const before = await read();
    const values = ui.toValues(before);
    const group = ui.groups?.find((g) => g.key === 'earlyYears');
    expect(group).toBeDefined();
    const inGroup = (name: string) => name === 'earlyYears' || name.startsWith('earlyYears.');
    const baseline = Object.fromEntries(Object.entries(values).filter(([k]) => inGroup(k)));
    // The group's editor renders its fields only.
    const html = renderToStaticMarkup(
      createElement(ui.Editor, { values, errors: {}, group: 'earlyYears' }),
    );
    expect(html).toContain('name="earlyYears.summary"');
    expect(html).not.toContain('name="localOfferUrl"');
    expect(html).not.toContain('name="arrangements.0.what"');
    // Its form: only its fields.
    const form = new FormData();
    for (const [k, v] of Object.entries(baseline)) form.set(k, v);
    form.set('earlyYears.summary', 'Every setting: a SENCo and a graduated approach.');
    const variables = ui.toVariables(form, { planId, version: before.version, baseline });
    expect(Object.keys(variables.input).sort()).toEqual([
      'base',
      'earlyYears',
      'planId',
      'version',
    ]);
    const saved = await run<{ result: { __typename: string } }>(
      'lead@northshire.example',
      ui.mutation,
      variables,
    );
    expect(saved.result.__typename).toBe('MutationUpdateSampleSectionSuccess');
    const after = ui.toValues(await read());
    expect(after).toEqual({
      ...values,
      'earlyYears.summary': 'Every setting: a SENCo and a graduated approach.',
    });
    // The group's summary rows: its own fields.
    const rows = ui.groupRows?.(await read(), 'earlyYears') ?? [];
    expect(rows.map((r) => r.key)).toEqual(['Link', 'Summary']);
  });

  test('a validation error comes back with paths into lists, keyed for the app by the top-level field', async () => {
    const { version } = (
      await run<{ plan: { section: { version: number } } }>('lead@northshire.example', ui.query, {
        planId,
      })
    ).plan.section;
    const form = new FormData();
    form.set('arrangements.0.what', '');
    form.set('arrangements.0.by', 'ICB');
    const result = await run<{
      result: { __typename: string; fieldErrors: { path: string[]; message: string }[] };
    }>('lead@northshire.example', ui.mutation, ui.toVariables(form, { planId, version }));
    expect(result.result.__typename).toBe('ValidationError');
    expect(result.result.fieldErrors).toEqual([
      { path: ['arrangements', '0', 'what'], message: 'Arrangement 1: Enter what is commissioned' },
    ]);
  });

  test('a section editor of another organisation is refused; another partnership sees nothing', async () => {
    const icb = await run<{ result: { __typename: string } }>(
      'icb@northshire.example',
      ui.mutation,
      { input: { planId, version: 1 } },
    );
    expect(icb.result.__typename).toBe('ForbiddenError');
    const southvale = await run<{ result: { __typename: string } }>(
      'lead@southvale.example',
      ui.mutation,
      { input: { planId, version: 1 } },
    );
    expect(southvale.result.__typename).toBe('NotFoundError');
  });
});

describe('the host', () => {
  test("refuses a section whose key does not carry the plugin's id (its generated types would not)", () => {
    const bad = definePlugin({
      id: 'mine',
      name: 'Mine',
      version: '0.1.0',
      coreRange: '*',
      sections: [
        {
          key: 'theirs',
          title: 'Theirs',
          position: 1,
          ownerOrganisationTypes: ['x'],
          fields: defineFields({ a: field.text({ label: 'A' }) }),
        },
      ],
    });
    expect(() => createCore({ db: h.db, plugins: [bad] })).toThrow(
      'Plugin "mine": type "TheirsSection" must contain "Mine" in its name',
    );
  });

  test("refuses a metric target field whose metric is not in the plugin's pack", () => {
    const bad = definePlugin({
      id: 'mine',
      name: 'Mine',
      version: '0.1.0',
      coreRange: '*',
      sections: [
        {
          key: 'mine',
          title: 'Mine',
          position: 1,
          ownerOrganisationTypes: ['x'],
          fields: defineFields({
            goal: field.metricTarget({ label: 'Goal', metric: 'EHC-01' }),
          }),
        },
      ],
      metrics: { uses: ['EHC-02'] },
    });
    expect(() => createCore({ db: h.db, plugins: [bad] })).toThrow(
      'Plugin "mine": section "mine" field "goal" is the target of metric "EHC-01", which is not in the plugin\'s metrics (uses or adds)',
    );
  });
});
