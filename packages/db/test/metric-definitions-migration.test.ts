// The metric definitions migration moves figures and targets already held for the school census
// SEN measures from January-census years ("2024") to DfE's academic years ("2023/24").
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, readMigrations } from '../src/migrate.ts';
import { migrationsFolder, scratchServer, writeMigration, type ScratchServer } from './helpers.ts';

const MIGRATION = '20261207232043_metric_definitions';

let server: ScratchServer;
let dir: string;

beforeAll(async () => {
  server = await scratchServer();
  const all = readMigrations();
  const before = all.filter((m) => m.name < MIGRATION);
  dir = migrationsFolder(Object.fromEntries(before.map((m) => [m.name, m.sql])));
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe(`migration ${MIGRATION}`, () => {
  it('moves SEN-01 figures and targets to academic years and gives counts no decimals', async () => {
    const { db } = await server.scratch();
    await migrate(db, { migrationsDir: dir });
    await db.exec(`
      INSERT INTO "Partnership" (id, slug, name, "localAuthorityCodes", "updatedAt")
        VALUES ('p1', 'p1', 'P1', '{E10000099}', now());
      INSERT INTO "PlanKind" (id, title, status) VALUES ('k', 'Kind', 'CONFIRMED');
      INSERT INTO "StandardsFramework" (id, title, status, "effectiveFrom") VALUES ('f', 'F', 'CONFIRMED', '2026-01-01');
      INSERT INTO "Plan" (id, "partnershipId", "kindId", "frameworkId", title, "periodStart", "periodEnd", "updatedAt", slug)
        VALUES ('plan1', 'p1', 'k', 'f', 'Plan', '2026-01-01', '2028-12-31', now(), 'plan');
      INSERT INTO "Metric" (id, theme, title, unit, polarity, "periodType", status) VALUES
        ('SEN-01', 'identification-of-need', 'Pupils on SEN support', 'percent', 'CONTEXT', 'JANUARY_SNAPSHOT', 'CONFIRMED'),
        ('EHC-05', 'identification-of-need', 'EHC plans maintained', 'count', 'CONTEXT', 'JANUARY_SNAPSHOT', 'CONFIRMED');
      INSERT INTO "MetricObservation" (id, "partnershipId", "metricId", "geographyLevel", "geographyCode", period, value, "updatedAt") VALUES
        ('o1', 'p1', 'SEN-01', 'LOCAL_AUTHORITY', 'E10000099', '2024', 13.6, now()),
        ('o2', 'p1', 'SEN-01', 'LOCAL_AUTHORITY', 'E10000099', '2000', 9.9, now()),
        ('o3', 'p1', 'EHC-05', 'LOCAL_AUTHORITY', 'E10000099', '2024', 4200, now());
      INSERT INTO "MetricTarget" (id, "planId", "metricId", "baselineValue", "baselinePeriod", "targetValue", "targetPeriod", trajectory) VALUES
        ('t1', 'plan1', 'SEN-01', 13.6, '2024', 15, '2028', '[{"period":"2026","value":"14"},{"period":"2027","value":"14.5"}]'),
        ('t2', 'plan1', 'EHC-05', 4200, '2024', 4000, '2028', NULL);
    `);
    const applied = await migrate(db, { migrationsDir: withNext(dir) });
    expect(applied).toEqual([MIGRATION]);

    const metrics = await db.query<{ id: string; periodType: string; decimals: number }>(
      `SELECT id, "periodType"::text AS "periodType", decimals FROM "Metric" ORDER BY id`,
    );
    expect(metrics).toEqual([
      { id: 'EHC-05', periodType: 'JANUARY_SNAPSHOT', decimals: 0 },
      { id: 'SEN-01', periodType: 'ACADEMIC_YEAR', decimals: 1 },
    ]);
    const periods = await db.query<{ id: string; period: string }>(
      `SELECT id, period FROM "MetricObservation" ORDER BY id`,
    );
    expect(periods).toEqual([
      { id: 'o1', period: '2023/24' },
      { id: 'o2', period: '1999/00' },
      { id: 'o3', period: '2024' },
    ]);
    const targets = await db.query<{
      id: string;
      baselinePeriod: string;
      targetPeriod: string;
      trajectory: unknown;
    }>(`SELECT id, "baselinePeriod", "targetPeriod", trajectory FROM "MetricTarget" ORDER BY id`);
    expect(targets).toEqual([
      {
        id: 't1',
        baselinePeriod: '2023/24',
        targetPeriod: '2027/28',
        trajectory: [
          { period: '2025/26', value: '14' },
          { period: '2026/27', value: '14.5' },
        ],
      },
      { id: 't2', baselinePeriod: '2024', targetPeriod: '2028', trajectory: null },
    ]);
  });
});

/** The folder with this migration added (the runner applies only it). */
function withNext(folder: string): string {
  const next = readMigrations().find((m) => m.name === MIGRATION);
  if (!next) throw new Error(`${MIGRATION} not found`);
  writeMigration(folder, next.name, next.sql);
  return folder;
}
