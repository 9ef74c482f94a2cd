// The settings directory end to end: the lead imports a GIAS-shaped file (a bad one is reported row
// by row, nothing saved), adds an AP setting by hand, chooses the plan's tailored list; the plan is
// submitted, signed off and published; a member of the public reads the published list, filters it
// without JavaScript and downloads it as CSV.
//
// Publishing is for good, and workflow.spec.ts begins with Northshire's plan unpublished, so this
// journey runs on its own server and database (started here, with the demo data), not the suite's.
import { expect, test, type Browser, type Page, type TestInfo } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { installedPlugins as plugins } from '../server/installed-plugins.ts';
import { PASSWORD, axeViolations, fixDemoPlanBlockers, keepScreenshots } from './fixtures.ts';

test.describe.configure({ mode: 'serial' });

const ALL_SECTIONS = [
  '@lip/plugin-education',
  '@lip/plugin-health',
  '@lip/plugin-care',
  '@lip/plugin-alternative-provision',
];
test.skip(
  !ALL_SECTIONS.every((p) => plugins.includes(p)),
  'The journey publishes the demo plan, fixing it in all four sections, whose plugins are not all in lip.config.ts.',
);

const here = path.dirname(fileURLToPath(import.meta.url));
const GIAS = path.join(here, '../../../packages/core/test/fixtures/gias');
const GOOD_FILE = path.join(GIAS, 'northshire-establishments.csv');
const BAD_FILE = path.join(GIAS, 'northshire-establishments-bad.csv');
const PLAN_TITLE = 'Northshire Local Inclusion Plan 2026 to 2029';

