// Observation CSV import through the API: mapping suggestion, the dry run's report, every kind of
// broken file refused row by row with nothing written, idempotent re-import and jobs, permissions.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHost } from '../src/host.ts';
import { importJobExhausted, runImportJob } from '../src/metrics/imports.ts';
import { bootCore, type TestCore } from './support/core.ts';
import {
  apply,
  asInput,
  check,
  ENGLAND,
  importCsv,
  LA,
  NORTHSHIRE,
  readImport,
  REGION,
  settle,
  SOUTHVALE,
  tidyCsv,
  upload,
  uploadAndCheck,
} from './fixtures/metrics/helpers.ts';

let t: TestCore;
beforeAll(async () => {
  t = await bootCore();
});
afterAll(() => t?.close());

const lead = () => t.as('lead@northshire.example');
/** The database id inside a global id ("ObservationImport:<id>", base64url). */
const dbId = (globalId: string) => Buffer.from(globalId, 'base64url').toString().split(':')[1]!;
const observationCount = () =>
  t.db.prisma.metricObservation.count({
    where: { partnershipId: 'demo-partnership-northshire', importId: { not: null } },
  });

describe('upload and mapping suggestion', () => {
  test('suggests the mapping from DfE column names and indicators from metric ids', async () => {
    const csv = tidyCsv(
      [
        ['2023', 'Calendar year', 'Local authority', LA, 'ehc_01', '55.5'],
        ['2023', 'Calendar year', 'Local authority', LA, 'mystery_measure', '3'],
        ['202324', 'Academic year', 'Local authority', LA, 'ATT-01', '20'],
      ],
      ['sen_status'],
    );
    const result = await upload(t, await lead(), csv);
    expect(result.__typename).toBe('MutationUploadObservationsSuccess');
    const view = result.data!;
    expect(view).toMatchObject({
      status: 'UPLOADED',
      version: 1,
      fileName: 'observations.csv',
      columns: [
        'time_period',
        'time_identifier',
        'geographic_level',
        'country_code',
        'region_code',
        'new_la_code',
        'indicator',
        'value',
        'sen_status',
      ],
      indicators: ['ATT-01', 'ehc_01', 'mystery_measure'],
    });
    expect(view.mapping).toMatchObject({
      timePeriodColumn: 'time_period',
      timeIdentifierColumn: 'time_identifier',
      geographicLevelColumn: 'geographic_level',
      geographyCodeColumn: null,
      indicatorColumn: 'indicator',
      valueColumn: 'value',
      filterColumns: ['sen_status'],
      metricForIndicator: [
        { indicator: 'ATT-01', metricId: 'ATT-01' },
        { indicator: 'ehc_01', metricId: 'EHC-01' },
        { indicator: 'mystery_measure', metricId: null },
      ],
    });
    const stored = await t.db.prisma.observationImport.findUniqueOrThrow({
      where: { id: Buffer.from(view.id, 'base64url').toString().split(':')[1]! },
    });
    expect(Buffer.from(stored.content).toString('utf8')).toBe(csv);
    expect(stored.fileSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  test('refuses an empty upload and one over 20 MB', async () => {
    const empty = await upload(t, await lead(), '');
    expect(empty).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['file'], message: 'The selected file is empty' }],
    });
    const big = await upload(t, await lead(), new Uint8Array(20 * 1024 * 1024 + 1));
    expect(big).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['file'], message: 'The file must be smaller than 20 MB' }],
    });
  });

  test('a mapping that names missing columns or no metric is refused before checking', async () => {
    const ctx = await lead();
    const uploaded = (
      await upload(
        t,
        ctx,
        tidyCsv([['2023', 'Calendar year', 'National', ENGLAND, 'mystery', '1']]),
      )
    ).data!;
    const result = await check(t, ctx, uploaded, {
      ...asInput(uploaded.mapping),
      timePeriodColumn: 'year',
    });
    expect(result.__typename).toBe('ValidationError');
    expect(result.fieldErrors).toEqual(
      expect.arrayContaining([
        { path: ['timePeriodColumn'], message: 'The file has no column called "year"' },
        { path: ['metricForIndicator'], message: 'Choose the metric for at least one indicator' },
      ]),
    );
    expect((await readImport(t, ctx, uploaded.id))!.status).toBe('UPLOADED');
  });
});

