// The HTTP layer the server runs (server/app.ts), over the real composed core and a real socket:
// probes, security headers, the cross-site check on form posts and /graphql, CORS, request logs and
// metrics. Pages are stood in for by one route: the Remix build is the e2e suite's business
// (e2e/security-headers.spec.ts checks the CSP nonce on real pages).
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { decodeGlobalId } from '@lip/core';
import { createApp } from '../server/app.ts';
import { compose, type Composition } from '../server/compose.ts';
import { readWebConfig, type WebConfig } from '../server/config.ts';
import { createLogger, useOperationLogging } from '../server/logging.ts';
import { createMetrics, type Metrics } from '../server/metrics.ts';

const PASSWORD = 'lip-demo-2026';
const partner = 'https://partner.example.org';
const evil = 'https://evil.example.org';
const metricsToken = 'scrape-me-0123456789';

const logLines: Record<string, unknown>[] = [];
const logText: string[] = [];
const destination = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
      logText.push(line);
      logLines.push(JSON.parse(line) as Record<string, unknown>);
    }
    done();
  },
});

let composition: Composition;
let unreachable: Composition;
let metrics: Metrics;
const servers: Server[] = [];
const temp = mkdtempSync(path.join(tmpdir(), 'lip-server-test-'));

interface Running {
  url: string;
  origin: string;
}

function config(overrides: Partial<WebConfig> = {}): WebConfig {
  return {
    ...readWebConfig({ ALLOWED_ORIGINS: partner }),
    ...overrides,
  };
}

/** The app as server.ts builds it, with a stand-in for the pages, on a free port. */
async function start(
  options: {
    webConfig?: WebConfig;
    withMetrics?: boolean;
    readiness?: Composition['readiness'];
    of?: Composition;
    signInOrigins?: string[];
  } = {},
): Promise<Running> {
  const of = options.of ?? composition;
  const app = createApp({
    core: of.core,
    config: options.webConfig ?? config(),
    logger: createLogger('info', destination),
    metrics: options.withMetrics ? metrics : undefined,
    dev: false,
    readiness: () => (options.readiness ?? of.readiness)(),
    signInOrigins: options.signInOrigins,
  });
  app.post('/sign-in', (_req, res) => void res.send('the action ran'));
  app.use((_req, res) => void res.status(404).send('Page not found'));
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  servers.push(server);
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, origin: `http://127.0.0.1:${port}` };
}

let web: Running;
let token: string;

beforeAll(async () => {
  process.env.LIP_DATA_DIR = 'memory';
  delete process.env.DATABASE_URL;
  metrics = createMetrics();
  composition = await compose({
    demo: true,
    plugins: [],
    core: {
      onError: () => undefined,
      http: {
        allowedOrigins: [partner],
        plugins: [useOperationLogging(), metrics.plugin],
      },
    },
  });
  unreachable = await compose({ plugins: [] });
  await unreachable.close();
  web = await start({
    withMetrics: true,
    webConfig: config({ metrics: { enabled: true, token: metricsToken } }),
  });
  token = await signIn(web, 'lead@northshire.example');
}, 180_000);

afterAll(async () => {
  for (const server of servers) server.close();
  await composition?.close();
  rmSync(temp, { recursive: true, force: true });
});

