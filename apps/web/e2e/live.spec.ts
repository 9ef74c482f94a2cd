/**
 * Live updates and presence: two people of Northshire on the health section. One saves; the other,
 * halfway through typing, sees who changed it and when, keeps what they typed, and can compare;
 * someone reading the section sees it refresh itself; each sees who else is there.
 */
import { expect, test } from '@playwright/test';
import {
  axeViolations,
  changeGroup,
  keepScreenshots,
  openCommitments,
  openPlan,
  openSection,
  signedInPage,
} from './fixtures.ts';

test('someone else saving the section: a banner naming them, typed text kept, presence', async ({
  browser,
}, testInfo) => {
  const priya = await signedInPage(browser, 'icb@northshire.example');
  await openPlan(priya, 'Northshire');
  await openSection(priya, /health/i);
  const sectionUrl = priya.url();
  // Priya and Alex each change the same group of fields; the reader reads the summary.
  await changeGroup(priya, 'Section details');
  const changeUrl = priya.url();

  const alex = await signedInPage(browser, 'lead@northshire.example');
  await alex.goto(changeUrl);
  const reader = await signedInPage(browser, 'viewer@northshire.example');
  await reader.goto(sectionUrl);

  // Presence: Alex's page says Priya has it open (her heartbeat came first).
  await expect(alex.locator('#live-presence')).toContainText(
    'Also here: Priya Shah (NHS Northshire Integrated Care Board)',
  );

  await alex.getByLabel('ICB executive lead for SEND').fill('Typed by Alex, not saved');

  const jobTitle = 'Designated Clinical Officer, live test';
  await priya.getByLabel('DCO/DMO job title').fill(jobTitle);
  await priya.getByRole('button', { name: 'Save section details' }).click();
  await expect(priya.getByRole('alert').getByText('Section details saved')).toBeVisible();

  const banner = alex.locator('#live-change');
  await expect(banner).toContainText(
    /Priya Shah \(NHS Northshire Integrated Care Board\) changed this (a moment|\d+ seconds?) ago/,
  );
  await expect(alex.getByLabel('ICB executive lead for SEND')).toHaveValue(
    'Typed by Alex, not saved',
  );
  const compare = banner.getByRole('link', { name: /Compare with the saved version/ });
  await expect(compare).toHaveAttribute('target', '_blank');
  await expect(compare).toHaveAttribute('href', new URL(sectionUrl).pathname);
  expect(await axeViolations(alex)).toEqual([]);
  await keepScreenshots(alex, testInfo, 'section-someone-else-saved', { noSidewaysScroll: true });

  // The reader has no form: the section refreshes itself with what Priya saved.
  await expect(reader.getByText(jobTitle)).toBeVisible();

  // Saving after Priya's change to another field merges (decision 020): both stick.
  await alex.getByRole('button', { name: 'Save section details' }).click();
  await expect(alex.getByRole('alert').getByText('Section details saved')).toBeVisible();
  await expect(alex.locator('#group-details')).toContainText('Typed by Alex, not saved');
  await expect(alex.locator('#group-details')).toContainText(jobTitle);

  for (const page of [priya, alex, reader]) await page.context().close();
});

test('without JavaScript the section page is unchanged: no live region content', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill('icb@northshire.example');
  await page.getByLabel('Password').fill('lip-demo-2026');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await openPlan(page, 'Northshire');
  await openSection(page, /health/i);
  await expect(page.locator('#live-presence')).toHaveCount(0);
  await expect(page.locator('#live-change')).toHaveCount(0);
  await changeGroup(page, 'Section details');
  await expect(page.locator('#live-presence')).toHaveCount(0);
  await expect(page.locator('#live-change')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Save section details' })).toBeVisible();
  await context.close();
});

test('someone else saving the commitment being edited: a banner, typed text kept', async ({
  browser,
}) => {
  const priya = await signedInPage(browser, 'icb@northshire.example');
  await openPlan(priya, 'Northshire');
  await openSection(priya, /health/i);
  await openCommitments(priya);
  await priya
    .getByRole('table', { name: /Commitments in/ })
    .getByRole('link')
    .nth(2)
    .click();
  await priya.getByRole('link', { name: 'Change title' }).click();
  await expect(priya.getByRole('heading', { level: 1, name: /Change commitment/ })).toBeVisible();
  const editUrl = priya.url();

  const alex = await signedInPage(browser, 'lead@northshire.example');
  await alex.goto(editUrl);
  await expect(alex.locator('#live-presence')).toContainText('Priya Shah');

  await priya.getByLabel('Lead officer').fill('Typed by Priya, not saved');
  await alex.getByLabel('Title').fill('Title changed live by the lead');
  await alex.getByRole('button', { name: 'Save commitment' }).click();
  await expect(alex.getByRole('alert').getByText(/Commitment .* saved/)).toBeVisible();

  await expect(priya.locator('#live-change')).toContainText(
    /Alex Morgan \(Northshire County Council.*\) changed this (a moment|\d+ seconds?) ago/,
  );
  await expect(priya.getByLabel('Lead officer')).toHaveValue('Typed by Priya, not saved');
  for (const page of [priya, alex]) await page.context().close();
});