describe('dry run and apply', () => {
  const first = tidyCsv(
    [
      ['2022', 'Calendar year', 'Local authority', LA, 'EHC-02', '41.2'],
      ['2023', 'Calendar year', 'Local authority', LA, 'EHC-02', '44'],
      ['2023', 'Calendar year', 'Regional', REGION, 'EHC-02', '47.5'],
      ['2023', 'Calendar year', 'National', ENGLAND, 'EHC-02', 'c'],
      ['2023', 'Calendar year', 'Local authority', LA, 'EHC-02', 'low', 'EHC plan'],
    ],
    ['sen_status'],
  );

  test('reports adds, then applies them in one transaction with one audit entry', async () => {
    const ctx = await lead();
    const before = await observationCount();
    const seen: number[] = [];
    const checked = await uploadAndCheck(t, ctx, first, (m) => m, seen);
    expect(checked).toMatchObject({
      status: 'CHECKED',
      totalRows: 5,
      processedRows: 5,
      addedRows: 5,
      changedRows: 0,
      unchangedRows: 0,
      refusedRows: 0,
      errors: [],
    });
    expect(
      checked.report.map((r) => [r.row, r.action, r.geography, r.period, r.breakdown, r.after]),
    ).toEqual([
      [2, 'ADD', `LOCAL_AUTHORITY:${LA}`, '2022', '', '41.2'],
      [3, 'ADD', `LOCAL_AUTHORITY:${LA}`, '2023', '', '44'],
      [4, 'ADD', `REGION:${REGION}`, '2023', '', '47.5'],
      [5, 'ADD', `ENGLAND:${ENGLAND}`, '2023', '', 'c'],
      [6, 'ADD', `LOCAL_AUTHORITY:${LA}`, '2023', 'sen_status:EHC plan', 'low'],
    ]);
    // The dry run writes no figures; the mapping chosen is audited.
    expect(await observationCount()).toBe(before);
    const checkAudit = await t.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'observations.check', entityType: 'ObservationImport' },
      orderBy: { occurredAt: 'desc' },
    });
    expect(checkAudit.actorUserId).toBe(ctx.user!.id);
    expect(checkAudit.after).toMatchObject({
      fileName: 'observations.csv',
      mapping: { indicatorColumn: 'indicator', valueColumn: 'value' },
    });

    const audits = await t.db.prisma.auditEvent.count({ where: { action: 'observations.import' } });
    const applying = await apply(t, ctx, checked);
    expect(applying.__typename).toBe('MutationApplyObservationImportSuccess');
    const applied = await settle(t, ctx, checked.id);
    expect(applied).toMatchObject({
      status: 'APPLIED',
      addedRows: 5,
      appliedAt: expect.any(String),
    });
    expect(await observationCount()).toBe(before + 5);
    const england = await t.db.prisma.metricObservation.findFirstOrThrow({
      where: {
        partnershipId: 'demo-partnership-northshire',
        metricId: 'EHC-02',
        geographyLevel: 'ENGLAND',
        period: '2023',
      },
    });
    expect(england).toMatchObject({ value: null, symbol: 'c', geographyCode: ENGLAND });
    expect(await t.db.prisma.auditEvent.count({ where: { action: 'observations.import' } })).toBe(
      audits + 1,
    );
    const audit = await t.db.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'observations.import' },
      orderBy: { occurredAt: 'desc' },
    });
    expect(audit.after).toMatchObject({ added: 5, changed: 0, unchanged: 0, totalRows: 5 });

    // Applying twice is refused.
    const again = await apply(t, ctx, applied);
    expect(again).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['id'], message: 'This file has already been imported' }],
    });
  });

  test('the same file again is all unchanged and writes nothing', async () => {
    const ctx = await lead();
    const stamp = await t.db.prisma.metricObservation.findMany({
      where: { metricId: 'EHC-02' },
      select: { id: true, updatedAt: true, importId: true },
    });
    const applied = await importCsv(t, ctx, first);
    expect(applied).toMatchObject({ addedRows: 0, changedRows: 0, unchangedRows: 5 });
    expect(applied.report.every((r) => r.action === 'UNCHANGED')).toBe(true);
    const after = await t.db.prisma.metricObservation.findMany({
      where: { metricId: 'EHC-02' },
      select: { id: true, updatedAt: true, importId: true },
    });
    expect(after).toEqual(stamp);
  });

  test('a revised file reports changes with before and after, and keeps the rows', async () => {
    const ctx = await lead();
    const revised = tidyCsv(
      [
        ['2022', 'Calendar year', 'Local authority', LA, 'EHC-02', '41.2'],
        ['2023', 'Calendar year', 'Local authority', LA, 'EHC-02', '45.1'],
        ['2023', 'Calendar year', 'National', ENGLAND, 'EHC-02', '50.3'],
        ['2024', 'Calendar year', 'Local authority', LA, 'EHC-02', '48'],
      ],
      [],
    );
    const old = await t.db.prisma.metricObservation.findFirstOrThrow({
      where: {
        metricId: 'EHC-02',
        period: '2023',
        geographyLevel: 'LOCAL_AUTHORITY',
        breakdown: '',
      },
    });
    const checked = await uploadAndCheck(t, ctx, revised);
    expect(checked).toMatchObject({
      addedRows: 1,
      changedRows: 2,
      unchangedRows: 1,
      refusedRows: 0,
    });
    expect(
      checked.report.filter((r) => r.action === 'CHANGE').map((r) => [r.row, r.before, r.after]),
    ).toEqual([
      [3, '44', '45.1'],
      [4, 'c', '50.3'],
    ]);
    await apply(t, ctx, checked);
    expect((await settle(t, ctx, checked.id)).status).toBe('APPLIED');
    const now = await t.db.prisma.metricObservation.findFirstOrThrow({ where: { id: old.id } });
    expect(now.value?.toString()).toBe('45.1');
    expect(now.createdAt).toEqual(old.createdAt);
  });

  test('applying after someone else changed the figures checks the file again first', async () => {
    const ctx = await lead();
    const row = (value: string) =>
      tidyCsv([['2023', 'Calendar year', 'Local authority', LA, 'EHC-07', value]]);
    const mine = await uploadAndCheck(t, ctx, row('5'));
    expect(mine).toMatchObject({ addedRows: 1 });
    await importCsv(t, ctx, row('6'));
    await apply(t, ctx, mine);
    const applied = await settle(t, ctx, mine.id);
    // Against the figures held now, the row is a change, not an add.
    expect(applied).toMatchObject({ status: 'APPLIED', addedRows: 0, changedRows: 1 });
    const held = await t.db.prisma.metricObservation.findFirstOrThrow({
      where: { metricId: 'EHC-07', geographyCode: LA, period: '2023' },
    });
    expect(held.value?.toString()).toBe('5');
  });

  test('a wide file (one column per indicator) maps its columns to metrics', async () => {
    const ctx = await lead();
    const csv =
      'time_period,time_identifier,geographic_level,country_code,new_la_code,sen_status,att_02,ATT-03\n' +
      `202324,Academic year,Local authority,${ENGLAND},${LA},Total,19.5,41\n` +
      `202324,Academic year,National,${ENGLAND},,Total,23,45.5\n`;
    const checked = await uploadAndCheck(t, ctx, csv);
    expect(checked.mapping.filterColumns).toEqual(['sen_status']);
    expect(checked.mapping.metricForIndicator).toEqual([
      { indicator: 'att_02', metricId: 'ATT-02' },
      { indicator: 'ATT-03', metricId: 'ATT-03' },
    ]);
    expect(checked).toMatchObject({
      status: 'CHECKED',
      totalRows: 2,
      addedRows: 4,
      refusedRows: 0,
    });
    expect(checked.report.map((r) => [r.metricId, r.period])).toContainEqual(['ATT-02', '2023/24']);
  });
});

