// Sign-in through OpenID Connect against a real OpenID provider (node-oidc-provider) started here:
// oidcStart → the provider's sign-in page (driven with fetch, as a browser would) → oidcComplete.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseOidcProviders, type RequestContext } from '../src/index.ts';
import { createTestCore, type TestCore } from '../src/testing.ts';
import {
  signInAtProvider,
  startTestOidcProvider,
  type ProviderSignIn,
  type TestOidcProvider,
} from '../src/test-servers/index.ts';
import { testPlugins } from './support/plugins.ts';

const APP = 'http://app.test';
const callbackOf = (id: string) => `${APP}/auth/oidc/${id}/callback`;

const OIDC_START = /* GraphQL */ `
  mutation ($input: OidcStartInput!) {
    oidcStart(input: $input) {
      __typename
      ... on MutationOidcStartSuccess {
        data {
          authorizationUrl
          transient
        }
      }
      ... on OidcSignInError {
        reason
        message
      }
    }
  }
`;

const OIDC_COMPLETE = /* GraphQL */ `
  mutation ($input: OidcCompleteInput!) {
    oidcComplete(input: $input) {
      __typename
      ... on MutationOidcCompleteSuccess {
        data {
          token
          redirectTo
          user {
            email
          }
        }
      }
      ... on OidcSignInError {
        reason
        message
      }
    }
  }
`;

interface StartData {
  oidcStart: {
    __typename: string;
    data?: { authorizationUrl: string; transient: string };
    reason?: string;
    message?: string;
  };
}
interface CompleteData {
  oidcComplete: {
    __typename: string;
    data?: { token: string; redirectTo: string; user: { email: string } };
    reason?: string;
    message?: string;
  };
}

/** Audit rows as text (their ids are bigints). */
const asText = (value: unknown) =>
  JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));

let council: TestOidcProvider;
let nhs: TestOidcProvider;
let t: TestCore;
let anonymous: RequestContext;

beforeAll(async () => {
  council = await startTestOidcProvider({
    title: 'Northshire County Council',
    redirectUris: [callbackOf('northshire')],
    // Entra ID sends no email_verified claim.
    users: [
      { email: 'viewer@northshire.example' },
      { email: 'someone@elsewhere.example' },
      { email: 'stranger@northshire.example' },
    ],
  });
  nhs = await startTestOidcProvider({
    title: 'NHSmail',
    redirectUris: [callbackOf('nhsmail')],
    users: [
      { email: 'icb@northshire.example', emailVerified: true, groups: ['g-health-editors'] },
      { email: 'ap@northshire.example', emailVerified: true, groups: ['g-unrelated'] },
      { email: 'care@northshire.example', emailVerified: false },
      { email: 'education@northshire.example', emailVerified: true },
    ],
  });
  const oidcProviders = parseOidcProviders(
    JSON.stringify([
      {
        id: 'northshire',
        displayName: 'Northshire County Council',
        issuer: council.issuer,
        clientId: council.clientId,
        clientSecretEnv: 'NORTHSHIRE_SECRET',
        allowedEmailDomains: ['northshire.example'],
        emailsAreVerified: true,
      },
      {
        id: 'nhsmail',
        displayName: 'NHSmail',
        issuer: nhs.issuer,
        clientId: nhs.clientId,
        clientSecret: nhs.clientSecret,
        allowedEmailDomains: ['northshire.example'],
        groupRoles: {
          map: {
            'g-health-editors': { partnership: 'northshire', roles: ['SECTION_EDITOR'] },
            'g-signatories': { partnership: 'northshire', roles: ['SIGNATORY'] },
          },
        },
      },
    ]),
    { NORTHSHIRE_SECRET: council.clientSecret },
  );
  t = await createTestCore({ plugins: testPlugins, identity: { oidcProviders } });
  anonymous = await t.anonymous();
}, 60_000);

afterAll(async () => {
  await t?.close();
  await council?.close();
  await nhs?.close();
});

async function run<T>(document: string, variables: Record<string, unknown>): Promise<T> {
  const result = await t.core.execute<T>({ document, variables, context: anonymous });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data as T;
}

const start = async (provider: string, redirectTo = '/partnerships/northshire') =>
  (
    await run<StartData>(OIDC_START, {
      input: { provider, redirectUri: callbackOf(provider), redirectTo },
    })
  ).oidcStart;

const complete = async (provider: string, callbackUrl: string, transient: string) =>
  (await run<CompleteData>(OIDC_COMPLETE, { input: { provider, callbackUrl, transient } }))
    .oidcComplete;

/** The whole journey: start, sign in at the provider, come back. */
async function signInWith(provider: 'northshire' | 'nhsmail', how: ProviderSignIn) {
  const started = await start(provider);
  expect(started.__typename).toBe('MutationOidcStartSuccess');
  const { authorizationUrl, transient } = started.data!;
  const issuer = provider === 'northshire' ? council.issuer : nhs.issuer;
  const callbackUrl = await signInAtProvider(authorizationUrl, issuer, how);
  expect(callbackUrl.startsWith(callbackOf(provider))).toBe(true);
  return { result: await complete(provider, callbackUrl, transient), callbackUrl, transient };
}

