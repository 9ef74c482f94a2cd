import { expect, type Browser, type Locator, type Page, type TestInfo } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export const PASSWORD = 'lip-demo-2026';

export async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your partnerships' })).toBeVisible();
}

/** A new browser context signed in as `email`. */
export async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

/** From "Your partnerships" to the partnership's draft plan. */
export async function openPlan(page: Page, partnership: string): Promise<void> {
  await page.getByRole('link', { name: partnership }).click();
  await expect(page.getByRole('heading', { level: 1, name: partnership })).toBeVisible();
  await page
    .getByRole('table', { name: /Plans of this partnership/ })
    .getByRole('link')
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 2, name: 'Sections' })).toBeVisible();
}

/** The plan page's list of sections (not the submission blockers' list, also a task list). */
export function sectionsList(page: Page): Locator {
  return page.locator('.govuk-task-list:has([id^="sections-"])');
}

/** Opens a section from the plan page's list of sections. */
export async function openSection(page: Page, name: RegExp): Promise<void> {
  await sectionsList(page).getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Commitments' })).toBeVisible();
}

/** From a section's summary, the change page of one group of its fields ("Change <group>"). */
export async function changeGroup(page: Page, group: string): Promise<void> {
  await page.getByRole('link', { name: `Change ${group}`, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: group })).toBeVisible();
}

/** From a section's summary, the list of its commitments. */
export async function openCommitments(page: Page): Promise<void> {
  await page.getByRole('link', { name: /^View and filter the commitments/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Commitments' })).toBeVisible();
}

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

/** Runs axe-core (WCAG 2.0/2.1/2.2 A and AA rules) on the page; returns the violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated, not added as an inline <script>: the page's Content-Security-Policy blocks inline
  // scripts without its nonce (as it should), but not Playwright's own evaluation.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    // axe-core's global, injected just above.
    const axe = (
      window as unknown as {
        axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
}

/** Text boxes that edit the plan: every one but the comment boxes ("Add a comment", "Reply to …"). */
export function editingTextboxes(page: Page): Locator {
  return page.getByRole('textbox', { name: /^(?!Add a comment$|Reply to )/ });
}

/**
 * The page at desktop and phone widths, kept with the test's results
 * (test-results/<test>/<name>-1280.png and -390.png) for people to look at. With
 * `noSidewaysScroll`, it also checks nothing overflows the viewport at either width (tables
 * scroll inside their own labelled region instead).
 */
export async function keepScreenshots(
  page: Page,
  testInfo: TestInfo,
  name: string,
  { noSidewaysScroll = false } = {},
): Promise<void> {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    if (noSidewaysScroll) {
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `horizontal overflow at ${width}px`).toBeLessThanOrEqual(0);
    }
    await page.screenshot({ path: testInfo.outputPath(`${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

/**
 * The demo Northshire plan's sections each lack one thing before it can be submitted: fixes each
 * through the link its blocker gives (the blockers on the plan page, folded by section; then the
 * readiness item on the section's summary, which opens the field's change page). `planUrl` is the
 * plan page's address, absolute or relative to the page's base URL.
 */
export async function fixDemoPlanBlockers(page: Page, planUrl: string): Promise<void> {
  const fixes: Array<{ blocker: RegExp; fix: () => Promise<void> }> = [
    {
      blocker: /Name the designated clinical or medical officer/,
      fix: () =>
        page.getByLabel('Designated clinical or medical officer (DCO/DMO)').fill('Dr Asha Patel'),
    },
    {
      blocker: /Add a link to ordinarily available provision/,
      fix: () =>
        page
          .getByLabel('Link to the post-16 ordinarily available provision guide')
          .fill('https://www.northshire.example/local-offer/oap-post-16'),
    },
    {
      blocker: /Add a target for APO-5/,
      fix: () => page.getByRole('group', { name: /APO-5/ }).getByLabel('Target').fill('85'),
    },
  ];
  for (const { blocker, fix } of fixes) {
    await page.goto(planUrl);
    const blockers = page.locator('#blockers');
    for (const summary of await blockers.locator('summary').all()) await summary.click();
    const link = blockers.getByRole('link', { name: blocker });
    if ((await link.count()) === 0) continue;
    await link.click();
    await page.locator('#readiness').getByRole('link', { name: blocker }).click();
    await fix();
    await page.getByRole('button', { name: 'Save section details' }).click();
    await expect(page.getByRole('alert').getByText('Section details saved')).toBeVisible();
  }
}
