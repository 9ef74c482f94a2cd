// Files exactly as DfE's statistics service publishes them import without any mapping by hand: the
// header rows and value spellings of test/fixtures/dfe are those of the releases (sen2_mi.csv from
// Education, health and care plans, with the variables its data guidance lists; sen_phase_type_.csv
// from Special educational needs in England), the figures are made up.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bootCore, type TestCore } from './support/core.ts';
import { importCsv, LA, upload, uploadAndCheck } from './fixtures/metrics/helpers.ts';

let t: TestCore;
beforeAll(async () => {
  t = await bootCore();
});
afterAll(() => t?.close());

const lead = () => t.as('lead@northshire.example');
const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/dfe/${name}`, import.meta.url), 'utf8');

/** The cell of a column in the rows of a CSV fixture (no quoted commas in these files). */
function cellOf(csv: string, column: string, where: Record<string, string>): string {
  const [header, ...rows] = csv
    .trim()
    .split('\n')
    .map((line) => line.split(','));
  const at = (name: string) => header!.indexOf(name);
  const row = rows.find((r) => Object.entries(where).every(([k, v]) => r[at(k)] === v));
  if (!row) throw new Error(`no row ${JSON.stringify(where)}`);
  return row[at(column)]!;
}

const held = (metricId: string, period: string, geographyCode = LA, breakdown = '') =>
  t.db.prisma.metricObservation.findFirst({
    where: {
      partnershipId: 'demo-partnership-northshire',
      metricId,
      period,
      geographyCode,
      breakdown,
    },
  });

describe('EHC plans release: sen2_mi.csv (wide, calendar years)', () => {
  const csv = fixture('sen2_mi.csv');

  test('maps DfE variable names to the catalogue metrics and leaves the rest unmapped', async () => {
    const uploaded = await upload(t, await lead(), csv);
    expect(uploaded.__typename).toBe('MutationUploadObservationsSuccess');
    const mapping = uploaded.data!.mapping;
    expect(mapping).toMatchObject({
      timePeriodColumn: 'time_period',
      timeIdentifierColumn: 'time_identifier',
      geographicLevelColumn: 'geographic_level',
      indicatorColumn: null,
      filterColumns: [],
    });
    const mapped = Object.fromEntries(
      mapping.metricForIndicator.filter((m) => m.metricId).map((m) => [m.indicator, m.metricId]),
    );
    expect(mapped).toEqual({
      ass_none_ehc_pc: 'EHC-11',
      ass_refused_ehc_pc: 'EHC-04',
      assessments: 'EHC-10',
      discontinued_total: 'EHC-08',
      inc_exc_20week_rate: 'EHC-02',
      inreq_ehc: 'EHC-09',
      no_exc_20week_rate: 'EHC-01',
      total_mediation: 'TRB-02',
      total_tribunal_pc: 'TRB-03',
    });
    expect(mapping.metricForIndicator.find((m) => m.indicator === 'direct_pay_health')).toEqual({
      indicator: 'direct_pay_health',
      metricId: null,
    });
  });

  test('imports every row as published: national, regional and local authority figures', async () => {
    const applied = await importCsv(t, await lead(), csv);
    expect(applied.addedRows + applied.changedRows + applied.unchangedRows).toBe(4 * 9);
    const refused = await held('EHC-04', '2023');
    expect(refused?.value?.toString()).toBe(
      String(Number(cellOf(csv, 'ass_refused_ehc_pc', { time_period: '2023', new_la_code: LA }))),
    );
    const england = await held('EHC-08', '2023', 'E92000001');
    expect(england?.geographyLevel).toBe('ENGLAND');
    expect(england?.value?.toString()).toBe(
      cellOf(csv, 'discontinued_total', { time_period: '2023', geographic_level: 'National' }),
    );
    const region = await held('EHC-09', '2023', 'E12000002');
    expect(region?.geographyLevel).toBe('REGION');
    expect(await held('EHC-09', '2022')).not.toBeNull();
  });
});

describe('Special educational needs in England: sen_phase_type_.csv (wide, academic years)', () => {
  const csv = fixture('sen_phase_type_.csv');

  test('SEN-01 and SEN-02 take DfE academic years (202324) and its filters, with no mapping by hand', async () => {
    const ctx = await lead();
    const uploaded = await upload(t, ctx, csv);
    const mapping = uploaded.data!.mapping;
    expect(mapping.filterColumns).toEqual([
      'phase_type_grouping',
      'type_of_establishment',
      'hospital_school',
    ]);
    expect(mapping.metricForIndicator.filter((m) => m.metricId)).toEqual([
      { indicator: 'sen_support_percent', metricId: 'SEN-01' },
      { indicator: 'ehc_plan_percent', metricId: 'SEN-02' },
    ]);
    await importCsv(t, ctx, csv);
    const total = await held('SEN-01', '2023/24');
    expect(total?.value?.toString()).toBe(
      String(
        Number(
          cellOf(csv, 'sen_support_percent', {
            time_period: '202324',
            new_la_code: LA,
            phase_type_grouping: 'Total',
          }),
        ),
      ),
    );
    const special = await held(
      'SEN-02',
      '2022/23',
      LA,
      'phase_type_grouping:State-funded special school|hospital_school:No',
    );
    expect(special).not.toBeNull();
  });

  test('the same figures labelled "2024, January" are refused for academic-year SEN-01', async () => {
    const january = csv.replace(/202324,Academic year/g, '2024,January');
    const checked = await uploadAndCheck(t, await lead(), january);
    expect(checked.status).toBe('CHECKED');
    expect(checked.refusedRows).toBe(9);
    expect(checked.errors[0]!.message).toContain(
      'The period "2024 January" does not match SEN-01\'s period type',
    );
  });
});
