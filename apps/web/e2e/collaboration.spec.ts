import { expect, test } from '@playwright/test';
import { installedPlugins as plugins } from '../server/installed-plugins.ts';
import { axeViolations, openPlan, openSection, signIn, signedInPage } from './fixtures.ts';

test.skip(
  !plugins.includes('@lip/plugin-health'),
  'This journey comments on the health section, whose plugin is not in lip.config.ts.',
);

// Exactly the section's link: the plan page's task lists also name sections in longer links.
const HEALTH = /^Health$/;
const COMMENT =
  'Families need to know who the designated clinical officer is and how to reach them.';

test('forum comments, ICB replies and resolves; lead records a workshop and a "you said, we did"; the activity page lists them', async ({
  page,
  browser,
}) => {
  // Three people and eight pages (each with an axe check): longer than the default minute.
  test.setTimeout(600_000);
  // The parent carer forum comments on the health section (an empty comment is refused first).
  await signIn(page, 'forum@northshire.example');
  await openPlan(page, 'Northshire');
  await openSection(page, HEALTH);
  await page.getByRole('button', { name: 'Post comment' }).click();
  const summary = page.locator('.govuk-error-summary');
  await expect(summary).toContainText('Enter a comment');
  await expect(summary.getByRole('link', { name: 'Enter a comment' })).toHaveAttribute(
    'href',
    '#comment-body',
  );
  await expect(page.locator('#comment-body-error')).toContainText('Enter a comment');
  expect(await axeViolations(page)).toEqual([]);
  await page.getByLabel('Add a comment').fill(COMMENT);
  await page.getByRole('button', { name: 'Post comment' }).click();
  await expect(page.getByRole('alert').getByText('Comment posted')).toBeVisible();
  const thread = page.locator('.lip-comment-thread', { hasText: COMMENT });
  await expect(thread).toContainText('Hannah Lewis');
  await expect(thread).toContainText('Northshire Parent Carer Forum');

  // The ICB (which writes the health section) replies and resolves the thread.
  const icb = await signedInPage(browser, 'icb@northshire.example');
  await openPlan(icb, 'Northshire');
  await openSection(icb, HEALTH);
  const icbThread = icb.locator('.lip-comment-thread', { hasText: COMMENT });
  await icbThread
    .getByLabel(/Reply to Hannah Lewis/)
    .fill('The DCO is named in the section details; we will add contact details.');
  await icbThread.getByRole('button', { name: 'Post reply' }).click();
  await expect(icb.getByRole('alert').getByText('Reply posted')).toBeVisible();
  const replied = icb.locator('.lip-comment-thread', { hasText: COMMENT });
  await expect(replied.getByRole('list', { name: 'Replies' })).toContainText(
    'we will add contact details',
  );
  await replied.getByRole('button', { name: /Resolve thread/ }).click();
  await expect(icb.getByRole('alert').getByText('Thread resolved')).toBeVisible();
  await expect(icb.locator('.lip-comment-thread', { hasText: COMMENT })).toContainText(
    /Resolved by Priya Shah/,
  );
  expect(await axeViolations(icb)).toEqual([]);
  await icb.context().close();

  // The lead records a workshop (the date left out first) and a "you said, we did" linked to HE-03.
  const lead = await signedInPage(browser, 'lead@northshire.example');
  await openPlan(lead, 'Northshire');
  await lead
    .getByRole('navigation', { name: 'Plan pages' })
    .getByRole('link', { name: 'Co-production' })
    .click();
  await expect(lead.getByRole('heading', { level: 1, name: 'Co-production' })).toBeVisible();
  await expect(lead.getByRole('table', { name: /Activities, by date held/ })).toContainText(
    'Cabinet paper: endorse the local inclusion plan',
  );
  expect(await axeViolations(lead)).toEqual([]);
  await lead
    .getByRole('group', { name: 'What kind of activity was it?' })
    .getByLabel('Workshop')
    .check();
  await lead.getByLabel('Title').fill('Staff workshop on waiting well');
  await lead.getByLabel('Who took part').fill('Health visitors\nSchool nurses');
  await lead.getByLabel('Number of people reached (optional)').fill('lots');
  await lead
    .getByLabel('What was heard')
    .fill('Families on the neurodevelopmental pathway need help while they wait.');
  await lead.getByRole('button', { name: 'Add activity' }).click();
  const errors = lead.locator('.govuk-error-summary');
  await expect(errors).toContainText('Enter the date the activity was held');
  await expect(errors).toContainText(
    'Enter the number of people reached as a whole number, 0 or more',
  );
  expect(await axeViolations(lead)).toEqual([]);
  const held = lead.getByRole('group', { name: 'Date held' });
  await held.getByLabel('Day').fill('14');
  await held.getByLabel('Month').fill('10');
  await held.getByLabel('Year').fill('2026');
  await lead.getByLabel('Number of people reached (optional)').fill('27');
  await lead.getByRole('button', { name: 'Add activity' }).click();
  await expect(lead.getByRole('alert').getByText('Activity added')).toBeVisible();
  await expect(
    lead.getByRole('heading', { level: 1, name: 'Staff workshop on waiting well' }),
  ).toBeVisible();

  await lead
    .getByRole('textbox', { name: 'You said' })
    .fill('There is no help while you wait for an assessment.');
  await lead
    .getByRole('textbox', { name: 'We did' })
    .fill('A named contact and parent workshops for every family on the pathway.');
  await lead
    .getByRole('group', { name: /Which commitments answer it/ })
    .getByLabel(/^HE-03:/)
    .check();
  await lead.getByRole('button', { name: 'Add response' }).click();
  await expect(lead.getByRole('alert').getByText('“You said, we did” added')).toBeVisible();
  const response = lead.locator('.govuk-summary-card', {
    hasText: 'There is no help while you wait',
  });
  await expect(response.getByRole('link', { name: /^HE-03:/ })).toBeVisible();
  expect(await axeViolations(lead)).toEqual([]);

  // The lead changes the activity's chair.
  await lead.getByText('Change the details of this activity').click();
  await lead
    .locator('#change-activity')
    .getByLabel('Chaired by (optional)')
    .fill('Head of inclusion');
  await lead.getByRole('button', { name: 'Save activity' }).click();
  await expect(lead.getByRole('alert').getByText('Activity changed')).toBeVisible();
  await expect(lead.locator('.govuk-summary-list').first()).toContainText('Head of inclusion');

  // The activity page lists all of it, newest first.
  await lead
    .getByRole('navigation', { name: 'Plan pages' })
    .getByRole('link', { name: 'Activity' })
    .click();
  await expect(lead.getByRole('heading', { level: 1, name: 'Activity' })).toBeVisible();
  const feed = lead.locator('#activity-feed');
  await expect(feed.locator('li').first()).toContainText('Alex Morgan');
  await expect(feed.locator('li').first()).toContainText(
    'updated co-production activity “Staff workshop on waiting well”',
  );
  await expect(feed.locator('li').nth(1)).toContainText('added a “you said, we did” response');
  await expect(feed).toContainText('added co-production activity “Staff workshop on waiting well”');
  await expect(feed).toContainText(
    /Priya Shah \(NHS Northshire Integrated Care Board\) resolved a comment on the .*section/i,
  );
  await expect(feed).toContainText(
    /Priya Shah \(NHS Northshire Integrated Care Board\) replied to a comment/,
  );
  await expect(feed).toContainText(
    /Hannah Lewis \(Northshire Parent Carer Forum\) added a comment/,
  );
  expect(await axeViolations(lead)).toEqual([]);
  await feed
    .getByRole('link', { name: /added co-production activity “Staff workshop on waiting well”/ })
    .click();
  await expect(
    lead.getByRole('heading', { level: 1, name: 'Staff workshop on waiting well' }),
  ).toBeVisible();
  const activityUrl = new URL(lead.url()).pathname;
  await lead.context().close();

  // The forum reads the co-production log but is not offered its edits: they are the lead's and
  // the editors'. The forum comments on the sections instead; a crafted change is refused.
  await page.goto(activityUrl.replace(/\/coproduction\/.*$/, '/coproduction'));
  await expect(page.getByRole('heading', { level: 1, name: 'Co-production' })).toBeVisible();
  await expect(page.getByText('You can comment on the plan’s sections.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Add an activity' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add activity' })).toHaveCount(0);
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('link', { name: 'Staff workshop on waiting well' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Staff workshop on waiting well' }),
  ).toBeVisible();
  await expect(page.getByText('There is no help while you wait for an assessment.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Add a “you said, we did”' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Change this activity' })).toHaveCount(0);
  await expect(page.getByText('Change the details of this activity')).toHaveCount(0);
  expect(await axeViolations(page)).toEqual([]);
  const crafted = await page.request.post(activityUrl, {
    form: { intent: 'response', youSaid: 'Forum words', weDid: 'Forum deeds' },
  });
  expect(crafted.status()).toBe(403);
});
