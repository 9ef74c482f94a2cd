// Sign-in throttling through /graphql (yoga.fetch, with the client address Express would hand over
// as `req.ip`): wrong passwords are limited per account and per client address, every attempt
// counts (batches and aliases are refused, parallel requests cannot slip past), a right password
// clears the account's count, and failures are audited without the password.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testEngine } from '@lip/db/testing';
import {
  authConfigFromEnv,
  AuthConfigError,
  createCore,
  DEFAULT_AUTH_CONFIG,
} from '../src/index.ts';
import { bootCore, DEMO_PASSWORD, type TestCore } from './support/core.ts';
import { testPlugins } from './support/plugins.ts';

const url = 'http://lip.test/graphql';
const CHROME_ON_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

const SIGN_IN = /* GraphQL */ `
  mutation ($input: SignInInput!) {
    signIn(input: $input) {
      __typename
      ... on MutationSignInSuccess {
        data {
          token
        }
      }
      ... on Error {
        message
      }
    }
  }
`;

interface GraphQLBody {
  data?: { signIn?: { __typename: string; message?: string; data?: { token: string } } } | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

function postAs(t: TestCore, address: string | null, body: unknown): Promise<Response> {
  return Promise.resolve(
    t.core.yoga.fetch(
      url,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json',
          'user-agent': CHROME_ON_WINDOWS,
        },
        body: JSON.stringify(body),
      },
      address ? { req: { ip: address } } : {},
    ),
  );
}

async function signIn(t: TestCore, address: string | null, email: string, password: string) {
  const res = await postAs(t, address, {
    query: SIGN_IN,
    variables: { input: { email, password } },
  });
  return {
    status: res.status,
    retryAfter: res.headers.get('retry-after'),
    body: (await res.json()) as GraphQLBody,
  };
}

const outcome = (r: { status: number; body: GraphQLBody }) =>
  r.status === 429
    ? 'throttled'
    : (r.body.data?.signIn?.__typename ?? `status ${r.status}: ${JSON.stringify(r.body)}`);

const failedSignIns = (t: TestCore) =>
  t.db.prisma.auditEvent.findMany({ where: { action: 'sign_in.failed' }, orderBy: { id: 'asc' } });

