import { describe, expect, it } from 'vitest';
import { csvField, renderCsv, type CsvFile } from '../src/index.ts';
import { parseCsv, parseCsvRecords } from './csv-parse.ts';
import {
  EVIDENCE,
  FORUM_CONCERNS,
  PLUGIN_COUNTS,
  SUPPRESSED,
  TRICKY_TITLES,
  fixturePublication,
} from './fixtures.ts';

const publication = fixturePublication();
const { files } = renderCsv(publication);

function fileNamed(name: string): CsvFile {
  const found = files.find((f) => f.name === name);
  if (!found) throw new Error(`no ${name} in ${files.map((f) => f.name).join(', ')}`);
  return found;
}

const records = (name: string) => parseCsvRecords(fileNamed(name).content);

describe('renderCsv', () => {
  it('writes the documented files, in order', () => {
    expect(files.map((f) => f.name)).toEqual([
      'commitments.csv',
      'commitment_standard_areas.csv',
      'commitment_evidence.csv',
      'section_fields.csv',
      'targets.csv',
      'metrics.csv',
      'forum_concerns.csv',
      'budget_totals.csv',
      'tariffs.csv',
      'metrics.meta.csv',
      'data-guidance.csv',
    ]);
    for (const f of files) expect(f.content.charCodeAt(0), `${f.name} has no BOM`).not.toBe(0xfeff);
  });

  it('writes one row per piece of evidence, with its commitment, link, note and date', () => {
    const rows = records('commitment_evidence.csv');
    const expected = Object.entries(EVIDENCE).flatMap(([reference, list]) =>
      list.map((e) => ({
        partnership: 'Northshire SEND and AP Partnership',
        plan_version: '2',
        reference,
        // A title a spreadsheet would run as a formula is written as text.
        title: e.title.startsWith('=') ? `'${e.title}` : e.title,
        url: e.url ?? '',
        note: e.note,
        added_on: e.addedOn,
      })),
    );
    expect(rows).toEqual(expected);
  });

  it('publishes the parent carer forum’s concerns in its words, one row per acknowledgement', () => {
    expect(records('forum_concerns.csv')).toEqual([
      {
        partnership: 'Northshire SEND and AP Partnership',
        plan_version: '2',
        organisation: 'Northshire Parent Carer Forum',
        concerns: FORUM_CONCERNS,
        acknowledged_by: 'Alex Green, Chair',
        forum: 'Forum steering group',
        decided_on: '2026-10-23',
      },
    ]);
    // With no concerns recorded, the file is there with its header row only.
    const none = fixturePublication();
    none.version.signOffs = none.version.signOffs.map((s) => ({ ...s, concerns: null }));
    const empty = renderCsv(none).files.find((f) => f.name === 'forum_concerns.csv')!;
    expect(parseCsvRecords(empty.content)).toEqual([]);
    expect(empty.content.split('\r\n')[0]).toBe(
      'partnership,plan_version,organisation,concerns,acknowledged_by,forum,decided_on',
    );
  });

  it('writes one commitment per row, and one row per commitment × standard area', () => {
    const commitments = records('commitments.csv');
    expect(commitments).toHaveLength(publication.snapshot.commitments.length);
    expect(commitments.map((c) => c.reference).sort()).toEqual(
      publication.snapshot.commitments.map((c) => c.reference).sort(),
    );
    const pairs = publication.snapshot.commitments.reduce(
      (n, c) => n + c.standardAreaCodes.length,
      0,
    );
    const links = records('commitment_standard_areas.csv');
    expect(links).toHaveLength(pairs);
    expect(links.find((l) => l.reference === 'ED-01')).toMatchObject({
      standard_area_code: 'S1',
      standard_area_title: 'Identifying needs early',
    });
    const ed01 = commitments.find((c) => c.reference === 'ED-01')!;
    expect(ed01).toMatchObject({
      section_key: 'education',
      owner_organisation: 'Northshire County Council',
      start_date: '2026-01-01',
      due_date: '2027-01-28',
      budget_amount: '12500.00',
      standard_area_codes: 'S1; S3',
    });
  });

  it('quotes commas, double quotes and line breaks so they read back unchanged', () => {
    const titles = records('commitments.csv').map((c) => c.title);
    expect(titles).toContain(TRICKY_TITLES.comma);
    expect(titles).toContain(TRICKY_TITLES.quote);
    expect(titles).toContain(TRICKY_TITLES.newline);
    const raw = fileNamed('commitments.csv').content;
    expect(raw).toContain('"Publish the ""Ordinarily Available"" guide"');
    expect(raw).toContain(`"${TRICKY_TITLES.comma}"`);
    expect(csvField('plain')).toBe('plain');
    expect(csvField(' padded')).toBe('" padded"');
    expect(parseCsv(`${csvField('a\r\nb')},x\r\n`)).toEqual([['a\r\nb', 'x']]);
  });

  it('writes one metrics row per observation in DfE tidy layout, with the symbol in place of a suppressed value', () => {
    const rows = records('metrics.csv');
    const observations = publication.snapshot.metrics.flatMap((m) => m.observations);
    expect(rows).toHaveLength(observations.length);
    expect(Object.keys(rows[0]!).slice(0, 8)).toEqual([
      'time_period',
      'time_identifier',
      'geographic_level',
      'country_code',
      'region_code',
      'new_la_code',
      'icb_code',
      'sub_icb_code',
    ]);
    const total = rows.find(
      (r) =>
        r.indicator === 'EHC-01' &&
        r.time_period === '2025' &&
        r.new_la_code === 'E10000099' &&
        r.primary_need === 'Total',
    )!;
    expect(total).toMatchObject({
      time_identifier: 'Calendar year',
      geographic_level: 'Local authority',
      country_code: 'E92000001',
      region_code: 'E12000002',
      value: '47.9',
      phase: 'Total',
    });
    const [, filterValue] = SUPPRESSED.breakdown.split(':');
    const suppressed = rows.find(
      (r) => r.indicator === SUPPRESSED.metricId && r.primary_need === filterValue,
    )!;
    expect(suppressed).toMatchObject({ value: 'c', numerator: '', denominator: '' });
    expect(rows.find((r) => r.indicator === 'AP-03' && r.phase === 'Primary')).toMatchObject({
      value: 'low',
      time_identifier: 'Academic year',
    });
    expect(rows.find((r) => r.indicator === 'HE-02')).toMatchObject({
      geographic_level: 'ICB',
      icb_code: 'E54000099',
      new_la_code: '',
      value: 'x',
    });
    expect(rows.find((r) => r.geographic_level === 'National')).toMatchObject({
      region_code: '',
      value: '46.4',
    });
  });

  it('describes every filter and indicator of metrics.csv in DfE metadata format', () => {
    const meta = parseCsv(fileNamed('metrics.meta.csv').content);
    expect(meta[0]).toEqual([
      'col_name',
      'col_type',
      'label',
      'indicator_grouping',
      'indicator_unit',
      'indicator_dp',
      'filter_hint',
      'filter_grouping_column',
    ]);
    const described = new Map(meta.slice(1).map((r) => [r[0], r[1]]));
    expect(described.get('value')).toBe('Indicator');
    expect(described.get('primary_need')).toBe('Filter');
    expect(described.get('phase')).toBe('Filter');
  });

  it('describes every column of every file in data-guidance.csv', () => {
    const guidance = records('data-guidance.csv');
    for (const f of files) {
      const [header = []] = parseCsv(f.content);
      const described = guidance.filter((g) => g.file_name === f.name).map((g) => g.col_name);
      expect(described, f.name).toEqual(header);
      expect(
        guidance
          .filter((g) => g.file_name === f.name)
          .every((g) => (g.description ?? '').length > 5),
      ).toBe(true);
    }
  });

  it('writes section fields as published, a plugin’s suppressed counts as "c" with the symbol', () => {
    const rows = records('section_fields.csv');
    const section = publication.snapshot.sections[0]!;
    expect(rows.find((r) => r.field_key === PLUGIN_COUNTS.key)).toEqual({
      partnership: publication.snapshot.partnership.name,
      plan_version: '2',
      section_key: section.key,
      section_title: section.title,
      field_key: PLUGIN_COUNTS.key,
      field_label: PLUGIN_COUNTS.label,
      value: PLUGIN_COUNTS.value,
      symbol: 'c',
    });
    expect(rows.find((r) => r.field_key === 'priority')?.symbol).toBe('');
    // Fields without a value are left out, as on the page.
    expect(rows.some((r) => r.field_key === 'empty')).toBe(false);
  });

  it('writes targets with baselines, targets and the metric status', () => {
    const targets = records('targets.csv');
    expect(targets).toHaveLength(publication.snapshot.metrics.length);
    expect(targets[0]).toMatchObject({
      indicator: 'EHC-01',
      baseline_value: '41.2',
      target_value: '60.0',
      rag_status: 'Red',
      unit: 'Percentage',
    });
    expect(targets.find((t) => t.indicator === 'HE-02')).toMatchObject({
      baseline_value: 'x',
      baseline_period: '',
    });
  });
});
