// The pages a partnership uses every day cost a fixed number of SQL statements, whatever the size
// of the plan: the plan, section and coverage pages are asked for, then the plan grows by 60
// commitments (each with standard areas, a milestone and a comment), and each page must issue the
// same number of statements as before, and no more than its ceiling. A count, not a timing: an N+1
// query added to any of these pages fails here. Timings at national scale are in bench/.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { encodeGlobalId } from '@lip/core';
import { startRemixApp, type RemixApp } from './support/remix-app.ts';

const LEAD = 'lead@northshire.example';
/**
 * Ceilings: 15 is the aim for each page (issue 15). Today the plan page reads 21: its submission
 * blockers also check the disclosure rule (the partnership, read twice) and scan the published
 * text for personal data (commitments, co-production: 2 reads), and its budget totals and the
 * financial sustainability figures beside them cost one statement each (issue 16); the section page reads
 * 16 (the plan and the section are each read again by the commitments summary). Lower a ceiling
 * whenever a page drops below it.
 */
const CEILING: Record<string, number> = { plan: 21, section: 16, coverage: 15 };
const GROWTH = 60;

let app: RemixApp;
let statements: string[] = [];
let pages: Record<string, string>;

/** Statements one request for the page costs, after a first request (sign-in, caches). */
async function cost(path: string): Promise<string[]> {
  const warm = await app.fetch(path, { as: LEAD });
  expect(warm.status, path).toBe(200);
  await warm.text();
  statements = [];
  const response = await app.fetch(path, { as: LEAD });
  expect(response.status, path).toBe(200);
  await response.text();
  return statements;
}

async function growPlan(planId: string): Promise<void> {
  const prisma = app.composition.db.prisma;
  const section = await prisma.section.findFirstOrThrow({ where: { planId, key: 'health' } });
  const plan = await prisma.plan.findUniqueOrThrow({ where: { id: planId } });
  const areas = await prisma.standardArea.findMany({
    where: { frameworkId: plan.frameworkId },
    take: 3,
  });
  const author = await prisma.user.findUniqueOrThrow({ where: { email: LEAD } });
  for (let i = 0; i < GROWTH; i++) {
    const commitment = await prisma.commitment.create({
      data: {
        planId,
        sectionId: section.id,
        reference: `HLT-GROW-${i}`,
        title: `Grown commitment ${i}`,
        progress: i % 2 ? 'IN_PROGRESS' : 'NOT_STARTED',
        standards: { create: areas.map((area) => ({ standardAreaId: area.id })) },
        milestones: { create: { title: `Milestone ${i}`, dueDate: new Date('2027-03-31') } },
      },
    });
    await prisma.comment.create({
      data: { planId, commitmentId: commitment.id, authorId: author.id, body: `Comment ${i}` },
    });
  }
}

beforeAll(async () => {
  app = await startRemixApp({ onQuery: (sql) => statements.push(sql), workers: false });
  const prisma = app.composition.db.prisma;
  const partnership = await prisma.partnership.findFirstOrThrow({ where: { slug: 'northshire' } });
  const plan = await prisma.plan.findFirstOrThrow({ where: { partnershipId: partnership.id } });
  const planPath = `/plans/${encodeURIComponent(encodeGlobalId('Plan', plan.id))}`;
  pages = {
    plan: planPath,
    section: `${planPath}/sections/health`,
    coverage: `${planPath}/coverage`,
  };
  const before: Record<string, number> = {};
  for (const [name, path] of Object.entries(pages)) before[name] = (await cost(path)).length;
  await growPlan(plan.id);
  baseline = before;
}, 120_000);
afterAll(() => app?.close());

let baseline: Record<string, number>;

describe('SQL statements per page', () => {
  test.each(['plan', 'section', 'coverage'])(
    'the %s page costs the same number of statements with 60 more commitments, within its ceiling',
    async (name) => {
      const after = await cost(pages[name]!);
      expect(after.length, after.join('\n')).toBe(baseline[name]);
      expect(after.length, after.join('\n')).toBeLessThanOrEqual(CEILING[name]!);
    },
  );
});
