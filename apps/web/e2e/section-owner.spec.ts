// The lead names who writes a section; the rules follow the plan, not the organisation's type.
import { expect, test, type Page } from '@playwright/test';
import { installedPlugins as plugins } from '../server/installed-plugins.ts';
import { axeViolations, openPlan, sectionsList, signedInPage } from './fixtures.ts';

test.skip(
  !plugins.includes('@lip/plugin-alternative-provision'),
  'This journey changes who writes the alternative provision section, whose plugin is not installed.',
);

const AP = /Alternative provision/;

async function apHint(page: Page): Promise<string> {
  await page.reload();
  const item = sectionsList(page).locator('.govuk-task-list__item', { hasText: AP });
  return (await item.textContent()) ?? '';
}

test('the lead hands the AP section to the council’s education service, and back', async ({
  browser,
}) => {
  const lead = await signedInPage(browser, 'lead@northshire.example');
  await openPlan(lead, 'Northshire');
  const planUrl = lead.url();
  const education = await signedInPage(browser, 'education@northshire.example');
  await education.goto(planUrl);
  // Northshire's AP trust writes the section: the education service reads it only.
  expect(await apHint(education)).toContain('View only');

  const owners = lead.getByRole('heading', { name: 'Who writes each section' });
  await expect(owners).toBeVisible();
  await lead
    .getByRole('link', { name: 'Change who writes the alternative provision section' })
    .click();
  await expect(
    lead.getByRole('heading', { level: 1, name: 'Who writes the alternative provision section?' }),
  ).toBeVisible();
  expect(await axeViolations(lead)).toEqual([]);
  await lead.getByLabel('Northshire County Council (education)').check();
  await lead.getByRole('button', { name: 'Save' }).click();
  await expect(
    lead.getByText(
      'Northshire County Council (education) writes the alternative provision section',
    ),
  ).toBeVisible();
  expect(await apHint(lead)).toContain('Written by Northshire County Council (education)');
  expect(await apHint(education)).not.toContain('View only');

  // And back, leaving the demo as other journeys expect it.
  await lead
    .getByRole('link', { name: 'Change who writes the alternative provision section' })
    .click();
  await lead.getByLabel('Northshire Alternative Provision Academy Trust').check();
  await lead.getByRole('button', { name: 'Save' }).click();
  await expect(
    lead.getByText(
      'Northshire Alternative Provision Academy Trust writes the alternative provision section',
    ),
  ).toBeVisible();
  expect(await apHint(education)).toContain('View only');
});

test('someone other than the lead cannot open the page', async ({ browser }) => {
  const ap = await signedInPage(browser, 'ap@northshire.example');
  await openPlan(ap, 'Northshire');
  await expect(ap.getByRole('heading', { name: 'Who writes each section' })).toHaveCount(0);
  const response = await ap.goto(`${ap.url()}/sections/alternative-provision/owner`);
  expect(response?.status()).toBe(403);
});
