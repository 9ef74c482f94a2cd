// The partnership lead runs the partnership: adds and changes an organisation, changes a member's
// roles, removes a member (whose open session ends at once), creates a plan and archives it.
// Other members see none of it. The journey removes officer@ (a demo member no other journey uses)
// and archives the plan it creates, and the organisation it adds ends as a non-signatory, so the
// demo stays as the other journeys expect it.
import { expect, test, type Page } from '@playwright/test';
import { axeViolations, signedInPage } from './fixtures.ts';

const LEAD = 'lead@northshire.example';
const OFFICER = 'officer@northshire.example';

async function accessible(page: Page): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
}

/** Looks at a page at desktop and phone widths (screenshots kept with the test's output). */
async function bothWidths(page: Page, name: string): Promise<void> {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    // Two frames, so the page has laid out and painted at the new width.
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    await page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`), fullPage: true });
    // The page must not scroll sideways; if it does, the message names what sticks out.
    const wider = await page.evaluate(() => {
      const limit = document.documentElement.clientWidth;
      if (document.documentElement.scrollWidth <= limit) return [];
      return [...document.querySelectorAll('main *')]
        .filter((e) => e.getBoundingClientRect().right > limit + 1)
        .map((e) => `${e.tagName.toLowerCase()}.${e.className}`)
        .slice(0, 5);
    });
    expect(wider, `${name} at ${width}px`).toEqual([]);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('the lead manages organisations, members and plans', async ({ browser }) => {
  const lead = await signedInPage(browser, LEAD);
  await lead.goto('/partnerships/northshire');
  await expect(
    lead.getByRole('heading', { level: 2, name: 'Manage the partnership' }),
  ).toBeVisible();
  await accessible(lead);

  // ------------------------------------------------------------------------ an organisation
  await lead.getByRole('link', { name: 'Organisations', exact: true }).click();
  await expect(lead.getByRole('heading', { level: 1, name: 'Organisations' })).toBeVisible();
  const organisations = lead.getByRole('table', { name: 'Organisations in the partnership' });
  await expect(
    organisations.getByRole('row', { name: /NHS Northshire Integrated Care Board/ }),
  ).toContainText('Yes');
  await accessible(lead);
  await bothWidths(lead, 'organisations');

  await lead.getByRole('button', { name: 'Add an organisation' }).click();
  await expect(lead.getByRole('heading', { level: 1, name: 'Add an organisation' })).toBeVisible();
  await accessible(lead);
  // Nothing entered: a new organisation needs a name.
  await lead.getByRole('button', { name: 'Add organisation' }).click();
  const summary = lead.getByRole('alert');
  await expect(
    summary.getByRole('link', { name: 'Enter the name of the organisation' }),
  ).toBeVisible();
  await accessible(lead);
  await lead.getByLabel('ODS code (optional)').fill('r-1');
  await lead.getByLabel('Name').fill('Northshire Community Health NHS Trust');
  await lead.getByLabel('Type of organisation').selectOption({ label: 'NHS provider trust' });
  await lead.getByRole('button', { name: 'Add organisation' }).click();
  await expect(
    lead.getByRole('alert').getByRole('link', {
      name: 'Enter an ODS code of 3 to 10 letters and numbers, like QKS',
    }),
  ).toBeVisible();
  await expect(lead.getByLabel('Name')).toHaveValue('Northshire Community Health NHS Trust');
  await lead.getByLabel('ODS code (optional)').fill('rxq7');
  await lead.getByRole('button', { name: 'Add organisation' }).click();
  await expect(
    lead.getByText('Northshire Community Health NHS Trust was added to the partnership'),
  ).toBeVisible();
  const trust = organisations.getByRole('row', { name: /Northshire Community Health NHS Trust/ });
  await expect(trust).toContainText('NHS provider trust');
  await expect(trust).toContainText('RXQ7');
  await expect(trust).toContainText('No');

  await trust.getByRole('link', { name: /Change/ }).click();
  await expect(
    lead.getByRole('heading', { level: 1, name: 'Change Northshire Community Health NHS Trust' }),
  ).toBeVisible();
  await accessible(lead);
  await lead.getByRole('group', { name: 'Does it sign off the plan?' }).getByLabel('Yes').check();
  await lead.getByRole('button', { name: 'Save changes' }).click();
  await expect(lead.getByText('Northshire Community Health NHS Trust was changed')).toBeVisible();
  await expect(trust).toContainText('Yes');
  // And back: a new signatory would have to sign off before the workflow journey can publish.
  await trust.getByRole('link', { name: /Change/ }).click();
  await lead.getByRole('group', { name: 'Does it sign off the plan?' }).getByLabel('No').check();
  await lead.getByRole('button', { name: 'Save changes' }).click();
  await expect(lead.getByText('Northshire Community Health NHS Trust was changed')).toBeVisible();
  await expect(trust).not.toContainText('Yes');

  // ------------------------------------------------------------------------------- members
  const officer = await signedInPage(browser, OFFICER);
  await lead.goto('/partnerships/northshire');
  await lead.getByRole('link', { name: 'Members', exact: true }).click();
  await expect(lead.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible();
  await expect(lead.getByRole('button', { name: 'Invite a member' })).toHaveAttribute(
    'href',
    '/partnerships/northshire/invitations/new',
  );
  await expect(lead.getByRole('link', { name: 'Pending invitations' })).toHaveAttribute(
    'href',
    '/partnerships/northshire/invitations',
  );
  const members = lead.getByRole('table', { name: 'Members of the partnership' });
  const jordan = members.getByRole('row', { name: /Jordan Hughes/ });
  await expect(jordan).toContainText(OFFICER);
  await expect(jordan).toContainText('Contributor');
  // Signed in a moment ago: today's date, as "3 December 2026".
  await expect(jordan).toContainText(
    new Date().toLocaleDateString('en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'Europe/London',
    }),
  );
  await accessible(lead);
  await bothWidths(lead, 'members');

  // A parent carer forum member cannot edit a section.
  await members
    .getByRole('row', { name: /Hannah Lewis/ })
    .getByRole('link', { name: /Change roles/ })
    .click();
  await lead.getByLabel('Section editor').check();
  await lead.getByRole('button', { name: 'Save roles' }).click();
  await expect(
    lead.getByRole('alert').getByRole('link', {
      name: 'A member from a parent carer forum, young people’s forum or SENDIASS cannot be a section editor',
    }),
  ).toBeVisible();
  await accessible(lead);

  await lead.goto('/partnerships/northshire/members');
  await jordan.getByRole('link', { name: /Change roles/ }).click();
  await expect(
    lead.getByRole('heading', { level: 1, name: 'Change Jordan Hughes’s roles' }),
  ).toBeVisible();
  await accessible(lead);
  await lead.getByLabel('Viewer').check();
  await lead.getByRole('button', { name: 'Save roles' }).click();
  await expect(lead.getByText('Jordan Hughes’s roles were changed')).toBeVisible();
  await expect(jordan).toContainText('Contributor, Viewer');

  await jordan.getByRole('link', { name: /Remove/ }).click();
  await expect(
    lead.getByRole('heading', {
      level: 1,
      name: 'Are you sure you want to remove Jordan Hughes?',
    }),
  ).toBeVisible();
  await expect(lead.locator('.govuk-warning-text')).toContainText(
    'They will be signed out at once, on every device.',
  );
  await accessible(lead);
  await bothWidths(lead, 'remove-member');
  await lead.getByRole('button', { name: 'Remove member' }).click();
  await expect(
    lead.getByText('The member was removed from the partnership and signed out'),
  ).toBeVisible();
  await expect(members.getByRole('row', { name: /Jordan Hughes/ })).toHaveCount(0);

  // Their open session has ended: the next page asks them to sign in.
  await officer.goto('/partnerships');
  await expect(officer).toHaveURL(/\/sign-in/);

  // ---------------------------------------------------------------------------------- plans
  await lead.goto('/partnerships/northshire');
  await lead.getByRole('button', { name: 'Create a plan' }).click();
  await expect(lead.getByRole('heading', { level: 1, name: 'Create a plan' })).toBeVisible();
  await accessible(lead);
  await bothWidths(lead, 'create-plan');
  await lead.getByLabel('Local SEND reform plan').check();
  await lead.getByLabel(/Green Paper scope \(2022\)/).check();
  await lead.getByLabel('Title').fill('Northshire SEND reform plan 2023 to 2026');
  const start = lead.getByRole('group', { name: 'When does the plan start?' });
  await start.getByLabel('Day').fill('1');
  await start.getByLabel('Month').fill('9');
  await start.getByLabel('Year').fill('2023');
  const end = lead.getByRole('group', { name: 'When does it end?' });
  await end.getByLabel('Day').fill('31');
  await end.getByLabel('Month').fill('8');
  await end.getByLabel('Year').fill('2022');
  await lead.getByRole('button', { name: 'Create plan' }).click();
  await expect(
    lead.getByRole('alert').getByRole('link', { name: 'End date must be after the start date' }),
  ).toBeVisible();
  await accessible(lead);
  await end.getByLabel('Year').fill('2026');
  await lead.getByRole('button', { name: 'Create plan' }).click();
  await expect(
    lead.getByRole('heading', { level: 1, name: 'Northshire SEND reform plan 2023 to 2026' }),
  ).toBeVisible();
  await expect(lead.getByText('The plan was created as a draft')).toBeVisible();
  await expect(lead.getByRole('heading', { level: 2, name: 'Sections' })).toBeVisible();
  await accessible(lead);

  await lead.getByRole('link', { name: 'Archive plan' }).click();
  await expect(
    lead.getByRole('heading', { level: 1, name: 'Are you sure you want to archive this plan?' }),
  ).toBeVisible();
  await accessible(lead);
  await lead.getByRole('button', { name: 'Archive plan' }).click();
  await expect(lead.getByText('The plan was archived')).toBeVisible();
  await expect(
    lead
      .getByRole('table', { name: /Plans of this partnership/ })
      .getByRole('link', { name: 'Northshire SEND reform plan 2023 to 2026' }),
  ).toHaveCount(0);
  await lead.getByText(/^Archived plans/).click();
  await expect(
    lead.getByRole('link', { name: 'Northshire SEND reform plan 2023 to 2026' }),
  ).toBeVisible();
  await accessible(lead);
  // Archived: read, never changed, even by its lead.
  await lead.getByRole('link', { name: 'Northshire SEND reform plan 2023 to 2026' }).click();
  await expect(lead.getByText(/for reading only: nobody can change it/)).toBeVisible();
  await lead.goto(`${new URL(lead.url()).pathname}/sections/health`);
  await expect(lead.getByRole('heading', { level: 2, name: 'Commitments' })).toBeVisible();
  await expect(lead.getByRole('button', { name: 'Add a commitment' })).toHaveCount(0);
});

test('other members see no management links, and the pages refuse them', async ({ browser }) => {
  const viewer = await signedInPage(browser, 'viewer@northshire.example');
  await viewer.goto('/partnerships/northshire');
  await expect(viewer.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(viewer.getByRole('heading', { name: 'Manage the partnership' })).toHaveCount(0);
  await expect(viewer.getByRole('button', { name: 'Create a plan' })).toHaveCount(0);
  for (const path of ['organisations', 'organisations/new', 'members', 'plans/new']) {
    const response = await viewer.goto(`/partnerships/northshire/${path}`);
    expect(response?.status(), path).toBe(403);
  }
  await accessible(viewer);
  // Another partnership's lead: the partnership does not exist for them.
  const southvale = await signedInPage(browser, 'lead@southvale.example');
  const response = await southvale.goto('/partnerships/northshire/members');
  expect(response?.status()).toBe(404);
});