describe('broken files are refused row by row and nothing is written', () => {
  async function refused(
    csv: string | Uint8Array,
    adjust?: (m: Record<string, unknown>) => Record<string, unknown>,
  ) {
    const ctx = await lead();
    const before = await observationCount();
    const checked = await uploadAndCheck(t, ctx, csv, adjust);
    const result = await apply(t, ctx, checked);
    expect(result.__typename).toBe('ValidationError');
    expect(await observationCount()).toBe(before);
    return checked;
  }
  const ok = ['2023', 'Calendar year', 'Local authority', LA, 'EHC-06', '70'] as const;

  test('not UTF-8: the first bad row is named and the import fails', async () => {
    const text = tidyCsv([ok, ['2024', 'Calendar year', 'Local authority', LA, 'EHC-06', '71']]);
    const bytes = Buffer.from(text, 'utf8');
    const latin1 = Buffer.concat([
      bytes,
      Buffer.from('2022,Calendar year,Local authority,' + LA + ',EHC-06,7'),
      Buffer.from([0xb0]),
      Buffer.from('\n'),
    ]);
    const ctx = await lead();
    const uploaded = await upload(t, ctx, latin1);
    expect(uploaded.data).toMatchObject({
      status: 'FAILED',
      errors: [{ row: 4, column: null, message: expect.stringContaining('not UTF-8') }],
    });
    const result = await apply(t, ctx, uploaded.data!);
    expect(result).toMatchObject({ __typename: 'ValidationError' });
  });

  test('a NUL character: the row is named and the import fails, nothing reaches the database as text', async () => {
    const text = tidyCsv([
      ok,
      ['2024', 'Calendar year', 'Local authority', LA, 'EHC-06', '7\u00001'],
    ]);
    const ctx = await lead();
    const uploaded = await upload(t, ctx, text);
    expect(uploaded.data).toMatchObject({
      status: 'FAILED',
      errors: [{ row: 3, column: null, message: expect.stringContaining('NUL character') }],
    });
    const result = await apply(t, ctx, uploaded.data!);
    expect(result).toMatchObject({ __typename: 'ValidationError' });
  });

  test('a figure too large for the column is refused on its row', async () => {
    const checked = await refused(
      tidyCsv([ok, ['2022', 'Calendar year', 'Local authority', LA, 'EHC-06', '123456789012345']]),
    );
    expect(checked.errors).toEqual([
      {
        row: 3,
        column: 'value',
        message:
          '"123456789012345" is too large: figures can have at most 14 digits before the point',
      },
    ]);
  });

  test('a byte order mark is fine', async () => {
    const checked = await uploadAndCheck(t, await lead(), '\ufeff' + tidyCsv([ok]));
    expect(checked).toMatchObject({ status: 'CHECKED', refusedRows: 0 });
    expect(checked.columns[0]).toBe('time_period');
  });

  test('unknown indicator and unknown metric', async () => {
    const checked = await refused(
      tidyCsv([
        ok,
        ['2023', 'Calendar year', 'Local authority', LA, 'NOPE-9', '1'],
        ok.map((v) => (v === 'EHC-06' ? 'ghost' : v)),
      ]),
      (m) => ({
        ...m,
        metricForIndicator: [
          { indicator: 'EHC-06', metricId: 'EHC-06' },
          { indicator: 'ghost', metricId: 'local-southvale-not-ours' },
        ],
      }),
    );
    expect(checked.errors).toEqual([
      { row: 3, column: 'indicator', message: 'Unknown indicator "NOPE-9": map it to a metric' },
      { row: 4, column: 'indicator', message: 'Unknown metric "local-southvale-not-ours"' },
    ]);
    expect(checked).toMatchObject({ status: 'CHECKED', refusedRows: 2, addedRows: 1 });
    expect(checked.report.filter((r) => r.action === 'REFUSE').map((r) => r.row)).toEqual([3, 4]);
  });

  test('a period that does not match the metric’s period type', async () => {
    const checked = await refused(
      tidyCsv([
        ok,
        ['202324', 'Academic year', 'Local authority', LA, 'EHC-06', '70'],
        ['2023', 'Academic year', 'Local authority', LA, 'ATT-01', '20'],
        ['2024', 'Financial year', 'Local authority', LA, 'EHC-06', '72'],
      ]),
    );
    expect(checked.errors.map((e) => [e.row, e.column])).toEqual([
      [3, 'time_period'],
      [4, 'time_period'],
      [5, 'time_period'],
    ]);
    expect(checked.errors[0]!.message).toContain('does not match EHC-06');
  });

  test('text in a number column (symbols allowed)', async () => {
    const checked = await refused(
      tidyCsv([
        ok,
        ['2022', 'Calendar year', 'Local authority', LA, 'EHC-06', 'x'],
        ['2021', 'Calendar year', 'Local authority', LA, 'EHC-06', 'about 70'],
        ['2020', 'Calendar year', 'Local authority', LA, 'EHC-06', ''],
      ]),
    );
    expect(checked.errors).toEqual([
      {
        row: 4,
        column: 'value',
        message: '"about 70" is not a number or a disclosure symbol (z, x, c, low, u)',
      },
      {
        row: 5,
        column: 'value',
        message: 'Enter a number or a disclosure symbol (z, x, c, low, u)',
      },
    ]);
    expect(checked.addedRows).toBe(2);
  });

  test('duplicated rows name the first', async () => {
    const checked = await refused(
      tidyCsv([ok, ['2024', 'Calendar year', 'Local authority', LA, 'EHC-06', '1'], ok]),
    );
    expect(checked.errors).toEqual([
      {
        row: 4,
        column: null,
        message: 'The same metric, geography, period and breakdown as row 2',
      },
    ]);
  });

  test('unknown geographic level, missing geography code, wrong number of values', async () => {
    const csv =
      tidyCsv([ok, ['2023', 'Calendar year', 'Ward', 'X1', 'EHC-06', '1']]) +
      `2023,Calendar year,Local authority,${ENGLAND},E12000002,,EHC-06,5\n` +
      '2023,Calendar year,National\n';
    const checked = await refused(csv);
    expect(checked.errors).toEqual([
      { row: 3, column: 'geographic_level', message: 'Unknown geographic level "Ward"' },
      { row: 4, column: 'new_la_code', message: 'Enter the local authority code' },
      { row: 5, column: null, message: 'This row has 3 values but the header has 8 columns' },
    ]);
  });
});

