import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { installedPlugins as plugins } from '../server/installed-plugins.ts';
import { axeViolations, keepScreenshots, openPlan, signIn } from './fixtures.ts';

test.skip(
  !plugins.includes('@lip/plugin-education'),
  'These journeys use the education section’s metrics (EHC-01), whose plugin is not in lip.config.ts.',
);

// EHC plan timeliness including exceptions (EHC-02, which the demo has no figures for) in 2022 and
// 2023: Northshire, the North West and England.
const CSV_PATH = new URL('./fixtures/ehc-timeliness.csv', import.meta.url);
const TIDY_CSV = readFileSync(CSV_PATH);
// The same file with text where the 2023 local figure should be.
const BROKEN_CSV = Buffer.from(
  TIDY_CSV.toString('utf8').replace(/E10000099,EHC-02,44\.7/, 'E10000099,EHC-02,forty'),
);
// The demo has figures and a red target (with commentary) for EHC-01.
const EHC_01 = 'New EHC plans issued within 20 weeks, excluding exceptions';
const EHC_02 = 'New EHC plans issued within 20 weeks, including exceptions';
const MENTAL_HEALTH = /at least one contact with NHS-funded mental health services/;
// The demo's HLT-02: a monthly percentage published per sub-ICB location (the demo partnership
// holds Northshire's), 29.4% against a 30% target.
const HLT_02 = 'Open suspected-autism referrals waiting 13 weeks or more';
// AP-04, a count: the North West's count is not plotted against Northshire's.
const AP_04 = 'Placements in unregistered alternative provision (settings without a URN)';
const PFA_01 = 'Key stage 4 leavers in sustained education, employment or training, by SEN status';

async function dashboardUrl(page: Page): Promise<string> {
  await openPlan(page, 'Northshire');
  return `${new URL(page.url()).pathname}/dashboard`;
}

