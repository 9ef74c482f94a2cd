// A parent carer forum member, with no organisation account, signs in with a code emailed to them:
// the app really sends the mail over SMTP to a server running here, and the journey reads it.
import { axeViolations } from './fixtures.ts';
import { expect, test } from './identity-fixtures.ts';

const FORUM = 'forum@northshire.example';

test('a forum member signs in with the code from their email', async ({ page, identity }) => {
  await page.goto('/partnerships/northshire');
  await page.getByRole('link', { name: 'Email me a sign-in code' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Sign in with a code from your email' }),
  ).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  await page.getByLabel('Email address').fill(FORUM);
  await page.getByRole('button', { name: 'Email me a code' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check your email' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  // By subject: the forum member may also have been asked to acknowledge a plan by now.
  const mail = await identity.smtp.nextMail(FORUM, /sign-in code/);
  const code = /\b(\d{6})\b/.exec(mail.text)?.[1] ?? '';
  expect(code).toMatch(/^\d{6}$/);

  // A mistyped code first: an error summary, and the form again.
  await page.getByLabel('Sign-in code').fill(code === '000000' ? '111111' : '000000');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(
    page.getByRole('alert').getByRole('link', { name: /Enter the code from the email/ }),
  ).toHaveAttribute('href', '#code');
  expect(await axeViolations(page)).toEqual([]);

  await page.getByLabel('Sign-in code').fill(code);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/partnerships\/northshire$/);
  await expect(page.getByText(/You are a member for Northshire Parent Carer Forum/)).toBeVisible();
});

test('an address with no account sees the same page as one with an account', async ({ page }) => {
  await page.goto('/sign-in/code');
  await page.getByLabel('Email address').fill('nobody@northshire.example');
  await page.getByRole('button', { name: 'Email me a code' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check your email' })).toBeVisible();
  await expect(page.getByText(/If nobody@northshire\.example has an account/)).toBeVisible();
});
