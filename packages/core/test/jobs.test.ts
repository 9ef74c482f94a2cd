// The durable job queue (pg-boss) on the test's engine, PGlite or PostgreSQL: a job runs once
// with its data, jobs of one singleton key never run at once, failures are retried and then
// handed to `exhausted`, and a job outlives the queue that sent it and the worker that died on it.
import { afterEach, expect, test } from 'vitest';
import { checkReadiness, type Database } from '@lip/db';
import { createTestDatabase } from '@lip/db/testing';
import { createJobQueue, type JobQueue, type JobQueueOptions } from '../src/jobs/index.ts';

const open: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of open.splice(0).reverse()) await close();
});

async function database(): Promise<Database> {
  const db = await createTestDatabase();
  open.push(() => db.close());
  return db;
}

function queueOn(db: Database, options: JobQueueOptions = {}): JobQueue {
  const queue = createJobQueue(db, {
    pollingIntervalSeconds: 0.5,
    retryDelaySeconds: 1,
    log: () => undefined,
    ...options,
  });
  open.push(() => queue.stop());
  return queue;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('a job runs once, with its data, on a started queue', async () => {
  const queue = queueOn(await database());
  const seen: unknown[] = [];
  queue.define<{ n: number }>('count', { run: async (data) => void seen.push(data) });
  await queue.start();
  await queue.send('count', { n: 1 });
  await queue.send('count', { n: 2 });
  await queue.idle(20_000);
  expect(seen).toHaveLength(2);
  expect(seen).toEqual(expect.arrayContaining([{ n: 1 }, { n: 2 }]));
});

test('jobs with the same singleton key run one after the other', async () => {
  const queue = queueOn(await database());
  const running = new Set<string>();
  const overlaps: string[] = [];
  const order: string[] = [];
  queue.define<{ key: string; step: string }>('step', {
    run: async ({ key, step }) => {
      if (running.has(key)) overlaps.push(`${key}/${step}`);
      running.add(key);
      await sleep(300);
      order.push(`${key}/${step}`);
      running.delete(key);
    },
  });
  await queue.start();
  await queue.send('step', { key: 'a', step: 'check' }, { singletonKey: 'a' });
  await queue.send('step', { key: 'a', step: 'apply' }, { singletonKey: 'a' });
  await queue.idle(20_000);
  expect(overlaps).toEqual([]);
  expect(order).toEqual(['a/check', 'a/apply']);
});

test('a failing job is retried, then handed to exhausted with its data', async () => {
  const queue = queueOn(await database());
  const tries: number[] = [];
  const exhausted: unknown[] = [];
  queue.define<{ id: string }>('flaky', {
    retryLimit: 1,
    run: async (_data, attempt) => {
      tries.push(attempt.retryCount);
      throw new Error('the database went away');
    },
    exhausted: async (data) => void exhausted.push(data),
  });
  await queue.start();
  await queue.send('flaky', { id: 'x' });
  await queue.idle(30_000);
  expect(tries).toEqual([0, 1]);
  expect(exhausted).toEqual([{ id: 'x' }]);
});

test('a job retried after a failure succeeds, and exhausted is not called', async () => {
  const queue = queueOn(await database());
  let tries = 0;
  const exhausted: unknown[] = [];
  queue.define<object>('second-time-lucky', {
    run: async () => {
      tries += 1;
      if (tries === 1) throw new Error('once');
    },
    exhausted: async (data) => void exhausted.push(data),
  });
  await queue.start();
  await queue.send('second-time-lucky', {});
  await queue.idle(30_000);
  expect(tries).toBe(2);
  expect(exhausted).toEqual([]);
});

test('a job sent by an instance without workers is run by another queue on the same database', async () => {
  const db = await database();
  const sender = queueOn(db);
  sender.define<{ n: number }>('later', { run: async () => undefined });
  await sender.send('later', { n: 7 });
  await sender.stop(); // the sending instance goes away (restart, or a web-only instance)

  const seen: unknown[] = [];
  const worker = queueOn(db);
  worker.define<{ n: number }>('later', { run: async (data) => void seen.push(data) });
  await worker.start();
  await worker.idle(20_000);
  expect(seen).toEqual([{ n: 7 }]);
});

test('a job whose worker died is retried by the next worker, once', async () => {
  const db = await database();
  const timings = { expireInSeconds: 1, maintenanceIntervalSeconds: 1 };
  const sender = queueOn(db, timings);
  sender.define<{ n: number }>('orphan', { run: async () => undefined });
  await sender.send('orphan', { n: 1 });
  await sender.stop();
  // What a process killed mid-job leaves: the job active, started by nobody still alive.
  const sql = `UPDATE pgboss.job SET state = 'active', started_on = now() WHERE name = 'orphan'`;
  if (db.executeSql) await db.executeSql(sql);
  else await db.pool!.query(sql);

  const attempts: number[] = [];
  const worker = queueOn(db, timings);
  worker.define<{ n: number }>('orphan', {
    run: async (_data, attempt) => void attempts.push(attempt.retryCount),
  });
  await worker.start();
  await worker.idle(30_000);
  expect(attempts).toEqual([1]);
});

test("pg-boss's own schema leaves our migrations and readiness alone", async () => {
  const db = await database();
  const queue = queueOn(db);
  queue.define<object>('noop', { run: async () => undefined });
  await queue.start();
  const tables = await db.prisma.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'pgboss'`;
  expect(Number(tables[0]!.n)).toBeGreaterThan(0);
  expect(await checkReadiness(db)).toMatchObject({ ready: true });
});
