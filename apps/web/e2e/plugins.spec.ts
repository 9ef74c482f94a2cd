// Sections from plugins: the task list follows each section's readiness checks, the section page
// lists what is left to do, its metric pack and suggested standards, and a plugin's generic
// section UI (createSectionUi, no app code of its own) edits and reads accessibly.
import { expect, test, type Page } from '@playwright/test';
import { installedPlugins } from '../server/installed-plugins.ts';
import {
  axeViolations,
  changeGroup,
  keepScreenshots,
  openPlan,
  editingTextboxes,
  openSection,
  sectionsList,
  signIn,
} from './fixtures.ts';

/** The task list row of a section. */
const taskListItem = (page: Page, title: RegExp) =>
  sectionsList(page).locator('.govuk-task-list__item', {
    has: page.getByRole('link', { name: title }),
  });

test.describe('the alternative provision section (a generic plugin UI)', () => {
  test.skip(
    !installedPlugins.includes('@lip/plugin-alternative-provision'),
    'The alternative provision plugin is not installed.',
  );
  const AP = /^Alternative provision/;

  test('AP: what is left to do is listed; doing it marks the section completed', async ({
    page,
  }, testInfo) => {
    await signIn(page, 'ap@northshire.example');
    await openPlan(page, 'Northshire');
    await expect(taskListItem(page, AP)).toContainText('In progress');
    await openSection(page, AP);

    const readiness = page.locator('#readiness');
    await expect(
      readiness.getByRole('heading', { name: 'Before this section is complete' }),
    ).toBeVisible();
    await expect(readiness).toContainText('1 readiness check is not passing yet (2 of 3 done)');
    await expect(readiness).toContainText(
      'Add a target for APO-5 (successful post-16 transitions)',
    );
    // The metric pack in a line, with the dashboard a link away (not a table of every metric).
    const metrics = page.locator('#metrics');
    await expect(metrics).toContainText(/usually tracked by \d+ metrics/);
    await expect(
      metrics.getByRole('link', { name: 'See the metrics on the dashboard' }),
    ).toHaveAttribute('href', /\/dashboard$/);
    await expect(page.getByRole('table')).toHaveCount(0);
    await expect(page.locator('#suggested-standards')).toContainText('SA-07');
    await expect(page.locator('#suggested-standards')).toContainText('SA-10');
    expect(await axeViolations(page)).toEqual([]);

    // The readiness item links to the field it names, on its group's change page.
    await readiness.getByRole('link', { name: /Add a target for APO-5/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: /^APO-5/ })).toBeVisible();
    expect(new URL(page.url()).hash).toBe('#apo5-target');
    await expect(page.locator('#apo5-target')).toBeInViewport();
    await expect(editingTextboxes(page)).toHaveCount(2);
    // The outcome's target is the plan's APO-5 metric target (decision 027): a number.
    await page.getByLabel('Target').fill('90');
    await page.getByRole('button', { name: 'Save section details' }).click();
    await expect(page.getByRole('alert').getByText('Section details saved')).toBeVisible();
    await expect(page.locator('#readiness')).toContainText('Every readiness check passes');
    await expect(page.locator('#group-apo5')).toContainText('Target (%)90');
    expect(await axeViolations(page)).toEqual([]);
    await keepScreenshots(page, testInfo, 'section-summary-ap');

    await page
      .getByRole('navigation', { name: 'Breadcrumb' })
      .getByRole('link', { name: /Local Inclusion Plan/ })
      .click();
    await expect(taskListItem(page, AP)).toContainText('Completed');

    // One target, not two: the dashboard shows the APO-5 target just set through the section.
    await page.goto(`${new URL(page.url()).pathname}/dashboard`);
    const noFigures = page.locator('details', { hasText: /no data yet/ });
    await noFigures.locator('summary').click();
    await expect(
      noFigures.getByRole('row', {
        name: /Alternative provision leavers in sustained post-16 education/,
      }),
    ).toContainText(/^.*90(\.0)?% by /);
  });

  test('AP: a bad count is shown in the error summary and nothing is saved', async ({ page }) => {
    await signIn(page, 'ap@northshire.example');
    await openPlan(page, 'Northshire');
    await openSection(page, AP);
    await changeGroup(page, 'Alternative provision budget');
    const budget = page.getByRole('group', { name: 'Alternative provision budget' });
    await budget.getByLabel(/Amount/).fill('lots');
    await page.getByRole('button', { name: 'Save section details' }).click();
    await expect(
      page.getByRole('alert').getByRole('heading', { name: 'There is a problem' }),
    ).toBeVisible();
    await expect(page.getByRole('alert').getByRole('link').first()).toContainText(/Amount|pounds/i);
    expect(await axeViolations(page)).toEqual([]);
  });

  test('forum: reads the section as a summary, with no form', async ({ page }) => {
    await signIn(page, 'forum@northshire.example');
    await openPlan(page, 'Northshire');
    await expect(taskListItem(page, AP)).toContainText('View only');
    await openSection(page, AP);
    await expect(page.locator('#read-only-notice')).toBeVisible();
    await expect(editingTextboxes(page)).toHaveCount(0);
    await expect(page.locator('main')).toContainText('Northshire AP Academy Trust outreach team');
    expect(await axeViolations(page)).toEqual([]);
  });
});

