// A section people can scan: the summary ("check your answers" cards per group of fields, each with
// a Change link), a change page that saves one group, readiness items that link to their field, and
// the commitments list filtered and paged without JavaScript.
import { expect, test, type Page } from '@playwright/test';
import { installedPlugins as plugins } from '../server/installed-plugins.ts';
import {
  axeViolations,
  changeGroup,
  editingTextboxes,
  keepScreenshots,
  openCommitments,
  openPlan,
  openSection,
  signIn,
} from './fixtures.ts';

test.skip(
  !plugins.includes('@lip/plugin-health'),
  'These journeys go through the health section, whose plugin is not in lip.config.ts.',
);

const HEALTH = /health/i;
const DCO = 'Designated clinical or medical officer (DCO/DMO)';

/** Runs a GraphQL document as the page's signed-in person. */
async function api<T>(page: Page, query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await page.request.post('/graphql', {
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    data: { query, variables },
  });
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { data?: T; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data!;
}

test('the section summary: a card per group with Change links, and a readiness item reaching its field', async ({
  page,
}, testInfo) => {
  await signIn(page, 'icb@northshire.example');
  await openPlan(page, 'Northshire');
  await openSection(page, HEALTH);
  const summaryUrl = page.url().split(/[?#]/)[0] ?? '';

  // No form on the summary: the fields are read, each group with its Change link.
  await expect(page.getByRole('button', { name: 'Save section details' })).toHaveCount(0);
  await expect(editingTextboxes(page)).toHaveCount(0);
  const cards = page.locator('#section-details .govuk-summary-card');
  for (const group of [
    'Section details',
    'Joint commissioning arrangements',
    'Therapies',
    'Mental health',
  ]) {
    const card = cards.filter({
      has: page.getByRole('heading', { level: 3, name: group, exact: true }),
    });
    await expect(card).toHaveCount(1);
    await expect(card.getByRole('link', { name: `Change ${group}`, exact: true })).toBeVisible();
  }
  await expect(page.locator('#group-details')).toContainText(DCO);
  // The commitments in a line, and the metrics a link away.
  await expect(page.locator('#commitment-counts')).toContainText(/\d+ commitments?: /);
  await expect(page.getByRole('table')).toHaveCount(0);
  expect(await axeViolations(page)).toEqual([]);

  // Clear the DCO (one group's change page): the readiness check now fails and links to the field.
  await changeGroup(page, 'Section details');
  const therapiesBefore = await page.request.get(summaryUrl).then((r) => r.text());
  await page.getByLabel(DCO).fill('');
  await page.getByRole('button', { name: 'Save section details' }).click();
  await expect(page.getByRole('alert').getByText('Section details saved')).toBeVisible();
  expect(page.url().split(/[?#]/)[0]).toBe(summaryUrl);
  const item = page
    .locator('#readiness')
    .getByRole('link', { name: /Name the designated clinical or medical officer/ });
  await expect(item).toBeVisible();
  await keepScreenshots(page, testInfo, 'section-summary-health');

  await item.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Section details' })).toBeVisible();
  expect(new URL(page.url()).hash).toBe('#dcoName');
  await expect(page.getByLabel(DCO)).toBeInViewport();
  // Only the group's fields are on its page.
  await expect(page.getByLabel('Therapies')).toHaveCount(0);
  await expect(page.getByLabel('Mental health pathway')).toHaveCount(0);
  expect(await axeViolations(page)).toEqual([]);
  await keepScreenshots(page, testInfo, 'section-change-health');

  await page.getByLabel(DCO).fill('Dr Nia Owusu');
  await page.getByRole('button', { name: 'Save section details' }).click();
  await expect(page.getByRole('alert').getByText('Section details saved')).toBeVisible();
  await expect(page.locator('#group-details')).toContainText('Dr Nia Owusu');
  await expect(item).toHaveCount(0);
  // The other groups were not touched by either save.
  const therapies = (html: string) => /Therapies[\s\S]{0,2000}?<\/dl>/.exec(html)?.[0];
  expect(therapies(await page.request.get(summaryUrl).then((r) => r.text()))).toBe(
    therapies(therapiesBefore),
  );
});

test('a change page shows its errors in an error summary linking to the field, without JavaScript', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, 'icb@northshire.example');
  await openPlan(page, 'Northshire');
  await openSection(page, HEALTH);
  await changeGroup(page, 'Joint commissioning arrangements');
  // A new arrangement with no "what": its list is named in the error summary.
  const rows = page.getByRole('group', { name: /\(add another\)/ });
  await rows.getByLabel('Commissioned by').fill('ICB');
  await page.getByRole('button', { name: 'Save section details' }).click();
  const summary = page.getByRole('alert');
  await expect(summary.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
  await expect(summary.getByRole('link').first()).toHaveAttribute('href', '#jointCommissioning');
  await expect(page.locator('#jointCommissioning')).toBeVisible();
  await expect(page.locator('#jointCommissioning .govuk-error-message')).toContainText(
    'Enter what is commissioned',
  );
  // What was typed is kept.
  await expect(page.locator('#jointCommissioning input[value="ICB"]')).toHaveCount(1);
  await context.close();
});

test('the commitments list: filtered by a GET form and paged 20 at a time', async ({
  page,
}, testInfo) => {
  await signIn(page, 'icb@northshire.example');
  await openPlan(page, 'Northshire');
  const planId = decodeURIComponent(new URL(page.url()).pathname.split('/')[2] ?? '');
  // 21 commitments to find: every third one red, the others green.
  for (let i = 1; i <= 21; i++) {
    const data = await api<{ result: { __typename: string } }>(
      page,
      `mutation ($input: CreateCommitmentInput!) { result: createCommitment(input: $input) { __typename } }`,
      {
        input: {
          planId,
          sectionKey: 'health',
          title: `Scan probe ${i}`,
          rating: i % 3 === 0 ? 'RED' : 'GREEN',
        },
      },
    );
    expect(data.result.__typename).toBe('MutationCreateCommitmentSuccess');
  }
  await openSection(page, HEALTH);
  await openCommitments(page);
  const listUrl = page.url().split(/[?#]/)[0] ?? '';
  const table = page.getByRole('table', { name: /Commitments in/ });
  const pages = page.getByRole('navigation', { name: 'Commitment pages' });
  // More than 20 in all: paged.
  await expect(table.getByRole('row')).toHaveCount(21);
  await expect(pages.getByRole('link', { name: 'Page 1' })).toHaveAttribute('aria-current', 'page');
  expect(await axeViolations(page)).toEqual([]);

  // Words: the 21 probes, on two pages.
  await page.getByLabel('Words in the reference, title or description').fill('scan PROBE');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.locator('#commitment-results')).toHaveText(
    '21 commitments match the filters (page 1 of 2)',
  );
  await expect(table.getByRole('row')).toHaveCount(21);
  await keepScreenshots(page, testInfo, 'section-commitments');
  await pages.getByRole('link', { name: /Next/ }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page).toHaveURL(/q=scan\+PROBE/);
  await expect(page.locator('#commitment-results')).toContainText('(page 2 of 2)');
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(pages.getByRole('link', { name: 'Page 2' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByLabel('Words in the reference, title or description')).toHaveValue(
    'scan PROBE',
  );
  expect(await axeViolations(page)).toEqual([]);

  // And a status: the 7 red probes, on one page.
  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Red' });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.locator('#commitment-results')).toHaveText('7 commitments match the filters');
  await expect(table.getByRole('row')).toHaveCount(8);
  await expect(pages).toHaveCount(0);
  for (const i of [3, 6, 9, 12, 15, 18, 21])
    await expect(table.getByRole('link', { name: new RegExp(`^Scan probe ${i} `) })).toBeVisible();

  // An owner organisation none of them has: none.
  await page
    .getByLabel('Owner organisation')
    .selectOption({ label: 'Northshire Parent Carer Forum' });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.getByText('No commitments match these filters.')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  await page.getByRole('link', { name: 'Clear filters' }).click();
  expect(page.url()).toBe(new URL(listUrl, page.url()).href);
  await expect(table.getByRole('row')).toHaveCount(21);
});
