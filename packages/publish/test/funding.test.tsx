// Budget totals and the tariff in force in every published format (issue 16): the HTML part (axe
// clean), the DOCX board pack's tables, budget_totals.csv and tariffs.csv, and the JSON (valid
// against the schema, with budgetTotals worked out from the budget lines). Older versions, with
// neither budget lines nor tariffs, say so instead.
import axe from 'axe-core';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import JSZip from 'jszip';
import { JSDOM } from 'jsdom';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Publication } from '@lip/core/snapshot';
import {
  PublishedPlan,
  publicationJsonSchema,
  renderCsv,
  renderDocx,
  renderHtmlDocument,
  renderJson,
} from '../src/index.ts';
import { parseCsvRecords } from './csv-parse.ts';
import { fixturePublication } from './fixtures.ts';

/** The fixture with budget lines on three commitments of two sections, and frozen tariffs. */
function withFunding(): Publication {
  // A copy: the fixture's objects are shared between calls.
  const publication = structuredClone(fixturePublication());
  const [first, second] = publication.snapshot.sections;
  const ofSection = (key: string) =>
    publication.snapshot.commitments.filter((c) => c.sectionKey === key);
  const a = ofSection(first!.key);
  const b = ofSection(second!.key);
  a[0]!.budgetLines = [
    { name: 'Inclusion fund', block: 'HIGH_NEEDS', amount: '25000.00', financialYear: 2026 },
    { name: 'Inclusion fund', block: 'HIGH_NEEDS', amount: '20000.50', financialYear: 2027 },
  ];
  a[1]!.budgetLines = [
    { name: 'SEN inclusion fund', block: 'EARLY_YEARS', amount: '150000.00', financialYear: 2026 },
  ];
  b[0]!.budgetLines = [
    { name: 'Therapy contract', block: 'OTHER', amount: '1000000.00', financialYear: 2026 },
  ];
  publication.snapshot.tariffs = {
    inForceOn: '2026-10-14',
    bands: [
      { name: 'Band 1', position: 1, descriptionOfNeed: 'Needs met mostly in class.' },
      { name: 'Band 2', position: 2, descriptionOfNeed: 'A specialist programme.' },
    ],
    prices: [
      {
        band: 'Band 1',
        provisionType: 'MAINSTREAM_TOP_UP',
        annualPrice: '3000.00',
        effectiveFrom: '2026-04-01',
        effectiveTo: null,
      },
      {
        band: 'Band 2',
        provisionType: 'SPECIAL',
        annualPrice: '21000.00',
        effectiveFrom: '2026-04-01',
        effectiveTo: '2027-03-31',
      },
    ],
  };
  return publication;
}

const publication = withFunding();
const [firstSection, secondSection] = publication.snapshot.sections;

function text(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('HTML', () => {
  const document = new JSDOM(renderToStaticMarkup(<PublishedPlan publication={publication} />))
    .window.document;
  const part = document.getElementById('budget-and-tariffs')!.closest('section')!;
  const tableCaptioned = (caption: string) =>
    [...part.querySelectorAll('table')].find((t) => text(t.querySelector('caption')) === caption)!;
  const rowsOf = (table: HTMLTableElement) =>
    [...table.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('th, td')].map((cell) => text(cell)),
    );

  it('has a contents entry and totals by section, block and year', () => {
    expect([...document.querySelectorAll('nav a')].map((a) => a.getAttribute('href'))).toContain(
      '#budget-and-tariffs',
    );
    expect(rowsOf(tableCaptioned('Budget by section'))).toEqual([
      [firstSection!.title, '£195,000.50'],
      [secondSection!.title, '£1,000,000.00'],
      ['Total', '£1,195,000.50'],
    ]);
    expect(rowsOf(tableCaptioned('Budget by block'))).toEqual([
      ['High needs block', '£45,000.50'],
      ['Early years block', '£150,000.00'],
      ['Outside the dedicated schools grant', '£1,000,000.00'],
      ['Total', '£1,195,000.50'],
    ]);
    expect(rowsOf(tableCaptioned('Budget by financial year'))).toEqual([
      ['2026-27', '£1,175,000.00'],
      ['2027-28', '£20,000.50'],
      ['Total', '£1,195,000.50'],
    ]);
  });

  it('shows the tariff in force as bands × types of provision', () => {
    const table = tableCaptioned('Annual price per place by band and type of provision');
    expect([...table.querySelectorAll('thead th')].map((th) => text(th))).toEqual([
      'Band',
      'Mainstream top-up',
      'Special school',
    ]);
    expect(rowsOf(table)).toEqual([
      ['Band 1', '£3,000.00', 'None'],
      ['Band 2', 'None', '£21,000.00'],
    ]);
    expect(text(part)).toContain('in force on 14 October 2026');
  });

  it('lists a commitment’s budget lines with it', () => {
    const card = document
      .getElementById(
        `commitment-${publication.snapshot.commitments.find((c) => c.budgetLines?.length === 2)!.reference.toLowerCase()}`,
      )!
      .closest('.govuk-summary-card')!;
    expect(text(card)).toContain('Inclusion fund: £25,000.00, High needs block, 2026-27');
  });

  it('says so when a version has no budget lines or tariffs', () => {
    const older = new JSDOM(
      renderToStaticMarkup(<PublishedPlan publication={fixturePublication()} />),
    ).window.document;
    const section = text(older.getElementById('budget-and-tariffs')!.closest('section'));
    expect(section).toContain('No commitment in this version has a budget line.');
    expect(section).toContain('No tariffs were frozen with this version.');
  });

  it('has no axe-core violations', async () => {
    const dom = new JSDOM(renderHtmlDocument(publication, { inlineStyles: false }), {
      runScripts: 'outside-only',
    });
    dom.window.eval(axe.source);
    const results = await (dom.window as unknown as { axe: typeof axe }).axe.run(
      dom.window.document,
      { rules: { 'color-contrast': { enabled: false } } },
    );
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });
});

