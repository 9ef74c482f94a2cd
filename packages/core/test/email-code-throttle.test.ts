// Wrong emailed codes count against the same per-account budget as wrong passwords (the sign-in
// throttle), beside each code's own five tries: a fresh code does not buy more guesses.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { smtpTransport } from '../src/mail/mailer.ts';
import type { RequestContext } from '../src/index.ts';
import { createTestCore, type TestCore } from '../src/testing.ts';
import { startTestSmtpServer, type TestSmtpServer } from '../src/test-servers/index.ts';
import { testPlugins } from './support/plugins.ts';

const REQUEST = /* GraphQL */ `
  mutation ($input: RequestSignInCodeInput!) {
    requestSignInCode(input: $input) {
      __typename
    }
  }
`;
const SIGN_IN = /* GraphQL */ `
  mutation ($input: SignInWithCodeInput!) {
    signInWithCode(input: $input) {
      __typename
    }
  }
`;

const FORUM = 'forum@northshire.example';
const LEAD = 'lead@northshire.example';

let smtp: TestSmtpServer;
let t: TestCore;
let anonymous: RequestContext;

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  t = await createTestCore({
    plugins: testPlugins,
    auth: { signInAccountLimit: 3, signInAddressLimit: 100, signInWindowMinutes: 15 },
    identity: { mail: { transport: smtpTransport(smtp.url), from: 'LIP <no-reply@lip.test>' } },
  });
  anonymous = { ...(await t.anonymous()), clientAddress: '203.0.113.7' };
}, 60_000);

afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

async function codeByEmail(email: string): Promise<string> {
  await t.core.execute({ document: REQUEST, variables: { input: { email } }, context: anonymous });
  const mail = await smtp.nextMail(email);
  const code = /\b(\d{6})\b/.exec(mail.text)?.[1];
  if (!code) throw new Error(`No code in the mail: ${mail.text}`);
  return code;
}

const attempt = (email: string, code: string) =>
  t.core.execute<{ signInWithCode: { __typename: string } }>({
    document: SIGN_IN,
    variables: { input: { email, code } },
    context: anonymous,
  });

const wrong = (code: string) => (code === '000000' ? '111111' : '000000');

test('after the account’s limit even the right code is refused, with when to try again; others are unaffected', async () => {
  const first = await codeByEmail(FORUM);
  for (let i = 0; i < 3; i++) {
    const result = await attempt(FORUM, wrong(first));
    expect(result.data?.signInWithCode.__typename).toBe('InvalidSignInCodeError');
  }
  // A new code does not reset the account's count.
  const second = await codeByEmail(FORUM);
  const refused = await attempt(FORUM, second);
  expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
  expect(Number(refused.errors?.[0]?.extensions?.retryAfterSeconds)).toBeGreaterThan(0);

  // Another account, from the same address, signs in with its code.
  const lead = await codeByEmail(LEAD);
  const ok = await attempt(LEAD, lead);
  expect(ok.data?.signInWithCode.__typename).toBe('MutationSignInWithCodeSuccess');
});
