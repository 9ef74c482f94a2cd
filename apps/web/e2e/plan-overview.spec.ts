// The plan page as an overview: progress by section with commitments by progress and by rating
// (counted apart) and milestones due, what stops submission grouped by section with counts, no live submit button while blocked,
// and wording that fits the reader (the lead, or an ICB editor who writes one section). The figures
// are checked against what the core's GraphQL API returns for the same viewer. Screenshots at
// 1280 and 390 px are kept as test artefacts.
import { expect, test, type Page } from '@playwright/test';
import { axeViolations, keepScreenshots, openPlan, signedInPage } from './fixtures.ts';

interface Summary {
  total: number;
  byProgress: { progress: string; count: number }[];
  byDeliveryRating: { rating: string | null; count: number }[];
  overdueMilestones: number;
  dueSoonMilestones: number;
}
interface Overview {
  id: string;
  sectionsComplete: number;
  commitmentSummary: Summary;
  viewerCan: { submit: boolean };
  sections: {
    key: string;
    title: string;
    status: string;
    isReady: boolean;
    readiness: { passed: boolean }[];
    viewerCanEdit: boolean;
    commitmentSummary: Summary;
  }[];
  submissionBlockers: { sectionKey: string | null }[];
}

const SUMMARY =
  'total byProgress { progress count } byDeliveryRating { rating count } overdueMilestones dueSoonMilestones';
const OVERVIEW = `query ($id: ID!) {
  plan(id: $id) {
    id sectionsComplete commitmentSummary { ${SUMMARY} } viewerCan { submit }
    sections { key title status isReady readiness { passed } viewerCanEdit commitmentSummary { ${SUMMARY} } }
    submissionBlockers { sectionKey }
  }
}`;

const PROGRESS_WORDS: Record<string, string> = {
  NOT_STARTED: 'not started',
  IN_PROGRESS: 'in progress',
  COMPLETE: 'complete',
};
const RATING_WORDS: Record<string, string> = { RED: 'red', AMBER: 'amber', GREEN: 'green' };

