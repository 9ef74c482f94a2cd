// Banding, tariffs and budget lines (issue 16): the lead adds a band and sets its tariff (a negative
// price and overlapping dates refused, said beside the field), a viewer reads the prices without the
// forms, the lead adds budget lines to a commitment (a price that is not a number refused), and the
// plan page totals them by section, block and year beside the financial sustainability figures.
// The published plan and the DOCX board pack show the totals and the tariff in force: see the
// publishing journey in workflow.spec.ts, which publishes this demo plan.
import { expect, test, type Page } from '@playwright/test';
import { axeViolations, keepScreenshots, openPlan, openSection, signedInPage } from './fixtures.ts';

test.describe.configure({ mode: 'serial' });

const BAND = 'Band 4 (journey)';
const TARIFFS = '/partnerships/northshire/tariffs';

async function expectAccessible(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
}

async function fillDate(page: Page, legend: string, day: string, month: string, year: string) {
  const group = page.getByRole('group', { name: legend });
  await group.getByLabel('Day').fill(day);
  await group.getByLabel('Month').fill(month);
  await group.getByLabel('Year').fill(year);
}

function pricesInForce(page: Page) {
  return page.getByRole('table', { name: /Annual price per place, by band and type of provision/ });
}

test('the lead adds a band and sets its tariff; bad prices and overlapping dates are refused', async ({
  browser,
}, testInfo) => {
  const lead = await signedInPage(browser, 'lead@northshire.example');
  await lead.getByRole('link', { name: 'Northshire' }).click();
  await lead.getByRole('link', { name: 'Banding and tariffs' }).click();
  await expect(lead.getByRole('heading', { level: 1, name: 'Banding and tariffs' })).toBeVisible();
  // The demo framework: three bands, Band 2's special school place at £21,000.
  await expect(pricesInForce(lead).getByRole('row', { name: /^Band 2/ })).toContainText(
    '£21,000.00',
  );
  await expectAccessible(lead);
  await keepScreenshots(lead, testInfo, 'tariffs');

  await lead.getByLabel('Name', { exact: true }).fill(BAND);
  await lead
    .getByLabel('Description of need')
    .fill('Complex needs met with a waking-day curriculum and nursing care.');
  await lead.getByRole('button', { name: 'Add band' }).click();
  await expect(lead.getByRole('alert').getByText('Band added')).toBeVisible();
  await expect(lead.getByRole('table', { name: /Bands, lowest need first/ })).toContainText(BAND);

  // A negative price: the error summary links to the field, the page title says Error.
  await lead.getByLabel('Band', { exact: true }).selectOption({ label: BAND });
  await lead.getByLabel('Type of provision').selectOption({ label: 'Special school' });
  await lead.getByLabel('Annual price per place').fill('-45000');
  await fillDate(lead, 'Start date', '1', '4', '2026');
  await lead.getByRole('button', { name: 'Set tariff' }).click();
  await expect(lead.getByRole('alert')).toContainText('Annual price must be £0 or more');
  await expect(lead).toHaveTitle(/^Error: /);
  await expect(lead.getByLabel('Annual price per place')).toHaveValue('-45000');
  await expectAccessible(lead);
  await keepScreenshots(lead, testInfo, 'tariffs-error');

  await lead.getByLabel('Annual price per place').fill('£45,000');
  await lead.getByRole('button', { name: 'Set tariff' }).click();
  await expect(lead.getByRole('alert').getByText('Tariff set')).toBeVisible();
  await expect(
    pricesInForce(lead).getByRole('row', { name: new RegExp(BAND.replace(/[()]/g, '\\$&')) }),
  ).toContainText('£45,000.00');

  // The same band and type over dates that overlap: refused, nothing written.
  await lead.getByLabel('Band', { exact: true }).selectOption({ label: BAND });
  await lead.getByLabel('Type of provision').selectOption({ label: 'Special school' });
  await lead.getByLabel('Annual price per place').fill('47000');
  await fillDate(lead, 'Start date', '1', '1', '2026');
  await fillDate(lead, 'End date (optional)', '31', '3', '2027');
  await lead.getByRole('button', { name: 'Set tariff' }).click();
  await expect(lead.getByRole('alert')).toContainText(
    /These dates overlap the .* price of £45,000.00/,
  );
  const history = lead.getByRole('table', { name: /Every tariff set/ });
  await expect(
    history.getByRole('row', { name: new RegExp(BAND.replace(/[()]/g, '\\$&')) }),
  ).toHaveCount(1);
  await lead.context().close();

  // A member who is not a lead reads the prices but has no forms.
  const viewer = await signedInPage(browser, 'viewer@northshire.example');
  await viewer.goto(TARIFFS);
  await expect(pricesInForce(viewer)).toContainText('£45,000.00');
  await expect(viewer.getByRole('button', { name: 'Set tariff' })).toHaveCount(0);
  const crafted = await viewer.request.post(TARIFFS, {
    form: { intent: 'add-band', name: 'Not allowed' },
  });
  expect(crafted.status()).toBe(403);
  await expectAccessible(viewer);
  await viewer.context().close();
});

