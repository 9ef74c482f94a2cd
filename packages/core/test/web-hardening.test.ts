// /graphql's defences against browsers on other origins and anonymous schema readers, driven
// through yoga.fetch (the same handler the server mounts): CORS only for configured origins,
// cross-origin POSTs refused (CSRF), yoga's CSRF header for requests a form could forge, and
// introspection by policy.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  createCore,
  CSRF_HEADER,
  originVerdict,
  parseAllowedOrigins,
  parseIntrospectionPolicy,
  type Core,
  type IntrospectionPolicy,
} from '../src/index.ts';
import { bootCore, DEMO_PASSWORD, type TestCore } from './support/core.ts';
import { testPlugins } from './support/plugins.ts';

const own = 'https://lip.example.org';
const url = `${own}/graphql`;
const partner = 'https://partner.example.org';
const sibling = 'https://evil.example.org'; // same site as lip.example.org's siblings: still foreign

let t: TestCore;
let token: string;
const cores = new Map<IntrospectionPolicy, Core>();

beforeAll(async () => {
  t = await bootCore();
  for (const introspection of ['anonymous', 'signed-in', 'off'] as const)
    cores.set(
      introspection,
      createCore({
        db: t.db,
        plugins: testPlugins,
        onError: () => undefined,
        http: { allowedOrigins: [partner], introspection },
      }),
    );
  const res = await post(core(), {
    query:
      'mutation($i: SignInInput!) { signIn(input: $i) { ... on MutationSignInSuccess { data { token } } } }',
    variables: { i: { email: 'lead@northshire.example', password: DEMO_PASSWORD } },
  });
  token = ((await res.json()) as { data: { signIn: { data: { token: string } } } }).data.signIn.data
    .token;
});
afterAll(() => t?.close());

function core(policy: IntrospectionPolicy = 'signed-in'): Core {
  const found = cores.get(policy);
  if (!found) throw new Error(`no core for ${policy}`);
  return found;
}

