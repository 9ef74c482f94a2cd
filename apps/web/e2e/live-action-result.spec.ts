/**
 * Live refreshes never wipe what a person has just been told: an error from the form they submitted
 * stays on the page while it refreshes itself with what others save.
 */
import { expect, test } from '@playwright/test';
import { openCommitments, openPlan, openSection, signedInPage } from './fixtures.ts';

test("an error message stays while the page refreshes itself with someone else's comment", async ({
  browser,
}) => {
  const alex = await signedInPage(browser, 'lead@northshire.example');
  await openPlan(alex, 'Northshire');
  await openSection(alex, /health/i);
  await openCommitments(alex);
  await alex
    .getByRole('table', { name: /Commitments in/ })
    .getByRole('link')
    .nth(1)
    .click();
  const commitmentUrl = alex.url();

  // Alex posts an empty comment and is told why it was refused.
  await alex.getByRole('button', { name: 'Post comment' }).click();
  const error = alex.getByRole('alert').getByText('Enter a comment');
  await expect(error).toBeVisible();

  // A reader with the page open; both pages are live once each sees the other there.
  const reader = await signedInPage(browser, 'viewer@northshire.example');
  await reader.goto(commitmentUrl);
  await expect(reader.locator('#live-presence')).toContainText('Alex Morgan');
  await alex.reload();
  await alex.getByRole('button', { name: 'Post comment' }).click();
  await expect(error).toBeVisible();
  await expect(alex.locator('#live-presence')).toContainText('Also here:');

  const priya = await signedInPage(browser, 'icb@northshire.example');
  await priya.goto(commitmentUrl);
  const comment = 'Posted by Priya while Alex reads an error';
  await priya.getByLabel('Add a comment').fill(comment);
  await priya.getByRole('button', { name: 'Post comment' }).click();

  // Both open pages refresh themselves; Alex's still says why the empty comment was refused.
  await expect(reader.getByText(comment)).toBeVisible();
  await expect(alex.getByText(comment)).toBeVisible();
  await expect(error).toBeVisible();
  await expect(alex.getByLabel('Add a comment')).toHaveValue('');

  for (const page of [alex, reader, priya]) await page.context().close();
});