describe('with small limits (3 per account, 5 per address)', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = await bootCore(undefined, {
      auth: { signInAccountLimit: 3, signInAddressLimit: 5, signInWindowMinutes: 15 },
    });
  });
  afterAll(() => t?.close());

  test('past the account limit signIn answers 429 with Retry-After, even for the right password; other accounts are unaffected', async () => {
    const email = 'care@northshire.example';
    for (let i = 0; i < 3; i++) {
      expect(outcome(await signIn(t, `192.0.2.${i + 1}`, email, 'wrong-password'))).toBe(
        'InvalidCredentialsError',
      );
    }
    const refused = await signIn(t, '192.0.2.10', email, 'wrong-password');
    expect(refused.status).toBe(429);
    const seconds = Number(refused.retryAfter);
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(15 * 60);
    expect(refused.body.data ?? null).toBeNull();
    expect(refused.body.errors?.[0]?.message).toMatch(
      /^Too many attempts\. Try again in \d+ minutes?\.$/,
    );
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({
      code: 'TOO_MANY_ATTEMPTS',
      retryAfterSeconds: seconds,
    });
    // Limited per account, whatever the address, and the right password does not get through.
    expect(outcome(await signIn(t, '192.0.2.11', email, DEMO_PASSWORD))).toBe('throttled');
    // Another account, from the same addresses, signs in.
    expect(outcome(await signIn(t, '192.0.2.1', 'ap@northshire.example', DEMO_PASSWORD))).toBe(
      'MutationSignInSuccess',
    );
  });

  test('a right password clears the account count', async () => {
    const email = 'education@northshire.example';
    const address = '198.51.100.20';
    for (let i = 0; i < 2; i++)
      expect(outcome(await signIn(t, address, email, 'nope'))).toBe('InvalidCredentialsError');
    expect(outcome(await signIn(t, address, email, DEMO_PASSWORD))).toBe('MutationSignInSuccess');
    const after = [];
    for (let i = 0; i < 4; i++)
      after.push(outcome(await signIn(t, `198.51.100.${30 + i}`, email, 'nope')));
    expect(after).toEqual([
      'InvalidCredentialsError',
      'InvalidCredentialsError',
      'InvalidCredentialsError',
      'throttled',
    ]);
  });

  test('past the address limit every account is refused from that address, not from others', async () => {
    const address = '203.0.113.50';
    const results = [];
    for (let i = 0; i < 6; i++)
      results.push(outcome(await signIn(t, address, `guess${i}@northshire.example`, 'x')));
    expect(results).toEqual([...Array(5).fill('InvalidCredentialsError'), 'throttled']);
    expect(outcome(await signIn(t, address, 'forum@northshire.example', DEMO_PASSWORD))).toBe(
      'throttled',
    );
    expect(
      outcome(await signIn(t, '203.0.113.51', 'forum@northshire.example', DEMO_PASSWORD)),
    ).toBe('MutationSignInSuccess');
  });

  test('attempts sent at once cannot slip past the limit', async () => {
    const email = 'nobody-parallel@northshire.example';
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => signIn(t, `100.64.0.${i + 1}`, email, `guess-${i}`)),
    );
    const tried = results.filter((r) => outcome(r) === 'InvalidCredentialsError');
    expect(tried).toHaveLength(3);
    expect(results.filter((r) => outcome(r) === 'throttled')).toHaveLength(9);
  });

  test('failures are audited with the normalised email, the reason and the address, never the password', async () => {
    const before = (await failedSignIns(t)).length;
    await signIn(t, '192.0.2.77', '  Viewer@Northshire.Example ', 'correct-horse-battery');
    await signIn(t, '192.0.2.77', 'no-such-person@northshire.example', 'correct-horse-battery');
    const events = (await failedSignIns(t)).slice(before);
    expect(events.map((e) => e.after)).toEqual([
      {
        email: 'viewer@northshire.example',
        method: 'password',
        reason: 'wrong_password',
        clientAddress: '192.0.2.77',
        accountId: expect.any(String),
      },
      {
        email: 'no-such-person@northshire.example',
        method: 'password',
        reason: 'unknown_account',
        clientAddress: '192.0.2.77',
        accountId: null,
      },
    ]);
    for (const event of events) {
      expect(event).toMatchObject({ partnershipId: null, planId: null, entityType: 'SignIn' });
      expect(event.actorUserId).toBeNull();
    }
    const everything = JSON.stringify(
      await t.db.prisma.auditEvent.findMany({ where: { action: { startsWith: 'sign_in' } } }),
      (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v),
    );
    expect(everything).not.toContain('correct-horse-battery');
    expect(everything).not.toContain('wrong-password');
    expect(everything).not.toContain(DEMO_PASSWORD);
    const locked = 'locked-out@northshire.example';
    for (let i = 0; i < 4; i++) await signIn(t, `192.0.2.${90 + i}`, locked, 'x');
    const reasons = await t.db.prisma.auditEvent.findMany({
      where: { action: 'sign_in.failed', entityId: locked },
      orderBy: { id: 'asc' },
    });
    expect(reasons.map((e) => (e.after as { reason: string }).reason)).toEqual([
      'unknown_account',
      'unknown_account',
      'unknown_account',
      'throttled',
    ]);
  });

  test('a successful sign-in and a sign-out are audited; no plan activity feed shows any of it', async () => {
    const { body } = await signIn(t, '192.0.2.88', 'icb@northshire.example', DEMO_PASSWORD);
    const token = body.data?.signIn?.data?.token;
    expect(token).toBeTruthy();
    const signedIn = await t.db.prisma.auditEvent.findFirst({
      where: { action: 'sign_in.succeeded' },
      orderBy: { id: 'desc' },
    });
    expect(signedIn).toMatchObject({ partnershipId: null, planId: null, entityType: 'Session' });
    expect(signedIn?.after).toMatchObject({
      email: 'icb@northshire.example',
      method: 'password',
      clientAddress: '192.0.2.88',
      device: 'Chrome on Windows',
    });
    const ctx = await t.core.contextForSession(token, { clientAddress: '192.0.2.88' });
    expect(await t.run(ctx, 'mutation { signOut }')).toEqual({ signOut: true });
    const signedOut = await t.db.prisma.auditEvent.findFirst({
      where: { action: 'session.signed_out' },
      orderBy: { id: 'desc' },
    });
    expect(signedOut?.entityId).toBe(signedIn?.entityId);

    const lead = await t.as('lead@northshire.example');
    const planId = Buffer.from('Plan:demo-plan-northshire-lip-2026').toString('base64url');
    // Something for the feed to show.
    const added = await t.run<{ addComment: { __typename: string } }>(
      lead,
      /* GraphQL */ `
        mutation ($input: AddCommentInput!) {
          addComment(input: $input) {
            __typename
          }
        }
      `,
      { input: { planId, sectionKey: 'health', body: 'Shown in the feed' } },
    );
    expect(added.addComment.__typename).toBe('MutationAddCommentSuccess');
    const feed = await t.run<{
      plan: { activity: { edges: { node: { action: string; entityType: string } }[] } };
    }>(
      lead,
      /* GraphQL */ `
        query ($id: ID!) {
          plan(id: $id) {
            activity(first: 100) {
              edges {
                node {
                  action
                  entityType
                }
              }
            }
          }
        }
      `,
      { id: planId },
    );
    // The feed is newest first, and the sign-in events are the newest of all: they would be here.
    const kinds = feed.plan.activity.edges.map((e) => e.node);
    expect(kinds.length).toBeGreaterThan(0);
    expect(kinds.filter((k) => ['SignIn', 'Session'].includes(k.entityType))).toEqual([]);
  });
});

