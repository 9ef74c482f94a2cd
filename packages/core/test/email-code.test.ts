// Sign-in with an emailed code, through GraphQL, with the mail really sent over SMTP to a server
// started here (smtp-server) and the code read from the mail it received.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  consoleTransport,
  createMailer,
  mailerOptionsFromEnv,
  smtpTransport,
} from '../src/mail/mailer.ts';
import type { CodeAttempt, RequestContext } from '../src/index.ts';
import { createTestCore, type TestCore } from '../src/testing.ts';
import { startTestSmtpServer, type TestSmtpServer } from '../src/test-servers/index.ts';
import { testPlugins } from './support/plugins.ts';

const REQUEST = /* GraphQL */ `
  mutation ($input: RequestSignInCodeInput!) {
    requestSignInCode(input: $input) {
      __typename
      ... on MutationRequestSignInCodeSuccess {
        data
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

const SIGN_IN = /* GraphQL */ `
  mutation ($input: SignInWithCodeInput!) {
    signInWithCode(input: $input) {
      __typename
      ... on MutationSignInWithCodeSuccess {
        data {
          token
          user {
            email
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
  signInWithCode: {
    __typename: string;
    data?: { token: string; user: { email: string } };
    message?: string;
    fieldErrors?: Array<{ path: string[]; message: string }>;
  };
}

const FORUM = 'forum@northshire.example';
const WRONG_CODE_MESSAGE =
  'Enter the code from the email we sent you. Codes last 10 minutes and can be tried 5 times: if yours has run out, ask for a new one';

/** Audit rows as text (their ids are bigints). */
const asText = (value: unknown) =>
  JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));

let smtp: TestSmtpServer;
let t: TestCore;
let anonymous: RequestContext;
const failures: Array<Pick<CodeAttempt, 'email'>> = [];

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  t = await createTestCore({
    plugins: testPlugins,
    identity: {
      mail: { transport: smtpTransport(smtp.url), from: 'LIP <no-reply@lip.test>' },
      codeHooks: {
        onCodeFailure: (attempt) => {
          failures.push({ email: attempt.email });
          return Promise.resolve();
        },
      },
    },
  });
  anonymous = await t.anonymous();
}, 60_000);

afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

async function run<T>(document: string, variables: Record<string, unknown>): Promise<T> {
  const result = await t.core.execute<T>({ document, variables, context: anonymous });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data as T;
}

const requestCode = (email: string) =>
  run<{ requestSignInCode: { __typename: string; data?: boolean } }>(REQUEST, {
    input: { email },
  });

const signInWithCode = async (email: string, code: string) =>
  (await run<SignInData>(SIGN_IN, { input: { email, code } })).signInWithCode;

/** Asks for a code and reads it from the mail the SMTP server received. */
async function codeByEmail(email: string): Promise<string> {
  const answer = await requestCode(email);
  expect(answer.requestSignInCode).toEqual({
    __typename: 'MutationRequestSignInCodeSuccess',
    data: true,
  });
  const mail = await smtp.nextMail(email);
  const code = /\b(\d{6})\b/.exec(mail.text)?.[1];
  if (!code) throw new Error(`No code in the mail: ${mail.text}`);
  return code;
}

const otherThan = (code: string) => (code === '000000' ? '111111' : '000000');

test('a forum member signs in with the code from the email: a working session', async () => {
  const code = await codeByEmail(FORUM);
  const mail = smtp.messages.at(-1)!;
  expect(mail.from).toBe('no-reply@lip.test');
  expect(mail.subject).toBe('Your sign-in code for the Local inclusion plan builder');
  expect(mail.text).toContain('It lasts 10 minutes');

  // Only the hash is stored; the sent mail's text is blanked.
  const stored = await t.db.prisma.emailSignInCode.findUniqueOrThrow({ where: { email: FORUM } });
  expect(stored.codeHash).not.toContain(code);
  expect(stored.codeHash).toMatch(/^\$argon2/);
  await t.core.mailer.drain();
  const sent = await t.db.prisma.emailOutbox.findFirstOrThrow({
    where: { to: FORUM },
    orderBy: { createdAt: 'desc' },
  });
  expect(sent).toMatchObject({ status: 'SENT', template: 'sign-in-code', text: '', attempts: 1 });

  const result = await signInWithCode(FORUM, ` ${code.slice(0, 3)} ${code.slice(3)} `);
  expect(result.__typename).toBe('MutationSignInWithCodeSuccess');
  expect(result.data!.user.email).toBe(FORUM);
  const ctx = await t.core.contextForSession(result.data!.token);
  expect(ctx.user?.email).toBe(FORUM);

  const events = await t.db.prisma.auditEvent.findMany({
    where: { entityType: 'User', entityId: ctx.user!.id, action: { startsWith: 'sign_in.code' } },
    orderBy: { id: 'asc' },
  });
  expect(events.map((e) => e.action)).toEqual(['sign_in.code_sent', 'sign_in.code']);
  expect(asText(events)).not.toContain(code);

  // Used once.
  expect(await signInWithCode(FORUM, code)).toEqual({
    __typename: 'InvalidSignInCodeError',
    message: WRONG_CODE_MESSAGE,
  });
});