let server: ChildProcess | null = null;
let dataDir = '';
let origin = '';
let planUrl = '';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const port = await freePort();
  dataDir = mkdtempSync(path.join(tmpdir(), 'lip-e2e-settings-'));
  origin = `http://127.0.0.1:${port}`;
  mkdirSync(path.join(here, '../test-results'), { recursive: true });
  const log = openSync(path.join(here, '../test-results/settings-server.log'), 'w');
  server = spawn('node', ['--import', 'tsx', 'server.ts', '--demo'], {
    cwd: path.join(here, '..'),
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      LIP_DATA_DIR: dataDir,
      SIGN_IN_ADDRESS_LIMIT: '1000',
    },
    // Its log, for when a step fails: test-results/settings-server.log.
    stdio: ['ignore', log, log],
  });
  const started = Date.now();
  for (;;) {
    const up = await fetch(`${origin}/sign-in`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (server.exitCode !== null) throw new Error(`The server stopped (${server.exitCode})`);
    if (Date.now() - started > 200_000) throw new Error('The server did not start');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    const stopped = new Promise((resolve) => server?.once('exit', resolve));
    server.kill('SIGTERM');
    await stopped;
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function signInAt(page: Page, email: string): Promise<void> {
  await page.goto(`${origin}/sign-in`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your partnerships' })).toBeVisible();
}

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAt(page, email);
  return page;
}

async function checkPage(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
  await keepScreenshots(page, testInfo, name);
}

function today(): { day: string; month: string; year: string } {
  const now = new Date();
  return {
    day: String(now.getUTCDate()),
    month: String(now.getUTCMonth() + 1),
    year: String(now.getUTCFullYear()),
  };
}

async function fillDate(page: Page, group: string): Promise<void> {
  const date = page.getByRole('group', { name: group });
  const { day, month, year } = today();
  await date.getByLabel('Day').fill(day);
  await date.getByLabel('Month').fill(month);
  await date.getByLabel('Year').fill(year);
}

test('the lead imports the GIAS file, adds AP by hand and chooses the tailored list', async ({
  page,
}, testInfo) => {
  await signInAt(page, 'lead@northshire.example');
  await page.getByRole('link', { name: 'Northshire' }).click();
  await page.getByRole('link', { name: 'Settings directory and tailored lists' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  // The demo directory has five settings, four of them on the demo plan's tailored list.
  await expect(page.getByRole('heading', { level: 2, name: '5 settings' })).toBeVisible();
  await checkPage(page, testInfo, 'settings-demo');

  // A bad file: every problem by row and column, and nothing saved.
  await page.getByRole('button', { name: 'Import the GIAS file' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Import the GIAS establishment file' }),
  ).toBeVisible();
  await page.getByLabel('Upload the GIAS file (CSV)').setInputFiles(BAD_FILE);
  await page.getByRole('button', { name: 'Import file' }).click();
  await expect(page.getByRole('alert')).toContainText('3 problems in');
  await expect(page).toHaveTitle(/^Error: /);
  const problems = page.getByRole('table', { name: /fix these rows/ });
  await expect(problems.getByRole('row')).toHaveCount(4);
  await expect(problems).toContainText('ResourcedProvisionCapacity');
  await expect(problems).toContainText('URN 990001 is also on row 2');
  await expect(problems).toContainText('outside Northshire');
  await checkPage(page, testInfo, 'settings-import-problems');
  await page.goto(`${origin}/partnerships/northshire/settings`);
  await expect(page.getByRole('heading', { level: 2, name: '5 settings' })).toBeVisible();

  // The good file.
  await page.goto(`${origin}/partnerships/northshire/settings/import`);
  await page.getByLabel('Upload the GIAS file (CSV)').setInputFiles(GOOD_FILE);
  await page.getByRole('button', { name: 'Import file' }).click();
  await expect(page.getByText('northshire-establishments.csv imported')).toBeVisible();
  await expect(
    page.locator('.govuk-summary-list__row', { hasText: 'Settings added' }),
  ).toContainText('7');
  await expect(page.locator('.govuk-summary-list__row', { hasText: 'Newly closed' })).toContainText(
    '1',
  );
  await checkPage(page, testInfo, 'settings-imported');

  // The directory: the closed school is left out unless asked for; filters work as a GET form.
  await page.getByRole('link', { name: 'Go to the settings directory' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '11 settings' })).toBeVisible();
  await page.getByLabel('Kind of setting').selectOption({ label: 'Special schools' });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/category=SPECIAL/);
  await expect(page.getByRole('heading', { level: 2, name: '2 settings' })).toBeVisible();
  await expect(page.getByRole('table')).toContainText('Riverside Special School');
  await expect(page.getByRole('table')).toContainText('Oakwood Academy');
  await checkPage(page, testInfo, 'settings-directory');

  // An AP setting by hand: a missing name and kind are explained, then it is added with its tier.
  await page.goto(`${origin}/partnerships/northshire/settings/new`);
  await page.getByRole('button', { name: 'Add setting' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter the name of the setting');
  await expect(page.getByRole('alert')).toContainText('Choose the kind of setting');
  await checkPage(page, testInfo, 'settings-add-errors');
  await page.getByLabel('Name of the setting').fill('Northshire Tuition Centre');
  await page.getByRole('radio', { name: 'Alternative provision' }).check();
  await page
    .getByRole('group', { name: 'Areas of need served' })
    .getByLabel('Social, emotional and mental health')
    .check();
  await page.getByLabel('Lowest age').fill('11');
  await page.getByLabel('Highest age').fill('16');
  await page.getByLabel('Places', { exact: true }).fill('24');
  await page.getByLabel('AP tier').selectOption({ label: 'Tier 2: time-limited placements in AP' });
  await page.getByRole('button', { name: 'Add setting' }).click();
  await expect(page.getByText('Northshire Tuition Centre added')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: '12 settings' })).toBeVisible();

  // The plan's tailored list.
  await page.getByRole('link', { name: `Tailored list for ${PLAN_TITLE}` }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Tailored list of settings' }),
  ).toBeVisible();
  planUrl = new URL(page.url()).pathname.replace(/\/settings$/, '');
  for (const name of [
    'Northshire Academy',
    'Riverside Special School',
    'Hillview School',
    'Northshire Tuition Centre',
  ])
    await page.getByRole('checkbox', { name }).check();
  await page.getByRole('button', { name: 'Save tailored list' }).click();
  await expect(page.getByText('Tailored list saved')).toBeVisible();
  await expect(page.getByText('8 settings are on the list.')).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Riverside Special School' })).toBeChecked();
  await checkPage(page, testInfo, 'settings-tailored-list');
});

test('the plan is submitted, signed off and published with its list', async ({ browser }) => {
  test.setTimeout(420_000);
  const lead = await signedIn(browser, 'lead@northshire.example');
  await fixDemoPlanBlockers(lead, `${origin}${planUrl}`);
  await lead.goto(`${origin}${planUrl}`);
  await expect(lead.getByText('Nothing stops submission')).toBeVisible();
  await lead.getByRole('button', { name: 'Submit for partner review' }).click();
  await expect(
    lead.getByRole('heading', { level: 1, name: 'Submit for partner review' }),
  ).toBeVisible();
  await lead.getByRole('button', { name: 'Submit for partner review' }).click();
  await expect(
    lead.getByRole('alert').getByText('Version 1 submitted for partner review'),
  ).toBeVisible();
  // Once submitted, the list is frozen until a revision.
  await lead.goto(`${origin}${planUrl}/settings`);
  await expect(lead.getByText(/no longer a draft/)).toBeVisible();
  await expect(lead.getByRole('button', { name: 'Save tailored list' })).toHaveCount(0);

  for (const [email, organisation] of [
    ['icb@northshire.example', 'NHS Northshire Integrated Care Board'],
    ['education@northshire.example', 'Northshire County Council (education)'],
    ['care@northshire.example', "Northshire County Council (children's social care)"],
  ] as const) {
    const signatory = await signedIn(browser, email);
    await signatory.goto(`${origin}${planUrl}`);
    await signatory.getByRole('button', { name: `Record sign-off for ${organisation}` }).click();
    await signatory.getByRole('radio', { name: 'Approved', exact: true }).check();
    await signatory.getByLabel('Name of the signatory').fill('A Signatory');
    await signatory.getByLabel('Their role').fill('Director');
    await signatory.getByLabel('Where was the decision taken?').fill('Partnership board');
    await fillDate(signatory, 'Date of the decision');
    await signatory.getByRole('button', { name: 'Record decision' }).click();
    await expect(
      signatory.getByRole('alert').getByText(`Decision recorded for ${organisation}`),
    ).toBeVisible();
    await signatory.context().close();
  }
  const forum = await signedIn(browser, 'forum@northshire.example');
  await forum.goto(`${origin}${planUrl}`);
  await forum
    .getByRole('button', { name: 'Acknowledge for Northshire Parent Carer Forum' })
    .click();
  await forum.getByLabel('Name of the person acknowledging').fill('Priya Shah');
  await forum.getByLabel('Their role in the forum').fill('Chair of the parent carer forum');
  await forum
    .getByLabel('Where did the forum agree to acknowledge the plan?')
    .fill('Forum steering group');
  await fillDate(forum, 'Date of the acknowledgement');
  await forum.getByRole('button', { name: 'Record acknowledgement' }).click();
  await expect(
    forum.getByRole('alert').getByText('Decision recorded for Northshire Parent Carer Forum'),
  ).toBeVisible();
  await forum.context().close();

  await lead.goto(`${origin}${planUrl}`);
  await lead.getByRole('button', { name: 'Publish the plan' }).click();
  // No signatory set conditions, so the lead only confirms the version can be made public.
  await lead.getByLabel('I confirm this version can be made public').check();
  await lead.getByRole('button', { name: 'Publish version 1' }).click();
  await expect(lead.getByRole('alert').getByText('Version 1 published')).toBeVisible();
  await lead.context().close();
});

test('a member of the public reads the published list, filters it and downloads it', async ({
  page,
}, testInfo) => {
  await page.goto(`${origin}/published/northshire/2026-29`);
  await page.getByRole('link', { name: 'tailored list of settings' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Settings families can choose' }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: '8 settings' })).toBeVisible();
  for (const group of [
    'Mainstream schools with resourced provision or an SEN unit',
    'Special schools',
    'Independent and non-maintained special schools',
    'Alternative provision',
  ])
    await expect(page.getByRole('heading', { level: 3, name: group, exact: true })).toBeVisible();
  // Not on the list (Castle Hill), closed (Old Mill): not published.
  await expect(page.getByText('Old Mill Primary School')).toHaveCount(0);
  await expect(page.getByText('Castle Hill Primary School')).toHaveCount(0);
  await expect(
    page.getByRole('heading', { level: 3, name: 'Mainstream schools and colleges' }),
  ).toHaveCount(0);
  await checkPage(page, testInfo, 'published-settings');

  // Filters are a GET form: the page works without JavaScript.
  await page.getByLabel('Area of need').selectOption({
    label: 'Social, emotional and mental health',
  });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/needArea=SEMH/);
  await expect(page.getByRole('heading', { level: 2, name: '4 of 8 settings' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 4, name: 'Hillview School' })).toBeVisible();
  await expect(
    page.getByRole('heading', { level: 4, name: 'Northshire Tuition Centre' }),
  ).toBeVisible();
  // The AP plugin's field, on the setting added by hand and the demo's PRU.
  await expect(page.getByText('AP tier: Tier 2: time-limited placements in AP')).toHaveCount(2);
  await expect(
    page.getByRole('heading', { level: 4, name: 'Riverside Special School' }),
  ).toHaveCount(0);
  await checkPage(page, testInfo, 'published-settings-filtered');

  const csvHref = await page
    .getByRole('link', { name: 'Settings (CSV, as filtered)' })
    .getAttribute('href');
  const csv = await page.request.get(`${origin}${csvHref}`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toContain('text/csv');
  expect(csv.headers()['content-disposition']).toContain(
    'filename="northshire-plan-v1-settings.csv"',
  );
  const lines = (await csv.text())
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
  expect(lines[0]).toBe(
    'partnership,plan_version,urn,name,category,category_label,establishment_type,phase,la_code,postcode,status,need_areas,age_low,age_high,places,source',
  );
  expect(lines.slice(1).map((l) => l.split(',')[3])).toEqual([
    'Hillview School',
    'Meadowbank School',
    'Northshire Tuition Centre',
    'The Bridge Pupil Referral Unit',
  ]);
  const json = await page.request.get(
    `${origin}/published/northshire/2026-29/settings/settings.json`,
  );
  expect(((await json.json()) as { settings: unknown[] }).settings).toHaveLength(8);
});