function graphql(
  target: Running,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${target.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

const SIGN_IN =
  'mutation SignIn($input: SignInInput!) { signIn(input: $input) { ... on MutationSignInSuccess { data { token } } } }';

async function signIn(target: Running, email: string, headers: Record<string, string> = {}) {
  const res = await graphql(
    target,
    {
      query: SIGN_IN,
      operationName: 'SignIn',
      variables: { input: { email, password: PASSWORD } },
    },
    headers,
  );
  const json = (await res.json()) as { data: { signIn: { data: { token: string } } } };
  return json.data.signIn.data.token;
}

/** The log line of one request, once its response has finished (pino writes it on 'finish'). */
async function logLineOf(requestId: string): Promise<Record<string, unknown>> {
  await expect
    .poll(() => logLines.some((line) => line.reqId === requestId), { timeout: 10_000 })
    .toBe(true);
  const found = logLines.find((line) => line.reqId === requestId);
  if (!found) throw new Error(`no log line for ${requestId}`);
  return found;
}

describe('probes', () => {
  test('/healthz answers 200 while the process is up, even when the database is not', async () => {
    for (const target of [web, await start({ of: unreachable })]) {
      const res = await fetch(`${target.url}/healthz`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: 'ok' });
    }
  });

  test('/readyz answers 200 when the database answers and every migration is applied', async () => {
    const res = await fetch(`${web.url}/readyz`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ status: 'ready' });
  });

  test('/readyz answers 503 with a reason when a migration is pending', async () => {
    // The code on disk has one migration more than the database: a deploy before `db:migrate`.
    const migrationsDir = path.join(temp, 'migrations');
    cpSync(
      fileURLToPath(new URL('../../../packages/db/prisma/migrations', import.meta.url)),
      migrationsDir,
      { recursive: true },
    );
    mkdirSync(path.join(migrationsDir, '99990101000000_from_the_future'));
    writeFileSync(
      path.join(migrationsDir, '99990101000000_from_the_future', 'migration.sql'),
      'SELECT 1;',
    );
    const target = await start({
      readiness: () => composition.readiness({ migrationsDir }),
    });
    const res = await fetch(`${target.url}/readyz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      status: 'not-ready',
      reason: 'migrations-pending',
      migrations: 1,
    });
  });

  test('/readyz answers 503 when the database does not answer', async () => {
    const target = await start({ of: unreachable });
    const res = await fetch(`${target.url}/readyz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'not-ready', reason: 'database-unreachable' });
  });
});

