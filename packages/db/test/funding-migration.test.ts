// The funding migration (issue 16) moves every commitment's free-text budget into a budget line of
// its plan, nothing lost: the text becomes the line's name, the block is read from the text, the year
// is the plan's first financial year, a text without an amount becomes a 0.00 line, and the old
// columns are emptied. Run on PGlite: the migrations before it, some rows, then it.
import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { readMigrations } from '../src/migrate.ts';
import { testEngine } from '../src/testing.ts';

const FUNDING = '20261208021139_funding_bands_tariffs_budget_lines';

describe('the funding migration', () => {
  it('turns free-text budgets into budget lines and empties the old columns', async (context) => {
    if (testEngine() !== 'pglite') return context.skip('PGlite only');
    const pg = await PGlite.create();
    try {
      const migrations = readMigrations();
      const at = migrations.findIndex((m) => m.name === FUNDING);
      expect(at).toBeGreaterThan(0);
      for (const m of migrations.slice(0, at)) await pg.exec(m.sql);
      await pg.exec(`
        INSERT INTO "Partnership" ("id", "slug", "name", "updatedAt") VALUES ('p', 'p', 'P', now());
        INSERT INTO "PlanKind" ("id", "title", "status") VALUES ('k', 'K', 'CONFIRMED');
        INSERT INTO "StandardsFramework" ("id", "title", "status", "effectiveFrom")
          VALUES ('f', 'F', 'CONFIRMED', '2026-01-01');
        INSERT INTO "Plan" ("id", "partnershipId", "kindId", "frameworkId", "title", "slug",
          "periodStart", "periodEnd", "updatedAt")
          VALUES ('plan', 'p', 'k', 'f', 'Plan', '2026-29', '2026-09-01', '2029-08-31', now());
        INSERT INTO "Section" ("id", "planId", "key", "pluginId", "updatedAt")
          VALUES ('s', 'plan', 'education', 'education', now());
        INSERT INTO "Commitment" ("id", "planId", "sectionId", "reference", "title", "updatedAt",
          "budgetLine", "budgetAmount") VALUES
          ('c1', 'plan', 's', 'ED-01', 'One', now(), 'High needs block: inclusion', 45000.00),
          ('c2', 'plan', 's', 'ED-02', 'Two', now(), 'Early years block: SEN fund', NULL),
          ('c3', 'plan', 's', 'ED-03', 'Three', now(), NULL, 1200.50),
          ('c4', 'plan', 's', 'ED-04', 'Four', now(), 'Council SEND service', 320000),
          ('c5', 'plan', 's', 'ED-05', 'Five', now(), NULL, NULL);
      `);
      await pg.exec(migrations[at]!.sql);
      const lines = await pg.query<Record<string, unknown>>(
        `SELECT "commitmentId", "planId", "name", "block"::text AS "block", "amount"::text AS "amount",
           "financialYear" FROM "BudgetLine" ORDER BY "commitmentId"`,
      );
      expect(lines.rows).toEqual([
        {
          commitmentId: 'c1',
          planId: 'plan',
          name: 'High needs block: inclusion',
          block: 'HIGH_NEEDS',
          amount: '45000.00',
          financialYear: 2026,
        },
        {
          commitmentId: 'c2',
          planId: 'plan',
          name: 'Early years block: SEN fund',
          block: 'EARLY_YEARS',
          amount: '0.00',
          financialYear: 2026,
        },
        {
          commitmentId: 'c3',
          planId: 'plan',
          name: 'Budget',
          block: 'OTHER',
          amount: '1200.50',
          financialYear: 2026,
        },
        {
          commitmentId: 'c4',
          planId: 'plan',
          name: 'Council SEND service',
          block: 'OTHER',
          amount: '320000.00',
          financialYear: 2026,
        },
      ]);
      const left = await pg.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "Commitment" WHERE "budgetLine" IS NOT NULL OR "budgetAmount" IS NOT NULL`,
      );
      expect(left.rows[0]?.n).toBe(0);
    } finally {
      await pg.close();
    }
  });
});
