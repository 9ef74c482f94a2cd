// From an empty database to a working partnership, as a real area would start: the service's
// first administrator exists only because `npx pnpm admin:create` made them (playwright.config.ts
// runs it before starting a second server on a fresh database without demo data). The administrator
// creates Eastmarsh with its council; the lead's link is read from the SMTP server; the lead adds the
// ICB and the parent carer forum, creates a plan, invites an ICB officer who writes the health
// section, and removes a member, who is signed out at once.
import type { Page } from '@playwright/test';
import { axeViolations, keepScreenshots } from './fixtures.ts';
import { expect, test } from './identity-fixtures.ts';
import type { TestSmtpServer } from '@lip/core/test-servers';
import { EMPTY_DATABASE_ADMIN } from './identity.ts';

test.use({ baseURL: `http://127.0.0.1:${process.env.LIP_E2E_EMPTY_PORT}` });

type Smtp = Pick<TestSmtpServer, 'nextMail'>;

const PARTNERSHIP = 'Eastmarsh SEND and AP Partnership';
const LEAD = 'lead@eastmarsh.example';
const ICB_OFFICER = 'dco@eastmarsh-icb.example';
const FORUM_MEMBER = 'chair@eastmarsh-pcf.example';

async function accessible(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
}

/** Signs in with the 6-digit code the app emails (the administrator has no password). */
async function signInWithCode(page: Page, smtp: Smtp, email: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'Email me a sign-in code' }).click();
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Email me a code' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check your email' })).toBeVisible();
  const code = /\b(\d{6})\b/.exec((await smtp.nextMail(email, /sign-in code/)).text)?.[1] ?? '';
  await page.getByLabel('Sign-in code').fill(code);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your partnerships' })).toBeVisible();
}

/** The accept link in the newest mail to this address, as a path of this site. */
async function invitationLink(smtp: Smtp, email: string): Promise<string> {
  const mail = await smtp.nextMail(email);
  expect(mail.subject).toBe(
    `You have been invited to join ${PARTNERSHIP} on Local Inclusion Plan Builder`,
  );
  const link = /https?:\/\/[^\s/]+(\/invitations\/[A-Za-z0-9_-]+)/.exec(mail.text);
  expect(link).not.toBeNull();
  return link![1]!;
}

/** Opens the link in a browser of the invitee's own, gives their name and accepts. */
async function accept(page: Page, link: string, name: string): Promise<void> {
  await page.goto(link);
  await expect(
    page.getByRole('heading', { level: 1, name: `You’ve been invited to join ${PARTNERSHIP}` }),
  ).toBeVisible();
  await page.getByLabel('Your full name').fill(name);
  await page.getByRole('button', { name: 'Accept invitation' }).click();
  await expect(page).toHaveURL(/\/partnerships\/eastmarsh$/);
}

async function addOrganisation(
  lead: Page,
  organisation: { name: string; type: string; odsCode?: string; signs: boolean },
): Promise<void> {
  await lead.goto('/partnerships/eastmarsh/organisations');
  await lead.getByRole('button', { name: 'Add an organisation' }).click();
  if (organisation.odsCode) await lead.getByLabel('ODS code (optional)').fill(organisation.odsCode);
  await lead.getByLabel('Name').fill(organisation.name);
  await lead.getByLabel('Type of organisation').selectOption({ label: organisation.type });
  await lead
    .getByRole('group', { name: 'Does it sign off the plan?' })
    .getByLabel(organisation.signs ? 'Yes' : 'No')
    .check();
  await lead.getByRole('button', { name: 'Add organisation' }).click();
  await expect(lead.getByText(`${organisation.name} was added to the partnership`)).toBeVisible();
}

async function invite(lead: Page, email: string, organisation: string, role: string) {
  await lead.goto('/partnerships/eastmarsh/invitations/new');
  await lead.getByLabel('Email addresses').fill(email);
  await lead.getByRole('radio', { name: organisation }).check();
  await lead.getByRole('checkbox', { name: role }).check();
  await lead.getByRole('button', { name: 'Send invitations' }).click();
  await expect(lead.getByText('Invitation sent')).toBeVisible();
}