test('the lead adds budget lines to a commitment and sees the totals on the plan page', async ({
  browser,
}, testInfo) => {
  const lead = await signedInPage(browser, 'lead@northshire.example');
  await openPlan(lead, 'Northshire');
  const planUrl = lead.url().split(/[?#]/)[0] ?? '';
  await openSection(lead, /^Education/);
  await lead.getByRole('link', { name: /^View and filter the commitments/ }).click();
  await lead
    .getByRole('table', { name: /Commitments in/ })
    .getByRole('link', { name: /^Quality-assure EHC plans/ })
    .click();
  await expect(lead.getByRole('heading', { level: 2, name: 'Budget lines' })).toBeVisible();
  await expect(lead.getByText('No budget lines.')).toBeVisible();
  await lead.getByRole('link', { name: 'Change budget lines' }).click();
  await expect(lead.getByRole('heading', { level: 1, name: 'Budget lines' })).toBeVisible();
  await expectAccessible(lead);

  // Not a number: said beside the amount, nothing added.
  await lead.getByLabel('What the money is for').fill('Multi-agency audit');
  await lead.getByLabel('Block').selectOption({ label: 'High needs block' });
  await lead.getByLabel('Amount').fill('forty thousand');
  await lead.getByLabel('Financial year').selectOption({ label: '2026-27' });
  await lead.getByRole('button', { name: 'Add budget line' }).click();
  await expect(lead.getByRole('alert')).toContainText(
    'Enter the amount in pounds, like 12500 or 12500.50',
  );
  await expect(lead).toHaveTitle(/^Error: /);
  await expectAccessible(lead);

  await lead.getByLabel('Amount').fill('40000');
  await lead.getByRole('button', { name: 'Add budget line' }).click();
  await expect(lead.getByRole('alert').getByText('Budget line added')).toBeVisible();
  await lead.getByLabel('What the money is for').fill('Multi-agency audit');
  await lead.getByLabel('Block').selectOption({ label: 'High needs block' });
  await lead.getByLabel('Amount').fill('12000.50');
  await lead.getByLabel('Financial year').selectOption({ label: '2027-28' });
  await lead.getByRole('button', { name: 'Add budget line' }).click();
  await expect(lead.getByRole('alert').getByText('Budget line added')).toBeVisible();
  const lines = lead.getByRole('table', { name: 'Budget lines of this commitment' });
  await expect(lines.getByRole('row', { name: /^Total/ })).toContainText('£52,000.50');
  await keepScreenshots(lead, testInfo, 'commitment-budget');

  // Removing one takes it out of the total.
  await lead.getByRole('button', { name: 'Remove Multi-agency audit, 2027-28' }).click();
  await expect(lead.getByRole('alert').getByText('Budget line removed')).toBeVisible();
  await expect(lines.getByRole('row', { name: /^Total/ })).toContainText('£40,000.00');

  // The plan page: totals by section, block and year, the FIN metrics beside them.
  await lead.goto(planUrl);
  await expect(lead.getByRole('heading', { level: 2, name: 'Budget', exact: true })).toBeVisible();
  const byBlock = lead.getByRole('table', { name: 'Budget lines by block' });
  await expect(byBlock.getByRole('row', { name: /^High needs block/ })).toBeVisible();
  await expect(lead.getByRole('table', { name: 'Budget lines by section' })).toContainText(
    'Education',
  );
  await expect(lead.getByRole('table', { name: 'Budget lines by financial year' })).toContainText(
    '2026-27',
  );
  await expect(
    lead.getByRole('heading', { level: 3, name: 'Financial sustainability' }),
  ).toBeVisible();
  await expect(lead.getByText('Total high needs spend')).toBeVisible();
  await expectAccessible(lead);
  await keepScreenshots(lead, testInfo, 'plan-budget-totals');
  await lead.context().close();
});