describe('progress, jobs and permissions', () => {
  test('an apply job run twice at once (a retry beside a slow worker) writes the figures once', async () => {
    const ctx = await lead();
    const checked = await uploadAndCheck(
      t,
      ctx,
      tidyCsv([
        ['2023', 'Calendar year', 'Local authority', LA, 'EHC-06', '71'],
        ['2024', 'Calendar year', 'Local authority', LA, 'EHC-06', '72'],
      ]),
    );
    expect(checked.status).toBe('CHECKED');
    const id = dbId(checked.id);
    // What applyObservationImport does before it sends the job; the job is run here, twice.
    await t.db.prisma.observationImport.update({
      where: { id },
      data: { status: 'APPLYING', version: { increment: 1 } },
    });
    const job = {
      step: 'apply' as const,
      importId: id,
      version: checked.version + 1,
      actor: { userId: null, organisationId: null },
    };
    const host = createHost(t.db.prisma, []);
    const before = await observationCount();
    await Promise.all([runImportJob(host, job), runImportJob(host, job)]);
    await runImportJob(host, job); // and once more, after it finished
    expect(await observationCount()).toBe(before + 2);
    expect(
      await t.db.prisma.auditEvent.count({
        where: { action: 'observations.import', entityId: id },
      }),
    ).toBe(1);
    expect(await readImport(t, ctx, checked.id)).toMatchObject({
      status: 'APPLIED',
      addedRows: 2,
    });
  });

  test('a step that runs out of tries fails the import, unless the import has moved on', async () => {
    const ctx = await lead();
    const uploaded = (
      await upload(
        t,
        ctx,
        tidyCsv([['2023', 'Calendar year', 'Local authority', LA, 'EHC-06', '70']]),
      )
    ).data!;
    const id = dbId(uploaded.id);
    await t.db.prisma.observationImport.update({
      where: { id },
      data: { status: 'CHECKING', version: 5 },
    });
    const host = createHost(t.db.prisma, []);
    await importJobExhausted(host, { step: 'check', importId: id, version: 4 });
    expect(await readImport(t, ctx, uploaded.id)).toMatchObject({ status: 'CHECKING' });
    await importJobExhausted(host, { step: 'check', importId: id, version: 5 });
    expect(await readImport(t, ctx, uploaded.id)).toMatchObject({
      status: 'FAILED',
      errors: [
        { row: 0, message: expect.stringContaining('could not be checked after several tries') },
      ],
    });
  });

  test('only the lead manages imports; another partnership cannot see them', async () => {
    const csv = tidyCsv([['2023', 'Calendar year', 'Local authority', LA, 'EHC-06', '70']]);
    const ctx = await lead();
    const uploaded = (await upload(t, ctx, csv)).data!;
    const viewer = await t.as('viewer@northshire.example');
    expect(await upload(t, viewer, csv)).toMatchObject({
      __typename: 'ForbiddenError',
      message: 'Only the partnership lead can manage metrics',
    });
    expect(await check(t, viewer, uploaded, asInput(uploaded.mapping))).toMatchObject({
      __typename: 'ForbiddenError',
    });

    const other = await t.as('lead@southvale.example');
    expect(await readImport(t, other, uploaded.id)).toBeNull();
    expect(await check(t, other, uploaded, asInput(uploaded.mapping))).toMatchObject({
      __typename: 'NotFoundError',
    });
    expect(await apply(t, other, uploaded)).toMatchObject({ __typename: 'NotFoundError' });
    expect(await upload(t, other, csv, NORTHSHIRE)).toMatchObject({ __typename: 'NotFoundError' });
    // Southvale's own upload works, and Northshire cannot see it.
    const own = (await upload(t, other, csv, SOUTHVALE)).data!;
    expect(await readImport(t, ctx, own.id)).toBeNull();
  });

  test('stale versions are refused', async () => {
    const ctx = await lead();
    const uploaded = (
      await upload(
        t,
        ctx,
        tidyCsv([['2023', 'Calendar year', 'Local authority', LA, 'EHC-06', '70']]),
      )
    ).data!;
    const result = await check(
      t,
      ctx,
      { id: uploaded.id, version: uploaded.version + 1 },
      asInput(uploaded.mapping),
    );
    expect(result).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['version'] }],
    });
  });
});
