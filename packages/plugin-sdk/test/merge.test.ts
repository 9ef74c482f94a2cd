// Field-level merge of section updates (decision 020): two people changing different fields,
// fields of one group or items of one list from the same version both succeed; the same field
// changed from a stale version is a SectionConflictError naming it.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestHarness, type TestHarness } from '../src/testing.ts';
import { createSectionUi } from '../src/ui/index.tsx';
import sample, { sampleFields } from './sample-plugin.ts';

let h: TestHarness;
let planId: string;
const LEAD = 'lead@northshire.example';
const EDUCATION = 'education@northshire.example';

beforeAll(async () => {
  h = await createTestHarness({ plugins: [sample] });
  planId = await h.planId(LEAD);
});
afterAll(() => h?.close());

interface Item {
  id: string;
  what: string | null;
  by: string | null;
  budget: number | null;
}
interface Sample {
  version: number;
  sample: {
    summary: string | null;
    contactEmail: string | null;
    arrangements: Item[];
    earlyYears: { url: string | null; summary: string | null };
  };
}

const READ = `query($planId: ID!) { plan(id: $planId) { section(key: "sample") { version
  sample { summary contactEmail arrangements { id what by budget } earlyYears { url summary } } } } }`;
const UPDATE = `mutation($input: UpdateSampleSectionInput!) { result: updateSampleSection(input: $input) {
  __typename
  ... on SectionConflictError { fields current { version } }
  ... on ValidationError { fieldErrors { path message } }
} }`;

async function read(): Promise<Sample> {
  return (await h.runAs<{ plan: { section: Sample } }>(LEAD, READ, { planId })).plan.section;
}

async function update(email: string, input: Record<string, unknown>) {
  return (
    await h.runAs<{ result: { __typename: string; fields?: string[] } }>(email, UPDATE, {
      input: { planId, ...input },
    })
  ).result;
}

const OK = 'MutationUpdateSampleSectionSuccess';

describe('a section update changes only the fields it sends', () => {
  test('two people change different fields from the same version: both persist', async () => {
    const start = await read();
    const a = await update(LEAD, {
      version: start.version,
      summary: 'From the lead',
      base: { summary: start.sample.summary },
    });
    const b = await update(EDUCATION, {
      version: start.version,
      contactEmail: 'send@northshire.example',
      base: { contactEmail: start.sample.contactEmail },
    });
    expect([a.__typename, b.__typename]).toEqual([OK, OK]);
    const end = await read();
    expect(end.version).toBe(start.version + 2);
    expect(end.sample).toMatchObject({
      summary: 'From the lead',
      contactEmail: 'send@northshire.example',
    });
  });

  test('different fields of one group: both persist, the group is not replaced whole', async () => {
    const start = await read();
    const a = await update(LEAD, {
      version: start.version,
      earlyYears: { url: 'https://northshire.example/early-years' },
      base: { earlyYears: { url: start.sample.earlyYears.url } },
    });
    const b = await update(EDUCATION, {
      version: start.version,
      earlyYears: { summary: 'Two-year-old offer' },
      base: { earlyYears: { summary: start.sample.earlyYears.summary } },
    });
    expect([a.__typename, b.__typename]).toEqual([OK, OK]);
    expect((await read()).sample.earlyYears).toEqual({
      url: 'https://northshire.example/early-years',
      summary: 'Two-year-old offer',
    });
  });

  test('the same field from a stale version is a conflict naming it, and nothing is written', async () => {
    const start = await read();
    const a = await update(LEAD, {
      version: start.version,
      summary: 'First',
      earlyYears: { summary: 'First early years' },
      base: { summary: start.sample.summary, earlyYears: start.sample.earlyYears },
    });
    expect(a.__typename).toBe(OK);
    const stale = await update(EDUCATION, {
      version: start.version,
      summary: 'Second',
      contactEmail: 'other@northshire.example',
      earlyYears: { summary: 'Second early years' },
      base: {
        summary: start.sample.summary,
        contactEmail: start.sample.contactEmail,
        earlyYears: start.sample.earlyYears,
      },
    });
    expect(stale).toMatchObject({
      __typename: 'SectionConflictError',
      fields: ['summary', 'earlyYears.summary'],
    });
    const end = await read();
    expect(end.sample.summary).toBe('First');
    expect(end.sample.contactEmail).toBe(start.sample.contactEmail);
  });

  test('a stale version without base values saves only what is already stored', async () => {
    const start = await read();
    await update(LEAD, { version: start.version, summary: 'Moved on' });
    const same = await update(EDUCATION, { version: start.version, summary: 'Moved on' });
    expect(same.__typename).toBe(OK);
    const other = await update(EDUCATION, {
      version: start.version,
      contactEmail: 'blind@northshire.example',
    });
    expect(other).toMatchObject({ __typename: 'SectionConflictError', fields: ['contactEmail'] });
  });
});

