// A realistic national file of more than 50,000 rows imported end to end on the test database:
// dry run with progress, apply in one transaction, then the same file again changes nothing.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { bootCore, type TestCore } from './support/core.ts';
import { apply, settle, uploadAndCheck } from './fixtures/metrics/helpers.ts';
import { generateObservationsCsv } from './fixtures/metrics/generate.ts';

let t: TestCore;
beforeAll(async () => {
  t = await bootCore();
});
afterAll(() => t?.close());

// Budgets, not targets (speed is measured by bench/import): on a 2-core machine shared with another
// full suite the check and the apply each took minutes, so each gets 8 and the test 20.
test(
  '52,160 rows: check with progress, apply, and re-import unchanged',
  { timeout: 1_200_000 },
  async () => {
    const { csv, rows } = generateObservationsCsv();
    expect(rows).toBeGreaterThanOrEqual(50_000);
    const ctx = await t.as('lead@northshire.example');
    const started = Date.now();

    const seen: number[] = [];
    const checked = await uploadAndCheck(t, ctx, csv, (m) => m, seen);
    expect(checked).toMatchObject({
      status: 'CHECKED',
      totalRows: rows,
      processedRows: rows,
      refusedRows: 0,
    });
    // The demo data already holds a few of Northshire's figures: those rows are changes or unchanged.
    expect(checked.addedRows + checked.changedRows + checked.unchangedRows).toBe(rows);
    expect(checked.addedRows).toBeGreaterThan(rows - 100);
    expect(checked.mapping.filterColumns).toEqual(['sen_status']);
    // Progress moved while checking: some reading between the start and the end.
    expect(
      seen.some((n) => n > 0 && n < rows),
      `progress seen: ${seen.join(',')}`,
    ).toBe(true);
    expect(checked.report.filter((r) => r.action === 'ADD')).toHaveLength(1_000);

    const checkedAt = Date.now();
    await apply(t, ctx, checked);
    const applied = await settle(t, ctx, checked.id, [], 480_000);
    expect(applied).toMatchObject({
      status: 'APPLIED',
      addedRows: checked.addedRows,
      changedRows: checked.changedRows,
    });
    const prisma = t.db.prisma;
    expect(await prisma.metricObservation.count({ where: { importId: { not: null } } })).toBe(rows);
    const sample = await prisma.metricObservation.findFirstOrThrow({
      where: {
        metricId: 'EHC-05',
        geographyLevel: 'LOCAL_AUTHORITY',
        geographyCode: 'E10000099',
        period: '2020',
        breakdown: 'sen_status:EHC plan',
      },
    });
    expect(sample.numerator).not.toBeNull();
    expect(await prisma.auditEvent.count({ where: { action: 'observations.import' } })).toBe(1);

    const appliedAt = Date.now();
    const again = await uploadAndCheck(t, ctx, csv);
    expect(again).toMatchObject({
      status: 'CHECKED',
      addedRows: 0,
      changedRows: 0,
      unchangedRows: rows,
      refusedRows: 0,
    });
    const s = (from: number, to: number) => ((to - from) / 1000).toFixed(1);
    console.log(
      `52k rows: upload+check ${s(started, checkedAt)} s, apply ${s(checkedAt, appliedAt)} s, re-import check ${s(appliedAt, Date.now())} s`,
    );
  },
);