describe('the attack from the security review, with the default limits', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = await bootCore(undefined, { auth: { ...DEFAULT_AUTH_CONFIG } });
  });
  afterAll(() => t?.close());

  const aliased = (count: number) =>
    `mutation ($input: SignInInput!) { ${Array.from(
      { length: count },
      (_, i) => `a${i}: signIn(input: $input) { __typename }`,
    ).join(' ')} }`;

  test('10 batched operations × 15 signIn aliases is refused whole (400): not one password is tried', async () => {
    const before = (await failedSignIns(t)).length;
    const batch = Array.from({ length: 10 }, (_, i) => ({
      query: aliased(15),
      variables: { input: { email: 'lead@northshire.example', password: `guess-${i}` } },
    }));
    const res = await postAs(t, '192.0.2.200', batch);
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('not in a batch');
    expect((await failedSignIns(t)).length).toBe(before);
  });

  test('one signIn in a batch is refused, and a batch without signIn still runs', async () => {
    const withSignIn = await postAs(t, '192.0.2.201', [
      { query: '{ viewer { id } }' },
      { query: SIGN_IN, variables: { input: { email: 'lead@northshire.example', password: 'x' } } },
    ]);
    expect(withSignIn.status).toBe(400);
    const without = await postAs(t, '192.0.2.201', [
      { query: '{ viewer { id } }' },
      { query: '{ signInMethods { password } }' },
    ]);
    expect(without.status).toBe(200);
    expect(await without.json()).toEqual([
      { data: { viewer: null } },
      { data: { signInMethods: { password: true } } },
    ]);
  });

  test('signIn twice in one operation, under aliases or through fragments, is a validation error (400)', async () => {
    const before = (await failedSignIns(t)).length;
    const variables = { input: { email: 'lead@northshire.example', password: 'x' } };
    for (const query of [
      aliased(15),
      aliased(2),
      `mutation ($input: SignInInput!) { ...A ...B }
       fragment A on Mutation { a: signIn(input: $input) { __typename } }
       fragment B on Mutation { b: signIn(input: $input) { __typename } }`,
    ]) {
      const res = await postAs(t, '192.0.2.202', { query, variables });
      expect(res.status).toBe(400);
      const body = (await res.json()) as GraphQLBody;
      const refusal = body.errors?.find((e) => e.extensions?.code === 'SIGN_IN_ONCE_PER_REQUEST');
      expect(refusal?.message).toMatch(/^Sign in once per request/);
    }
    expect((await failedSignIns(t)).length).toBe(before);
  });

  test('one request at a time, the account gets 10 tries in the window, then 429s', async () => {
    const results = [];
    for (let i = 0; i < 25; i++)
      results.push(outcome(await signIn(t, '192.0.2.210', 'lead@northshire.example', `g${i}`)));
    expect(results.filter((r) => r === 'InvalidCredentialsError')).toHaveLength(10);
    expect(results.slice(10)).toEqual(Array(15).fill('throttled'));
  });
});

