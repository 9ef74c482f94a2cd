import { expect, test, type Page } from '@playwright/test';
import { axeViolations, signIn, signedInPage } from './fixtures.ts';

// The account limit is the default (10 failures in 15 minutes). The per-address limit is raised in
// playwright.config.ts (every journey signs in from 127.0.0.1), so these failures cannot lock the
// rest of the suite out; and they are spent on email addresses no account or other journey uses.

async function tryPassword(page: Page, email: string, password: string) {
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  // The page that answers has the password box empty again (the one posted from did not).
  await expect(page.getByLabel('Password')).toHaveValue('');
  await expect(page.getByRole('alert')).toBeVisible();
}

test('after repeated wrong passwords the form says "Too many attempts" and when to try again; another account still signs in', async ({
  page,
}) => {
  const email = 'nobody-throttled@northshire.example';
  await page.goto('/sign-in');
  for (let i = 1; i <= 10; i++) {
    await tryPassword(page, email, `wrong-guess-${i}`);
    await expect(page.locator('#password-error')).toContainText(
      'Enter a correct email address and password',
    );
  }
  await tryPassword(page, email, 'wrong-guess-11');
  const summary = page.getByRole('alert');
  await expect(summary.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
  const message = summary.getByRole('link', { name: /^Too many attempts to sign in\./ });
  await expect(message).toHaveText(/^Too many attempts to sign in\. Try again in \d+ minutes?\.$/);
  await expect(message).toHaveAttribute('href', '#password');
  await expect(page.locator('#password-error')).toContainText('Too many attempts to sign in.');
  await expect(page.getByLabel('Email address')).toHaveValue(email);
  expect(await axeViolations(page)).toEqual([]);

  // Other accounts are unaffected, from the same browser and address.
  await signIn(page, 'ap@northshire.example');
});

test('/graphql answers 429 with Retry-After once an account is over the limit', async ({
  request,
}) => {
  const email = 'nobody-api@northshire.example';
  const attempt = () =>
    request.post('/graphql', {
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      data: {
        query: 'mutation ($input: SignInInput!) { signIn(input: $input) { __typename } }',
        variables: { input: { email, password: 'not-it' } },
      },
    });
  for (let i = 0; i < 10; i++) {
    const res = await attempt();
    expect(res.status()).toBe(200);
    expect(await res.json()).toEqual({
      data: { signIn: { __typename: 'InvalidCredentialsError' } },
    });
  }
  const refused = await attempt();
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()['retry-after'])).toBeGreaterThan(0);
});

const signedOut = async (page: Page) => {
  await page.goto('/partnerships');
  await expect(page).toHaveURL(/\/sign-in/);
};

test('the sessions page lists your devices and ends another session, or all others', async ({
  browser,
}) => {
  const email = 'care@northshire.example';
  const here = await signedInPage(browser, email);
  const elsewhere = await signedInPage(browser, email);

  await here.getByRole('link', { name: 'Your sessions' }).click();
  await expect(here.getByRole('heading', { level: 1, name: 'Your sessions' })).toBeVisible();
  const table = here.getByRole('table', { name: 'Devices signed in to your account' });
  await expect(table.getByRole('row').nth(1)).toContainText('This device');
  await expect(table.getByRole('row').nth(1)).toContainText(/Chrom\w+ on Linux/);
  expect(await axeViolations(here)).toEqual([]);

  // End every other session (the one in the other browser, and any an earlier run left).
  await here.getByRole('button', { name: 'End all other sessions' }).click();
  await expect(here.getByRole('alert')).toContainText('Your other sessions have ended');
  await expect(table.getByRole('row')).toHaveCount(2); // the header and this device
  await signedOut(elsewhere);

  // A new session elsewhere, ended on its own.
  const third = await signedInPage(browser, email);
  await here.reload();
  await expect(table.getByRole('row')).toHaveCount(3);
  await table.getByRole('button', { name: /^End session/ }).click();
  await expect(here.getByRole('alert')).toContainText('The session has ended');
  await expect(table.getByRole('row')).toHaveCount(2);
  await signedOut(third);

  // This device is still signed in.
  await here.goto('/partnerships');
  await expect(here.getByRole('heading', { level: 1, name: 'Your partnerships' })).toBeVisible();
});
