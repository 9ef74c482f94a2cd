import { expect, test } from '@playwright/test';
import { axeViolations, signIn } from './fixtures.ts';

test('a wrong password shows the error summary and keeps the email address', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill('icb@northshire.example');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();

  const summary = page.getByRole('alert');
  await expect(summary.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
  await expect(
    summary.getByRole('link', { name: 'Enter a correct email address and password' }),
  ).toHaveAttribute('href', '#password');
  await expect(page.getByLabel('Email address')).toHaveValue('icb@northshire.example');
  await expect(page.locator('#password-error')).toContainText(
    'Enter a correct email address and password',
  );
  await expect(page).toHaveTitle(/^Sign in – Local inclusion plan builder$/);
  // This server holds the demo partnerships, and says so (a real service's footer does not).
  await expect(page.getByRole('contentinfo')).toContainText('Demo data is fictional.');
});

test('pages need a signed-in person, who then lands where they were going', async ({ page }) => {
  await page.goto('/partnerships/northshire');
  await expect(page).toHaveURL(/\/sign-in\?redirectTo=%2Fpartnerships%2Fnorthshire$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Email address').fill('viewer@northshire.example');
  await page.getByLabel('Password').fill('lip-demo-2026');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/partnerships\/northshire$/);
  await expect(page.getByRole('heading', { level: 1, name: /Northshire/ })).toBeVisible();
});

test('sign in sets an httpOnly, SameSite=Lax session cookie, and sign out ends it', async ({
  page,
  context,
}) => {
  await signIn(page, 'icb@northshire.example');
  const cookie = (await context.cookies()).find((c) => c.name === 'lip_session');
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe('Lax');
  await page.getByRole('button', { name: /Sign out/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.goto('/partnerships');
  await expect(page).toHaveURL(/\/sign-in/);
});

test('the sign-in page has no accessibility violations', async ({ page }) => {
  await page.goto('/sign-in');
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});
