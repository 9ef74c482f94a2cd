// Durable background jobs on pg-boss, on PostgreSQL and on embedded PGlite alike (docs/decisions/
// 018): jobs survive a restart, run on any instance, are retried with backoff, and a job whose
// worker died is retried by another once its lease goes stale. Jobs of one singleton key never run
// at once.
import PgBoss from 'pg-boss';
import type { Database } from '@lip/db';

/** One attempt of a job, as its handler sees it. */
export interface JobAttempt {
  id: string;
  name: string;
  /** 0 on the first attempt. */
  retryCount: number;
  retryLimit: number;
}

export interface JobDefinition<T extends object> {
  /** Runs one attempt. Throw to have it retried (with backoff) until retryLimit. */
  run(data: T, attempt: JobAttempt): Promise<void>;
  /** After the last attempt failed, or its worker died: record that the work will not happen. */
  exhausted?(data: T): Promise<void>;
  /** Tries after the first. Default 3. */
  retryLimit?: number;
  /** Also send it on this schedule (cron, London time); one instance sends each due job. */
  cron?: string;
}

export interface SendOptions {
  /** Jobs with the same key never run at the same time (one waits for the other). */
  singletonKey?: string;
}

export interface JobQueueOptions {
  /**
   * How long a job may stay active before it counts as abandoned (its worker died) and is
   * retried, by any instance. Longer than the slowest job: an import of 200,000 rows. Default 30 min.
   */
  expireInSeconds?: number;
  /** Delay before the first retry; doubles each time (retryBackoff). Default 10 s. */
  retryDelaySeconds?: number;
  /** How often workers look for jobs sent by other instances. Default 2 s. */
  pollingIntervalSeconds?: number;
  /** How often expired jobs are looked for (by one instance at a time). Default 60 s. */
  maintenanceIntervalSeconds?: number;
  /**
   * A running attempt's worker renews its lease every third of this; an attempt whose lease is
   * older belonged to a process that died (or stopped answering), and any instance's workers
   * retry it. Default 60 s: a dead instance's job is picked up within about a minute and a half.
   */
  leaseSeconds?: number;
  /** Called as each attempt starts and ends: for logs, and tests that count runs. */
  observe?: (event: JobEvent) => void | Promise<void>;
  /**
   * Open the queue (pg-boss's schema, the workers) at the first send rather than at `start()`:
   * for test cores, most of which never send a job. A server never sets it: it must run jobs
   * other instances (or its previous run) sent.
   */
  lazy?: boolean;
  log?: (message: string) => void;
}

export interface JobEvent {
  type: 'start' | 'end' | 'error';
  name: string;
  id: string;
  retryCount: number;
  data: object;
}

export interface JobQueue {
  /** Registers the handler of a job name; before `start()`. */
  define<T extends object>(name: string, definition: JobDefinition<T>): void;
  /**
   * Queues a job (its JSON data) for any instance's workers. Never call it inside a Prisma
   * transaction: on PGlite the queue waits for the transaction, which waits for it.
   */
  send<T extends object>(name: string, data: T, options?: SendOptions): Promise<string | null>;
  /** Starts this instance's workers (LIP_WORKERS=0: never called; jobs are sent only). */
  start(): Promise<void>;
  /** Stops the workers, letting running attempts finish (up to 30 s). */
  stop(): Promise<void>;
  /** Resolves when no job of a defined name waits or runs, on any instance: tests, benchmarks. */
  idle(timeoutMs?: number): Promise<void>;
}

const SCHEMA = 'pgboss';
const deadLetterOf = (name: string) => `${name}__exhausted`;