test('an area starts on its own: administrator, partnership, lead, plan, members', async ({
  page: admin,
  browser,
  identity,
}, testInfo) => {
  const newBrowser = async () => (await browser.newContext()).newPage();

  // The administrator from the command line signs in and creates the partnership.
  await signInWithCode(admin, identity.smtp, EMPTY_DATABASE_ADMIN.email);
  await expect(
    admin.getByText('You are a service administrator: create a partnership and invite its lead.'),
  ).toBeVisible();
  // A real service: the footer does not call its data fictional (the demo's does).
  await expect(admin.getByRole('contentinfo')).toContainText('Local inclusion plan builder.');
  await expect(admin.getByRole('contentinfo')).not.toContainText('Demo data is fictional');
  await admin.getByRole('button', { name: 'Create a partnership' }).click();
  await expect(
    admin.getByRole('heading', { level: 1, name: 'Create a partnership' }),
  ).toBeVisible();
  await accessible(admin);
  await admin.getByLabel('Name', { exact: true }).fill(PARTNERSHIP);
  await admin.getByLabel('Web address (optional)').fill('eastmarsh');
  await admin.getByLabel('Organisation name').fill('Eastmarsh Council');
  await admin
    .getByLabel('Type of organisation')
    .selectOption({ label: 'Local authority (education and SEND)' });
  await admin
    .getByRole('group', { name: 'The partnership lead' })
    .getByLabel('Email address')
    .fill(LEAD);
  await admin.getByRole('button', { name: 'Create partnership and invite the lead' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: 'Partnership created' })).toBeVisible();
  await accessible(admin);

  // The lead accepts from the email and adds the partnership's other organisations.
  const lead = await newBrowser();
  await accept(lead, await invitationLink(identity.smtp, LEAD), 'Morgan Ellis');
  await expect(lead.getByRole('heading', { level: 1, name: PARTNERSHIP })).toBeVisible();
  await addOrganisation(lead, {
    name: 'NHS Eastmarsh Integrated Care Board',
    type: 'Integrated care board (ICB)',
    odsCode: 'QZE',
    signs: true,
  });
  await addOrganisation(lead, {
    name: 'Eastmarsh Parent Carer Forum',
    type: 'Parent carer forum',
    signs: false,
  });
  const organisations = lead.getByRole('table', { name: 'Organisations in the partnership' });
  await expect(organisations.getByRole('row')).toHaveCount(4); // a header and three organisations
  await accessible(lead);

  // The lead creates the plan: its sections come from the installed plugins.
  await lead.goto('/partnerships/eastmarsh');
  await lead.getByRole('button', { name: 'Create a plan' }).click();
  await lead.getByRole('radio').first().check();
  await lead
    .getByRole('group', { name: 'Which standards does it answer?' })
    .getByRole('radio')
    .first()
    .check();
  await lead.getByLabel('Title').fill('Eastmarsh local inclusion plan 2027 to 2030');
  for (const [group, [day, month, year]] of [
    ['When does the plan start?', ['1', '4', '2027']],
    ['When does it end?', ['31', '3', '2030']],
  ] as const) {
    const date = lead.getByRole('group', { name: group });
    await date.getByLabel('Day').fill(day);
    await date.getByLabel('Month').fill(month);
    await date.getByLabel('Year').fill(year);
  }
  await lead.getByRole('button', { name: 'Create plan' }).click();
  await expect(
    lead.getByRole('heading', { level: 1, name: 'Eastmarsh local inclusion plan 2027 to 2030' }),
  ).toBeVisible();
  await expect(lead.getByRole('heading', { level: 2, name: 'Sections' })).toBeVisible();
  const planUrl = new URL(lead.url()).pathname;
  await accessible(lead);

  // Nothing can be submitted before the partnership chooses its disclosure rule: the plan and its
  // submit page say so first, linking to the settings, where saving a threshold sets the rule.
  const ruleBlocker = /^Set the partnership’s disclosure rule/;
  await lead.getByText(/^Whole plan \(\d+ things to fix\)$/).click();
  await expect(lead.getByRole('link', { name: ruleBlocker })).toHaveAttribute(
    'href',
    '/partnerships/eastmarsh/metrics/disclosure',
  );
  await lead.goto(`${planUrl}/submit`);
  await lead.getByRole('link', { name: ruleBlocker }).click();
  await expect(lead.getByRole('heading', { level: 1, name: 'Disclosure control' })).toBeVisible();
  await expect(
    lead.getByText('No plan can be submitted or published until the partnership saves'),
  ).toBeVisible();
  await accessible(lead);
  await keepScreenshots(lead, testInfo, 'disclosure-rule');
  await lead.getByLabel('Rounding base').fill('5');
  await lead.getByRole('button', { name: 'Save settings' }).click();
  await expect(
    lead.getByRole('alert').getByRole('link', { name: /Enter the small-number threshold/ }),
  ).toBeVisible();
  await lead.getByLabel('Small number threshold').fill('10');
  await lead.getByRole('button', { name: 'Save settings' }).click();
  await expect(lead.getByText('Disclosure settings saved')).toBeVisible();
  await expect(lead.getByText('Counts below 10 are shown as c')).toBeVisible();
  await lead.goto(`${planUrl}/submit`);
  await expect(
    lead.getByRole('heading', { level: 1, name: 'Submit for partner review' }),
  ).toBeVisible();
  await expect(lead.getByRole('link', { name: ruleBlocker })).toHaveCount(0);

  // An ICB officer, invited as a section editor, writes the health section (and only that).
  await invite(lead, ICB_OFFICER, 'NHS Eastmarsh Integrated Care Board', 'Section editor');
  const officer = await newBrowser();
  await accept(officer, await invitationLink(identity.smtp, ICB_OFFICER), 'Dr Asha Rahman');
  await officer.goto(`${planUrl}/sections/health`);
  await officer.getByRole('button', { name: 'Add a commitment' }).click();
  await officer.getByLabel('Title').fill('Health advice for every EHC needs assessment in 6 weeks');
  await officer.getByRole('button', { name: 'Add commitment' }).click();
  await expect(officer.getByRole('alert').getByText(/Commitment .* saved/)).toBeVisible();
  await expect(officer.getByRole('table', { name: /Commitments in/ })).toContainText(
    'Health advice for every EHC needs assessment in 6 weeks',
  );
  await officer.goto(`${planUrl}/sections/education`);
  await expect(officer.getByRole('button', { name: 'Add a commitment' })).toHaveCount(0);

  // Published text that looks like a child's personal data is a warning the lead checks, with a
  // link to where it is, and confirms on the submit page (never a silent pass).
  await lead.goto(`${planUrl}/sections/health`);
  await lead.getByRole('button', { name: 'Add a commitment' }).click();
  await lead.getByLabel('Title').fill('Review Jamie Smith (12/03/2015) placement each term');
  await lead.getByRole('button', { name: 'Add commitment' }).click();
  await expect(lead.getByRole('alert').getByText(/Commitment .* saved/)).toBeVisible();
  await lead.goto(`${planUrl}/submit`);
  const check = lead.locator('#personal-data');
  await expect(check.getByRole('heading', { name: 'Check for personal data' })).toBeVisible();
  await expect(
    check.getByRole('link', {
      name: /‘Review Jamie Smith \(12\/03\/2015\) placement each term’ may contain a name with a date of birth/,
    }),
  ).toHaveAttribute('href', /\/sections\/health\/commitments\/[^/]+$/);
  await expect(
    check.getByLabel('I have checked the text above and it contains no child’s personal data'),
  ).not.toBeChecked();
  await accessible(lead);
  await keepScreenshots(lead, testInfo, 'personal-data-check');

  // A forum member joins, then the lead removes them: their open session ends at once.
  await invite(lead, FORUM_MEMBER, 'Eastmarsh Parent Carer Forum', 'Contributor');
  const forum = await newBrowser();
  await accept(forum, await invitationLink(identity.smtp, FORUM_MEMBER), 'Jo Bailey');
  await lead.goto('/partnerships/eastmarsh/members');
  const members = lead.getByRole('table', { name: 'Members of the partnership' });
  await expect(members.getByRole('row', { name: /Dr Asha Rahman/ })).toContainText(
    'Section editor',
  );
  await accessible(lead);
  await members
    .getByRole('row', { name: /Jo Bailey/ })
    .getByRole('link', { name: /Remove/ })
    .click();
  await lead.getByRole('button', { name: 'Remove member' }).click();
  await expect(
    lead.getByText('The member was removed from the partnership and signed out'),
  ).toBeVisible();
  await forum.goto('/partnerships/eastmarsh');
  await expect(forum).toHaveURL(/\/sign-in/);

  // The activity of the plan's partnership names who did what.
  await lead.goto(`${planUrl}/activity`);
  await expect(lead.getByRole('main')).toContainText('Dr Asha Rahman');
});
