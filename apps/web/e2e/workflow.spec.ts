// The plan workflow end to end: a draft is private; the lead fixes what stops submission and
// submits; every signatory decides and the parent carer forum acknowledges; the lead publishes; a
// member of the public reads the published plan and downloads the Word board pack. The tests run
// in order against one server, so the journey's state carries from one test to the next.
import { expect, test, type Browser, type Page } from '@playwright/test';
import JSZip from 'jszip';
import { installedPlugins as plugins } from '../server/installed-plugins.ts';
import {
  axeViolations,
  fixDemoPlanBlockers,
  keepScreenshots,
  openPlan,
  signIn,
  signedInPage,
} from './fixtures.ts';

test.describe.configure({ mode: 'serial' });

const ALL_SECTIONS = [
  '@lip/plugin-education',
  '@lip/plugin-health',
  '@lip/plugin-care',
  '@lip/plugin-alternative-provision',
];
test.skip(
  !ALL_SECTIONS.every((p) => plugins.includes(p)),
  'The journey fixes the demo plan in all four sections, whose plugins are not all in lip.config.ts.',
);

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

let planUrl = '';

const NOTE = 'Ready for the March boards. Please look at the health waiting times first.';
const CONDITIONS = 'The therapy waiting-time target is reported to the ICB board each quarter.';
const CONCERNS = 'Families told us the waiting-well offer must reach those already waiting.';
const EVIDENCE = {
  title: 'Therapy waiting times, autumn term',
  url: 'https://www.northshire.example/board/therapy-waits',
  note: 'Average wait down from 18 to 12 weeks.',
};

async function expectAccessible(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
}

/** The path of the Northshire plan, found as the viewer. */
async function northshirePlanUrl(browser: Browser): Promise<string> {
  const page = await signedInPage(browser, 'viewer@northshire.example');
  await openPlan(page, 'Northshire');
  const url = new URL(page.url()).pathname;
  await page.context().close();
  return url;
}

function today(): { day: string; month: string; year: string } {
  const now = new Date();
  return {
    day: String(now.getUTCDate()),
    month: String(now.getUTCMonth() + 1),
    year: String(now.getUTCFullYear()),
  };
}