describe('list items merge by id', () => {
  test('items seeded before ids existed read with their position as id', async () => {
    const { sample: values } = await read();
    expect(values.arrangements[0]).toMatchObject({ id: 'item-0', what: 'Speech therapy' });
  });

  test('two people change different items, or add one while another edits: all persist', async () => {
    const setup = await read();
    // Give the list two items (and real ids) first.
    const list = [
      ...setup.sample.arrangements,
      { what: 'Occupational therapy', by: null, budget: null },
    ];
    expect(
      (
        await update(LEAD, {
          version: setup.version,
          arrangements: list,
          base: { arrangements: setup.sample.arrangements },
        })
      ).__typename,
    ).toBe(OK);
    const start = await read();
    const [first, second] = start.sample.arrangements as [Item, Item];
    expect(second.id).toMatch(/^[0-9a-f-]{36}$/);

    const edit = (items: Item[], id: string, change: Partial<Item>) =>
      items.map((i) => (i.id === id ? { ...i, ...change } : i));
    const base = { arrangements: start.sample.arrangements };
    const a = await update(LEAD, {
      version: start.version,
      arrangements: edit(start.sample.arrangements, first.id, { by: 'ICB and council' }),
      base,
    });
    const b = await update(EDUCATION, {
      version: start.version,
      arrangements: edit(start.sample.arrangements, second.id, { budget: 500 }),
      base,
    });
    const c = await update(EDUCATION, {
      version: start.version,
      arrangements: [...start.sample.arrangements, { what: 'Physiotherapy' }],
      base,
    });
    expect([a.__typename, b.__typename, c.__typename]).toEqual([OK, OK, OK]);
    const items = (await read()).sample.arrangements;
    expect(items.map(({ what, by, budget }) => ({ what, by, budget }))).toEqual([
      { what: first.what, by: 'ICB and council', budget: first.budget },
      { what: 'Occupational therapy', by: null, budget: 500 },
      { what: 'Physiotherapy', by: null, budget: null },
    ]);
    expect(items.slice(0, 2).map((i) => i.id)).toEqual([first.id, second.id]);
  });

  test('deleting an item someone else changed is a conflict naming the item; the same item field too', async () => {
    const start = await read();
    const [first] = start.sample.arrangements as [Item];
    const base = { arrangements: start.sample.arrangements };
    expect(
      (
        await update(LEAD, {
          version: start.version,
          arrangements: start.sample.arrangements.map((i) =>
            i.id === first.id ? { ...i, what: 'Speech and language therapy' } : i,
          ),
          base,
        })
      ).__typename,
    ).toBe(OK);
    const deleted = await update(EDUCATION, {
      version: start.version,
      arrangements: start.sample.arrangements.filter((i) => i.id !== first.id),
      base,
    });
    expect(deleted).toMatchObject({
      __typename: 'SectionConflictError',
      fields: [`arrangements.${first.id}`],
    });
    const sameField = await update(EDUCATION, {
      version: start.version,
      arrangements: start.sample.arrangements.map((i) =>
        i.id === first.id ? { ...i, what: 'Speech therapy (SALT)' } : i,
      ),
      base,
    });
    expect(sameField).toMatchObject({
      __typename: 'SectionConflictError',
      fields: [`arrangements.${first.id}.what`],
    });
    expect((await read()).sample.arrangements[0]!.what).toBe('Speech and language therapy');
  });
});

describe('the generic section form sends only what changed', () => {
  const ui = createSectionUi({ sectionKey: 'sample', fields: sampleFields });
  const readUi = async () =>
    (
      await h.runAs<{ plan: { section: { version: number } & Record<string, unknown> } }>(
        LEAD,
        ui.query,
        { planId },
      )
    ).plan.section;
  const submit = async (
    email: string,
    rendered: Record<string, string>,
    version: number,
    edits: Record<string, string>,
  ) => {
    const form = new FormData();
    for (const [k, v] of Object.entries({ ...rendered, ...edits })) form.set(k, v);
    return (
      await h.runAs<{ result: { __typename: string; fields?: string[] } }>(
        email,
        ui.mutation,
        ui.toVariables(form, { planId, version, baseline: rendered }),
      )
    ).result;
  };

  test('two forms rendered from one version, different fields and list rows: both saves stick', async () => {
    const section = await readUi();
    const rendered = ui.toValues(section);
    expect(rendered['arrangements.0.id']).toBeTruthy();
    const a = await submit(LEAD, rendered, section.version, {
      'earlyYears.url': 'https://northshire.example/ey-2027',
      'arrangements.0.by': 'Form A',
    });
    const b = await submit(EDUCATION, rendered, section.version, {
      'earlyYears.summary': 'Form B summary',
      'arrangements.1.by': 'Form B',
    });
    expect([a.__typename, b.__typename]).toEqual([OK, OK]);
    const after = ui.toValues(await readUi());
    expect(after).toMatchObject({
      'earlyYears.url': 'https://northshire.example/ey-2027',
      'earlyYears.summary': 'Form B summary',
      'arrangements.0.by': 'Form A',
      'arrangements.1.by': 'Form B',
    });
    // The same field from the stale form: a conflict naming it.
    const c = await submit(EDUCATION, rendered, section.version, {
      'earlyYears.url': 'https://northshire.example/other',
    });
    expect(c).toMatchObject({ __typename: 'SectionConflictError', fields: ['earlyYears.url'] });
  });
});