/** Upload → mapping (suggested from DfE's column names) → dry run, polled until checked. */
async function uploadAndCheck(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.goto('/partnerships/northshire/imports');
  await expect(page.getByRole('heading', { level: 1, name: 'Import figures' })).toBeVisible();
  await page.getByLabel('Upload a CSV file').setInputFiles({ name, mimeType: 'text/csv', buffer });
  await page.getByRole('button', { name: 'Upload file' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Map the file’s columns' }),
  ).toBeVisible();
  await expect(page.getByLabel('Time period')).toHaveValue('time_period');
  await expect(page.getByLabel('Metric for EHC-02')).toHaveValue('EHC-02');
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check the file' })).toBeVisible();
  // The page refreshes itself while the file is checked.
  await expect(page.getByText(/^Checking: \d+ of \d+ rows$/)).toHaveCount(0, { timeout: 120_000 });
}

test.describe.serial('metrics', () => {
  test('the dashboard leads with what needs attention: counts by rating, red first, empty metrics folded', async ({
    page,
  }, testInfo) => {
    await signIn(page, 'lead@northshire.example');
    await page.goto(await dashboardUrl(page));
    const summary = page.getByRole('table', { name: /metrics by rating$/ });
    // The cell reads "4", with "metrics rated Amber: improving" for screen readers.
    const count = async (rating: RegExp) =>
      parseInt(await summary.getByRole('row', { name: rating }).getByRole('cell').innerText(), 10);
    // The demo's targets: one red (EHC-01), four amber, two green; PFA-01 has no figures.
    expect(await count(/^Red/)).toBe(1);
    expect(await count(/^Amber/)).toBe(4);
    expect(await count(/^Green/)).toBe(2);
    const total = Number(/^(\d+)/.exec(await summary.locator('caption').innerText())?.[1]);
    const noTarget = await count(/^No target/);
    const noData = await count(/^No data/);
    expect(1 + 4 + 2 + noTarget + noData).toBe(total);

    // Red first, then amber, then green: the cards' ratings in page order.
    const cards = page.locator('section:has(> h3)');
    const ratings = await cards.locator('.govuk-tag').allInnerTexts();
    expect(ratings.slice(0, 7)).toEqual([
      'Red: off track',
      ...Array<string>(4).fill('Amber: improving'),
      ...Array<string>(2).fill('Green: target met'),
    ]);
    await expect(cards.first().getByRole('heading', { level: 3 })).toHaveText(EHC_01);

    // HLT-02, rated against the sub-ICB location's figure, with its period as people read it.
    const hlt = page.locator('section', {
      has: page.getByRole('heading', { level: 3, name: HLT_02 }),
    });
    await expect(hlt.getByText('Green: target met')).toBeVisible();
    await expect(hlt.locator('.govuk-summary-list')).toContainText(
      '29.4% in March 2025 (provisional)',
    );
    await expect(hlt.locator('.govuk-summary-list')).toContainText('30.0% by March 2027');
    await expect(
      hlt
        .getByRole('table', { name: `${HLT_02}: figures by period` })
        .getByRole('rowheader', { name: 'March 2025' }),
    ).toBeVisible();

    // A count is charted for the partnership alone; the region's figures stay in the table.
    const ap = page.locator('section', {
      has: page.getByRole('heading', { level: 3, name: AP_04 }),
    });
    await expect(ap.getByText('The chart shows the local figures only')).toBeVisible();
    await expect(ap.getByRole('table', { name: `${AP_04}: figures by period` })).toContainText(
      '1,210',
    );

    // Metrics with no figures: one fold at the end, closed until opened (no script needed).
    const fold = page.locator('details', { hasText: /no data yet/ });
    await expect(fold.locator('summary')).toHaveText(/^\d+ metrics have no data yet$/);
    await expect(fold.getByRole('rowheader', { name: PFA_01, includeHidden: true })).toBeHidden();
    await fold.locator('summary').click();
    await expect(fold.getByRole('rowheader', { name: PFA_01 })).toBeVisible();
    await expect(fold.getByRole('rowheader', { name: MENTAL_HEALTH })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath('dashboard-1280.png'), fullPage: true });

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await expect(summary).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath('dashboard-390.png'), fullPage: true });
  });

  test('the lead filters the dashboard, imports figures after fixing a broken row, and re-importing changes nothing', async ({
    page,
  }) => {
    await signIn(page, 'lead@northshire.example');
    const dashboard = await dashboardUrl(page);
    await page.goto(dashboard);
    await expect(page.getByRole('heading', { level: 1, name: 'Metrics dashboard' })).toBeVisible();
    await expect(
      page
        .getByRole('navigation', { name: 'Plan pages' })
        .getByRole('link', { name: 'Metrics dashboard' }),
    ).toHaveAttribute('aria-current', 'page');
    // A metric with no figures is listed in the fold at the end, not as a card.
    await expect(
      page.getByRole('rowheader', { name: MENTAL_HEALTH, includeHidden: true }),
    ).toBeAttached();
    // The demo's figures: a chart and its table.
    const demoCard = page.locator('section', {
      has: page.getByRole('heading', { level: 3, name: EHC_01 }),
    });
    await expect(demoCard.getByRole('img', { name: EHC_01 })).toBeVisible();
    await expect(
      demoCard
        .getByRole('table', { name: `${EHC_01}: figures by period` })
        .getByRole('row', { name: /2023/ }),
    ).toContainText('38.2%');
    await expect(demoCard.getByText('Red: off track')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);

    // Filter by theme (a GET form): only that theme's metrics remain.
    await page.getByLabel('Theme').selectOption('experiences');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/theme=experiences/);
    await expect(page.getByRole('heading', { level: 3, name: EHC_01 })).toBeVisible();
    await expect(
      page.getByRole('rowheader', { name: MENTAL_HEALTH, includeHidden: true }),
    ).toHaveCount(0);
    await expect(page.getByLabel('Theme')).toHaveValue('experiences');

    // A file with text in a number column: the row error, and nothing to import.
    expect(await axeViolations(page)).toEqual([]);
    await uploadAndCheck(page, 'ehc-timeliness-broken.csv', BROKEN_CSV);
    await expect(
      page.getByRole('heading', { level: 2, name: 'Problems in the file' }),
    ).toBeVisible();
    const rowErrors = page.getByRole('table', { name: /Row errors/ });
    await expect(rowErrors.getByRole('row').nth(1)).toContainText('7');
    await expect(page.getByRole('button', { name: /^Import/ })).toHaveCount(0);
    expect(await axeViolations(page)).toEqual([]);

    // The corrected file: the dry-run report, then the import.
    await uploadAndCheck(page, 'ehc-timeliness.csv', TIDY_CSV);
    expect(await axeViolations(page)).toEqual([]);
    await expect(page.getByRole('table', { name: 'Rows to add (6)' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Rows to add (6)' })).toContainText('E10000099');
    await page.getByRole('button', { name: 'Import 6 rows' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Figures imported' })).toBeVisible({
      timeout: 120_000,
    });
    await expect(page.getByText('6 rows imported')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);

    // The new figure on the dashboard: in words, in the chart and in its table.
    await page.goto(`${dashboard}?theme=experiences`);
    const card = page.locator('section', {
      has: page.getByRole('heading', { level: 3, name: EHC_02 }),
    });
    await expect(card.locator('.govuk-summary-list')).toContainText('44.7% in 2023');
    await expect(card.getByRole('img')).toBeVisible();
    const table = card.getByRole('table', { name: `${EHC_02}: figures by period` });
    await expect(table.getByRole('row', { name: /2023/ })).toContainText('44.7%');
    await expect(table.getByRole('row', { name: /2023/ })).toContainText('45.9%');
    await expect(table.getByRole('row', { name: /2023/ })).toContainText('49.2%');
    await expect(card).toContainText('No target');
    expect(await axeViolations(page)).toEqual([]);

    // The same file again: every row unchanged, nothing to import.
    await uploadAndCheck(page, 'ehc-timeliness.csv', TIDY_CSV);
    await expect(page.getByRole('table', { name: 'Rows unchanged (6)' })).toBeVisible();
    await expect(page.getByText('Every row is unchanged')).toBeVisible();
    await expect(page.getByRole('button', { name: /^Import/ })).toHaveCount(0);
  });

  test('the lead sets a target owned by the ICB; it is off track, so it is in the exception report', async ({
    page,
  }) => {
    await signIn(page, 'lead@northshire.example');
    const dashboard = await dashboardUrl(page);
    await page.goto(dashboard);
    await page.getByRole('button', { name: 'Add a target' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Add a target' })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);

    // Nothing chosen: the error summary and the title say so.
    await page.getByRole('button', { name: 'Add target' }).click();
    await expect(
      page.getByRole('alert').getByRole('link', { name: 'Select a metric' }),
    ).toHaveAttribute('href', '#metricId');
    await expect(page).toHaveTitle(/^Error: Add a target/);

    await page.getByLabel('Metric').selectOption('EHC-02');
    await page
      .getByLabel('Owner organisation')
      .selectOption({ label: 'NHS Northshire Integrated Care Board' });
    await page.getByLabel('Baseline value (optional)').fill('52.1');
    await page.getByLabel('Baseline period (optional)').fill('2022');
    await page.getByLabel('Target value').fill('75');
    await page.getByLabel('Target period').fill('2026');
    await page.getByRole('button', { name: 'Add target' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Metrics dashboard' })).toBeVisible();
    const exceptions = page.getByRole('table', { name: 'Targets rated red and their commentary' });
    const row = exceptions.getByRole('row', { name: new RegExp(EHC_02) });
    await expect(row).toContainText('NHS Northshire Integrated Care Board');
    await expect(row).toContainText('Not written');
    const card = page.locator('section', {
      has: page.getByRole('heading', { level: 3, name: EHC_02 }),
    });
    await expect(card.getByText('Red: off track')).toBeVisible();
    await expect(card).toContainText('75.0% by 2026');
    expect(await axeViolations(page)).toEqual([]);
  });

  test('the ICB writes the commentary of its red target', async ({ page }) => {
    await signIn(page, 'icb@northshire.example');
    await page.goto(await dashboardUrl(page));
    const exceptions = page.getByRole('table', { name: 'Targets rated red and their commentary' });
    await exceptions.getByRole('link', { name: `Write commentary for ${EHC_02}` }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Exception commentary' }),
    ).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Save commentary' }).click();
    await expect(
      page.getByRole('alert').getByRole('link', { name: 'Enter the commentary' }),
    ).toHaveAttribute('href', '#commentary');

    await page
      .getByLabel('Why is this metric off track, and what is being done about it?')
      .fill(
        'Health advice was late for a third of assessments in 2023. Two more designated clinical officer sessions a week from April.',
      );
    await page.getByRole('button', { name: 'Save commentary' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Metrics dashboard' })).toBeVisible();
    await expect(exceptions.getByRole('row', { name: new RegExp(EHC_02) })).toContainText(
      'Written',
    );
  });

  test('a viewer reads the exception report but cannot write commentary', async ({ page }) => {
    await signIn(page, 'viewer@northshire.example');
    await page.goto(await dashboardUrl(page));
    const exceptions = page.getByRole('table', { name: 'Targets rated red and their commentary' });
    await expect(exceptions.getByRole('row', { name: new RegExp(EHC_02) })).toContainText(
      'Written',
    );
    await expect(exceptions.getByRole('link', { name: /commentary/ })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Add a target' })).toHaveCount(0);

    // The address of the commentary page, read from the lead's view of the same plan.
    const targetPath = await commentaryPathFor(page);
    const response = await page.goto(targetPath);
    expect(response?.status()).toBe(403);
    await expect(
      page.getByRole('heading', { level: 1, name: 'You do not have access to this page' }),
    ).toBeVisible();
    const post = await page.request.post(targetPath, {
      form: { commentary: 'Not allowed', version: '1' },
    });
    expect(post.status()).toBe(403);
    // Nor can a viewer import.
    await page.goto('/partnerships/northshire/imports');
    await expect(page.getByText('Only the partnership lead can import figures.')).toBeVisible();
  });
});

/** The commentary page of the red EHC-02 target, as the lead's exception report links it. */
async function commentaryPathFor(viewerPage: Page): Promise<string> {
  const browser = viewerPage.context().browser();
  if (!browser) throw new Error('No browser');
  const context = await browser.newContext();
  const lead = await context.newPage();
  await signIn(lead, 'lead@northshire.example');
  await lead.goto(await dashboardUrl(lead));
  const href = await lead
    .getByRole('table', { name: 'Targets rated red and their commentary' })
    .getByRole('link', { name: new RegExp(`commentary for ${EHC_02}`) })
    .getAttribute('href');
  await context.close();
  if (!href) throw new Error('No commentary link');
  return href;
}

test('the lead adds a local metric and sets disclosure control', async ({ page }) => {
  await signIn(page, 'lead@northshire.example');
  await page.getByRole('link', { name: 'Northshire' }).click();
  await page.getByRole('link', { name: 'Metrics and disclosure control' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Metrics' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Add a local metric' }).click();
  await page.getByRole('button', { name: 'Add metric' }).click();
  await expect(
    page.getByRole('alert').getByRole('link', { name: 'Enter the title of the metric' }),
  ).toHaveAttribute('href', '#title');
  expect(await axeViolations(page)).toEqual([]);
  await page.getByLabel('Title').fill('Families who rate the local offer website as useful');
  await page.getByLabel('Theme').selectOption('experiences');
  await page.getByLabel('Unit').fill('percent');
  await page.getByRole('radio', { name: 'Higher is better' }).check();
  await page.getByLabel('Period', { exact: true }).selectOption('ACADEMIC_YEAR');
  await page.getByRole('button', { name: 'Add metric' }).click();
  await expect(
    page.getByText('Local metric “Families who rate the local offer website as useful” added'),
  ).toBeVisible();
  await expect(page.getByRole('table', { name: 'Local metrics' })).toContainText(
    'Families who rate the local offer website as useful',
  );

  await page.getByRole('link', { name: 'Change small number suppression' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Disclosure control' })).toBeVisible();
  await page.getByLabel('Small number threshold').fill('five');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(
    page
      .getByRole('alert')
      .getByRole('link', { name: 'Small number threshold must be a whole number' }),
  ).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.getByLabel('Small number threshold').fill('5');
  await page.getByLabel('Rounding base').fill('5');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Disclosure settings saved')).toBeVisible();
  await expect(page.getByText('Counts below 5 are shown as c')).toBeVisible();
});

test('the lead gives the partnership its sub-ICB locations; the catalogue shows each metric’s decimal places', async ({
  page,
}, testInfo) => {
  await signIn(page, 'lead@northshire.example');
  await page.goto('/partnerships/northshire/metrics');
  // SEN-02 as DfE publishes it: by academic year, to one decimal place.
  const sen02 = page.getByRole('row', { name: /Pupils with an EHC plan\b.*SEN-02/ });
  await expect(sen02).toContainText('Academic year');
  await expect(sen02.getByRole('cell').nth(3)).toHaveText('1');
  await expect(
    page
      .getByRole('row', { name: /SEND Tribunal appeal rate/ })
      .getByRole('cell')
      .nth(3),
  ).toHaveText('2');

  await page.getByRole('link', { name: 'Change sub-ICB location codes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'NHS geography' })).toBeVisible();
  await expect(page.getByLabel('ICB code')).toHaveValue('E54000099');
  // The demo holds Northshire's sub-ICB location (HLT-02 is published only per sub-ICB location).
  await expect(page.getByLabel('Sub-ICB location codes')).toHaveValue('E38000999');
  await page.getByLabel('Sub-ICB location codes').fill('E38000999\nno-such-code');
  await page.getByRole('button', { name: 'Save NHS geography' }).click();
  await expect(
    page
      .getByRole('alert')
      .getByRole('link', { name: /"no-such-code" is not a sub-ICB location code/ }),
  ).toHaveAttribute('href', '#subIcbCodes');
  expect(await axeViolations(page)).toEqual([]);
  await keepScreenshots(page, testInfo, 'nhs-geography-error', { noSidewaysScroll: true });

  await page.getByLabel('Sub-ICB location codes').fill('E38000999\n00X');
  await page.getByRole('button', { name: 'Save NHS geography' }).click();
  await expect(page.getByText('NHS geography saved')).toBeVisible();
  await expect(page.getByText('E38000999, 00X')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await keepScreenshots(page, testInfo, 'metrics-nhs-geography');
});