/** A signatory records their organisation's decision from the plan page. */
async function recordDecision(
  browser: Browser,
  email: string,
  organisation: string,
  signatory: string,
): Promise<void> {
  const page = await signedInPage(browser, email);
  await page.goto(planUrl);
  await page.getByRole('button', { name: `Record sign-off for ${organisation}` }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Record the decision of ${organisation}` }),
  ).toBeVisible();
  await page.getByRole('radio', { name: 'Approved', exact: true }).check();
  await page.getByLabel('Name of the signatory').fill(signatory);
  await page.getByLabel('Their role').fill('Director');
  await page.getByLabel('Where was the decision taken?').fill('Partnership board');
  const date = page.getByRole('group', { name: 'Date of the decision' });
  const { day, month, year } = today();
  await date.getByLabel('Day').fill(day);
  await date.getByLabel('Month').fill(month);
  await date.getByLabel('Year').fill(year);
  await page.getByRole('button', { name: 'Record decision' }).click();
  await expect(
    page.getByRole('alert').getByText(`Decision recorded for ${organisation}`),
  ).toBeVisible();
  await page.context().close();
}

/** The plan page's record of who signed off version 1, the published one. */
async function expectPublishedSignOff(page: Page): Promise<void> {
  const signed = page.getByRole('table', { name: 'Sign-off of version 1 (published)' });
  await expect(signed).toBeVisible();
  await expect(
    signed.getByRole('row', { name: /NHS Northshire Integrated Care Board/ }),
  ).toContainText('Approved with conditions');
  await expect(signed.getByRole('row', { name: /Northshire Parent Carer Forum/ })).toContainText(
    'Acknowledged',
  );
  await expect(signed.getByText('Waiting')).toHaveCount(0);
  await expect(
    page.getByRole('link', { name: 'Every decision on version 1 in full' }),
  ).toHaveAttribute('href', /\/versions\/1$/);
}

test('a draft is private: 404 at the public address, sign-in at the member address; a refused submit is explained', async ({
  page,
  browser,
}) => {
  planUrl = await northshirePlanUrl(browser);
  const planId = planUrl.split('/').pop() ?? '';

  for (const address of ['/published/northshire/2026-29', `/published/northshire/${planId}/1`]) {
    const publicResponse = await page.goto(address);
    expect(publicResponse?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  }
  const download = await page.request.get('/published/northshire/2026-29/1/plan.docx');
  expect(download.status()).toBe(404);
  // Nor is it in the public index or its feed.
  await page.goto('/published?q=Northshire');
  await expect(page.getByRole('status')).toHaveText(/^0 plans match “Northshire”/);
  expect(await (await page.request.get('/published/feed.atom')).text()).not.toContain('northshire');

  await page.goto(`${planUrl}/versions`);
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();

  // The viewer may read the plan but not submit it: the refusal says why.
  await signIn(page, 'viewer@northshire.example');
  await page.goto(`${planUrl}/submit`);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Submit for partner review' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Submit for partner review' }).click();
  await expect(page.getByRole('alert')).toContainText('There is a problem');
  await expect(page.getByRole('alert')).toContainText(/partnership lead/);
  await expect(page).toHaveTitle(/^Error: /);
  await expectAccessible(page);
  const crafted = await page.request.post(`${planUrl}/submit`, { form: { note: '' } });
  expect(crafted.status()).toBe(403);
});

test('the lead fixes what stops submission, using the task list and the coverage page, and submits', async ({
  page,
  browser,
}) => {
  planUrl ||= await northshirePlanUrl(browser);
  await signIn(page, 'lead@northshire.example');
  await page.goto(planUrl);
  await expect(
    page.getByRole('heading', { level: 2, name: 'Review and publication' }),
  ).toBeVisible();
  await expect(
    page.getByRole('heading', { level: 3, name: 'Before you can submit' }),
  ).toBeVisible();
  await expectAccessible(page);

  // A submission refused as blocked keeps the note the lead typed.
  await page.goto(`${planUrl}/submit`);
  await page.getByLabel('Note for the partners (optional)').fill(NOTE);
  await page.getByRole('button', { name: 'Submit for partner review' }).click();
  await expect(page.getByRole('alert')).toContainText('The plan cannot be submitted yet');
  await expect(page).toHaveTitle(/^Error: /);
  await expect(page.getByLabel('Note for the partners (optional)')).toHaveValue(NOTE);
  await expectAccessible(page);
  await page.goto(planUrl);

  // Coverage: mark an area not applicable (a reason is required), then clear it again.
  await page
    .getByRole('navigation', { name: 'Plan pages' })
    .getByRole('link', { name: 'Standards coverage' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Standards coverage' })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: /SA-01/ })).toBeVisible();
  await expectAccessible(page);
  const row = page.locator('#area-SA-12');
  await row.getByText('Mark as not applicable for SA-12').first().click();
  await row.getByRole('button', { name: 'Mark as not applicable for SA-12' }).click();
  await expect(page.getByRole('alert')).toContainText(
    'Enter why this standard area does not apply to the plan',
  );
  await expect(page).toHaveTitle(/^Error: /);
  await expectAccessible(page);
  await page
    .getByLabel('Why does SA-12 not apply to this plan?')
    .fill('Place planning is set out in the county sufficiency strategy.');
  await page.getByRole('button', { name: 'Mark as not applicable for SA-12' }).click();
  await expect(page.getByRole('alert').getByText('SA-12 marked as not applicable')).toBeVisible();
  await expect(page.locator('#area-SA-12')).toContainText(
    'Place planning is set out in the county sufficiency strategy.',
  );
  await page.getByRole('button', { name: 'Clear not applicable for SA-12' }).click();
  await expect(
    page.getByRole('alert').getByText('SA-12 is no longer marked as not applicable'),
  ).toBeVisible();

  // Each blocker links to where it is fixed (the demo plan's sections each lack one thing).
  await fixDemoPlanBlockers(page, planUrl);

  // Evidence of progress on a health commitment: frozen with the version, published with the plan.
  await page.goto(`${planUrl}/sections/health/commitments`);
  await page
    .getByRole('table', { name: /Commitments in/ })
    .locator('tbody tr')
    .first()
    .getByRole('link')
    .first()
    .click();
  await page.getByRole('button', { name: 'Add evidence' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Add evidence' })).toBeVisible();
  await page.getByLabel('Title').fill(EVIDENCE.title);
  await page.getByLabel(/^Link/).fill(EVIDENCE.url);
  await page.getByLabel(/^Note/).fill(EVIDENCE.note);
  await page.getByRole('button', { name: 'Add evidence' }).click();
  await expect(page.getByRole('alert').getByText('Evidence added')).toBeVisible();

  await page.goto(planUrl);
  await expect(page.getByText('Nothing stops submission')).toBeVisible();
  await expect(page.getByText(/You cannot submit yet/)).toHaveCount(0);
  await page.getByRole('button', { name: 'Submit for partner review' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Submit for partner review' }),
  ).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Note for the partners (optional)').fill(NOTE);
  await page.getByRole('button', { name: 'Submit for partner review' }).click();
  await expect(
    page.getByRole('alert').getByText('Version 1 submitted for partner review'),
  ).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Version 1' })).toBeVisible();
  // The note is kept with the version.
  const noteRow = page.locator('.govuk-summary-list__row', {
    hasText: 'Note from the partnership lead',
  });
  await expect(noteRow).toContainText(NOTE);
  // The evidence is frozen with the version, shown on its page.
  const frozen = page.locator('#evidence');
  await expect(frozen.getByRole('link', { name: EVIDENCE.title })).toHaveAttribute(
    'href',
    EVIDENCE.url,
  );
  await expect(frozen).toContainText(EVIDENCE.note);
  await expectAccessible(page);

  // Members can download the version under review.
  const json = await page.request.get(`${planUrl}/versions/1/export/json`);
  expect(json.status()).toBe(200);
  expect(json.headers()['content-type']).toContain('application/json');
  expect(json.headers()['content-disposition']).toContain(
    'attachment; filename="northshire-plan-v1.json"',
  );
});

test('the ICB, the council and the forum decide; a missing condition is explained', async ({
  browser,
}) => {
  planUrl ||= await northshirePlanUrl(browser);
  // The signatory reads the lead's note; a decision with conditions needs the conditions.
  const icb = await signedInPage(browser, 'icb@northshire.example');
  await icb.goto(planUrl);
  await icb
    .getByRole('button', { name: 'Record sign-off for NHS Northshire Integrated Care Board' })
    .click();
  const note = icb.locator('.govuk-inset-text', {
    has: icb.getByRole('heading', { level: 2, name: 'Note from the partnership lead' }),
  });
  await expect(note).toContainText(NOTE);
  await expectAccessible(icb);
  await icb.getByRole('radio', { name: 'Approved with conditions' }).check();
  await icb.getByRole('button', { name: 'Record decision' }).click();
  await expect(icb.getByRole('alert')).toContainText('Enter the conditions');
  await expect(icb.locator('#conditions-error')).toBeVisible();
  await expect(icb).toHaveTitle(/^Error: /);
  await expectAccessible(icb);
  await icb.getByLabel('What are the conditions?').fill(CONDITIONS);
  await icb.getByLabel('Name of the signatory').fill('Dr Helen Ward');
  await icb.getByLabel('Their role').fill('Chief Nursing Officer');
  await icb.getByLabel('Where was the decision taken?').fill('ICB board');
  const decided = icb.getByRole('group', { name: 'Date of the decision' });
  const when = today();
  await decided.getByLabel('Day').fill(when.day);
  await decided.getByLabel('Month').fill(when.month);
  await decided.getByLabel('Year').fill(when.year);
  await icb.getByRole('button', { name: 'Record decision' }).click();
  await expect(
    icb.getByRole('alert').getByText('Decision recorded for NHS Northshire Integrated Care Board'),
  ).toBeVisible();
  await icb.context().close();

  await recordDecision(
    browser,
    'education@northshire.example',
    'Northshire County Council (education)',
    'Sam Okafor',
  );
  await recordDecision(
    browser,
    'care@northshire.example',
    "Northshire County Council (children's social care)",
    'Jo Lindqvist',
  );

  const forum = await signedInPage(browser, 'forum@northshire.example');
  await forum.goto(planUrl);
  // The sign-off tracker: one row per signing organisation, its kind, decision and date.
  const tracker = forum.getByRole('table', { name: 'Sign-off' });
  await expect(forum.getByRole('region', { name: 'Sign-off, by organisation' })).toBeVisible();
  const icbRow = tracker.getByRole('row', { name: /NHS Northshire Integrated Care Board/ });
  await expect(icbRow).toContainText('Sign-off');
  await expect(icbRow).toContainText('Approved');
  await expect(icbRow).toContainText(new RegExp(`${today().day} \\w+ ${today().year}`));
  const forumRow = tracker.getByRole('row', { name: /Northshire Parent Carer Forum/ });
  await expect(forumRow).toContainText('Acknowledgement');
  await expect(forumRow).toContainText('Waiting');
  await expectAccessible(forum);
  await forum
    .getByRole('button', { name: 'Acknowledge for Northshire Parent Carer Forum' })
    .click();
  await expect(
    forum.getByRole('heading', {
      level: 1,
      name: 'Acknowledge the plan for Northshire Parent Carer Forum',
    }),
  ).toBeVisible();
  // The forum acknowledges in its own words: no sign-off wording, and it may record concerns.
  await expect(
    forum.getByRole('heading', { level: 2, name: 'What acknowledging means' }),
  ).toBeVisible();
  await expect(forum.getByText('Where was the decision taken?')).toHaveCount(0);
  await expect(forum.getByText('Director of Children’s Services')).toHaveCount(0);
  await expect(forum.getByRole('radio')).toHaveCount(0);
  await expect(forum.getByText(NOTE)).toBeVisible();
  await expectAccessible(forum);
  await forum.getByRole('button', { name: 'Record acknowledgement' }).click();
  await expect(forum.getByRole('alert')).toContainText(
    'Enter the meeting where the forum agreed to acknowledge the plan',
  );
  await expect(forum.getByRole('alert')).toContainText(
    'Date of the acknowledgement must be a real date',
  );
  await expectAccessible(forum);
  await forum.getByLabel('Concerns the forum wants recorded (optional)').fill(CONCERNS);
  await forum.getByLabel('Name of the person acknowledging').fill('Priya Shah');
  await forum.getByLabel('Their role in the forum').fill('Chair of the parent carer forum');
  await forum
    .getByLabel('Where did the forum agree to acknowledge the plan?')
    .fill('Forum steering group');
  const date = forum.getByRole('group', { name: 'Date of the acknowledgement' });
  const { day, month, year } = today();
  await date.getByLabel('Day').fill(day);
  await date.getByLabel('Month').fill(month);
  await date.getByLabel('Year').fill(year);
  await forum.getByRole('button', { name: 'Record acknowledgement' }).click();
  await expect(
    forum.getByRole('alert').getByText('Decision recorded for Northshire Parent Carer Forum'),
  ).toBeVisible();
  await expect(forum.locator('.govuk-summary-list').first()).toContainText('Signed off');
  // The version page keeps the forum's concerns with its acknowledgement.
  const acknowledged = forum.locator('.govuk-summary-list__row', {
    hasText: 'Concerns the forum wants recorded',
  });
  await expect(acknowledged).toContainText(CONCERNS);
  await expect(forum.getByText('Acknowledged by')).toBeVisible();
  await expectAccessible(forum);
  // Signed off: the plan page's tracker shows every decision, none waiting.
  await forum.goto(planUrl);
  await expect(forumRow).toContainText('Acknowledged');
  await expect(tracker.getByText('Waiting')).toHaveCount(0);
  await forum.context().close();
});

test('the lead publishes and a member of the public reads the plan and downloads the board pack', async ({
  page,
  browser,
}, testInfo) => {
  planUrl ||= await northshirePlanUrl(browser);
  await signIn(page, 'lead@northshire.example');
  await page.goto(planUrl);
  await page.getByRole('button', { name: 'Publish the plan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Publish the plan' })).toBeVisible();
  // The ICB's conditions and the forum's concerns are listed, organisation then its words.
  const conditions = page.locator('.govuk-summary-list').first();
  await expect(
    page.getByRole('heading', { level: 2, name: 'Conditions of approval' }),
  ).toBeVisible();
  await expect(conditions.locator('.govuk-summary-list__key')).toHaveText([
    'NHS Northshire Integrated Care Board',
  ]);
  await expect(conditions.locator('.govuk-summary-list__value')).toHaveText([CONDITIONS]);
  await expect(
    page.getByRole('heading', { level: 2, name: 'Concerns the forum wants recorded' }),
  ).toBeVisible();
  await expect(
    page.locator('.govuk-summary-list__row', { hasText: 'Northshire Parent Carer Forum' }),
  ).toContainText(CONCERNS);
  await expectAccessible(page);
  // Publishing needs the lead's confirmation.
  await page.getByRole('button', { name: 'Publish version 1' }).click();
  const problem = page.getByRole('alert');
  await expect(problem).toContainText(
    'Confirm that any conditions have been met and this version can be made public',
  );
  await expect(
    problem.getByRole('link', { name: /Confirm that any conditions have been met/ }),
  ).toHaveAttribute('href', '#confirmed');
  await expect(page.locator('#confirmed-error')).toBeVisible();
  await expect(page).toHaveTitle(/^Error: /);
  await expectAccessible(page);
  await page
    .getByLabel('I confirm the conditions above have been met and this version can be made public')
    .check();
  await page.getByRole('button', { name: 'Publish version 1' }).click();
  await expect(page.getByRole('alert').getByText('Version 1 published')).toBeVisible();
  const publicPath = await page.getByRole('link', { name: 'public page' }).getAttribute('href');
  // A readable address from the plan's years (September 2026 to August 2029).
  expect(publicPath).toBe('/published/northshire/2026-29/1');

  // Published: the plan page still shows who signed off the version the public reads.
  await page.goto(planUrl);
  await expectPublishedSignOff(page);
  await expectAccessible(page);
  await keepScreenshots(page, testInfo, 'plan-published-sign-off', { noSidewaysScroll: true });

  await page
    .getByRole('navigation', { name: 'Plan pages' })
    .getByRole('link', { name: 'Versions and sign-off' })
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Versions and sign-off' }),
  ).toBeVisible();
  // One version and no draft: nothing to compare, so no form offering "version 1 to version 1".
  await expect(page.getByText('There is only version 1.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Compare' })).toHaveCount(0);
  await expectAccessible(page);

  const context = await browser.newContext();
  const visitor = await context.newPage();
  const response = await visitor.goto(publicPath ?? '');
  expect(response?.status()).toBe(200);
  await expect(visitor.getByRole('button', { name: /Sign out/ })).toHaveCount(0);
  await expect(
    visitor.getByRole('heading', { level: 1, name: /Northshire Local Inclusion Plan/ }),
  ).toBeVisible();
  // Navigating by headings: one h1, then a heading for each part, the sections among them.
  const parts = await visitor.getByRole('heading', { level: 2 }).allTextContents();
  expect(parts.length).toBeGreaterThan(3);
  expect(parts.join(' | ')).toMatch(/Health/);
  await expectAccessible(visitor);
  // The public is not told about drafts they cannot see.
  await expect(visitor.getByText('Plans you write here are drafts')).toHaveCount(0);
  // One truth for RAG: HLT-02 reads as on the dashboard (29.4% against 30%, lower is better).
  const hlt = visitor
    .getByRole('table', { name: 'Progress against targets' })
    .getByRole('row', { name: /Open suspected-autism referrals waiting 13 weeks or more/ });
  await expect(hlt).toContainText('Green: target met');
  await expect(hlt).toContainText('29.4%');

  // Written for parents: the plan's own address, Easy Read said to be missing where it is, a way
  // back to the contents after each part, no codes for areas or breakdowns.
  await visitor.goto('/published/northshire/2026-29');
  await expect(visitor.getByRole('heading', { level: 1 })).toContainText('Northshire');
  await expect(
    visitor.getByText('There is no Easy Read summary of this section yet').first(),
  ).toBeVisible();
  expect(await visitor.getByRole('link', { name: 'Back to contents' }).count()).toBeGreaterThan(4);
  await visitor.getByText(/Show all \d+ published figures/).click();
  const figures = visitor.getByRole('table', { name: 'All published figures' });
  await expect(figures).toContainText('SEN status: EHC plan');
  await expect(figures).not.toContainText('sen_status');
  await expect(figures).not.toContainText('E10000099');
  // The forum's concerns, in its own words, after co-production and labelled as the forum's.
  const forumPart = visitor.locator('section', {
    has: visitor.getByRole('heading', { level: 2, name: 'What the parent carer forum said' }),
  });
  await expect(forumPart).toContainText('They are the forum’s own words, not the partnership’s.');
  await expect(forumPart.locator('blockquote')).toContainText(CONCERNS);
  await expect(forumPart.locator('figcaption')).toHaveText('Northshire Parent Carer Forum');
  const h2s = await visitor.getByRole('heading', { level: 2 }).allTextContents();
  expect(h2s.indexOf('What the parent carer forum said')).toBe(
    h2s.indexOf('Co-production: you said, we did') + 1,
  );
  // The evidence under its commitment (in the part that unfolds), its link followable.
  const card = visitor.locator('.govuk-summary-card', { hasText: EVIDENCE.title });
  await card.locator('summary').click();
  const evidenceRow = card.locator('.govuk-summary-list__row', { hasText: 'Evidence' });
  await expect(evidenceRow.getByRole('link', { name: EVIDENCE.title })).toHaveAttribute(
    'href',
    EVIDENCE.url,
  );
  await expect(evidenceRow).toContainText(EVIDENCE.note);
  await expectAccessible(visitor);
  await keepScreenshots(visitor, testInfo, 'published-plan');
  // Budget totals by section, block and year, and the tariff in force (issue 16).
  await expect(
    visitor.getByRole('heading', { level: 2, name: 'Budget and tariffs' }),
  ).toBeVisible();
  await expect(
    visitor
      .getByRole('table', { name: 'Budget by block' })
      .getByRole('row', { name: /^High needs block/ }),
  ).toBeVisible();
  await expect(visitor.getByRole('table', { name: 'Budget by section' })).toContainText(
    'Education',
  );
  await expect(
    visitor
      .getByRole('table', { name: 'Annual price per place by band and type of provision' })
      .getByRole('row', { name: /^Band 2/ }),
  ).toContainText('£21,000.00');

  const docxHref = await visitor
    .getByRole('link', { name: /Board pack \(Word document\)/ })
    .getAttribute('href');
  const docx = await visitor.request.get(docxHref ?? '');
  expect(docx.status()).toBe(200);
  expect(docx.headers()['content-type']).toBe(DOCX);
  expect(docx.headers()['content-disposition']).toContain('.docx');
  const body = await docx.body();
  expect(body.length).toBeGreaterThan(1000);
  expect(body.subarray(0, 2).toString()).toBe('PK');
  // The board pack has the budget totals and the tariff in force (issue 16).
  const boardPackText = [
    ...(await (await JSZip.loadAsync(body)).file('word/document.xml')!.async('string')).matchAll(
      /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g,
    ),
  ]
    .map(([, t]) => t)
    .join('|');
  expect(boardPackText).toContain('Budget by block|Block|Amount|High needs block|');
  expect(boardPackText).toContain('Budget by financial year|Financial year|Amount|2026-27|');
  expect(boardPackText).toMatch(/Band 2\|[^|]*\|£14,000\.00\|£21,000\.00/);

  const csv = await visitor.request.get(`${publicPath}/commitments.csv`);
  expect(csv.headers()['content-type']).toContain('text/csv');
  expect([...(await csv.body()).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM, for Excel
  expect(await csv.text()).toContain('reference');
  // Evidence and the forum's concerns are open data too, in the JSON and their own CSV files.
  const evidenceCsv = await (
    await visitor.request.get(`${publicPath}/commitment_evidence.csv`)
  ).text();
  // The title has a comma, so it is quoted.
  expect(evidenceCsv).toContain(`"${EVIDENCE.title}",${EVIDENCE.url},${EVIDENCE.note}`);
  const concernsCsv = await (await visitor.request.get(`${publicPath}/forum_concerns.csv`)).text();
  expect(concernsCsv).toContain(`Northshire Parent Carer Forum,${CONCERNS}`);
  const openData = (await (await visitor.request.get(`${publicPath}/plan.json`)).json()) as {
    snapshot: { format: number; commitments: Array<{ evidence: Array<{ title: string }> }> };
    version: { signOffs: Array<{ organisationName: string; concerns: string | null }> };
  };
  expect(openData.snapshot.format).toBe(2);
  expect(openData.snapshot.commitments.flatMap((c) => c.evidence.map((e) => e.title))).toContain(
    EVIDENCE.title,
  );
  expect(openData.version.signOffs).toContainEqual(
    expect.objectContaining({
      organisationName: 'Northshire Parent Carer Forum',
      concerns: CONCERNS,
    }),
  );

  // The public index lists the newly published plan, found by its council's name or code.
  await visitor.goto('/published');
  await expect(
    visitor.getByRole('heading', { level: 1, name: 'Published local inclusion plans' }),
  ).toBeVisible();
  await visitor.getByLabel('Search by local authority name or code').fill('E10000099');
  await visitor.getByRole('button', { name: 'Search' }).click();
  await expect(visitor).toHaveURL(/\/published\?q=E10000099$/);
  await expect(visitor.getByRole('status')).toHaveText(/^1 plan matches “E10000099”/);
  const listed = visitor.getByRole('table', { name: 'Published plans' });
  await expect(listed.getByRole('rowheader')).toHaveText([/Northshire SEND and AP Partnership/]);
  await expect(listed).toContainText('Version 1');
  await expectAccessible(visitor);
  await keepScreenshots(visitor, testInfo, 'published-index');
  await visitor.getByLabel('Search by local authority name or code').fill('Southvale');
  await visitor.getByRole('button', { name: 'Search' }).click();
  await expect(visitor.getByRole('status')).toHaveText(/^0 plans match “Southvale”/);
  await expect(visitor.getByRole('table')).toHaveCount(0);
  await visitor.goto('/published?q=northshire+county+council');
  await listed.getByRole('link', { name: 'Northshire SEND and AP Partnership' }).click();
  await expect(visitor).toHaveURL(/\/published\/northshire\/2026-29$/);
  // A feed and a sitemap for councils' sites and search engines, with absolute addresses.
  const feed = await visitor.request.get('/published/feed.atom');
  expect(feed.headers()['content-type']).toContain('application/atom+xml');
  const atom = await feed.text();
  expect(atom).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
  expect(atom).toMatch(/<link href="http:\/\/127\.0\.0\.1:\d+\/published\/northshire\/2026-29\/1"/);
  const sitemap = await (await visitor.request.get('/sitemap.xml')).text();
  expect(sitemap).toMatch(/<loc>http:\/\/127\.0\.0\.1:\d+\/published\/northshire\/2026-29<\/loc>/);
  await context.close();
});

test('the lead revises the published plan, compares the draft with version 1, previews a re-mapping, resubmits and withdraws', async ({
  page,
  browser,
}) => {
  planUrl ||= await northshirePlanUrl(browser);
  await signIn(page, 'lead@northshire.example');
  await page.goto(planUrl);
  await page.getByRole('button', { name: 'Start a revision' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Start a revision' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Start a revision' }).click();
  await expect(
    page.getByRole('heading', { level: 3, name: 'Before you can submit' }),
  ).toBeVisible();
  // While the revision is drafted, who signed off the published version stays in view.
  await expectPublishedSignOff(page);

  // An Easy Read summary for the health section.
  await page.getByRole('link', { name: 'Easy Read summary for Health' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Easy Read summary' })).toBeVisible();
  await expectAccessible(page);
  await page
    .getByLabel('Easy Read summary')
    .fill('We will help children get health support sooner.');
  await page.getByRole('button', { name: 'Save Easy Read summary' }).click();
  await expect(page.getByRole('alert').getByText('Easy Read summary saved')).toBeVisible();

  // A new price in force for Band 1's mainstream top-up (issue 16): the lead sets it from today.
  await page.goto('/partnerships/northshire/tariffs');
  await page.getByLabel('Band', { exact: true }).selectOption({ label: 'Band 1' });
  await page.getByLabel('Type of provision').selectOption({ label: 'Mainstream top-up' });
  await page.getByLabel('Annual price per place').fill('3250');
  const from = page.getByRole('group', { name: 'Start date' });
  const now = today();
  await from.getByLabel('Day').fill(now.day);
  await from.getByLabel('Month').fill(now.month);
  await from.getByLabel('Year').fill(now.year);
  await page.getByRole('button', { name: 'Set tariff' }).click();
  await expect(page.getByRole('alert').getByText('Tariff set')).toBeVisible();

  // Compare the draft with the published version.
  await page.goto(`${planUrl}/versions`);
  await page.getByLabel('From').selectOption('1');
  await page.getByLabel('To').selectOption('draft');
  await page.getByRole('button', { name: 'Compare' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Changes from version 1 to the current draft' }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Health' })).toBeVisible();
  await expect(page.locator('ins')).toContainText([
    'We will help children get health support sooner.',
  ]);
  // The tariff change shows, before and after.
  await expect(page.getByRole('heading', { level: 2, name: 'Tariffs in force' })).toBeVisible();
  const tariffChange = page.locator('.govuk-summary-list__row', {
    hasText: 'Band 1: Mainstream top-up',
  });
  await expect(tariffChange.locator('del')).toHaveText(
    '£3,000.00 a year per place from 1 April 2026',
  );
  await expect(tariffChange.locator('ins')).toContainText('£3,250.00 a year per place from');
  await expectAccessible(page);

  // The published version stays public while the plan is revised.
  const stillPublic = await page.request.get('/published/northshire/2026-29');
  expect(stillPublic.status()).toBe(200);
  // Its downloads name version 1, so a saved link keeps giving the version it was saved from.
  expect(await stillPublic.text()).toContain('/published/northshire/2026-29/1/plan.docx');
  // An address from before plans had readable ones still reaches the plan.
  const older = await page.request.get(
    planUrl.replace('/plans/', '/published/northshire/') + '/1/plan.json',
    { maxRedirects: 0 },
  );
  expect(older.status()).toBe(301);
  expect(older.headers().location).toBe('/published/northshire/2026-29/1/plan.json');

  // Re-mapping: a proposal first; leaving a commitment without areas is refused and nothing changes.
  await page.goto(`${planUrl}/coverage`);
  await page.getByRole('link', { name: 'Move the plan to another standards framework' }).click();
  await page.getByRole('button', { name: 'Show the proposed re-mapping' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /Proposed re-mapping/ })).toBeVisible();
  const firstGroup = page.locator('#remap-form fieldset').first();
  for (const box of await firstGroup.getByRole('checkbox', { checked: true }).all())
    await box.uncheck();
  await page.getByRole('button', { name: 'Confirm re-mapping' }).click();
  await expect(page.getByRole('alert')).toContainText('Choose at least one standard area');
  await expectAccessible(page);
  await page.goto(`${planUrl}/coverage`);
  await expect(page.getByRole('rowheader', { name: /SA-01/ })).toBeVisible();

  // Resubmit, then withdraw with a reason (required).
  await page.goto(`${planUrl}/submit`);
  await page.getByRole('button', { name: 'Submit for partner review' }).click();
  await expect(
    page.getByRole('alert').getByText('Version 2 submitted for partner review'),
  ).toBeVisible();
  // A version in review is not public; members can download its board pack.
  const inReview = await page.request.get('/published/northshire/2026-29/2');
  expect(inReview.status()).toBe(404);
  const boardPack = await page.request.get(`${planUrl}/versions/2/export/docx`);
  expect(boardPack.headers()['content-type']).toBe(DOCX);
  expect((await boardPack.body()).length).toBeGreaterThan(1000);
  await page.goto(planUrl);
  await page.getByRole('button', { name: 'Withdraw from review' }).click();
  await page.getByRole('button', { name: 'Withdraw from partner review' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter why you are withdrawing the plan');
  await expectAccessible(page);
  await page
    .getByLabel('Why are you withdrawing the plan?')
    .fill('The ICB asked for the therapy figures to be updated first.');
  await page.getByRole('button', { name: 'Withdraw from partner review' }).click();
  await expect(
    page.getByRole('heading', { level: 3, name: 'Before you can submit' }),
  ).toBeVisible();
});
