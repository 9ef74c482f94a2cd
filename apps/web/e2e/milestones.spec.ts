// A commitment's owner, milestones and evidence: the ICB names the owner, adds a milestone and
// marks it done, meets a stale edit, adds and removes evidence; a viewer sees the lists only.
import { expect, test, type Page } from '@playwright/test';
import { installedPlugins as plugins } from '../server/installed-plugins.ts';
import { axeViolations, openCommitments, openPlan, openSection, signedInPage } from './fixtures.ts';

test.skip(
  !plugins.includes('@lip/plugin-health'),
  'This journey goes through the health section, whose plugin is not in lip.config.ts.',
);

const HEALTH = /health/i;

/**
 * A seeded health commitment that no other journey touches (others change the first ones and add
 * commitments of their own, with no owner organisation, at the end of the list).
 */
const COMMITMENT = 'Joint commissioning of specialist equipment and continuing care';

/** Opens the commitment's read page from the health section's commitments; returns its address. */
async function openHealthCommitment(page: Page): Promise<string> {
  await openPlan(page, 'Northshire');
  await openSection(page, HEALTH);
  await openCommitments(page);
  await page
    .getByRole('table', { name: /Commitments in/ })
    .getByRole('link', { name: new RegExp(COMMITMENT) })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: COMMITMENT })).toBeVisible();
  return page.url().split('?')[0] ?? '';
}

/** The read page's row for a field ("Owner"), from its summary list of details. */
function detail(page: Page, label: string) {
  return page.locator('.govuk-summary-list__row', {
    has: page.locator('.govuk-summary-list__key', { hasText: new RegExp(`^\\s*${label}\\s*$`) }),
  });
}

