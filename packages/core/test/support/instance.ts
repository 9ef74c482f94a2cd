// One app instance in a process of its own, for the multi-instance job test
// (test/jobs-instances.test.ts): a core over the PostgreSQL database at LIP_INSTANCE_URL with its
// job workers started. It runs the GraphQL documents it reads on stdin (one JSON line each:
// { id, as, document, variables }) and writes a JSON line for each reply and for each job attempt
// that starts or ends. LIP_INSTANCE_CHECK_DELAY_MS holds every check attempt that long first, so
// the test can kill the process mid-check; LIP_INSTANCE_WORKERS=0 starts the workers only when
// the line { "startWorkers": true } comes.
//   node --import tsx test/support/instance.ts
import { createInterface } from 'node:readline';
import { createDatabase, DEMO_PASSWORD } from '@lip/db';
import { createCore, type RequestContext } from '../../src/index.ts';
import { testPlugins } from './plugins.ts';

const url = process.env.LIP_INSTANCE_URL;
if (!url) throw new Error('LIP_INSTANCE_URL: the PostgreSQL database to share');
const name = process.env.LIP_INSTANCE_NAME ?? String(process.pid);
const checkDelayMs = Number(process.env.LIP_INSTANCE_CHECK_DELAY_MS ?? 0);
const print = (line: object) =>
  process.stdout.write(`${JSON.stringify({ instance: name, ...line })}\n`);

const db = await createDatabase({ url });
const core = createCore({
  db,
  plugins: testPlugins,
  jobs: {
    // Short enough for a test: a job whose worker died is retried within seconds, while a job
    // whose worker lives keeps its lease however long it runs (the attempt limit stays 30 min).
    leaseSeconds: 3,
    maintenanceIntervalSeconds: 1,
    pollingIntervalSeconds: 0.5,
    retryDelaySeconds: 1,
    log: (message) => print({ log: message }),
    async observe(event) {
      print({
        job: event.type,
        id: event.id,
        retryCount: event.retryCount,
        data: event.data,
        at: Date.now(),
      });
      const step = (event.data as { step?: string }).step;
      if (event.type === 'start' && step === 'check' && checkDelayMs > 0)
        await new Promise((resolve) => setTimeout(resolve, checkDelayMs));
    },
  },
});
if (process.env.LIP_INSTANCE_WORKERS !== '0') await core.jobs.start();

const contexts = new Map<string, RequestContext>();
async function contextAs(email: string): Promise<RequestContext> {
  const known = contexts.get(email);
  if (known) return known;
  const result = await core.execute<{ signIn: { data?: { token: string } } }>({
    document: `mutation($input: SignInInput!) { signIn(input: $input) {
      ... on MutationSignInSuccess { data { token } } } }`,
    variables: { input: { email, password: DEMO_PASSWORD } },
    context: await core.contextForSession(undefined),
  });
  const token = result.data?.signIn.data?.token;
  if (!token) throw new Error(`Cannot sign in as ${email}`);
  const ctx = await core.contextForSession(token);
  contexts.set(email, ctx);
  return ctx;
}

print({ ready: true });
for await (const line of createInterface({ input: process.stdin })) {
  if (!line.trim()) continue;
  const request = JSON.parse(line) as {
    startWorkers?: boolean;
    id: string;
    as: string;
    document: string;
    variables?: Record<string, unknown>;
  };
  if (request.startWorkers) {
    await core.jobs.start();
    print({ workers: true });
    continue;
  }
  const result = await core.execute({
    document: request.document,
    variables: request.variables,
    context: await contextAs(request.as),
  });
  print({ reply: request.id, result });
}
await core.jobs.stop();
await db.close();
