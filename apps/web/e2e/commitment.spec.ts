// A commitment's own pages: the read page (its details, standards, lead officer and budget), the
// change page (every error at once, each linking to its field), and deleting after confirming.
// Readers who may not change it (a viewer, another organisation's editor) see no Change or Delete.
//
// Independent of the other journeys: it reads ED-01 (a seeded education commitment no journey
// changes) and changes and deletes only a commitment it adds itself.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { installedPlugins as plugins } from '../server/installed-plugins.ts';
import {
  axeViolations,
  keepScreenshots,
  openCommitments,
  openPlan,
  openSection,
  signedInPage,
} from './fixtures.ts';

test.skip(
  !plugins.includes('@lip/plugin-education'),
  'This journey goes through the education section, whose plugin is not in lip.config.ts.',
);

const EDUCATION = /^Education/;

/** ED-01 in the demo data. */
const SEEDED = {
  reference: 'ED-01',
  title: 'Publish and embed the Northshire Ordinarily Available Provision guide',
  leadOfficer: 'Head of SEND and Inclusion',
  /** Its budget lines (issue 16): 2026-27 and 2027-28. */
  budgetLines: ['£25,000.00', '£20,000.00'],
  standards: ['SA-02', 'SA-05'],
};

/** The commitment this journey adds, changes and deletes. */
const OWN_TITLE = 'Inclusion outreach pilot in two secondary schools';

/** The read page's row for a field ("Lead officer"), from its summary list of details. */
function detail(page: Page, label: string): Locator {
  return page.locator('.govuk-summary-list__row', {
    has: page.locator('.govuk-summary-list__key', { hasText: new RegExp(`^\\s*${label}\\s*$`) }),
  });
}

function commitmentsTable(page: Page): Locator {
  return page.getByRole('table', { name: /Commitments in/ });
}