async function screenshots(page: Page, name: string): Promise<void> {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.locator('#milestones').scrollIntoViewIfNeeded();
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    await page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

test('the ICB names an owner, adds a milestone, marks it done, meets a stale edit, and adds evidence', async ({
  browser,
}) => {
  const icb = await signedInPage(browser, 'icb@northshire.example');
  const commitmentUrl = await openHealthCommitment(icb);

  // Owner member, on the change page: someone from another organisation is refused, with the reason.
  await icb.getByRole('link', { name: 'Change owner', exact: true }).click();
  await expect(icb.getByRole('heading', { level: 1, name: /Change commitment/ })).toBeVisible();
  expect(new URL(icb.url()).pathname).toBe(`${new URL(commitmentUrl).pathname}/edit`);
  const owner = icb.getByLabel('Owner', { exact: true });
  await owner.selectOption({ label: 'Tom Whitaker' });
  await icb.getByRole('button', { name: 'Save commitment' }).click();
  await expect(
    icb
      .locator('.govuk-error-summary')
      .getByText(/Choose someone from .*, or change the owner organisation/),
  ).toBeVisible();
  await icb.getByLabel('Owner', { exact: true }).selectOption({ label: 'Priya Shah' });
  await icb.getByRole('button', { name: 'Save commitment' }).click();
  await expect(icb.getByRole('alert').getByText(/Commitment .* saved/)).toBeVisible();
  await icb.goto(commitmentUrl);
  await expect(detail(icb, 'Owner')).toContainText(
    'Priya Shah (NHS Northshire Integrated Care Board)',
  );

  // Add a milestone: the form says what is missing, then adds it.
  await icb.getByRole('button', { name: 'Add a milestone' }).click();
  await expect(icb.getByRole('heading', { level: 1, name: 'Add a milestone' })).toBeVisible();
  expect(await axeViolations(icb)).toEqual([]);
  await icb.getByRole('button', { name: 'Add milestone' }).click();
  const errors = icb.locator('.govuk-error-summary');
  await expect(errors).toContainText('Enter the milestone');
  await expect(errors).toContainText('Enter the due date');
  expect(await axeViolations(icb)).toEqual([]);
  await icb.getByLabel('Milestone').fill('Speech and language therapists recruited');
  const due = icb.getByRole('group', { name: 'Due date' });
  await due.getByLabel('Day').fill('31');
  await due.getByLabel('Month').fill('1');
  await due.getByLabel('Year').fill('2027');
  await icb.getByRole('button', { name: 'Add milestone' }).click();
  await expect(icb.getByRole('alert').getByText('Milestone added')).toBeVisible();
  const milestones = icb.getByRole('table', { name: 'Milestones' });
  const row = milestones.getByRole('row', { name: /Speech and language therapists recruited/ });
  await expect(row).toContainText('31 January 2027');
  await expect(row).toContainText('Not done');
  expect(await axeViolations(icb)).toEqual([]);

  // Mark as done, straight from the list.
  await row.getByRole('button', { name: /Mark as done/ }).click();
  await expect(icb.getByRole('alert').getByText('Milestone marked as done')).toBeVisible();
  await expect(row).toContainText('Done');
  await expect(row.getByRole('button', { name: /Mark as not done/ })).toBeVisible();

  // A stale edit: the lead changes the milestone while the ICB has it open.
  await row.getByRole('link', { name: /Change/ }).click();
  await expect(icb.getByRole('heading', { level: 1, name: 'Change milestone' })).toBeVisible();
  expect(await axeViolations(icb)).toEqual([]);
  const milestoneUrl = icb.url();
  const lead = await signedInPage(browser, 'lead@northshire.example');
  await lead.goto(milestoneUrl);
  await lead.getByLabel('Milestone').fill('All therapists recruited');
  await lead.getByRole('button', { name: 'Save milestone' }).click();
  await expect(lead.getByRole('alert').getByText('Milestone changed')).toBeVisible();

  await icb.getByLabel('Milestone').fill('Therapists recruited and trained');
  await icb.getByRole('button', { name: 'Save milestone' }).click();
  await expect(icb.locator('.govuk-error-summary')).toContainText(
    'Someone else changed this milestone while you were working on it',
  );
  expect(await axeViolations(icb)).toEqual([]);
  // Saving again (now at the current version) works.
  await icb.getByRole('button', { name: 'Save milestone' }).click();
  await expect(icb.getByRole('alert').getByText('Milestone changed')).toBeVisible();
  await expect(icb.getByRole('table', { name: 'Milestones' })).toContainText(
    'Therapists recruited and trained',
  );

  // Evidence: only web links; then one with a link.
  await icb.getByRole('button', { name: 'Add evidence' }).click();
  await expect(icb.getByRole('heading', { level: 1, name: 'Add evidence' })).toBeVisible();
  await icb.getByLabel('Title').fill('Recruitment report');
  await icb.getByLabel(/^Link/).fill('javascript:alert(1)');
  await icb.getByRole('button', { name: 'Add evidence' }).click();
  await expect(icb.locator('.govuk-error-summary')).toContainText(
    'Enter a link that starts with https:// or http://',
  );
  expect(await axeViolations(icb)).toEqual([]);
  await icb.getByLabel(/^Link/).fill('https://www.example.org/recruitment-report');
  await icb.getByLabel(/^Note/).fill('Board papers, page 4');
  await icb.getByRole('button', { name: 'Add evidence' }).click();
  await expect(icb.getByRole('alert').getByText('Evidence added')).toBeVisible();
  const link = icb.getByRole('link', { name: 'Recruitment report', exact: true });
  await expect(link).toHaveAttribute('href', 'https://www.example.org/recruitment-report');
  await expect(icb.getByText('Board papers, page 4')).toBeVisible();
  expect(await axeViolations(icb)).toEqual([]);
  await screenshots(icb, 'commitment-editor');

  // The viewer sees the owner, milestones and evidence, without actions.
  const viewer = await signedInPage(browser, 'viewer@northshire.example');
  await viewer.goto(commitmentUrl);
  await expect(viewer.getByText('You can read this commitment but not change it.')).toBeVisible();
  // The owner, read from the summary (the presence line may name Priya too: she has it open).
  await expect(detail(viewer, 'Owner')).toContainText(
    'Priya Shah (NHS Northshire Integrated Care Board)',
  );
  await expect(viewer.getByRole('table', { name: 'Milestones' })).toContainText(
    'Therapists recruited and trained',
  );
  await expect(viewer.getByRole('link', { name: 'Recruitment report', exact: true })).toBeVisible();
  await expect(viewer.getByRole('button', { name: /Mark as/ })).toHaveCount(0);
  await expect(viewer.getByRole('button', { name: 'Add a milestone' })).toHaveCount(0);
  await expect(viewer.getByRole('link', { name: /Remove/ })).toHaveCount(0);
  expect(await axeViolations(viewer)).toEqual([]);
  await screenshots(viewer, 'commitment-reader');

  // Remove the evidence, after confirming.
  await icb.getByRole('link', { name: /Remove/ }).click();
  await expect(
    icb.getByRole('heading', { level: 1, name: 'Are you sure you want to remove this evidence?' }),
  ).toBeVisible();
  expect(await axeViolations(icb)).toEqual([]);
  await icb.getByRole('button', { name: 'Remove evidence' }).click();
  await expect(icb.getByRole('alert').getByText('Evidence removed')).toBeVisible();
  await expect(icb.getByRole('link', { name: 'Recruitment report', exact: true })).toHaveCount(0);
});
