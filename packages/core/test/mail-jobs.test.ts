// Outgoing mail runs as durable jobs: a mail queued on an instance without workers (LIP_WORKERS=0)
// is sent by another instance's worker on the same database, once, through that instance's
// transport; the outbox stays the record of what was sent.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createCore, type Core } from '../src/index.ts';
import type { MailMessage, MailTransport } from '../src/mail/mailer.ts';
import { createTestCore, type TestCore } from '../src/testing.ts';
import { testPlugins } from './support/plugins.ts';

const REQUEST = /* GraphQL */ `
  mutation ($input: RequestSignInCodeInput!) {
    requestSignInCode(input: $input) {
      __typename
    }
  }
`;

function recordingTransport(): MailTransport & { sent: MailMessage[] } {
  const sent: MailMessage[] = [];
  return {
    name: 'recording',
    sent,
    send(message) {
      sent.push(message);
      return Promise.resolve();
    },
  };
}

const webOnly = recordingTransport();
const worker = recordingTransport();
let a: TestCore;
let b: Core;

beforeAll(async () => {
  // Instance A serves web requests only; instance B runs the workers.
  a = await createTestCore({
    plugins: testPlugins,
    workers: false,
    identity: { mail: { transport: webOnly, from: 'LIP <no-reply@lip.test>' } },
  });
  b = createCore({
    db: a.db,
    plugins: testPlugins,
    identity: { mail: { transport: worker, from: 'LIP <no-reply@lip.test>' } },
    jobs: { pollingIntervalSeconds: 0.5, retryDelaySeconds: 1 },
  });
});
afterAll(async () => {
  await b?.jobs.stop();
  b?.mailer.stop();
  await b?.close();
  await a?.close();
});

test('a sign-in code asked for on a web-only instance is mailed by another instance’s worker, once', async () => {
  const result = await a.core.execute<{ requestSignInCode: { __typename: string } }>({
    document: REQUEST,
    variables: { input: { email: 'icb@northshire.example' } },
    context: await a.anonymous(),
  });
  expect(result.data?.requestSignInCode.__typename).toBe('MutationRequestSignInCodeSuccess');

  // Nobody runs jobs yet: the mail waits in the outbox.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  expect(webOnly.sent).toHaveLength(0);
  expect(
    await a.db.prisma.emailOutbox.count({
      where: { to: 'icb@northshire.example', status: 'PENDING' },
    }),
  ).toBe(1);

  await b.jobs.start();
  await expect
    .poll(() => worker.sent.map((mail) => mail.to), { timeout: 20_000 })
    .toEqual(['icb@northshire.example']);
  expect(worker.sent[0]!.subject).toMatch(/sign-in code/i);
  await b.jobs.idle();
  expect(webOnly.sent).toHaveLength(0);
  expect(worker.sent).toHaveLength(1);
  expect(
    await a.db.prisma.emailOutbox.count({
      where: { to: 'icb@northshire.example', status: 'SENT' },
    }),
  ).toBe(1);
});
