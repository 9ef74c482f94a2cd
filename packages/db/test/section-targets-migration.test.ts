// The section-targets migration (decision 027): education's 20-week target and the AP outcomes'
// targets move out of the sections' data into the plans' metric targets, and nothing written is
// lost (a target already set stays; words that are not a number stay with the outcome's measure).
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, readMigrations } from '../src/migrate.ts';
import { migrationsFolder, scratchServer, writeMigration, type ScratchServer } from './helpers.ts';

const MIGRATION = '20261208022000_section_targets_are_metric_targets';

let server: ScratchServer;
let dir: string;

beforeAll(async () => {
  server = await scratchServer();
  const before = readMigrations().filter((m) => m.name < MIGRATION);
  dir = migrationsFolder(Object.fromEntries(before.map((m) => [m.name, m.sql])));
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe(`migration ${MIGRATION}`, () => {
  it('moves section targets into empty metric targets and removes them from the sections', async () => {
    const { db } = await server.scratch();
    await migrate(db, { migrationsDir: dir });
    const ap = {
      apo1: { measure: 'On roll two terms later', target: '85% ' },
      apo2: { measure: 'Attendance in AP', target: 'Up by 15 percentage points on average' },
      apo3: { measure: null, target: '70' },
      apo4: { measure: 'Grade 4 in English and maths', target: null },
    };
    await db.exec(`
      INSERT INTO "Partnership" (id, slug, name, "localAuthorityCodes", "updatedAt")
        VALUES ('p1', 'p1', 'P1', '{E10000099}', now());
      INSERT INTO "OrganisationType" (code, title) VALUES ('alternative-provision', 'AP');
      INSERT INTO "Organisation" (id, name, "typeCode") VALUES ('org-ap', 'AP trust', 'alternative-provision');
      INSERT INTO "PlanKind" (id, title, status) VALUES ('k', 'Kind', 'CONFIRMED');
      INSERT INTO "StandardsFramework" (id, title, status, "effectiveFrom") VALUES ('f', 'F', 'CONFIRMED', '2026-01-01');
      INSERT INTO "Plan" (id, "partnershipId", "kindId", "frameworkId", title, "periodStart", "periodEnd", "updatedAt", slug) VALUES
        ('plan1', 'p1', 'k', 'f', 'Plan 1', '2026-09-01', '2029-08-31', now(), '2026-29'),
        ('plan2', 'p1', 'k', 'f', 'Plan 2', '2026-09-01', '2029-08-31', now(), '2026-29b');
      INSERT INTO "Metric" (id, theme, title, unit, polarity, "periodType", status) VALUES
        ('EHC-01', 'ehc', 'EHC plans in 20 weeks', 'percent', 'HIGHER_BETTER', 'CALENDAR_YEAR', 'CONFIRMED'),
        ('APO-1', 'alternative-provision', 'Outreach', 'percent', 'HIGHER_BETTER', 'ACADEMIC_YEAR', 'LOCAL'),
        ('APO-2', 'alternative-provision', 'Attendance', 'percent', 'HIGHER_BETTER', 'ACADEMIC_YEAR', 'LOCAL'),
        ('APO-3', 'alternative-provision', 'Reintegration', 'percent', 'HIGHER_BETTER', 'ACADEMIC_YEAR', 'LOCAL');
      -- plan2 already has an EHC-01 target: it stays as it is.
      INSERT INTO "MetricTarget" (id, "planId", "metricId", "targetValue", "targetPeriod")
        VALUES ('kept', 'plan2', 'EHC-01', 65, '2028');
      INSERT INTO "Section" (id, "planId", key, "pluginId", "ownerOrganisationId", data, "updatedAt") VALUES
        ('s-ed1', 'plan1', 'education', 'education', NULL,
          '{"education": {"senSupportSummary": "Graduated approach", "ehcTimelinessTarget": 70}}', now()),
        ('s-ed2', 'plan2', 'education', 'education', NULL,
          '{"education": {"ehcTimelinessTarget": 72}}', now()),
        ('s-ap1', 'plan1', 'alternative-provision', 'alternative-provision', 'org-ap',
          '{"alternative-provision": ${JSON.stringify(ap).replace(/'/g, "''")}}', now());
    `);
    const applied = await migrate(db, { migrationsDir: withNext(dir) });
    expect(applied).toEqual([MIGRATION]);

    const targets = await db.query<{
      planId: string;
      metricId: string;
      targetValue: string;
      targetPeriod: string;
      ownerOrganisationId: string | null;
    }>(
      `SELECT "planId", "metricId", "targetValue"::text AS "targetValue", "targetPeriod", "ownerOrganisationId"
         FROM "MetricTarget" ORDER BY "planId", "metricId"`,
    );
    expect(targets).toEqual([
      {
        planId: 'plan1',
        metricId: 'APO-1',
        targetValue: '85.0000',
        targetPeriod: '2028/29',
        ownerOrganisationId: 'org-ap',
      },
      {
        planId: 'plan1',
        metricId: 'APO-3',
        targetValue: '70.0000',
        targetPeriod: '2028/29',
        ownerOrganisationId: 'org-ap',
      },
      {
        planId: 'plan1',
        metricId: 'EHC-01',
        targetValue: '70.0000',
        targetPeriod: '2029',
        ownerOrganisationId: null,
      },
      {
        planId: 'plan2',
        metricId: 'EHC-01',
        targetValue: '65.0000',
        targetPeriod: '2028',
        ownerOrganisationId: null,
      },
    ]);

    const sections = await db.query<{ id: string; data: Record<string, unknown> }>(
      `SELECT id, data FROM "Section" ORDER BY id`,
    );
    expect(sections).toEqual([
      {
        id: 's-ap1',
        data: {
          'alternative-provision': {
            apo1: { measure: 'On roll two terms later' },
            apo2: {
              measure:
                'Attendance in AP (Target as first written: Up by 15 percentage points on average)',
            },
            apo3: { measure: null },
            apo4: { measure: 'Grade 4 in English and maths' },
          },
        },
      },
      { id: 's-ed1', data: { education: { senSupportSummary: 'Graduated approach' } } },
      { id: 's-ed2', data: { education: {} } },
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
