import { expect, test, type Browser, type Page } from '@playwright/test';
import { installedPlugins as plugins } from '../server/installed-plugins.ts';
import {
  axeViolations,
  keepScreenshots,
  openPlan,
  editingTextboxes,
  openSection,
  changeGroup,
  openCommitments,
  sectionsList,
  signIn,
  signedInPage,
} from './fixtures.ts';

test.skip(
  !plugins.includes('@lip/plugin-health'),
  'These journeys go through the health section, whose plugin is not in lip.config.ts.',
);

const HEALTH = /health/i;

test('ICB: edits a health commitment and the DCO, and sees that the education section is read-only', async ({
  page,
}, testInfo) => {
  await signIn(page, 'icb@northshire.example');
  await openPlan(page, 'Northshire');
  await expect(page.locator('.govuk-task-list__status').first()).toBeVisible();

  await openSection(page, HEALTH);
  // The section page as the section's writer sees it, at desktop and phone widths.
  await keepScreenshots(page, testInfo, 'section-health');
  // The plugin's editor, one group of fields: change the DCO.
  await changeGroup(page, 'Section details');
  await keepScreenshots(page, testInfo, 'section-health-change');
  const dco = page.getByLabel('Designated clinical or medical officer (DCO/DMO)');
  await dco.fill('Dr Asha Patel');
  await page.getByRole('button', { name: 'Save section details' }).click();
  await expect(page.getByRole('alert').getByText('Section details saved')).toBeVisible();
  await expect(page.locator('#group-details')).toContainText('Dr Asha Patel');

  // A commitment of the health section.
  await openCommitments(page);
  const table = page.getByRole('table', { name: /Commitments in/ });
  await table.getByRole('link').first().click();
  await page.getByRole('link', { name: 'Change title' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Change commitment/ })).toBeVisible();
  await page
    .getByLabel('Title')
    .fill('DCO-led health advice for every EHC needs assessment within 6 weeks');
  await page.getByRole('group', { name: 'Due date' }).getByLabel('Year').fill('2028');
  await page.getByRole('button', { name: 'Save commitment' }).click();
  // Back on the commitment that was changed.
  await expect(page.getByRole('alert').getByText(/Commitment .* saved/)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(
    'DCO-led health advice for every EHC needs assessment within 6 weeks',
  );

  // The education section (its plugin installed): the ICB reads it and cannot change it.
  if (!plugins.includes('@lip/plugin-education')) return;
  await page.goto(new URL(page.url()).pathname.replace(/\/sections\/.*$/, '/sections/health'));
  await page
    .getByRole('navigation', { name: 'Breadcrumb' })
    .getByRole('link', { name: /Local Inclusion Plan/ })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: 'Sections' })).toBeVisible();
  const education = sectionsList(page).locator('.govuk-task-list__item', {
    has: page.getByRole('link', { name: /^Education/ }),
  });
  await expect(education).toContainText('View only');
  await openSection(page, /^Education/);
  await expect(page.getByRole('heading', { level: 1, name: 'Education' })).toBeVisible();
  await expect(page.locator('#read-only-notice')).toContainText(
    'You can read this section but not change it',
  );
  await expect(page.getByRole('button', { name: /Save/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add a commitment' })).toHaveCount(0);
  await expect(editingTextboxes(page)).toHaveCount(0);
  // The plugin's summary, read-only.
  await expect(page.locator('#section-details')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  // A crafted POST to a change page is refused.
  const response = await page.request.post(`${page.url().split(/[?#]/)[0]}/change/details`, {
    form: { version: '1', baseline: '{}', senSupportSummary: 'Not allowed' },
  });
  expect(response.status()).toBe(403);
});

test('a section editor of another organisation reads the health section without changing it', async ({
  page,
}) => {
  // The education editor on health (the ICB sees education the same way: first journey above).
  await signIn(page, 'education@northshire.example');
  await openPlan(page, 'Northshire');
  await expect(sectionsList(page)).toContainText('View only');
  await openSection(page, HEALTH);
  await expect(page.locator('#read-only-notice')).toContainText(
    'You can read this section but not change it',
  );
  await expect(page.getByRole('button', { name: 'Add a commitment' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Save/ })).toHaveCount(0);
  await expect(editingTextboxes(page)).toHaveCount(0);
  // The plugin's summary shows the DCO read-only.
  await expect(page.locator('#section-details')).toContainText(
    'Designated clinical or medical officer (DCO/DMO)',
  );
  expect(await axeViolations(page)).toEqual([]);
  await expect(page.getByRole('link', { name: /^Change / })).toHaveCount(0);
  await openCommitments(page);
  await expect(page.getByRole('button', { name: 'Add a commitment' })).toHaveCount(0);
  await page
    .getByRole('table', { name: /Commitments in/ })
    .getByRole('link')
    .first()
    .click();
  await expect(page.getByText('You can read this commitment but not change it.')).toBeVisible();
  await expect(editingTextboxes(page)).toHaveCount(0);
  await expect(page.getByRole('link', { name: /^Change / })).toHaveCount(0);
  await expect(page.getByRole('link', { name: /^Delete commitment/ })).toHaveCount(0);
  expect(await axeViolations(page)).toEqual([]);
  // Writing anyway (a crafted POST to the change page) is refused.
  const commitmentUrl = page.url().split(/[?#]/)[0] ?? '';
  const response = await page.request.post(`${commitmentUrl}/edit`, {
    form: { title: 'Not allowed', version: '1' },
  });
  expect(response.status()).toBe(403);
});

test('a validation error is shown in the error summary and beside the field', async ({ page }) => {
  await signIn(page, 'icb@northshire.example');
  await openPlan(page, 'Northshire');
  await openSection(page, HEALTH);
  await page.getByRole('button', { name: 'Add a commitment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Add a commitment' })).toBeVisible();
  await page.getByRole('group', { name: 'Start date' }).getByLabel('Day').fill('31');
  await page.getByRole('group', { name: 'Start date' }).getByLabel('Month').fill('2');
  await page.getByRole('group', { name: 'Start date' }).getByLabel('Year').fill('2027');
  await page.getByRole('button', { name: 'Add commitment' }).click();
  const summary = page.getByRole('alert');
  await expect(
    summary.getByRole('link', { name: 'Start date must be a real date' }),
  ).toHaveAttribute('href', '#startDate-day');

  await page.getByRole('group', { name: 'Start date' }).getByLabel('Day').fill('28');
  await page.getByLabel('Title').fill('');
  await page.getByRole('button', { name: 'Add commitment' }).click();
  await expect(page.getByRole('alert').getByRole('link', { name: /title/i })).toHaveAttribute(
    'href',
    '#title',
  );
  await expect(page.locator('#title-error')).toBeVisible();

  await page
    .getByLabel('Title')
    .fill('Health visitor developmental reviews at 2 years for every child');
  await page.getByRole('button', { name: 'Add commitment' }).click();
  await expect(page.getByRole('alert').getByText(/Commitment .* saved/)).toBeVisible();
  await expect(page.getByRole('table', { name: /Commitments in/ })).toContainText(
    'Health visitor developmental reviews at 2 years for every child',
  );
});

test('a stale edit of the same field shows both versions, names the field and re-applies the change', async ({
  browser,
}) => {
  const first = await signedInPage(browser, 'icb@northshire.example');
  await openPlan(first, 'Northshire');
  await openSection(first, HEALTH);
  await openCommitments(first);
  await first
    .getByRole('table', { name: /Commitments in/ })
    .getByRole('link')
    .nth(1)
    .click();
  await first.getByRole('link', { name: 'Change title' }).click();
  await expect(first.getByRole('heading', { level: 1, name: /Change commitment/ })).toBeVisible();
  const commitmentUrl = first.url();

  // A second person opens the same commitment before the first one saves.
  const second = await signedInPage(browser, 'lead@northshire.example');
  await second.goto(commitmentUrl);
  await expect(second.getByRole('heading', { level: 1, name: /Change commitment/ })).toBeVisible();

  await first.getByLabel('Title').fill('Title changed by the ICB');
  await first.getByLabel('Lead officer').fill('ICB children’s community services');
  await first.getByRole('button', { name: 'Save commitment' }).click();
  await expect(first.getByRole('alert').getByText(/Commitment .* saved/)).toBeVisible();

  await second.getByLabel('Title').fill('Title changed by the partnership lead');
  await second.getByRole('button', { name: 'Save commitment' }).click();

  await expect(
    second
      .getByRole('region', { name: 'Important' })
      .getByText(/Someone else saved changes to this commitment/),
  ).toBeVisible();
  // Only the title was changed by both; the lead officer alone would have saved.
  await expect(second.locator('#conflict-fields')).toHaveText('You both changed: Title.');
  const comparison = second.getByRole('table', { name: /Your version and the saved version/ });
  await expect(comparison.getByRole('row', { name: /Title/ })).toContainText(
    'Title changed by the partnership lead',
  );
  await expect(comparison.getByRole('row', { name: /Title/ })).toContainText('Changed by both');
  await expect(comparison.getByRole('row', { name: /Lead officer/ })).toContainText(
    'ICB children’s community services',
  );
  // The form holds the saved version with the lead's change on top: nothing is lost.
  await expect(second.getByLabel('Title')).toHaveValue('Title changed by the partnership lead');
  await expect(second.getByLabel('Lead officer')).toHaveValue('ICB children’s community services');
  expect(await axeViolations(second)).toEqual([]);

  await second.getByRole('button', { name: 'Save my changes again' }).click();
  await expect(second.getByRole('alert').getByText(/Commitment .* saved/)).toBeVisible();
  await second.goto(commitmentUrl);
  await expect(second.getByLabel('Title')).toHaveValue('Title changed by the partnership lead');
  await expect(second.getByLabel('Lead officer')).toHaveValue('ICB children’s community services');
});

/**
 * The ICB officer and the lead, each with the same change page of the Northshire health section
 * open (the same version): a group of its fields ("Section details", "Mental health").
 */
async function bothOnTheHealthSection(
  browser: Browser,
  group = 'Section details',
): Promise<{ first: Page; second: Page; changeUrl: string }> {
  const first = await signedInPage(browser, 'icb@northshire.example');
  await openPlan(first, 'Northshire');
  await openSection(first, HEALTH);
  await changeGroup(first, group);
  const second = await signedInPage(browser, 'lead@northshire.example');
  const changeUrl = first.url();
  await second.goto(changeUrl);
  return { first, second, changeUrl };
}

test('a stale edit of the health section shows both versions', async ({ browser }) => {
  const { first, second } = await bothOnTheHealthSection(browser);

  await first.getByLabel('DCO/DMO job title').fill('Designated Clinical Officer, 0.6 WTE');
  await first.getByLabel('ICB executive lead for SEND').fill('Sam Okafor');
  await first.getByRole('button', { name: 'Save section details' }).click();
  await expect(first.getByRole('alert').getByText('Section details saved')).toBeVisible();

  await second.getByLabel('ICB executive lead for SEND').fill('Morgan Ellis');
  await second.getByRole('button', { name: 'Save section details' }).click();
  await expect(
    second
      .getByRole('region', { name: 'Important' })
      .getByText(/Someone else saved changes to this section/),
  ).toBeVisible();
  await expect(second.locator('#conflict-fields')).toHaveText(
    'You both changed: ICB executive lead for SEND.',
  );
  await expect(second.getByLabel('ICB executive lead for SEND')).toHaveValue('Morgan Ellis');
  await expect(second.getByLabel('DCO/DMO job title')).toHaveValue(
    'Designated Clinical Officer, 0.6 WTE',
  );
  await second.getByRole('button', { name: 'Save my changes again' }).click();
  await expect(second.getByRole('alert').getByText('Section details saved')).toBeVisible();
});

test('two people change different fields of the health section from the same page: both saves stick', async ({
  browser,
}) => {
  // Fields of a group field (the mental health pathway's summary and waits).
  const { first, second, changeUrl } = await bothOnTheHealthSection(browser, 'Mental health');

  await first.getByLabel('Mental health waiting times').fill('6 weeks (median, March 2026)');
  await first.getByRole('button', { name: 'Save section details' }).click();
  await expect(first.getByRole('alert').getByText('Section details saved')).toBeVisible();

  // The lead's page still shows the version before the ICB's save.
  await second
    .getByLabel('Mental health pathway')
    .fill('Referral through the single point of access.');
  await second.getByRole('button', { name: 'Save section details' }).click();
  await expect(second.getByRole('alert').getByText('Section details saved')).toBeVisible();

  await first.goto(changeUrl);
  await expect(first.getByLabel('Mental health waiting times')).toHaveValue(
    '6 weeks (median, March 2026)',
  );
  await expect(first.getByLabel('Mental health pathway')).toHaveValue(
    'Referral through the single point of access.',
  );

  // Top-level fields of one group, from the same stale page.
  const both = await bothOnTheHealthSection(browser);
  await both.first.getByLabel('DCO/DMO job title').fill('Designated Medical Officer');
  await both.first.getByRole('button', { name: 'Save section details' }).click();
  await expect(both.first.getByRole('alert').getByText('Section details saved')).toBeVisible();
  await both.second.getByLabel('DCO/DMO email address').fill('dco@northshire.example.nhs.uk');
  await both.second.getByRole('button', { name: 'Save section details' }).click();
  await expect(both.second.getByRole('alert').getByText('Section details saved')).toBeVisible();
  await expect(both.second.locator('#group-details')).toContainText('Designated Medical Officer');
  await expect(both.second.locator('#group-details')).toContainText(
    'dco@northshire.example.nhs.uk',
  );
});

test('plan, section and commitment form pages have no accessibility violations', async ({
  page,
}) => {
  await signIn(page, 'icb@northshire.example');
  expect(await axeViolations(page)).toEqual([]);
  await openPlan(page, 'Northshire');
  expect(await axeViolations(page)).toEqual([]);
  await openSection(page, HEALTH);
  expect(await axeViolations(page)).toEqual([]);
  await changeGroup(page, 'Section details');
  expect(await axeViolations(page)).toEqual([]);
  await page.goBack();
  await openCommitments(page);
  expect(await axeViolations(page)).toEqual([]);
  await page
    .getByRole('table', { name: /Commitments in/ })
    .getByRole('link')
    .first()
    .click();
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('link', { name: 'Change title' }).click();
  await expect(page.getByRole('button', { name: 'Save commitment' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.goBack();
  await page.goBack();
  await page.getByRole('button', { name: 'Add a commitment' }).click();
  await page.getByRole('button', { name: 'Add commitment' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});

test('forms work without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, 'icb@northshire.example');
  await openPlan(page, 'Northshire');
  await openSection(page, HEALTH);
  await changeGroup(page, 'Section details');
  await page.getByLabel('DCO/DMO email address').fill('not an email');
  await page.getByRole('button', { name: 'Save section details' }).click();
  await expect(page.getByRole('alert').getByRole('link', { name: /email/i })).toHaveAttribute(
    'href',
    '#dcoEmail',
  );
  await page.getByLabel('DCO/DMO email address').fill('dco@northshire-icb.example');
  await page.getByRole('button', { name: 'Save section details' }).click();
  await expect(page.getByRole('alert').getByText('Section details saved')).toBeVisible();
  await expect(page.locator('#group-details')).toContainText('dco@northshire-icb.example');
  // The commitments list filters without JavaScript too (a GET form).
  await openCommitments(page);
  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Complete' });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/status=COMPLETE/);
  await expect(page.locator('#commitment-results')).toContainText('the filters');
  await context.close();
});