const auditOf = (action: string) =>
  t.db.prisma.auditEvent.findMany({ where: { action }, orderBy: { id: 'asc' } });

test('the sign-in options list the configured providers', async () => {
  const result = await t.core.execute<{ identityProviders: unknown[] }>({
    document: '{ identityProviders { id displayName } }',
    context: anonymous,
  });
  expect(result.data?.identityProviders).toEqual([
    { id: 'northshire', displayName: 'Northshire County Council' },
    { id: 'nhsmail', displayName: 'NHSmail' },
  ]);
});

test('the authorization request uses PKCE (S256), state and nonce, and nothing secret', async () => {
  const started = await start('northshire');
  const url = new URL(started.data!.authorizationUrl);
  expect(url.origin).toBe(council.issuer);
  const params = url.searchParams;
  expect(params.get('response_type')).toBe('code');
  expect(params.get('code_challenge_method')).toBe('S256');
  expect(params.get('code_challenge')).toMatch(/^[\w-]{43}$/);
  expect(params.get('state')).toBeTruthy();
  expect(params.get('nonce')).toBeTruthy();
  expect(params.get('redirect_uri')).toBe(callbackOf('northshire'));
  // The transient value (kept in a cookie) is not in the URL, nor is the code verifier.
  expect(url.href).not.toContain(started.data!.transient);
  const rows = await t.db.prisma.oidcSignInAttempt.findMany();
  for (const row of rows) {
    expect(url.href).not.toContain(row.codeVerifier);
    expect(row.id).not.toBe(started.data!.transient);
  }
});

test('a council user signs in (the provider asserts verified emails): a working session', async () => {
  const { result, callbackUrl, transient } = await signInWith('northshire', {
    email: 'viewer@northshire.example',
  });
  expect(result.__typename).toBe('MutationOidcCompleteSuccess');
  expect(result.data!.user.email).toBe('viewer@northshire.example');
  expect(result.data!.redirectTo).toBe('/partnerships/northshire');

  const ctx = await t.core.contextForSession(result.data!.token);
  const viewer = await t.core.execute<{ viewer: { email: string } | null }>({
    document: '{ viewer { email } }',
    context: ctx,
  });
  expect(viewer.data?.viewer?.email).toBe('viewer@northshire.example');

  const [event] = (await auditOf('sign_in.oidc')).slice(-1);
  expect(event).toMatchObject({ entityType: 'User', actorUserId: ctx.user!.id });
  expect(event!.after).toMatchObject({
    provider: 'northshire',
    subject: 'viewer@northshire.example',
  });
  expect(asText(event)).not.toContain(result.data!.token);

  // The same callback again (a replayed or bookmarked URL) finds its attempt used up.
  const replay = await complete('northshire', callbackUrl, transient);
  expect(replay).toMatchObject({ __typename: 'OidcSignInError', reason: 'EXPIRED' });
});

test('an email outside the allowed domains is refused, and the refusal audited by domain only', async () => {
  const { result } = await signInWith('northshire', { email: 'someone@elsewhere.example' });
  expect(result).toMatchObject({ __typename: 'OidcSignInError', reason: 'EMAIL_NOT_ALLOWED' });
  expect(result.message).toContain('Northshire County Council');
  const [event] = (await auditOf('sign_in.oidc_refused')).slice(-1);
  expect(event!.after).toEqual({
    provider: 'northshire',
    reason: 'EMAIL_NOT_ALLOWED',
    emailDomain: 'elsewhere.example',
  });
  expect(asText(event)).not.toContain('someone@');
});

test('an email the provider says is not verified is refused', async () => {
  const { result } = await signInWith('nhsmail', { email: 'care@northshire.example' });
  expect(result).toMatchObject({ __typename: 'OidcSignInError', reason: 'EMAIL_NOT_VERIFIED' });
});

test('a verified email with no membership is told to ask for an invitation', async () => {
  const { result } = await signInWith('northshire', { email: 'stranger@northshire.example' });
  expect(result).toEqual({
    __typename: 'OidcSignInError',
    reason: 'NO_ACCOUNT',
    message:
      'Your organisation account is not linked to a partnership in this service: ask your partnership lead to invite you',
  });
});

test('cancelling at the provider is a refusal the person can act on', async () => {
  const { result } = await signInWith('nhsmail', { cancel: true });
  expect(result).toMatchObject({ __typename: 'OidcSignInError', reason: 'DENIED' });
  expect(result.message).toContain('You did not allow NHSmail');
});

test('an unknown provider is refused at the start', async () => {
  const started = await start('nowhere');
  expect(started).toMatchObject({ __typename: 'OidcSignInError', reason: 'UNKNOWN_PROVIDER' });
});