test('an address without an account gets the same answer, and no code or mail', async () => {
  const stranger = 'stranger@northshire.example';
  expect((await requestCode(stranger)).requestSignInCode).toEqual({
    __typename: 'MutationRequestSignInCodeSuccess',
    data: true,
  });
  await t.core.mailer.drain();
  expect(await t.db.prisma.emailSignInCode.count({ where: { email: stranger } })).toBe(0);
  expect(await t.db.prisma.emailOutbox.count({ where: { to: stranger } })).toBe(0);
  expect(await signInWithCode(stranger, '123456')).toEqual({
    __typename: 'InvalidSignInCodeError',
    message: WRONG_CODE_MESSAGE,
  });
});

test('a service administrator in no partnership gets a code; an account in none and not one does not', async () => {
  // The demo's administrator belongs to no partnership: `admin:create`'s first one may have no password.
  const admin = 'admin@service.example';
  const code = await codeByEmail(admin);
  const result = await signInWithCode(admin, code);
  expect(result.__typename).toBe('MutationSignInWithCodeSuccess');
  expect((await t.core.contextForSession(result.data!.token)).user?.isSystemAdmin).toBe(true);

  const nobody = await t.db.prisma.user.create({
    data: { email: 'left@northshire.example', name: 'Former member' },
  });
  await requestCode(nobody.email);
  await t.core.mailer.drain();
  expect(await t.db.prisma.emailOutbox.count({ where: { to: nobody.email } })).toBe(0);
});

test('a new code replaces the old one', async () => {
  const first = await codeByEmail(FORUM);
  const second = await codeByEmail(FORUM);
  expect(await t.db.prisma.emailSignInCode.count({ where: { email: FORUM } })).toBe(1);
  if (first !== second)
    expect((await signInWithCode(FORUM, first)).__typename).toBe('InvalidSignInCodeError');
  expect((await signInWithCode(FORUM, second)).__typename).toBe('MutationSignInWithCodeSuccess');
});

test('five wrong tries use the code up, and each is reported to the throttle hook', async () => {
  const code = await codeByEmail(FORUM);
  const before = failures.length;
  for (let i = 0; i < 5; i++)
    expect((await signInWithCode(FORUM, otherThan(code))).__typename).toBe(
      'InvalidSignInCodeError',
    );
  expect(failures.slice(before)).toEqual(Array(5).fill({ email: FORUM }));
  expect(await signInWithCode(FORUM, code)).toMatchObject({
    __typename: 'InvalidSignInCodeError',
  });
  const refused = await t.db.prisma.auditEvent.findMany({
    where: { action: 'sign_in.code_refused' },
    orderBy: { id: 'desc' },
    take: 6,
  });
  expect(refused.map((e) => (e.after as { reason: string }).reason).reverse()).toEqual([
    'wrong code',
    'wrong code',
    'wrong code',
    'wrong code',
    'wrong code',
    'no live code',
  ]);
});

test('four wrong tries leave the fifth to the right code', async () => {
  const code = await codeByEmail(FORUM);
  for (let i = 0; i < 4; i++) await signInWithCode(FORUM, otherThan(code));
  expect((await signInWithCode(FORUM, code)).__typename).toBe('MutationSignInWithCodeSuccess');
});

test('a code older than 10 minutes does not sign in', async () => {
  const code = await codeByEmail(FORUM);
  await t.db.prisma.emailSignInCode.update({
    where: { email: FORUM },
    data: { expiresAt: new Date(Date.now() - 1000) },
  });
  expect((await signInWithCode(FORUM, code)).__typename).toBe('InvalidSignInCodeError');
});

