/**
 * End-to-end journeys in Debian's Chromium against the production build (run `pnpm build` first;
 * `pnpm test:e2e` does). The server starts on a free port with a fresh PGlite data folder and the
 * demo data, so every run begins from the same state.
 */
import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EMPTY_DATABASE_ADMIN, oidcProvidersJson, smtpPort } from './e2e/identity.ts';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

// Decided once in the runner process; workers inherit the environment.
process.env.LIP_E2E_PORT ??= String(await freePort());
process.env.LIP_E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), 'lip-e2e-'));
// The local OpenID providers and SMTP server (started by the journeys' `identity` fixture).
process.env.LIP_E2E_COUNCIL_IDP_PORT ??= String(await freePort());
process.env.LIP_E2E_NHS_IDP_PORT ??= String(await freePort());
process.env.LIP_E2E_SMTP_PORT ??= String(await freePort());
// A second server on an empty database (no demo data) for the onboarding journey.
process.env.LIP_E2E_EMPTY_PORT ??= String(await freePort());
process.env.LIP_E2E_EMPTY_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), 'lip-e2e-empty-'));
const port = Number(process.env.LIP_E2E_PORT);
const baseURL = `http://127.0.0.1:${port}`;
const emptyPort = Number(process.env.LIP_E2E_EMPTY_PORT);
const mailEnv = {
  SMTP_URL: `smtp://127.0.0.1:${smtpPort()}`,
  MAIL_FROM: 'Local inclusion plan builder <no-reply@lip.test>',
};

export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // A budget, not a target: journeys must pass on a loaded 2-core machine (speed is in bench/).
  timeout: 180_000,
  // Journeys share two cores with the rest of the suite in CI: a page under load may take more
  // than the default 5 s to show what it will show. A missing element still fails, only later.
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    browserName: 'chromium',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: [
    {
      command: 'node --import tsx server.ts --demo',
      url: `${baseURL}/sign-in`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      stderr: 'pipe',
      env: {
        NODE_ENV: 'production',
        PORT: String(port),
        HOST: '127.0.0.1',
        LIP_DATA_DIR: process.env.LIP_E2E_DATA_DIR,
        OIDC_PROVIDERS: oidcProvidersJson(),
        ...mailEnv,
        // Every journey signs in from 127.0.0.1: the throttling journeys' failures (10 on an account
        // no one uses) must not lock the rest of the suite out by address.
        SIGN_IN_ADDRESS_LIMIT: '1000',
      },
    },
    {
      // The README's first-run steps: the administrator command, then the server, on nothing else.
      command: `npx pnpm --dir ../.. admin:create --email ${EMPTY_DATABASE_ADMIN.email} --name "${EMPTY_DATABASE_ADMIN.name}" && node --import tsx server.ts`,
      url: `http://127.0.0.1:${emptyPort}/sign-in`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      stderr: 'pipe',
      env: {
        NODE_ENV: 'production',
        PORT: String(emptyPort),
        HOST: '127.0.0.1',
        LIP_DATA_DIR: process.env.LIP_E2E_EMPTY_DATA_DIR,
        ...mailEnv,
        SIGN_IN_ADDRESS_LIMIT: '1000',
      },
    },
  ],
});