/** The plan as the core's API answers it for the signed-in viewer of `page`. */
async function coreOverview(page: Page): Promise<Overview> {
  const id = decodeURIComponent(new URL(page.url()).pathname.split('/')[2] ?? '');
  const response = await page.request.post('/graphql', {
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    data: { query: OVERVIEW, variables: { id } },
  });
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { data?: { plan: Overview | null }; errors?: unknown };
  expect(body.errors).toBeUndefined();
  expect(body.data?.plan).toBeTruthy();
  return body.data!.plan!;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** How far the commitments have got, as the page says it: "1 not started, 2 in progress". */
function progressWords(summary: Summary): string {
  return summary.byProgress
    .filter((p) => p.count > 0)
    .map((p) => `${p.count} ${PROGRESS_WORDS[p.progress]}`)
    .join(', ');
}

/** How delivery is rated, as the page says it: "1 red, 3 not rated". */
function ratingWords(summary: Summary): string {
  return summary.byDeliveryRating
    .filter((r) => r.count > 0)
    .map((r) => `${r.count} ${r.rating === null ? 'not rated' : RATING_WORDS[r.rating]}`)
    .join(', ');
}

/** Every figure a summary has, as a section's row says it. */
function figures(summary: Summary): string[] {
  if (summary.total === 0) return ['No commitments yet'];
  return [
    `${plural(summary.total, 'commitment', 'commitments')}: ${progressWords(summary)}; rated ${ratingWords(summary)}`,
  ];
}

function isComplete(section: Overview['sections'][number]): boolean {
  return section.readiness.length > 0 ? section.isReady : section.status === 'COMPLETE';
}

test('the Southvale lead reads progress and blockers by section, and cannot submit while blocked', async ({
  browser,
}, testInfo) => {
  const page = await signedInPage(browser, 'lead@southvale.example');
  await openPlan(page, 'Southvale');
  const plan = await coreOverview(page);
  expect(plan.viewerCan.submit).toBe(true);
  expect(plan.submissionBlockers.length).toBeGreaterThan(0);

  // The roll-up: sections complete (the lead writes every section), then the commitments by
  // progress and by rating, read apart, each on its own row.
  const progress = page.locator('#progress');
  await expect(progress).toContainText(
    `You have completed ${plan.sectionsComplete} of ${plan.sections.length} sections.`,
  );
  const summary = plan.commitmentSummary;
  expect(summary.total).toBeGreaterThan(0);
  const rollUp = page.locator('#commitment-roll-up');
  await expect(
    rollUp.getByRole('heading', { name: 'Commitments in the whole plan' }),
  ).toBeVisible();
  const row = (key: string) =>
    rollUp
      .locator('.govuk-summary-list__row')
      .filter({ has: page.getByText(key, { exact: true }) });
  await expect(row('Commitments').locator('dd')).toHaveText(String(summary.total));
  await expect(row('Progress').locator('dd')).toHaveText(progressWords(summary));
  await expect(row('Rating').locator('dd')).toHaveText(ratingWords(summary));
  // A commitment in progress but not rated is read as in progress, never as "not started".
  const inProgress = summary.byProgress.find((p) => p.progress === 'IN_PROGRESS')!.count;
  const notStarted = summary.byProgress.find((p) => p.progress === 'NOT_STARTED')!.count;
  if (inProgress > 0) await expect(row('Progress')).toContainText(`${inProgress} in progress`);
  if (notStarted === 0) await expect(row('Progress')).not.toContainText('not started');
  expect(summary.byProgress.reduce((n, p) => n + p.count, 0)).toBe(summary.total);
  expect(summary.byDeliveryRating.reduce((n, r) => n + r.count, 0)).toBe(summary.total);
  expect(plan.sectionsComplete).toBe(plan.sections.filter(isComplete).length);

  // One row per section: its figures and how many things to fix in it.
  for (const section of plan.sections) {
    const row = page
      .locator('.govuk-task-list__item')
      .filter({ has: page.getByRole('link', { name: section.title, exact: true }) });
    await expect(row).toHaveCount(1);
    for (const figure of figures(section.commitmentSummary))
      await expect(row).toContainText(figure);
    const toFix = plan.submissionBlockers.filter((b) => b.sectionKey === section.key).length;
    if (toFix > 0) await expect(row).toContainText(`${plural(toFix, 'thing', 'things')} to fix`);
  }

  // No live submit button while blocked: a link to what stops it instead.
  const count = plan.submissionBlockers.length;
  await expect(page.getByRole('button', { name: 'Submit for partner review' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Submit for partner review' })).toHaveCount(0);
  const cannot = page.getByRole('link', {
    name: `You cannot submit yet: ${plural(count, 'thing', 'things')} to fix`,
  });
  await expect(cannot).toBeVisible();

  // The blockers, grouped by section with counts, each group folded.
  const blockers = page.locator('#blockers');
  await expect(blockers.getByRole('heading', { name: 'Before you can submit' })).toBeVisible();
  await expect(blockers).toContainText(`${count} things stop the plan being submitted.`);
  const summaries = blockers.locator('summary');
  const expected = [
    ...plan.sections.map((s) => ({
      title: s.title,
      n: plan.submissionBlockers.filter((b) => b.sectionKey === s.key).length,
    })),
    {
      title: 'Whole plan',
      n: plan.submissionBlockers.filter(
        (b) => !b.sectionKey || !plan.sections.some((s) => s.key === b.sectionKey),
      ).length,
    },
  ]
    .filter((g) => g.n > 0)
    .map((g) => `${g.title} (${plural(g.n, 'thing', 'things')} to fix)`);
  await expect(summaries).toHaveText(expected);
  await expect(blockers.locator('details[open]')).toHaveCount(0);
  // The sections come before the detail.
  const sectionsTop = await page.getByRole('heading', { level: 2, name: 'Sections' }).boundingBox();
  const blockersTop = await blockers.boundingBox();
  expect(sectionsTop!.y).toBeLessThan(blockersTop!.y);

  // A group opens to its blockers, each linking to where it is fixed.
  const first = plan.sections.find((s) =>
    plan.submissionBlockers.some((b) => b.sectionKey === s.key),
  );
  if (first) {
    const group = blockers.locator(`#blockers-${first.key}`);
    await group.locator('summary').click();
    const sectionPath = `/plans/${encodeURIComponent(plan.id)}/sections/${encodeURIComponent(first.key)}`;
    const links = group.locator('a.govuk-task-list__link');
    await expect(links).toHaveCount(
      plan.submissionBlockers.filter((b) => b.sectionKey === first.key).length,
    );
    await expect(
      group.getByRole('link', { name: `Go to the ${first.title.toLowerCase()} section` }),
    ).toHaveAttribute('href', sectionPath);
    // Every blocker of a section is fixed on the section page or the dashboard (red metrics).
    for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href'))))
      expect(href).toMatch(new RegExp(`^(${sectionPath}|/plans/[^/]+/dashboard)$`));
  }
  expect(await axeViolations(page)).toEqual([]);

  await cannot.click();
  await expect(page).toHaveURL(/#blockers$/);
  await keepScreenshots(page, testInfo, 'plan-overview-lead', { noSidewaysScroll: true });
  expect(await axeViolations(page)).toEqual([]);

  // A commitment under way but not yet rated: the roll-up counts it as in progress and not rated
  // (the one-word RAG reading used to call it "not started").
  const firstSection = plan.sections[0]!;
  await page.goto(
    `/plans/${encodeURIComponent(plan.id)}/sections/${encodeURIComponent(firstSection.key)}/commitments/new`,
  );
  await page.getByLabel('Title').fill('Under way, not yet rated');
  await page.getByRole('group', { name: 'Progress' }).getByLabel('In progress').check();
  await page.getByRole('group', { name: 'How is it going?' }).getByLabel('Not rated').check();
  await page.getByRole('button', { name: 'Add commitment' }).click();
  await expect(page.getByRole('alert').getByText(/Commitment .* saved/)).toBeVisible();
  await page.goto(`/plans/${encodeURIComponent(plan.id)}`);
  const after = (await coreOverview(page)).commitmentSummary;
  const countOf = (s: Summary, progress: string) =>
    s.byProgress.find((p) => p.progress === progress)!.count;
  const notRatedOf = (s: Summary) => s.byDeliveryRating.find((r) => r.rating === null)!.count;
  expect(countOf(after, 'IN_PROGRESS')).toBe(countOf(summary, 'IN_PROGRESS') + 1);
  expect(countOf(after, 'NOT_STARTED')).toBe(countOf(summary, 'NOT_STARTED'));
  expect(notRatedOf(after)).toBe(notRatedOf(summary) + 1);
  await expect(row('Progress').locator('dd')).toHaveText(progressWords(after));
  await expect(row('Progress')).toContainText(`${countOf(after, 'IN_PROGRESS')} in progress`);
  await expect(row('Rating')).toContainText(`${notRatedOf(after)} not rated`);

  // An uncovered standard area offers a commitment for it, in each section the lead writes, and
  // the new commitment's form comes with that area ticked.
  await page
    .getByRole('navigation', { name: 'Plan pages' })
    .getByRole('link', { name: 'Standards coverage' })
    .click();
  const add = page.getByRole('link', { name: /^Add a commitment for SA-\d+ to the / }).first();
  const name = (await add.textContent()) ?? '';
  const code = /for (SA-\d+)/.exec(name)?.[1] ?? '';
  await expect(page.locator(`#area-${code}`)).toContainText('Uncovered');
  // A commitment's reference reads with its title, not as a bare code.
  await expect(page.locator('#coverage tbody li').first()).toContainText(/^[A-Z]+-\d+\s*\S+/);
  expect(await axeViolations(page)).toEqual([]);
  await add.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Add a commitment' })).toBeVisible();
  await expect(
    page
      .getByRole('group', { name: 'Standards this commitment meets' })
      .getByRole('checkbox', { checked: true }),
  ).toHaveCount(1);
  await expect(page.getByRole('checkbox', { name: new RegExp(`^${code} `) })).toBeChecked();
  await page.context().close();
});

test('an ICB editor is told about the sections they write, not about submitting', async ({
  browser,
}, testInfo) => {
  const page = await signedInPage(browser, 'icb@northshire.example');
  await openPlan(page, 'Northshire');
  const plan = await coreOverview(page);
  expect(plan.viewerCan.submit).toBe(false);
  const mine = plan.sections.filter((s) => s.viewerCanEdit);
  expect(mine.map((s) => s.title)).toEqual(['Health']);

  const progress = page.locator('#progress');
  await expect(progress).toContainText(
    `${plan.sectionsComplete} of ${plan.sections.length} sections are complete.`,
  );
  await expect(progress).toContainText(
    `Sections you write: Health, ${mine.filter(isComplete).length} of 1 complete.`,
  );
  await expect(page.getByText(/You have completed/)).toHaveCount(0);
  await expect(page.getByText('Before you can submit')).toHaveCount(0);
  await expect(page.getByText(/You cannot submit yet/)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Submit for partner review' })).toHaveCount(0);

  const blockers = page.locator('#blockers');
  await expect(blockers.getByRole('heading', { name: 'What stops submission' })).toBeVisible();
  const own = plan.submissionBlockers.filter((b) => b.sectionKey === 'health').length;
  if (own > 0) {
    // Their own section's blockers come first, open.
    await expect(blockers.locator('summary').first()).toHaveText(
      `Health (${plural(own, 'thing', 'things')} to fix)`,
    );
    await expect(blockers.locator('details').first()).toHaveAttribute('open', '');
    await expect(blockers).toContainText('those in the sections you write come first');
  }
  await expect(blockers.locator('details[open]')).toHaveCount(own > 0 ? 1 : 0);
  expect(await axeViolations(page)).toEqual([]);
  await keepScreenshots(page, testInfo, 'plan-overview-icb', { noSidewaysScroll: true });
  await page.context().close();
});
