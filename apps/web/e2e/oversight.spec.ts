// Oversight: a DfE regional overseer (North West) reads the published plans and submission status
// of its region's partnerships, never Southvale (South East) and never a draft; a service
// administrator grants and revokes oversight. Journeys share one database and run in file order,
// and workflow.spec.ts publishes Northshire's plan: every assertion here holds either way.
import { expect, test, type Page } from '@playwright/test';
import { axeViolations, keepScreenshots, openPlan, signedInPage } from './fixtures.ts';

const OVERSEER = 'oversight@dfe.example';

async function expectAccessible(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
}

test('a North West overseer sees its region’s published plans and nothing else', async ({
  browser,
}, testInfo) => {
  // The plan's member address, found as a member of Northshire.
  const member = await signedInPage(browser, 'viewer@northshire.example');
  await openPlan(member, 'Northshire');
  const planPath = new URL(member.url()).pathname;
  // Members see no Oversight link.
  await expect(member.getByRole('link', { name: 'Oversight', exact: true })).toHaveCount(0);
  expect((await member.goto('/oversight'))?.status()).toBe(404);
  await member.context().close();

  const page = await signedInPage(browser, OVERSEER);
  await page.getByRole('link', { name: 'Oversight', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Partnerships' })).toBeVisible();
  await expect(page.getByText('DfE North West region', { exact: true })).toBeVisible();
  const table = page.getByRole('table', { name: 'Partnerships and their plans' });
  const row = table.getByRole('row', { name: /Northshire/ });
  await expect(row).toHaveCount(1);
  await expect(table).not.toContainText('Southvale');
  const published = (await row.getByRole('link').count()) > 0;
  if (published) {
    await expect(row).toContainText(/version \d+/);
  } else {
    await expect(row).toContainText('Not yet published');
  }
  await expectAccessible(page);
  await keepScreenshots(page, testInfo, 'oversight-partnerships');

  // The filters are a GET form: a bookmarkable address, the same table as CSV.
  await page.getByLabel('Sort by').selectOption('SIGN_OFFS_OUTSTANDING');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/\/oversight\?.*sort=SIGN_OFFS_OUTSTANDING/);
  await expect(page.getByRole('table', { name: 'Partnerships and their plans' })).toContainText(
    'Northshire',
  );
  const csv = await page.request.get('/oversight/partnerships.csv');
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toContain('text/csv');
  const csvText = await csv.text();
  expect(csvText).toContain('Northshire');
  expect(csvText).not.toContain('Southvale');
  await page.getByLabel('Plan state').selectOption('PARTNER_REVIEW');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('status')).toContainText(/\d+ plans?/);

  // The heat map: text in every cell, in a labelled region that scrolls on a narrow screen.
  await page.goto('/oversight');
  await page.getByRole('link', { name: 'Standards heat map' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Standards heat map' })).toBeVisible();
  const region = page.getByRole('region', { name: 'Standards heat map' });
  await expect(region.getByRole('row', { name: /Northshire/ })).toContainText(
    published ? /Covered|Not applicable|Gap/ : 'Not yet published',
  );
  await expect(region).not.toContainText('Southvale');
  await expectAccessible(page);
  await keepScreenshots(page, testInfo, 'oversight-heat-map');
  const heatCsv = await page.request.get('/oversight/heat-map.csv');
  expect(await heatCsv.text()).toContain('Northshire');

  // One metric across the region, from published plans only.
  const metric = await page.goto('/oversight/metrics/EHC-01');
  expect(metric?.status()).toBe(200);
  const figures = page.getByRole('table', { name: /figures$/ });
  if (published) await expect(figures).toContainText('Northshire');
  else await expect(page.getByText('No published plan in scope')).toBeVisible();
  await expect(figures).not.toContainText('Southvale');
  await expectAccessible(page);
  await keepScreenshots(page, testInfo, 'oversight-metric');
  const metricCsv = await page.request.get('/oversight/metrics/EHC-01/data.csv');
  expect(metricCsv.status()).toBe(200);
  expect(await metricCsv.text()).toContain('metric_code');
  expect((await page.goto('/oversight/metrics/NO-SUCH-METRIC'))?.status()).toBe(404);

  // The plan itself (and its draft) is not found for the overseer; the published page works.
  const draft = await page.goto(planPath);
  expect(draft?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  expect((await page.goto('/partnerships/northshire'))?.status()).toBe(404);
  const publicPage = await page.goto('/published/northshire/2026-29');
  if (published) {
    expect(publicPage?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(/Northshire|plan/i);
  } else {
    expect(publicPage?.status()).toBe(404);
  }
  await page.context().close();
});

test('a service administrator grants and revokes oversight', async ({ browser }, testInfo) => {
  const admin = await signedInPage(browser, 'admin@service.example');
  await admin.goto('/admin/oversight');
  await expect(admin.getByRole('heading', { level: 1, name: 'Oversight' })).toBeVisible();
  const people = admin.getByRole('table', { name: 'People with oversight' });
  await expect(people.getByRole('row', { name: new RegExp(OVERSEER) })).toContainText(
    'DfE North West region',
  );

  // An address with no account is refused, with the error beside its field.
  await admin.getByLabel('Email address').fill('nobody@nowhere.example');
  await admin.getByLabel('Team', { exact: true }).fill('NHS England');
  await admin.getByRole('button', { name: 'Grant oversight' }).click();
  await expect(admin.getByRole('alert')).toContainText('need an account');
  await expect(admin).toHaveTitle(/^Error: /);
  await expectAccessible(admin);

  await admin.getByLabel('Email address').fill('lead@southvale.example');
  await admin.getByLabel('Team', { exact: true }).fill('NHS England');
  await admin.getByLabel('Region (optional)').fill('');
  await admin.getByRole('button', { name: 'Grant oversight' }).click();
  await expect(admin.getByText('Oversight granted to lead@southvale.example')).toBeVisible();
  const granted = people.getByRole('row', { name: /lead@southvale\.example/ });
  await expect(granted).toContainText('All England');
  await expectAccessible(admin);
  await keepScreenshots(admin, testInfo, 'admin-oversight');

  await granted.getByRole('button', { name: /Revoke/ }).click();
  await expect(admin.getByText('Oversight revoked for lead@southvale.example')).toBeVisible();
  await expect(people.getByRole('row', { name: /lead@southvale\.example/ })).toHaveCount(0);

  // Nobody else reaches the administration page.
  const overseer = await signedInPage(browser, OVERSEER);
  expect((await overseer.goto('/admin/oversight'))?.status()).toBe(403);
  await overseer.context().close();
  await admin.context().close();
});