test.runIf(testEngine() === 'postgres')(
  'on PostgreSQL the counters are shared by every instance (two cores over one database)',
  async () => {
    const limits = { signInAccountLimit: 3, signInAddressLimit: 50, signInWindowMinutes: 15 };
    const t = await bootCore(undefined, { auth: limits });
    try {
      const other = { ...t, core: createCore({ db: t.db, plugins: testPlugins, auth: limits }) };
      const email = 'shared-counter@northshire.example';
      for (let i = 0; i < 3; i++)
        expect(outcome(await signIn(t, '192.0.2.5', email, 'x'))).toBe('InvalidCredentialsError');
      expect(outcome(await signIn(other, '192.0.2.6', email, 'x'))).toBe('throttled');
      // Kept as hashes: no email address or client address in the table.
      const keys = await t.db.prisma.signInAttemptCounter.findMany({ select: { key: true } });
      expect(keys.length).toBeGreaterThan(0);
      expect(JSON.stringify(keys)).not.toMatch(/northshire|192\.0\.2/);
    } finally {
      await t.close();
    }
  },
);

test('password sign-in can be switched off: signIn is refused with a typed error, and says so', async () => {
  const t = await bootCore(undefined, { auth: { passwordSignIn: false } });
  try {
    const anonymous = await t.core.contextForSession(undefined);
    expect(await t.run(anonymous, '{ signInMethods { password } }')).toEqual({
      signInMethods: { password: false },
    });
    const result = await t.run<{ signIn: { __typename: string; message: string } }>(
      anonymous,
      SIGN_IN,
      { input: { email: 'lead@northshire.example', password: DEMO_PASSWORD } },
    );
    expect(result.signIn).toEqual({
      __typename: 'PasswordSignInDisabledError',
      message:
        'Signing in with a password is switched off here. Use one of the other ways to sign in.',
    });
    expect(await t.db.prisma.session.count()).toBe(0);
  } finally {
    await t.close();
  }
});

describe('settings from the environment', () => {
  test('defaults, and every variable read', () => {
    expect(authConfigFromEnv({})).toEqual(DEFAULT_AUTH_CONFIG);
    expect(
      authConfigFromEnv({
        PASSWORD_SIGN_IN: 'off',
        SESSION_IDLE_HOURS: '0.5',
        SESSION_MAX_HOURS: '12',
        SIGN_IN_ACCOUNT_LIMIT: '5',
        SIGN_IN_ADDRESS_LIMIT: '1000',
        SIGN_IN_WINDOW_MINUTES: '30',
      }),
    ).toEqual({
      passwordSignIn: false,
      sessionIdleHours: 0.5,
      sessionMaxHours: 12,
      signInAccountLimit: 5,
      signInAddressLimit: 1000,
      signInWindowMinutes: 30,
    });
  });

  test('nonsense stops the start with the variable named', () => {
    expect(() => authConfigFromEnv({ PASSWORD_SIGN_IN: 'maybe' })).toThrow(AuthConfigError);
    expect(() => authConfigFromEnv({ SIGN_IN_ACCOUNT_LIMIT: '2.5' })).toThrow(
      /SIGN_IN_ACCOUNT_LIMIT/,
    );
    expect(() => authConfigFromEnv({ SESSION_IDLE_HOURS: '-1' })).toThrow(/SESSION_IDLE_HOURS/);
    expect(() => authConfigFromEnv({ SESSION_IDLE_HOURS: '48' })).toThrow(/SESSION_MAX_HOURS/);
  });
});