export function createJobQueue(db: Database, options: JobQueueOptions = {}): JobQueue {
  const log = options.log ?? ((message: string) => console.warn(`[lip/jobs] ${message}`));
  const expireInSeconds = options.expireInSeconds ?? 30 * 60;
  const retryDelay = options.retryDelaySeconds ?? 10;
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
  const leaseSeconds = options.leaseSeconds ?? 60;
  let reaper: ReturnType<typeof setInterval> | null = null;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- definitions of any data type
  const definitions = new Map<string, JobDefinition<any>>();
  const workerIds = new Map<string, string>();
  let boss: PgBoss | null = null;
  let ready: Promise<PgBoss> | null = null;
  let working = false;
  let workersStarted = false;

  const connection: PgBoss.ConstructorOptions =
    db.engine === 'postgres'
      ? { connectionString: db.url, max: 4 }
      : {
          db: {
            // eslint-disable-next-line @typescript-eslint/no-explicit-any -- pg-boss's own signature
            executeSql: (text: string, values: any[]) => db.executeSql!(text, values),
          },
        };

  function open(): Promise<PgBoss> {
    ready ??= (async () => {
      const instance = new PgBoss({
        ...connection,
        schema: SCHEMA,
        supervise: true,
        schedule: [...definitions.values()].some((d) => d.cron),
        maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 60,
      });
      instance.on('error', (error) => log(`queue error: ${error.message}`));
      await instance.start();
      if (db.engine === 'pglite') await recoverOrphans(instance);
      for (const [name, definition] of definitions) {
        const common = {
          retryLimit: definition.retryLimit ?? 3,
          retryDelay,
          retryBackoff: true,
          expireInSeconds,
        };
        await instance.createQueue(deadLetterOf(name), { name: deadLetterOf(name), ...common });
        await instance.createQueue(name, {
          name,
          policy: 'singleton',
          deadLetter: deadLetterOf(name),
          ...common,
        });
        // Queue options are kept from the first instance that created them: keep them current.
        await instance.updateQueue(name, {
          name,
          policy: 'singleton',
          deadLetter: deadLetterOf(name),
          ...common,
        });
      }
      for (const [name, definition] of definitions)
        if (definition.cron)
          await instance.schedule(name, definition.cron, {}, { tz: 'Europe/London' });
      boss = instance;
      return instance;
    })();
    ready.catch(() => (ready = null));
    return ready;
  }

  /**
   * The embedded database is one process's (PGlite cannot be opened twice): a job still active
   * when it opens was left by a process that is gone, so it is expired now rather than after
   * expireInSeconds, and retried (or given up) as pg-boss would.
   */
  async function recoverOrphans(instance: PgBoss): Promise<void> {
    await db.executeSql!(
      `UPDATE ${SCHEMA}.job SET started_on = now() - expire_in - interval '1 second' WHERE state = 'active'`,
    );
    await instance.expire();
  }

  /**
   * Holds a lease on a running attempt until `work` settles: renewed every third of leaseSeconds
   * by the database's clock, so instances' clocks need not agree.
   */
  async function leased(jobId: string, work: () => Promise<void>): Promise<void> {
    const renew = () =>
      db.prisma.$executeRaw`INSERT INTO "JobLease" ("jobId", "renewedAt") VALUES (${jobId}, now())
        ON CONFLICT ("jobId") DO UPDATE SET "renewedAt" = now()`;
    await renew();
    const timer = setInterval(
      () => {
        renew().catch((error: Error) => log(`lease of job ${jobId} not renewed: ${error.message}`));
      },
      (leaseSeconds * 1000) / 3,
    );
    timer.unref();
    try {
      await work();
    } finally {
      clearInterval(timer);
      await db.prisma.jobLease
        .deleteMany({ where: { jobId } })
        .catch((error: Error) => log(`lease of job ${jobId} not released: ${error.message}`));
    }
  }

  /**
   * Expires every active attempt whose lease has gone stale (its process is gone), so pg-boss
   * retries it at once rather than after expireInSeconds. Any instance with workers runs this;
   * doing it twice is harmless.
   */
  async function reapAbandoned(instance: PgBoss): Promise<void> {
    const stale = `${leaseSeconds} seconds`;
    const expired = await db.prisma.$executeRawUnsafe(
      `UPDATE ${SCHEMA}.job AS job SET started_on = now() - job.expire_in - interval '1 second'
        FROM "JobLease" AS lease
        WHERE job.id::text = lease."jobId" AND job.state = 'active'
          AND lease."renewedAt" < now() - $1::interval`,
      stale,
    );
    await db.prisma.$executeRawUnsafe(
      `DELETE FROM "JobLease" WHERE "renewedAt" < now() - $1::interval`,
      stale,
    );
    if (expired > 0) {
      log(`${expired} job attempt(s) of a stopped instance expired, to be retried`);
      await instance.expire();
    }
  }

  async function observe(event: JobEvent): Promise<void> {
    try {
      await options.observe?.(event);
    } catch (error) {
      log(`observer failed: ${(error as Error).message}`);
    }
  }

  async function startWorkers(instance: PgBoss): Promise<void> {
    if (workersStarted) return;
    workersStarted = true;
    reaper = setInterval(
      () => {
        reapAbandoned(instance).catch((error: Error) =>
          log(`looking for abandoned jobs failed: ${error.message}`),
        );
      },
      (leaseSeconds * 1000) / 2,
    );
    reaper.unref();
    for (const [name, definition] of definitions) {
      const workOptions = { includeMetadata: true as const, batchSize: 1, pollingIntervalSeconds };
      workerIds.set(
        name,
        await instance.work<object>(name, workOptions, async ([job]) => {
          if (!job) return;
          const attempt = {
            id: job.id,
            name,
            retryCount: job.retryCount,
            retryLimit: job.retryLimit,
          };
          const event = { name, id: job.id, retryCount: job.retryCount, data: job.data };
          await leased(job.id, async () => {
            await observe({ type: 'start', ...event });
            try {
              await definition.run(job.data, attempt);
            } catch (error) {
              log(
                `${name} job ${job.id}: try ${job.retryCount + 1} of ${job.retryLimit + 1} failed (${(error as Error).message})`,
              );
              await observe({ type: 'error', ...event });
              throw error;
            }
            await observe({ type: 'end', ...event });
          });
        }),
      );
      // A job that failed its last try (or expired on it) lands here with its data.
      const exhausted = definition.exhausted;
      if (exhausted) {
        await instance.work<object>(deadLetterOf(name), workOptions, async ([job]) => {
          if (job) await exhausted(job.data);
        });
      }
    }
  }

  return {
    define(name, definition) {
      if (boss) throw new Error(`Define job "${name}" before the queue opens`);
      definitions.set(name, definition);
    },

    async send(name, data, sendOptions = {}) {
      if (!definitions.has(name)) throw new Error(`Unknown job "${name}"`);
      const instance = await open();
      if (working && !workersStarted) await startWorkers(instance);
      const id = await instance.send(name, data, { singletonKey: sendOptions.singletonKey });
      // This instance's worker looks at once rather than at its next poll.
      const workerId = workerIds.get(name);
      if (workerId) instance.notifyWorker(workerId);
      return id;
    },

    async start() {
      if (working) return;
      working = true;
      if (!options.lazy || ready) await startWorkers(await open());
    },

    async stop() {
      working = false;
      workersStarted = false;
      if (reaper) clearInterval(reaper);
      reaper = null;
      workerIds.clear();
      const opening = ready;
      ready = null;
      if (!opening) return;
      const instance = await opening.catch(() => null);
      boss = null;
      // close only closes a pool pg-boss opened itself (PostgreSQL); PGlite is the Database's.
      await instance?.stop({ graceful: true, wait: true, timeout: 30_000, close: true });
    },

    async idle(timeoutMs = 120_000) {
      const instance = await open();
      const names = [...definitions.keys()].flatMap((name) => [name, deadLetterOf(name)]);
      const started = Date.now();
      for (;;) {
        let waiting = 0;
        for (const name of names)
          waiting += await instance.getQueueSize(name, { before: 'completed' });
        if (waiting === 0) return;
        if (Date.now() - started > timeoutMs)
          throw new Error(`${waiting} job(s) still waiting or running after ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}
