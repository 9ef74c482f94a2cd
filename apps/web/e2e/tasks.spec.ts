// "Your tasks" on the home page: each person is told what to do next, and every task opens a page
// they can act on (never a refusal). Screenshots at 1280 and 390 px are kept as test artefacts.
import { expect, test, type Page } from '@playwright/test';
import { axeViolations, signedInPage } from './fixtures.ts';

const tasks = (page: Page) => page.getByRole('region', { name: 'Your tasks' });

test('the Southvale lead is told what stops their draft being submitted, and goes there', async ({
  browser,
}) => {
  const lead = await signedInPage(browser, 'lead@southvale.example');
  const list = tasks(lead);
  await expect(list).toBeVisible();
  const clear = list.getByRole('link', { name: 'Clear what stops the plan being submitted' });
  await expect(clear).toBeVisible();
  const item = list
    .locator('.govuk-task-list__item')
    .filter({ hasText: 'Clear what stops the plan being submitted' });
  await expect(item.locator('.govuk-task-list__status')).toHaveText(/\d+ blockers?/);
  await expect(item.locator('.govuk-task-list__hint')).toContainText('Southvale');
  expect(await axeViolations(lead)).toEqual([]);
  await clear.click();
  await expect(lead.locator('#blockers')).toBeVisible();
  // Southvale's lead sees nothing of Northshire.
  await lead.goBack();
  await expect(tasks(lead)).not.toContainText('Northshire');
});

for (const email of [
  'lead@northshire.example',
  'icb@northshire.example',
  'education@northshire.example',
  'forum@northshire.example',
]) {
  test(`${email}: every task opens a page they can act on`, async ({ browser }, testInfo) => {
    const page = await signedInPage(browser, email);
    await expect(tasks(page)).toBeVisible();
    const hrefs = await tasks(page)
      .locator('a.govuk-task-list__link')
      .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).getAttribute('href')));
    for (const href of hrefs.slice(0, 6)) {
      const response = await page.goto(href!);
      expect(response?.status(), href!).toBeLessThan(400);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    }
    if (email === 'icb@northshire.example') {
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto('/partnerships');
        expect(await axeViolations(page)).toEqual([]);
        await page.screenshot({
          path: testInfo.outputPath(`my-tasks-${width}.png`),
          fullPage: true,
        });
      }
    }
  });
}