describe('DOCX board pack', () => {
  it('has the budget totals and the tariff in force as tables under their own heading', async () => {
    const zip = await JSZip.loadAsync(await renderDocx(publication));
    const xml = await zip.file('word/document.xml')!.async('string');
    const texts = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map(([, t]) =>
      (t ?? '').replace(/&amp;/g, '&'),
    );
    const joined = texts.join('|');
    expect(joined).toContain('Budget and tariffs');
    expect(joined).toContain(`Budget by section|Section|Amount|${firstSection!.title}|£195,000.50`);
    expect(joined).toContain('Budget by block|Block|Amount|High needs block|£45,000.50');
    expect(joined).toContain('2027-28|£20,000.50|Total|£1,195,000.50');
    expect(joined).toContain('Band|Mainstream top-up|Special school|Band 1|£3,000.00|None');
    expect(xml).toContain('w:name="b_budget_and_tariffs"');
  });
});

describe('CSV', () => {
  const { files } = renderCsv(publication);
  const records = (name: string) => parseCsvRecords(files.find((f) => f.name === name)!.content);

  it('writes budget totals by section, block and year', () => {
    const rows = records('budget_totals.csv');
    expect(rows.map((r) => [r.section_key, r.block, r.financial_year, r.amount])).toEqual([
      [firstSection!.key, 'HIGH_NEEDS', '2026-27', '25000.00'],
      [firstSection!.key, 'HIGH_NEEDS', '2027-28', '20000.50'],
      [firstSection!.key, 'EARLY_YEARS', '2026-27', '150000.00'],
      [secondSection!.key, 'OTHER', '2026-27', '1000000.00'],
    ]);
  });

  it('writes the tariffs in force', () => {
    expect(
      records('tariffs.csv').map((r) => [r.band, r.provision_type, r.annual_price, r.effective_to]),
    ).toEqual([
      ['Band 1', 'MAINSTREAM_TOP_UP', '3000.00', ''],
      ['Band 2', 'SPECIAL', '21000.00', '2027-03-31'],
    ]);
  });
});

describe('JSON', () => {
  it('validates against the schema and carries the totals worked out from the lines', () => {
    const json = JSON.parse(renderJson(publication)) as {
      snapshot: Publication['snapshot'];
      budgetTotals: { total: string; byYear: Array<{ key: number; amount: string }> };
    };
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    addFormats.default(ajv);
    const validate = ajv.compile(publicationJsonSchema);
    validate(json);
    expect(validate.errors ?? []).toEqual([]);
    expect(json.budgetTotals.total).toBe('1195000.50');
    expect(json.budgetTotals.byYear).toEqual([
      { key: 2026, amount: '1175000.00' },
      { key: 2027, amount: '20000.50' },
    ]);
    expect(json.snapshot.tariffs).toEqual(publication.snapshot.tariffs);
  });
});