test.describe('the education section', () => {
  test.skip(
    !installedPlugins.includes('@lip/plugin-education'),
    'The education plugin is not installed.',
  );
  const TARGET = 'Target: new EHC plans issued within 20 weeks (%)';
  const EHC_01 = 'New EHC plans issued within 20 weeks, excluding exceptions';

  test('education: the 20-week target is the EHC-01 target the dashboard rates, one value', async ({
    page,
  }, testInfo) => {
    await signIn(page, 'education@northshire.example');
    await openPlan(page, 'Northshire');
    const planUrl = new URL(page.url()).pathname;
    const setTarget = async (value: string) => {
      await page.goto(`${planUrl}/sections/education/change/details`);
      await page.getByLabel(TARGET).fill(value);
      await page.getByRole('button', { name: 'Save section details' }).click();
      await expect(page.getByRole('alert').getByText('Section details saved')).toBeVisible();
    };

    await page.goto(`${planUrl}/sections/education/change/details`);
    // The demo's EHC-01 target, as the dashboard has it.
    await expect(page.getByLabel(TARGET)).toHaveValue('70');
    await setTarget('72.5');
    await expect(page.locator('main')).toContainText(`${TARGET}72.5`);
    expect(await axeViolations(page)).toEqual([]);
    await keepScreenshots(page, testInfo, 'section-summary-education-target');

    await page.goto(`${planUrl}/dashboard`);
    const card = page.locator('section', {
      has: page.getByRole('heading', { level: 3, name: EHC_01 }),
    });
    await expect(card.locator('.govuk-summary-list')).toContainText(/72\.5% by /);

    // Back as it was, for the journeys that follow.
    await setTarget('70');
  });
});

test('the plan lists the sections of the installed plugins, and only those', async ({ page }) => {
  // Section titles of the workspace's plugins (a plugin not installed must leave no trace).
  const known: Record<string, RegExp> = {
    '@lip/plugin-education': /^Education/,
    '@lip/plugin-health': /^Health/,
    '@lip/plugin-care': /^Social care/,
    '@lip/plugin-alternative-provision': /^Alternative provision/,
  };
  await signIn(page, 'lead@northshire.example');
  await openPlan(page, 'Northshire');
  const planUrl = new URL(page.url()).pathname;
  const taskList = sectionsList(page);
  for (const [name, title] of Object.entries(known)) {
    await expect(taskList.getByRole('link', { name: title }), name).toHaveCount(
      installedPlugins.includes(name) ? 1 : 0,
    );
  }
  const count = await taskList.locator('.govuk-task-list__item').count();
  expect(count).toBe(Object.keys(known).filter((n) => installedPlugins.includes(n)).length);
  // A removed plugin's section is not found.
  const keys: Record<string, string> = {
    '@lip/plugin-education': 'education',
    '@lip/plugin-care': 'care',
    '@lip/plugin-alternative-provision': 'alternative-provision',
    '@lip/plugin-health': 'health',
  };
  for (const [name, key] of Object.entries(keys)) {
    if (installedPlugins.includes(name)) continue;
    const response = await page.goto(`${planUrl}/sections/${key}`);
    expect(response?.status(), name).toBe(404);
  }
});