test('what is not a 6-digit code, or not an email address, is a validation error', async () => {
  const notACode = await signInWithCode(FORUM, '12ab56');
  expect(notACode.__typename).toBe('ValidationError');
  expect(notACode.fieldErrors).toEqual([
    { path: ['code'], message: 'Enter the 6-digit code from the email' },
  ]);
  const notAnEmail = await requestCode('forum');
  expect(notAnEmail.requestSignInCode.__typename).toBe('ValidationError');
});

describe('the outbox', () => {
  test('a refused mail is tried again later, with backoff, and then sent', async () => {
    smtp.refuseNext(1);
    const answer = await requestCode(FORUM);
    expect(answer.requestSignInCode.__typename).toBe('MutationRequestSignInCodeSuccess');
    await t.core.mailer.drain();
    const waiting = await t.db.prisma.emailOutbox.findFirstOrThrow({
      where: { to: FORUM },
      orderBy: { createdAt: 'desc' },
    });
    expect(waiting).toMatchObject({ status: 'PENDING', attempts: 1 });
    expect(waiting.lastError).toMatch(/451/);
    expect(waiting.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    expect(waiting.text).toContain('Your sign-in code is');

    // Due now (as if the backoff had passed): the next drain sends it.
    await t.db.prisma.emailOutbox.update({
      where: { id: waiting.id },
      data: { nextAttemptAt: new Date() },
    });
    expect(await t.core.mailer.drain()).toBe(1);
    const mail = await smtp.nextMail(FORUM);
    const code = /\b(\d{6})\b/.exec(mail.text)![1]!;
    expect((await signInWithCode(FORUM, code)).__typename).toBe('MutationSignInWithCodeSuccess');
  });

  test('without a transport, mails wait and the log says how many, never to whom', async () => {
    const lines: string[] = [];
    const idle = createMailer(t.db.prisma, {
      transport: null,
      from: 'x@lip.test',
      log: (line) => lines.push(line),
    });
    await t.db.prisma.emailOutbox.create({
      data: { to: 'someone@northshire.example', subject: 's', text: 'secret', template: 'test' },
    });
    expect(await idle.drain()).toBe(0);
    expect(lines.join('\n')).toMatch(/mail\(s\) waiting in the outbox: set SMTP_URL/);
    expect(lines.join('\n')).not.toContain('@');
    expect(lines.join('\n')).not.toContain('secret');
  });

  test('a sensitive mail past its discard time is not sent, and its text is blanked', async () => {
    const row = await t.db.prisma.emailOutbox.create({
      data: {
        to: FORUM,
        subject: 'old code',
        text: 'Your sign-in code is 999999',
        template: 'sign-in-code',
        sensitive: true,
        discardAfter: new Date(Date.now() - 1000),
      },
    });
    await t.core.mailer.drain();
    expect(
      await t.db.prisma.emailOutbox.findUniqueOrThrow({ where: { id: row.id } }),
    ).toMatchObject({ status: 'EXPIRED', text: '', sentAt: null });
  });

  test('SMTP_URL sends; without it mails wait, except in the demo, which prints them', () => {
    const smtpOptions = mailerOptionsFromEnv({
      SMTP_URL: 'smtp://127.0.0.1:2525',
      MAIL_FROM: 'a@b.example',
    });
    expect(smtpOptions.transport?.name).toBe('smtp');
    expect(smtpOptions.from).toBe('a@b.example');
    smtpOptions.transport?.close?.();
    expect(mailerOptionsFromEnv({}).transport).toBeNull();
    expect(mailerOptionsFromEnv({ LIP_DEMO: '1' }).transport?.name).toBe('console');
    expect(mailerOptionsFromEnv({}, true).transport?.name).toBe('console');
  });

  test("the demo's console transport prints the mail whole and marks it sent", async () => {
    const printed: string[] = [];
    const demo = createMailer(t.db.prisma, {
      transport: consoleTransport((text) => printed.push(text)),
      from: 'x@lip.test',
    });
    const row = await t.db.prisma.emailOutbox.create({
      data: {
        to: 'demo@northshire.example',
        subject: 'Hello',
        text: 'Code 123123',
        template: 'test',
      },
    });
    await demo.drain();
    expect(printed.join('\n')).toContain('To: demo@northshire.example');
    expect(printed.join('\n')).toContain('Code 123123');
    expect(
      (await t.db.prisma.emailOutbox.findUniqueOrThrow({ where: { id: row.id } })).status,
    ).toBe('SENT');
  });
});
