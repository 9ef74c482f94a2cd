// Sign-in with organisation accounts, through real OpenID providers running on this machine: a
// council officer (an Entra-like tenant, no email_verified claim) and an ICB officer through
// NHSmail, whose groups set their roles in the partnership.
import type { Browser, Page } from '@playwright/test';
import { axeViolations } from './fixtures.ts';
import { COUNCIL_IDP, NHS_GROUPS, NHS_IDP } from './identity.ts';
import { expect, test } from './identity-fixtures.ts';

const MEMBERSHIP =
  /You are a member for NHS Northshire Integrated Care Board\. Your roles?: (.*)\./;

/** At the provider's own sign-in page: type the work email and continue. */
async function signInAtProvider(page: Page, title: string, email: string) {
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await page.getByLabel('Work email address').fill(email);
  await page.getByRole('button', { name: 'Continue' }).click();
}

async function nhsSignIn(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/partnerships/northshire');
  await page.getByRole('button', { name: `Sign in with ${NHS_IDP.displayName}` }).click();
  await signInAtProvider(page, NHS_IDP.displayName, 'icb@northshire.example');
  await expect(page).toHaveURL(/\/partnerships\/northshire$/);
  return page;
}

test('a council officer signs in with the council account and lands where they were going', async ({
  page,
  context,
  identity,
}) => {
  expect(identity.council.issuer).toMatch(/^http:\/\/127\.0\.0\.1:/);
  await page.goto('/partnerships/northshire');
  await expect(page).toHaveURL(/\/sign-in\?redirectTo=/);
  expect(await axeViolations(page)).toEqual([]);

  await page.getByRole('button', { name: `Sign in with ${COUNCIL_IDP.displayName}` }).click();
  await signInAtProvider(page, COUNCIL_IDP.displayName, 'viewer@northshire.example');

  await expect(page).toHaveURL(/\/partnerships\/northshire$/);
  await expect(page.getByRole('heading', { level: 1, name: /Northshire/ })).toBeVisible();
  const cookies = await context.cookies();
  expect(cookies.find((c) => c.name === 'lip_session')?.httpOnly).toBe(true);
  // The transient cookie of the attempt is gone once used.
  expect(cookies.find((c) => c.name === 'lip_oidc')).toBeUndefined();
});

test('an ICB officer signs in with NHSmail, and their NHSmail groups set their roles', async ({
  browser,
  identity,
}) => {
  const icb = (groups: string[]) =>
    identity.nhs.setUser({
      email: 'icb@northshire.example',
      name: 'Priya Shah',
      emailVerified: true,
      groups,
    });
  try {
    // In the signatories' group only: a signatory, no longer a section editor.
    icb([NHS_GROUPS.signatories]);
    const signatory = await nhsSignIn(browser);
    await expect(signatory.getByText(MEMBERSHIP)).toContainText('Your role: Signatory.');
    await signatory.context().close();
  } finally {
    // Back in both groups (as the demo data has them), whatever happened above.
    icb([NHS_GROUPS.healthEditors, NHS_GROUPS.signatories]);
    const editor = await nhsSignIn(browser);
    await expect(editor.getByText(MEMBERSHIP)).toContainText(
      'Your roles: Section editor, Signatory.',
    );
    await editor.context().close();
  }
});

test('a verified NHSmail address with no membership is told to ask for an invitation', async ({
  page,
}) => {
  await page.goto('/sign-in');
  await page.getByRole('button', { name: `Sign in with ${NHS_IDP.displayName}` }).click();
  await signInAtProvider(page, NHS_IDP.displayName, 'nobody@northshire.example');
  await expect(
    page.getByRole('heading', { level: 1, name: 'You could not be signed in' }),
  ).toBeVisible();
  await expect(page.getByTestId('sign-in-problem')).toHaveText(
    'Your organisation account is not linked to a partnership in this service: ask your partnership lead to invite you',
  );
  await page.getByRole('link', { name: 'Go back to the sign-in page' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
});

test('cancelling at the provider says so, and signs nobody in', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByRole('button', { name: `Sign in with ${COUNCIL_IDP.displayName}` }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: COUNCIL_IDP.displayName }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('sign-in-problem')).toContainText(
    `You did not allow ${COUNCIL_IDP.displayName} to sign you in`,
  );
  await page.goto('/partnerships');
  await expect(page).toHaveURL(/\/sign-in/);
});