function post(target: Core, body: unknown, headers: Record<string, string> = {}) {
  return target.yoga.fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

const viewer = { query: '{ viewer { email } }' };
const signOut = { query: 'mutation { signOut }' };

describe('CORS', () => {
  test('a page on another origin gets no CORS headers, so it can read nothing', async () => {
    for (const origin of [sibling, 'http://lip.example.org', 'null']) {
      const res = await post(core(), viewer, { origin, cookie: `lip_session=${token}` });
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    }
  });

  test('a preflight from another origin is not granted', async () => {
    const res = await core().yoga.fetch(url, {
      method: 'OPTIONS',
      headers: {
        origin: sibling,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('access-control-allow-methods')).toBeNull();
  });

  test('a configured origin is allowed, with credentials', async () => {
    const preflight = await core().yoga.fetch(url, {
      method: 'OPTIONS',
      headers: {
        origin: partner,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe(partner);
    expect(preflight.headers.get('access-control-allow-credentials')).toBe('true');
    const res = await post(core(), viewer, { origin: partner, cookie: `lip_session=${token}` });
    expect(res.headers.get('access-control-allow-origin')).toBe(partner);
    expect(await res.json()).toEqual({ data: { viewer: { email: 'lead@northshire.example' } } });
  });

  test('with no origins configured, only the app itself is answered', async () => {
    const plain = t.core; // the default: no ALLOWED_ORIGINS
    const res = await post(plain, viewer, { origin: partner });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('cross-site request forgery', () => {
  test("a browser POST from another origin is refused with 403 before it runs, with or without the lead's cookie", async () => {
    for (const headers of <Record<string, string>[]>[
      { origin: sibling, cookie: `lip_session=${token}` },
      { origin: sibling },
      { origin: 'null', cookie: `lip_session=${token}` },
      { 'sec-fetch-site': 'same-site', cookie: `lip_session=${token}` },
      { 'sec-fetch-site': 'cross-site', referer: `${sibling}/page` },
      { referer: `${sibling}/page`, cookie: `lip_session=${token}` },
    ]) {
      const res = await post(core(), signOut, headers);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(await res.text()).toMatch(/came from another site/);
    }
    // The lead's session survived every attempt to sign it out.
    const still = await post(core(), viewer, { authorization: `Bearer ${token}` });
    expect(await still.json()).toEqual({ data: { viewer: { email: 'lead@northshire.example' } } });
  });

  test('the same origin, a configured origin and non-browser clients may post', async () => {
    for (const headers of <Record<string, string>[]>[
      { origin: own },
      { origin: partner },
      { 'sec-fetch-site': 'same-origin' },
      { referer: `${own}/plans/1` },
      {}, // curl, a server-to-server client
      { authorization: `Bearer ${token}` },
    ]) {
      const res = await post(core(), viewer, headers);
      expect(res.status, JSON.stringify(headers)).toBe(200);
    }
  });

  test('a GET query without a JSON body must carry the CSRF header (yoga CSRF prevention)', async () => {
    const get = (headers: Record<string, string>) =>
      core().yoga.fetch(`${url}?query=${encodeURIComponent('{ viewer { email } }')}`, {
        headers: { accept: 'application/json', ...headers },
      });
    const refused = await get({ cookie: `lip_session=${token}` });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toMatch(/CSRF/);
    const allowed = await get({ cookie: `lip_session=${token}`, [CSRF_HEADER]: '1' });
    expect(await allowed.json()).toEqual({
      data: { viewer: { email: 'lead@northshire.example' } },
    });
    // A bearer token cannot be forged by a page, so it needs no header.
    const bearer = await get({ authorization: `Bearer ${token}` });
    expect(bearer.status).toBe(200);
  });

  test('a form-encoded or text/plain POST is refused even without a cookie', async () => {
    for (const type of ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data']) {
      const res = await core().yoga.fetch(url, {
        method: 'POST',
        headers: { 'content-type': type },
        body: 'query=mutation%20%7B%20signOut%20%7D',
      });
      expect(res.status, type).toBe(403);
    }
  });

  test('in-process execution is untouched by the HTTP checks', async () => {
    const result = await core().execute({
      document: '{ __schema { queryType { name } } viewer { email } }',
      context: await core().contextForSession(undefined),
    });
    expect(result.errors).toBeUndefined();
  });
});

describe('introspection', () => {
  const introspect = { query: '{ __schema { queryType { name } } }' };
  const typeQuery = { query: '{ __type(name: "Query") { name } }' };
  const typename = { query: '{ __typename viewer { email } }' };

  test('is refused to anonymous callers by default, with a validation error', async () => {
    for (const body of [introspect, typeQuery]) {
      const res = await post(core(), body);
      expect(res.status).toBe(400);
      const json = (await res.json()) as {
        data?: unknown;
        errors: { message: string; extensions: { code: string } }[];
      };
      expect(json.data).toBeUndefined();
      expect(json.errors[0]?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(json.errors[0]?.message).toMatch(/signed-in/);
    }
  });

  test('is open to signed-in callers by default', async () => {
    const res = await post(core(), introspect, { authorization: `Bearer ${token}` });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });

  test('__typename is not introspection', async () => {
    const res = await post(core(), typename);
    expect(res.status).toBe(200);
  });

  test('is refused to every caller when off, and open to all when anonymous', async () => {
    const off = await post(core('off'), introspect, { authorization: `Bearer ${token}` });
    expect(off.status).toBe(400);
    expect(await off.text()).toMatch(/turned off/);
    const open = await post(core('anonymous'), introspect);
    expect(open.status).toBe(200);
  });

  test('is refused inside a batch too', async () => {
    const res = await core().yoga.fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify([viewer, introspect]),
    });
    const json = (await res.json()) as { errors?: unknown[] }[];
    expect(json[0]?.errors).toBeUndefined();
    expect(json[1]?.errors).toHaveLength(1);
  });
});

describe('settings', () => {
  test('ALLOWED_ORIGINS takes origins only and says which entry is wrong', () => {
    expect(parseAllowedOrigins(undefined)).toEqual([]);
    expect(parseAllowedOrigins(' https://A.example.org , http://b.example:8080/ ')).toEqual([
      'https://a.example.org',
      'http://b.example:8080',
    ]);
    for (const bad of [
      '*',
      'https://a.example/path',
      'ftp://a.example',
      'a.example',
      'https://*.a',
    ])
      expect(() => parseAllowedOrigins(bad), bad).toThrow(/ALLOWED_ORIGINS/);
  });

  test('GRAPHQL_INTROSPECTION defaults to signed-in and refuses unknown values', () => {
    expect(parseIntrospectionPolicy(undefined)).toBe('signed-in');
    expect(parseIntrospectionPolicy('off')).toBe('off');
    expect(() => parseIntrospectionPolicy('yes')).toThrow(/GRAPHQL_INTROSPECTION/);
  });

  test('origin verdicts follow OWASP: Origin, then Sec-Fetch-Site, then Referer', () => {
    const judge = (signals: Partial<Parameters<typeof originVerdict>[0]>) =>
      originVerdict(
        { origin: null, secFetchSite: null, referer: null, ownOrigin: own, ...signals },
        [partner],
      ).kind;
    expect(judge({ origin: own })).toBe('same-origin');
    expect(judge({ origin: partner })).toBe('allowed');
    expect(judge({ origin: sibling, secFetchSite: 'same-origin' })).toBe('cross-origin');
    expect(judge({ secFetchSite: 'none' })).toBe('same-origin');
    expect(judge({ secFetchSite: 'same-site' })).toBe('cross-origin');
    expect(judge({ referer: 'not a url' })).toBe('cross-origin');
    expect(judge({})).toBe('not-a-browser');
  });
});