describe('security headers', () => {
  test('a CSP with a fresh nonce and no inline scripts, no framing, nosniff and a referrer policy', async () => {
    const first = await fetch(`${web.url}/healthz`);
    const second = await fetch(`${web.url}/healthz`);
    const csp = first.headers.get('content-security-policy') ?? '';
    const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src ')) ?? '';
    expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/]{22}=='/);
    expect(scriptSrc).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    const nonce = (h: Headers) => h.get('content-security-policy')?.match(/'nonce-([^']+)'/)?.[1];
    expect(nonce(first.headers)).not.toBe(nonce(second.headers));
    expect(first.headers.get('x-content-type-options')).toBe('nosniff');
    expect(first.headers.get('x-frame-options')).toBe('DENY');
    expect(first.headers.get('referrer-policy')).toBe('same-origin');
    expect(first.headers.get('x-powered-by')).toBeNull();
  });

  test('forms may be redirected to the configured identity providers, and nowhere else', async () => {
    const formAction = (res: Response) =>
      res.headers
        .get('content-security-policy')
        ?.split(';')
        .find((d) => d.trim().startsWith('form-action')) ?? '';
    expect(formAction(await fetch(`${web.url}/healthz`)).trim()).toBe("form-action 'self'");
    // "Sign in with …" posts to the app, which redirects to the provider: Chromium applies
    // form-action to that redirect, so the provider's origin must be named.
    const withProviders = await start({
      signInOrigins: ['https://login.microsoftonline.com', 'https://nhsmail.example'],
    });
    expect(formAction(await fetch(`${withProviders.url}/healthz`)).trim()).toBe(
      "form-action 'self' https://login.microsoftonline.com https://nhsmail.example",
    );
  });

  test('HSTS only when the request came over TLS (X-Forwarded-Proto from a trusted proxy)', async () => {
    const plain = await fetch(`${web.url}/healthz`);
    expect(plain.headers.get('strict-transport-security')).toBeNull();
    // The test client is on loopback, which TRUST_PROXY trusts by default.
    const viaTls = await fetch(`${web.url}/healthz`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(viaTls.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
    // From a proxy nobody trusts, the header is ignored.
    const distrusting = await start({ webConfig: config({ trustProxy: 'false' }) });
    const spoofed = await fetch(`${distrusting.url}/healthz`, {
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(spoofed.headers.get('strict-transport-security')).toBeNull();
  });
});

describe('cross-site form posts', () => {
  const form = (target: Running, headers: Record<string, string>) =>
    fetch(`${target.url}/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: 'email=lead%40northshire.example&password=x',
      redirect: 'manual',
    });

  test('are refused with 403 and a clear message, never a 500, before the action runs', async () => {
    for (const headers of <Record<string, string>[]>[
      { origin: evil },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site', referer: `${evil}/x` },
      { referer: `${evil}/x` },
    ]) {
      const res = await form(web, { ...headers, accept: 'text/html' });
      expect(res.status, JSON.stringify(headers)).toBe(403);
      const body = await res.text();
      expect(body).toContain('This request was refused');
      expect(body).not.toContain('the action ran');
    }
    const plain = await form(web, { origin: evil, accept: 'text/plain' });
    expect(await plain.text()).toMatch(/came from another site \(https:\/\/evil\.example\.org\)/);
  });

  test('from the app itself, a configured origin or a non-browser client are let through', async () => {
    for (const headers of <Record<string, string>[]>[
      { origin: web.origin },
      { origin: partner },
      { 'sec-fetch-site': 'same-origin' },
      { referer: `${web.origin}/sign-in` },
      {},
    ]) {
      const res = await form(web, headers);
      expect(res.status, JSON.stringify(headers)).toBe(200);
      expect(await res.text()).toBe('the action ran');
    }
  });

  test('behind a TLS proxy, the own origin is https', async () => {
    const httpsOrigin = web.origin.replace('http:', 'https:');
    const res = await form(web, { origin: httpsOrigin, 'x-forwarded-proto': 'https' });
    expect(res.status).toBe(200);
    const downgraded = await form(web, { origin: web.origin, 'x-forwarded-proto': 'https' });
    expect(downgraded.status).toBe(403);
  });
});

describe('/graphql over HTTP', () => {
  test("a sibling origin can neither read the lead's data nor post with the lead's cookie", async () => {
    const read = await graphql(
      web,
      { query: '{ viewer { email } }' },
      { origin: evil, cookie: `lip_session=${token}` },
    );
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
    expect(read.headers.get('access-control-allow-credentials')).toBeNull();
    expect(read.status).toBe(403);
    const preflight = await fetch(`${web.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: evil, 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  test('a configured origin gets CORS with credentials', async () => {
    const res = await graphql(
      web,
      { query: '{ viewer { email } }' },
      { origin: partner, cookie: `lip_session=${token}` },
    );
    expect(res.headers.get('access-control-allow-origin')).toBe(partner);
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(await res.json()).toEqual({ data: { viewer: { email: 'lead@northshire.example' } } });
  });
});

describe('planEvents over Server-Sent Events', () => {
  test('a page of the app gets events as they happen: uncompressed, never held in a buffer', async () => {
    const plans = await graphql(
      web,
      { query: '{ partnerships { edges { node { plans { edges { node { id } } } } } } }' },
      { authorization: `Bearer ${token}` },
    );
    const planId = (
      (await plans.json()) as {
        data: {
          partnerships: { edges: { node: { plans: { edges: { node: { id: string } }[] } } }[] };
        };
      }
    ).data.partnerships.edges[0]!.node.plans.edges[0]!.node.id;
    const controller = new AbortController();
    // As the browser sends it: the session cookie, the app's own origin, gzip welcome.
    const res = await fetch(`${web.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'text/event-stream',
        'accept-encoding': 'gzip, deflate',
        origin: web.origin,
        cookie: `lip_session=${token}`,
      },
      body: JSON.stringify({
        query:
          'subscription($p: ID!) { planEvents(planId: $p) { kind entityType actor { name } } }',
        variables: { p: planId },
      }),
      signal: controller.signal,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(res.headers.get('content-encoding') ?? 'none').toBe('none');
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let received = '';
    const event = (async () => {
      while (!received.includes('event: next')) {
        const { value, done } = await reader.read();
        if (done) break;
        received += value;
      }
      return received;
    })();
    await new Promise((resolve) => setTimeout(resolve, 100));
    // As the metric import job announces a finished import.
    await composition.core.publishPlanEvent({
      planId: decodeGlobalId(planId)!.id,
      kind: 'METRIC_IMPORT_FINISHED',
      entityType: 'ObservationImport',
      entityId: 'import-1',
    });
    const timeout = new Promise<string>((resolve) => setTimeout(() => resolve('timed out'), 2000));
    expect(await Promise.race([event, timeout])).toContain(
      '"planEvents":{"kind":"METRIC_IMPORT_FINISHED","entityType":"ObservationImport","actor":null}',
    );
    controller.abort();
  });
});

describe('request logs', () => {
  test("a signIn request's line has its request id and operation, and no password or token", async () => {
    const requestId = 'test-sign-in-0001';
    const res = await graphql(
      web,
      {
        query: SIGN_IN,
        operationName: 'SignIn',
        variables: { input: { email: 'icb@northshire.example', password: PASSWORD } },
      },
      { 'x-request-id': requestId },
    );
    expect(res.headers.get('x-request-id')).toBe(requestId);
    const body = (await res.json()) as { data: { signIn: { data: { token: string } } } };
    const issued = body.data.signIn.data.token;
    const line = await logLineOf(requestId);
    expect(line).toMatchObject({
      level: 30,
      reqId: requestId,
      req: { method: 'POST', path: '/graphql' },
      res: { statusCode: 200 },
      graphql: [{ type: 'mutation', name: 'SignIn', fields: ['signIn'] }],
    });
    const text = logText.find((entry) => entry.includes(requestId)) ?? '';
    for (const secret of [PASSWORD, issued, 'icb@northshire.example', 'password', 'cookie'])
      expect(text).not.toContain(secret);
  });

  test("a signed-in request's line has the user id, never the cookie", async () => {
    const requestId = 'test-viewer-0002';
    await graphql(
      web,
      { query: 'query Viewer { viewer { id } }' },
      { 'x-request-id': requestId, cookie: `lip_session=${token}` },
    );
    const line = await logLineOf(requestId);
    expect(line.userId).toEqual(expect.any(String));
    expect(line.graphql).toEqual([{ type: 'query', name: 'Viewer', fields: ['viewer'] }]);
    expect(JSON.stringify(line)).not.toContain(token);
  });

  test('presence heartbeats, sent by every open page every 20 s, stay out of the info log', async () => {
    const viewer = await graphql(
      web,
      {
        query:
          'query Plans { partnerships { edges { node { plans { edges { node { id } } } } } } }',
      },
      { cookie: `lip_session=${token}` },
    );
    const plans = (await viewer.json()) as {
      data: {
        partnerships: { edges: { node: { plans: { edges: { node: { id: string } }[] } } }[] };
      };
    };
    const planId = plans.data.partnerships.edges[0]!.node.plans.edges[0]!.node.id;
    const beat = await graphql(
      web,
      {
        query: 'mutation Beat($planId: ID!) { heartbeat(planId: $planId) { name } }',
        variables: { planId },
      },
      { 'x-request-id': 'test-heartbeat-0005', cookie: `lip_session=${token}` },
    );
    expect(beat.status).toBe(200);
    expect(((await beat.json()) as { errors?: unknown }).errors).toBeUndefined();
    // A request after it is logged, so the heartbeat's line would have been written by now.
    await graphql(
      web,
      { query: 'query Viewer { viewer { id } }' },
      { 'x-request-id': 'test-after-heartbeat-0006', cookie: `lip_session=${token}` },
    );
    await logLineOf('test-after-heartbeat-0006');
    expect(logLines.some((line) => line.reqId === 'test-heartbeat-0005')).toBe(false);
  });

  test('a malformed X-Request-Id is replaced; query strings are never logged', async () => {
    const res = await fetch(`${web.url}/healthz?secret=free-text`, {
      headers: { 'x-request-id': 'not ok; <script>' },
    });
    const id = res.headers.get('x-request-id') ?? '';
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    // Probes log at debug; make one that logs at info to see its line.
    const page = await fetch(`${web.url}/unknown-page?q=some%20free%20text`, {
      headers: { 'x-request-id': 'test-query-0003' },
    });
    expect(page.status).toBe(404);
    const line = await logLineOf('test-query-0003');
    expect(line.req).toMatchObject({ path: '/unknown-page' });
    expect(JSON.stringify(line)).not.toContain('free');
  });

  test("an invitation link's token is never logged", async () => {
    const secret = 'Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0Z2FycGx5';
    await fetch(`${web.url}/invitations/${secret}`, {
      headers: { 'x-request-id': 'test-invite-0004' },
    });
    const line = await logLineOf('test-invite-0004');
    expect(line.req).toMatchObject({ path: '/invitations/…' });
    expect(logText.find((entry) => entry.includes('test-invite-0004'))).not.toContain(secret);
  });
});

describe('metrics', () => {
  test('with METRICS_ENABLED and METRICS_TOKEN, /metrics needs the token and counts operations', async () => {
    const refused = await fetch(`${web.url}/metrics`);
    expect(refused.status).toBe(401);
    const wrong = await fetch(`${web.url}/metrics`, {
      headers: { authorization: 'Bearer not-the-token' },
    });
    expect(wrong.status).toBe(401);
    const res = await fetch(`${web.url}/metrics`, {
      headers: { authorization: `Bearer ${metricsToken}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toMatch(/graphql_envelop_phase_execute_count\{[^}]*operationName="SignIn"/);
    expect(text).not.toContain('url=');
  });

  test('off (the default), /metrics is 404', async () => {
    const off = await start({ webConfig: config() });
    const res = await fetch(`${off.url}/metrics`);
    expect(res.status).toBe(404);
  });
});

describe('settings', () => {
  test('a malformed security setting stops the server at start, naming the variable', () => {
    expect(() => readWebConfig({ ALLOWED_ORIGINS: '*' })).toThrow(/ALLOWED_ORIGINS/);
    expect(() => readWebConfig({ GRAPHQL_INTROSPECTION: 'on' })).toThrow(/GRAPHQL_INTROSPECTION/);
    expect(() => readWebConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
    expect(() => readWebConfig({ METRICS_ENABLED: 'yes' })).toThrow(/METRICS_ENABLED/);
    expect(() => readWebConfig({ PUBLIC_URL: 'lip.example.gov.uk' })).toThrow(/PUBLIC_URL/);
    expect(() => readWebConfig({ PUBLIC_URL: 'https://lip.example.gov.uk/app' })).toThrow(
      /PUBLIC_URL/,
    );
    expect(readWebConfig({ PUBLIC_URL: 'https://lip.example.gov.uk/' }).publicUrl).toBe(
      'https://lip.example.gov.uk',
    );
    expect(() => readWebConfig({ REDIS_URL: 'localhost:6379' })).toThrow(/REDIS_URL/);
    expect(readWebConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }).redisUrl).toBe(
      'redis://127.0.0.1:6379',
    );
    expect(readWebConfig({})).toEqual({
      allowedOrigins: [],
      introspection: 'signed-in',
      logLevel: 'info',
      metrics: { enabled: false, token: undefined },
      trustProxy: 'loopback',
    });
  });
});
