// /graphql over HTTP, driven through yoga.fetch (no network).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CSRF_HEADER, limits, type LipPlugin } from '../src/index.ts';
import { bootCore, type TestCore } from './support/core.ts';
import { testPlugins } from './support/plugins.ts';

// A plugin whose field fails the way a database error would, to prove nothing of it leaks.
const failing: LipPlugin = {
  id: 'failing',
  name: 'Failing (test)',
  version: '0.0.0',
  coreRange: '*',
  register(builder) {
    builder.queryField('failingField', (t) =>
      t.string({
        // Public on purpose (an explicit rule: the host refuses plugin fields without one).
        authScopes: () => true,
        resolve: () => {
          throw new Error(
            'Invalid `prisma.user.findMany()` invocation: SELECT "passwordHash" FROM "User" at /work/secret.ts:1',
          );
        },
      }),
    );
  },
};

let t: TestCore;
let token: string;
const url = 'http://lip.test/graphql';

beforeAll(async () => {
  t = await bootCore([...testPlugins, failing]);
  await t.as('lead@northshire.example');
  const res = await post({
    query:
      'mutation($i: SignInInput!) { signIn(input: $i) { ... on MutationSignInSuccess { data { token } } } }',
    variables: { i: { email: 'icb@northshire.example', password: 'lip-demo-2026' } },
  });
  token = ((await res.json()) as { data: { signIn: { data: { token: string } } } }).data.signIn.data
    .token;
});
afterAll(() => t?.close());

function post(body: unknown, headers: Record<string, string> = {}) {
  return t.core.yoga.fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

// GET carries no JSON body, so yoga's CSRF prevention asks for its header (web-hardening.test.ts).
function get(query: string, headers: Record<string, string> = {}) {
  return t.core.yoga.fetch(`${url}?query=${encodeURIComponent(query)}`, {
    headers: { accept: 'application/graphql-response+json', [CSRF_HEADER]: '1', ...headers },
  });
}

describe('GraphQL over HTTP', () => {
  test('POST and GET answer queries as application/graphql-response+json', async () => {
    for (const res of [
      await post({ query: '{ viewer { email } }' }),
      await get('{ viewer { email } }'),
    ]) {
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('application/graphql-response+json');
      expect(await res.json()).toEqual({ data: { viewer: null } });
    }
  });

  test('application/json is served when asked for', async () => {
    const res = await t.core.yoga.fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: '{ viewer { email } }' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
  });

  test('a mutation over GET is refused with 405', async () => {
    const res = await get('mutation { signOut }');
    expect(res.status).toBe(405);
  });

  test('a syntax error is a 400', async () => {
    const res = await post({ query: '{ viewer { ' });
    expect(res.status).toBe(400);
  });

  test('an unknown field is a 400 and does not suggest field names', async () => {
    const res = await post({ query: '{ viewr { email } }' });
    expect(res.status).toBe(400);
    const body = JSON.stringify(await res.json());
    expect(body).not.toContain('Did you mean');
  });

  test('a bearer token signs the request in', async () => {
    const res = await post({ query: '{ viewer { email } }' }, { authorization: `Bearer ${token}` });
    expect(await res.json()).toEqual({ data: { viewer: { email: 'icb@northshire.example' } } });
  });

  test('the lip_session cookie signs the request in', async () => {
    const res = await get('{ viewer { email } }', { cookie: `other=1; lip_session=${token}` });
    expect(await res.json()).toEqual({ data: { viewer: { email: 'icb@northshire.example' } } });
  });

  test('an unknown or malformed token is simply signed out', async () => {
    for (const authorization of ['Bearer nope', 'Bearer ' + 'x'.repeat(500), 'Basic abc']) {
      const res = await post({ query: '{ viewer { email } }' }, { authorization });
      expect(await res.json()).toEqual({ data: { viewer: null } });
    }
  });

  test('a malformed cookie is simply signed out', async () => {
    const res = await get('{ viewer { email } }', { cookie: 'lip_session=%E0%A4%A' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { viewer: null } });
  });

  test('a cookie-authenticated POST that is not JSON is refused (CSRF)', async () => {
    const res = await t.core.yoga.fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: `lip_session=${token}`,
      },
      body: 'query=mutation%20%7B%20signOut%20%7D',
    });
    expect(res.status).toBe(403);
  });

  test('an unexpected error is masked: no message, stack, SQL or Prisma text', async () => {
    const res = await post({ query: '{ failingField }' });
    const text = await res.text();
    expect(text).toContain('Unexpected error.');
    for (const secret of [
      'prisma',
      'SELECT',
      'passwordHash',
      'secret.ts',
      'stack',
      'originalError',
    ]) {
      expect(text).not.toContain(secret);
    }
  });
});

describe('abusive requests are refused before execution with a 4xx', () => {
  const status = async (res: Response) => {
    const body = await res.text();
    return { status: res.status, body };
  };

  test('too deep', async () => {
    const deep = `{ viewer { memberships { ${'partnership { members { '.repeat(8)} id ${'} } '.repeat(8)} } } }`;
    const r = await status(await post({ query: deep }));
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    expect(r.body).toMatch(/depth/i);
  });

  test('too many aliases', async () => {
    const aliases = Array.from(
      { length: limits.maxAliases + 5 },
      (_, i) => `a${i}: viewer { id }`,
    ).join(' ');
    const r = await status(await post({ query: `{ ${aliases} }` }));
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    expect(r.body).toMatch(/alias/i);
  });

  test('too many directives', async () => {
    const directives = Array.from(
      { length: limits.maxDirectives + 5 },
      () => '@include(if: true)',
    ).join(' ');
    const r = await status(await post({ query: `{ viewer ${directives} { id } }` }));
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    expect(r.body).toMatch(/directive/i);
  });

  test('too many tokens', async () => {
    const fields = Array.from({ length: limits.maxTokens }, () => '__typename').join(' ');
    const r = await status(await post({ query: `{ ${fields} }` }));
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    expect(r.body).toMatch(/token/i);
  });

  test('too large a body', async () => {
    const r = await status(
      await post({
        query: '{ viewer { id } }',
        variables: { pad: 'x'.repeat(limits.maxBodyBytes) },
      }),
    );
    expect(r.status).toBe(413);
  });

  test('too large a body sent without a length (chunked)', async () => {
    const chunk = new TextEncoder().encode(' '.repeat(10_000));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > limits.maxBodyBytes * 2) controller.close();
        else {
          sent += chunk.byteLength;
          controller.enqueue(chunk);
        }
      },
    });
    const res = await t.core.yoga.fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
  });

  test('invalid JSON is a 400', async () => {
    const r = await status(await post('{"query": '));
    expect(r.status).toBe(400);
  });

  test('too large a batch', async () => {
    const batch = Array.from({ length: limits.maxBatch + 1 }, () => ({
      query: '{ viewer { id } }',
    }));
    const r = await status(await post(batch));
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
  });

  test('a batch within the limit is answered', async () => {
    const res = await post([{ query: '{ viewer { id } }' }, { query: '{ viewer { id } }' }]);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([{ data: { viewer: null } }, { data: { viewer: null } }]);
  });
});
