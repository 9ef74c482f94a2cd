// Signing in and out: argon2 passwords, sessions keyed by the SHA-256 of a random token.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { bootCore, DEMO_PASSWORD, type TestCore } from './support/core.ts';

const SIGN_IN = /* GraphQL */ `
  mutation ($input: SignInInput!) {
    signIn(input: $input) {
      __typename
      ... on MutationSignInSuccess {
        data {
          token
          expiresAt
          user {
            email
            name
          }
        }
      }
      ... on Error {
        message
      }
      ... on ValidationError {
        fieldErrors {
          path
          message
        }
      }
    }
  }
`;

interface SignInData {
  signIn: {
    __typename: string;
    message?: string;
    data?: { token: string; expiresAt: string; user: { email: string } };
    fieldErrors?: { path: string[]; message: string }[];
  };
}

let t: TestCore;
beforeAll(async () => {
  t = await bootCore();
});
afterAll(() => t?.close());

const signIn = async (email: string, password: string) =>
  (
    await t.run<SignInData>(await t.core.contextForSession(undefined), SIGN_IN, {
      input: { email, password },
    })
  ).signIn;

test('the right password signs in: a session of a day at most, stored by the hash of its token', async () => {
  const result = await signIn(' ICB@northshire.example ', DEMO_PASSWORD);
  expect(result.__typename).toBe('MutationSignInSuccess');
  const { token, expiresAt, user } = result.data!;
  expect(user.email).toBe('icb@northshire.example');
  const hours = (new Date(expiresAt).getTime() - Date.now()) / 3_600_000;
  expect(hours).toBeGreaterThan(23.9);
  expect(hours).toBeLessThanOrEqual(24);
  const stored = await t.db.prisma.session.findUnique({
    where: { id: createHash('sha256').update(token).digest('hex') },
  });
  expect(stored).not.toBeNull();
  expect(await t.db.prisma.session.findUnique({ where: { id: token } })).toBeNull();
  const ctx = await t.core.contextForSession(token);
  expect(ctx.user?.email).toBe('icb@northshire.example');
  expect(ctx.memberships.size).toBe(1);
});

test('a wrong password and an unknown email get the same answer', async () => {
  const wrong = await signIn('icb@northshire.example', 'not-the-password');
  const unknown = await signIn('nobody@northshire.example', 'not-the-password');
  expect(wrong).toEqual({
    __typename: 'InvalidCredentialsError',
    message: 'Enter a correct email address and password',
  });
  expect(unknown).toEqual(wrong);
});

test('blank or malformed input says what to fix', async () => {
  const result = await signIn('not-an-email', '');
  expect(result.__typename).toBe('ValidationError');
  expect(result.fieldErrors).toEqual([
    {
      path: ['email'],
      message: 'Enter an email address in the correct format, like name@example.com',
    },
    { path: ['password'], message: 'Enter your password' },
  ]);
});

test('signing out ends the session', async () => {
  const { token } = (await signIn('viewer@northshire.example', DEMO_PASSWORD)).data!;
  const ctx = await t.core.contextForSession(token);
  expect(await t.run(ctx, 'mutation { signOut }')).toEqual({ signOut: true });
  expect((await t.core.contextForSession(token)).user).toBeNull();
  expect(await t.run(ctx, 'mutation { signOut }')).toEqual({ signOut: false });
});

test('an expired session is signed out', async () => {
  const { token } = (await signIn('forum@northshire.example', DEMO_PASSWORD)).data!;
  await t.db.prisma.session.updateMany({
    where: { id: createHash('sha256').update(token).digest('hex') },
    data: { expiresAt: new Date(Date.now() - 1000) },
  });
  expect((await t.core.contextForSession(token)).user).toBeNull();
});
