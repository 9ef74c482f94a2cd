import { expect, test } from '@playwright/test';
import { axeViolations, openPlan, signedInPage } from './fixtures.ts';

test('another partnership’s plan answers “Page not found”', async ({ browser }) => {
  const northshire = await signedInPage(browser, 'icb@northshire.example');
  await openPlan(northshire, 'Northshire');
  const planUrl = new URL(northshire.url()).pathname;
  // The partnership page, opened afresh: after goBack() the page may still be navigating (the
  // plan page's live updates keep a stream open), and axe would run in a page being replaced.
  await northshire.goto('/partnerships/northshire');
  await expect(northshire.getByRole('heading', { level: 1, name: /Northshire/ })).toBeVisible();
  expect(await axeViolations(northshire)).toEqual([]);

  const southvale = await signedInPage(browser, 'lead@southvale.example');
  const response = await southvale.goto(planUrl);
  expect(response?.status()).toBe(404);
  await expect(southvale.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(southvale).toHaveTitle(/^Page not found/);
  expect(await southvale.content()).not.toContain('Northshire Local Inclusion Plan');
  expect(await axeViolations(southvale)).toEqual([]);

  const sectionResponse = await southvale.goto(`${planUrl}/sections/health`);
  expect(sectionResponse?.status()).toBe(404);
  const partnershipResponse = await southvale.goto('/partnerships/northshire');
  expect(partnershipResponse?.status()).toBe(404);
  await expect(southvale.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
});
