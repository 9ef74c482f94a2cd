// A partnership lead invites someone by email: the app really sends the mail over SMTP to a server
// running here, the journey reads the link from it, and the invitee accepts and lands signed in.
// A revoked link, and a used one, say so and what to do next.
import type { Page } from '@playwright/test';
import { axeViolations, signIn } from './fixtures.ts';
import { expect, test } from './identity-fixtures.ts';

const LEAD = 'lead@northshire.example';
const PARTNERSHIP = 'Northshire SEND and AP Partnership';
const run = Date.now().toString(36);

/** With LIP_SCREENSHOTS=dir, the page at desktop and phone widths, to look at. */
async function screenshots(page: Page, name: string): Promise<void> {
  const dir = process.env.LIP_SCREENSHOTS;
  if (!dir) return;
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${dir}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

async function invite(page: Page, email: string): Promise<void> {
  await page.goto('/partnerships/northshire/invitations/new');
  await page.getByLabel('Email addresses').fill(email);
  await page.getByRole('radio', { name: 'NHS Northshire Integrated Care Board' }).check();
  await page.getByRole('checkbox', { name: 'Section editor' }).check();
  await page.getByRole('button', { name: 'Send invitations' }).click();
  await expect(page).toHaveURL(/\/partnerships\/northshire\/invitations\?invited=1$/);
}

/** The link in the newest invitation mail to this address, as a path of this site. */
async function linkFromMail(
  smtp: { nextMail(to: string): Promise<{ text: string; subject: string }> },
  email: string,
): Promise<string> {
  const mail = await smtp.nextMail(email);
  expect(mail.subject).toBe(
    `You have been invited to join ${PARTNERSHIP} on Local Inclusion Plan Builder`,
  );
  const link = /https?:\/\/[^\s/]+(\/invitations\/[A-Za-z0-9_-]+)/.exec(mail.text);
  expect(link).not.toBeNull();
  return link![1]!;
}

test('a lead invites someone, who accepts from the email and lands signed in', async ({
  page,
  browser,
  identity,
}) => {
  const email = `officer.${run}@example.org`;
  await signIn(page, LEAD);
  await page.goto('/partnerships/northshire/invitations');
  await expect(page.getByRole('heading', { level: 1, name: 'Invitations' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Invite people' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Invite people' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await screenshots(page, 'invite-form');

  // Nothing filled in: an error summary linking to each field.
  await page.getByRole('button', { name: 'Send invitations' }).click();
  const summary = page.getByRole('alert');
  await expect(
    summary.getByRole('link', { name: 'Enter at least one email address' }),
  ).toHaveAttribute('href', '#emails');
  await expect(summary.getByRole('link', { name: 'Select at least one role' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  // A parent carer forum member cannot be a section editor: the API's refusal, beside the roles.
  await page.getByLabel('Email addresses').fill(`forum.${run}@example.org`);
  await page.getByRole('radio', { name: 'Northshire Parent Carer Forum' }).check();
  await page.getByRole('checkbox', { name: 'Section editor' }).check();
  await page.getByRole('button', { name: 'Send invitations' }).click();
  await expect(
    page.getByRole('alert').getByRole('link', { name: /cannot be a section editor/ }),
  ).toHaveAttribute('href', '#roles');

  await page.getByLabel('Email addresses').fill(email);
  await page.getByRole('radio', { name: 'NHS Northshire Integrated Care Board' }).check();
  await page.getByLabel('Job title (optional)').fill('Designated clinical officer');
  await page.getByRole('button', { name: 'Send invitations' }).click();
  await expect(page).toHaveURL(/\/partnerships\/northshire\/invitations\?invited=1$/);
  await expect(page.getByText('Invitation sent')).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(email.replace(/\./g, '\\.')) });
  await expect(row).toContainText('NHS Northshire Integrated Care Board');
  await expect(row).toContainText('Section editor');
  expect(await axeViolations(page)).toEqual([]);

  const link = await linkFromMail(identity.smtp, email);
  await page.reload();
  await expect(row.getByText('Sent', { exact: true })).toBeVisible();
  await screenshots(page, 'invitations');

  // The invitee, in a browser of their own, not signed in.
  const invitee = await (await browser.newContext()).newPage();
  await invitee.goto(link);
  await expect(
    invitee.getByRole('heading', { level: 1, name: `You’ve been invited to join ${PARTNERSHIP}` }),
  ).toBeVisible();
  await expect(invitee.getByText('Alex Morgan has invited you')).toBeVisible();
  expect(await axeViolations(invitee)).toEqual([]);
  await screenshots(invitee, 'accept');

  await invitee.getByRole('button', { name: 'Accept invitation' }).click();
  await expect(
    invitee.getByRole('alert').getByRole('link', { name: 'Enter your full name' }),
  ).toHaveAttribute('href', '#name');
  expect(await axeViolations(invitee)).toEqual([]);

  await invitee.getByLabel('Your full name').fill('Morgan Officer');
  await invitee.getByRole('button', { name: 'Accept invitation' }).click();
  await expect(invitee).toHaveURL(/\/partnerships\/northshire$/);
  await expect(
    invitee.getByText(
      'You are a member for NHS Northshire Integrated Care Board. Your role: Section editor.',
    ),
  ).toBeVisible();

  // The link works once.
  await invitee.goto(link);
  await expect(
    invitee.getByRole('heading', { level: 1, name: 'This invitation has already been used' }),
  ).toBeVisible();
  expect(await axeViolations(invitee)).toEqual([]);

  // The lead sees it accepted.
  await page.reload();
  await expect(
    page
      .getByRole('table', { name: /accepted, revoked or have expired/ })
      .getByRole('row', { name: new RegExp(email.replace(/\./g, '\\.')) }),
  ).toContainText('Accepted');
});

test('a revoked invitation’s link says it was cancelled', async ({ page, browser, identity }) => {
  const email = `revoked.${run}@example.org`;
  await signIn(page, LEAD);
  await invite(page, email);
  const link = await linkFromMail(identity.smtp, email);

  await page
    .getByRole('row', { name: new RegExp(email.replace(/\./g, '\\.')) })
    .getByRole('link', { name: /Revoke/ })
    .click();
  await expect(
    page.getByRole('heading', {
      level: 1,
      name: `Are you sure you want to revoke the invitation to ${email}?`,
    }),
  ).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await screenshots(page, 'revoke');
  await page.getByRole('button', { name: 'Revoke invitation' }).click();
  await expect(page.getByText(`Invitation to ${email} revoked`)).toBeVisible();

  const invitee = await (await browser.newContext()).newPage();
  const response = await invitee.goto(link);
  expect(response?.status()).toBe(410);
  await expect(
    invitee.getByRole('heading', { level: 1, name: 'This invitation was cancelled' }),
  ).toBeVisible();
  await expect(invitee.getByText(/ask your partnership lead to send you a new one/)).toBeVisible();
  expect(await axeViolations(invitee)).toEqual([]);
  await screenshots(invitee, 'revoked');

  const unknown = await invitee.goto(`/invitations/${'x'.repeat(43)}`);
  expect(unknown?.status()).toBe(404);
  await expect(
    invitee.getByRole('heading', { level: 1, name: 'This invitation link is not right' }),
  ).toBeVisible();
});

test('only service administrators reach "Create a partnership"', async ({ page }) => {
  await signIn(page, LEAD);
  await expect(page.getByRole('button', { name: 'Create a partnership' })).toHaveCount(0);
  const response = await page.goto('/admin/partnerships/new');
  expect(response?.status()).toBe(403);
  await expect(
    page.getByRole('heading', { level: 1, name: 'You do not have access to this page' }),
  ).toBeVisible();
});
