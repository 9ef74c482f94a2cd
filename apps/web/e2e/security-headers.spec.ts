import { expect, test, type Page } from '@playwright/test';
import { openPlan, PASSWORD, signIn } from './fixtures.ts';

/**
 * Collects what the browser reports as Content-Security-Policy violations: its console messages,
 * and each document's `securitypolicyviolation` events (forwarded through an exposed function).
 */
async function cspViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.exposeFunction('reportCspViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportCspViolation(text: string): void })
        .reportCspViolation;
      report(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return violations;
}

test('pages carry a CSP with a nonce, and signing in and using a plan breaks none of it', async ({
  page,
}) => {
  const violations = await cspViolations(page);
  const response = await page.goto('/sign-in');
  const headers = response?.headers() ?? {};
  const csp = headers['content-security-policy'] ?? '';
  const nonce = csp.match(/'nonce-([^']+)'/)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp.split(';').find((d) => d.trim().startsWith('script-src'))).not.toContain(
    'unsafe-inline',
  );
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('same-origin');
  // Every inline script of the page carries the nonce (browsers expose it as a property only).
  const inlineScripts = await page.evaluate(() =>
    Array.from(document.querySelectorAll('script:not([src])')).map(
      (s) => (s as HTMLScriptElement).nonce,
    ),
  );
  expect(inlineScripts.length).toBeGreaterThan(0);
  for (const scriptNonce of inlineScripts) expect(scriptNonce).toBe(nonce);
  // govuk-frontend's inline script ran, and so did the app's JavaScript (hydration).
  await expect(page.locator('body')).toHaveClass(/govuk-frontend-supported/);

  await signIn(page, 'lead@northshire.example');
  await openPlan(page, 'Northshire');
  // Client-side navigation and the plan page's scripts, all under the policy.
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(violations).toEqual([]);
});

test('a form posted from another site is refused with 403, not run and not a 500', async ({
  request,
}) => {
  const res = await request.post('/sign-in', {
    form: { email: 'lead@northshire.example', password: PASSWORD },
    headers: { origin: 'https://evil.example.org', accept: 'text/html' },
    maxRedirects: 0,
  });
  expect(res.status()).toBe(403);
  expect(await res.text()).toContain('This request was refused');
  expect(res.headers()['set-cookie']).toBeUndefined();
});

test('the session cookie is Secure when the request came over TLS through a trusted proxy', async ({
  request,
}) => {
  const form = { email: 'viewer@northshire.example', password: PASSWORD };
  // Playwright's client is on loopback, which TRUST_PROXY trusts by default: it plays the proxy.
  const viaTls = await request.post('/sign-in', {
    form,
    headers: { 'x-forwarded-proto': 'https' },
    maxRedirects: 0,
  });
  expect(viaTls.status()).toBe(302);
  const secure = viaTls.headers()['set-cookie'] ?? '';
  expect(secure).toMatch(/^lip_session=/);
  expect(secure).toMatch(/; HttpOnly/);
  expect(secure).toMatch(/; SameSite=Lax/);
  expect(secure).toMatch(/; Secure/);
  expect(viaTls.headers()['strict-transport-security']).toMatch(/max-age=/);

  // Plain http to this machine (the demo, this suite): not Secure, or the browser would drop it.
  const plain = await request.post('/sign-in', { form, maxRedirects: 0 });
  expect(plain.headers()['set-cookie']).not.toMatch(/Secure/);
  expect(plain.headers()['strict-transport-security']).toBeUndefined();
});