test('a callback whose state was changed is refused, and uses up the attempt', async () => {
  const started = await start('nhsmail');
  const callbackUrl = await signInAtProvider(started.data!.authorizationUrl, nhs.issuer, {
    email: 'education@northshire.example',
  });
  const forged = new URL(callbackUrl);
  forged.searchParams.set('state', 'forged');
  const result = await complete('nhsmail', forged.href, started.data!.transient);
  expect(result).toMatchObject({ __typename: 'OidcSignInError', reason: 'PROVIDER_ERROR' });
  const genuine = await complete('nhsmail', callbackUrl, started.data!.transient);
  expect(genuine).toMatchObject({ __typename: 'OidcSignInError', reason: 'EXPIRED' });
});

test("another browser's transient value does not complete the sign-in", async () => {
  const mine = await start('nhsmail');
  const theirs = await start('nhsmail');
  const callbackUrl = await signInAtProvider(mine.data!.authorizationUrl, nhs.issuer, {
    email: 'education@northshire.example',
  });
  const result = await complete('nhsmail', callbackUrl, theirs.data!.transient);
  expect(result.__typename).toBe('OidcSignInError');
});

describe('roles from groups', () => {
  const rolesOf = async (email: string) =>
    (
      await t.db.prisma.member.findFirstOrThrow({
        where: { user: { email }, partnership: { slug: 'northshire' } },
      })
    ).roles;

  test("the member's roles follow the groups at sign-in, audited on the member", async () => {
    expect(await rolesOf('icb@northshire.example')).toEqual(['SECTION_EDITOR', 'SIGNATORY']);
    const { result } = await signInWith('nhsmail', { email: 'icb@northshire.example' });
    expect(result.__typename).toBe('MutationOidcCompleteSuccess');
    expect(await rolesOf('icb@northshire.example')).toEqual(['SECTION_EDITOR']);

    // At once: the new session sees the new roles.
    const ctx = await t.core.contextForSession(result.data!.token);
    expect([...ctx.memberships.values()][0]!.roles).toEqual(['SECTION_EDITOR']);

    const member = await t.db.prisma.member.findFirstOrThrow({
      where: { user: { email: 'icb@northshire.example' } },
    });
    const events = await t.db.prisma.auditEvent.findMany({
      where: { entityType: 'Member', entityId: member.id, action: 'member.update' },
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      partnershipId: member.partnershipId,
      before: { roles: ['SECTION_EDITOR', 'SIGNATORY'] },
      after: { roles: ['SECTION_EDITOR'], provider: 'nhsmail' },
    });

    // Signing in again with the same groups changes nothing and audits no change.
    await signInWith('nhsmail', { email: 'icb@northshire.example' });
    expect(
      await t.db.prisma.auditEvent.count({
        where: { entityType: 'Member', entityId: member.id, action: 'member.update' },
      }),
    ).toBe(1);
  });

  test('a member in none of the mapped groups keeps read access only', async () => {
    const { result } = await signInWith('nhsmail', { email: 'ap@northshire.example' });
    expect(result.__typename).toBe('MutationOidcCompleteSuccess');
    expect(await rolesOf('ap@northshire.example')).toEqual(['VIEWER']);
  });

  test('a token without the groups claim leaves the roles as they are', async () => {
    const before = await rolesOf('education@northshire.example');
    const { result } = await signInWith('nhsmail', { email: 'education@northshire.example' });
    expect(result.__typename).toBe('MutationOidcCompleteSuccess');
    expect(await rolesOf('education@northshire.example')).toEqual(before);
  });
});

describe('provider configuration', () => {
  const valid = {
    id: 'council',
    displayName: 'Council',
    issuer: 'https://login.microsoftonline.com/tenant/v2.0',
    clientId: 'id',
    clientSecret: 'secret',
    allowedEmailDomains: ['Council.gov.uk'],
  };
  test('defaults: verified emails required, the email claim, the scopes; domains lower-cased', () => {
    const [provider] = parseOidcProviders(JSON.stringify([valid]));
    expect(provider).toMatchObject({
      emailsAreVerified: false,
      emailClaim: 'email',
      scopes: ['openid', 'email', 'profile'],
      allowedEmailDomains: ['council.gov.uk'],
    });
  });
  test.each([
    ['not JSON', '{', /not JSON/],
    ['a duplicate id', JSON.stringify([valid, valid]), /unique/],
    ['no secret', JSON.stringify([{ ...valid, clientSecret: undefined }]), /clientSecret/],
    [
      'an unknown field',
      JSON.stringify([{ ...valid, allowedDomains: ['x.org'] }]),
      /allowedDomains/,
    ],
    [
      'an unknown role',
      JSON.stringify([
        { ...valid, groupRoles: { map: { g: { partnership: 'p', roles: ['OWNER'] } } } },
      ]),
      /roles/,
    ],
  ])('refuses %s with a message', (_what, json, message) => {
    expect(() => parseOidcProviders(json)).toThrow(message);
  });
  test('a secret named by clientSecretEnv must be set', () => {
    const json = JSON.stringify([{ ...valid, clientSecret: undefined, clientSecretEnv: 'NOPE' }]);
    expect(() => parseOidcProviders(json, {})).toThrow(/NOPE/);
  });
});