/** From the education section's commitments list to a commitment's read page; returns its address. */
async function openCommitment(page: Page, title: string): Promise<string> {
  await commitmentsTable(page)
    .getByRole('link', { name: new RegExp(`^${title}`) })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  return page.url().split(/[?#]/)[0] ?? '';
}

async function fillDate(page: Page, legend: string, day: string, month: string, year: string) {
  const group = page.getByRole('group', { name: legend });
  await group.getByLabel('Day').fill(day);
  await group.getByLabel('Month').fill(month);
  await group.getByLabel('Year').fill(year);
}

/** A reader who may not change the commitment: no Change or Delete, and both pages refused. */
async function expectReadOnly(page: Page, commitmentUrl: string): Promise<void> {
  await page.goto(commitmentUrl);
  await expect(page.getByRole('heading', { level: 1, name: SEEDED.title })).toBeVisible();
  await expect(page.getByText('You can read this commitment but not change it.')).toBeVisible();
  await expect(detail(page, 'Lead officer')).toContainText(SEEDED.leadOfficer);
  await expect(page.getByRole('link', { name: /^Change/ })).toHaveCount(0);
  await expect(page.getByRole('link', { name: /Delete/ })).toHaveCount(0);
  expect(await axeViolations(page)).toEqual([]);
  for (const path of ['edit', 'delete']) {
    const response = await page.request.get(`${commitmentUrl}/${path}`);
    expect(response.status(), `GET ${path}`).toBe(403);
  }
}

test('the lead reads a commitment, changes it with every error shown at once, and deletes one', async ({
  browser,
}, testInfo) => {
  const lead = await signedInPage(browser, 'lead@northshire.example');
  await openPlan(lead, 'Northshire');
  await openSection(lead, EDUCATION);
  await openCommitments(lead);
  const listUrl = lead.url().split(/[?#]/)[0] ?? '';

  // The read page of a seeded commitment: its details as a summary list, with Change links.
  const seededUrl = await openCommitment(lead, SEEDED.title);
  await expect(lead.locator('.govuk-summary-list').first()).toBeVisible();
  await expect(detail(lead, 'Title')).toContainText(SEEDED.title);
  await expect(detail(lead, 'Lead officer')).toContainText(SEEDED.leadOfficer);
  for (const amount of SEEDED.budgetLines)
    await expect(lead.getByRole('table', { name: 'Budget lines' })).toContainText(amount);
  for (const code of SEEDED.standards)
    await expect(detail(lead, 'Standards')).toContainText(new RegExp(`${code} \\S`));
  await expect(lead.getByRole('link', { name: 'Change lead officer' })).toHaveAttribute(
    'href',
    `${new URL(seededUrl).pathname}/edit#leadOfficer`,
  );
  await expect(
    lead.getByRole('link', { name: `Delete commitment ${SEEDED.reference}` }),
  ).toBeVisible();
  expect(await axeViolations(lead)).toEqual([]);
  await keepScreenshots(lead, testInfo, 'commitment');

  // The lead adds a commitment of their own to change and delete (no other journey uses it).
  await lead.goto(listUrl);
  await lead.getByRole('button', { name: 'Add a commitment' }).click();
  await expect(lead.getByRole('heading', { level: 1, name: 'Add a commitment' })).toBeVisible();
  await lead.getByLabel('Title').fill(OWN_TITLE);
  await lead
    .getByRole('group', { name: 'Standards this commitment meets' })
    .getByLabel(new RegExp(`^${SEEDED.standards[0]} `))
    .check();
  await lead.getByRole('button', { name: 'Add commitment' }).click();
  await expect(lead.getByRole('alert').getByText(/Commitment .* saved/)).toBeVisible();
  const ownUrl = await openCommitment(lead, OWN_TITLE);
  // Its money is in budget lines, added on their own page (tariffs.spec.ts adds some).
  await expect(lead.getByText('No budget lines.')).toBeVisible();
  await expect(lead.getByRole('link', { name: 'Change budget lines' })).toBeVisible();
  await expect(detail(lead, 'Standards')).toContainText(SEEDED.standards[0] ?? '');
  await expect(detail(lead, 'Lead officer')).toContainText('Not set');
  expect(await axeViolations(lead)).toEqual([]);

  // A Change link opens the change page at its field.
  await lead.getByRole('link', { name: 'Change lead officer' }).click();
  await expect(lead.getByRole('heading', { level: 1, name: /Change commitment/ })).toBeVisible();
  expect(new URL(lead.url()).pathname).toBe(`${new URL(ownUrl).pathname}/edit`);
  expect(new URL(lead.url()).hash).toBe('#leadOfficer');
  expect(await axeViolations(lead)).toEqual([]);

  // An invalid form: no title, and a start date after the due date. Both errors, at once.
  await lead.getByLabel('Title').fill('');
  await fillDate(lead, 'Start date', '1', '4', '2027');
  await fillDate(lead, 'Due date', '1', '3', '2027');
  await lead.getByRole('button', { name: 'Save commitment' }).click();
  const summary = lead.locator('.govuk-error-summary');
  await expect(summary).toBeVisible();
  await expect(summary.getByRole('listitem')).toHaveCount(2);
  await expect(summary.getByRole('link', { name: 'Enter a title' })).toHaveAttribute(
    'href',
    '#title',
  );
  await expect(
    summary.getByRole('link', { name: 'Start date must be the same as or before the due date' }),
  ).toHaveAttribute('href', '#startDate-day');
  // Each links to a field on the page, and the field says the same beside it.
  await expect(lead.locator('#title')).toBeVisible();
  await expect(lead.locator('#startDate-day')).toBeVisible();
  await expect(lead.locator('#title-error')).toContainText('Enter a title');
  await expect(lead.locator('#startDate-error')).toContainText(
    'Start date must be the same as or before the due date',
  );
  expect(await axeViolations(lead)).toEqual([]);

  // Fixed, with a lead officer: saved, and the read page shows it.
  await lead.getByLabel('Title').fill(OWN_TITLE);
  await fillDate(lead, 'Start date', '1', '2', '2027');
  await lead.getByLabel(/^Lead officer/).fill('Inclusion Outreach Manager');
  await lead.getByRole('button', { name: 'Save commitment' }).click();
  // Back on the commitment that was changed.
  await expect(lead.getByRole('alert').getByText(/Commitment .* saved/)).toBeVisible();
  expect(new URL(lead.url()).pathname).toBe(new URL(ownUrl).pathname);
  await expect(detail(lead, 'Lead officer')).toContainText('Inclusion Outreach Manager');
  await expect(detail(lead, 'Start date')).toContainText('1 February 2027');
  await expect(detail(lead, 'Due date')).toContainText('1 March 2027');

  // Delete, after confirming: back at the section's commitments with a success banner, and it is gone.
  await lead.getByRole('link', { name: /^Delete commitment/ }).click();
  await expect(
    lead.getByRole('heading', {
      level: 1,
      name: 'Are you sure you want to delete this commitment?',
    }),
  ).toBeVisible();
  await expect(lead.getByText(OWN_TITLE)).toBeVisible();
  expect(await axeViolations(lead)).toEqual([]);
  await lead.getByRole('button', { name: 'Delete commitment' }).click();
  await expect(lead.getByRole('alert').getByText(/Commitment .* deleted/)).toBeVisible();
  expect(new URL(lead.url()).pathname).toBe(new URL(listUrl).pathname);
  await expect(commitmentsTable(lead)).toContainText(SEEDED.title);
  await expect(
    commitmentsTable(lead).getByRole('link', { name: new RegExp(OWN_TITLE) }),
  ).toHaveCount(0);
  expect(await axeViolations(lead)).toEqual([]);
  const gone = await lead.request.get(ownUrl);
  expect(gone.status()).toBe(404);

  // Readers who may not change it see no Change or Delete: a viewer, and the ICB's editor.
  for (const email of ['viewer@northshire.example', 'icb@northshire.example']) {
    const reader = await signedInPage(browser, email);
    await expectReadOnly(reader, seededUrl);
    await reader.context().close();
  }
});
