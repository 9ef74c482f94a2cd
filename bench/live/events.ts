// Benchmark: plan events through the live bus. One bus publishes (instance A), another subscribes
// (instance B, its own Redis connections), as two app instances would; then the same in process.
// Prints events per second from A's first publish to B's last receipt, and per-event latency.
//   npx tsx bench/live/events.ts [events=20000] [subscribers=1,10]
// Needs Redis at REDIS_URL (default redis://127.0.0.1:6379).
import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { PrismaClient } from '../../packages/db/src/index.ts';
import { createLiveBus, type LiveBus } from '../../packages/core/src/live/bus.ts';
import type { RecordedAudit } from '../../packages/core/src/services/audit.ts';

const total = Number(process.argv[2] ?? 20_000);
const subscriberCounts = (process.argv[3] ?? '1,10').split(',').map(Number);
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

// Events without an actor, section or commitment need no database lookup: the figures are the
// bus's own (serialising, Redis PUBLISH, fan-out to subscribers), not PostgreSQL's.
const noDatabase = {} as PrismaClient;

function audit(i: number): RecordedAudit {
  return {
    partnershipId: 'bench',
    planId: 'bench-plan',
    entityType: 'Comment',
    entityId: String(i),
    action: 'comment.create',
    after: { sentAt: performance.now() },
    actor: null,
  };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** `rate` events per second in batches of 10, or 0: as fast as the publisher can. */
async function run(
  label: string,
  publisher: LiveBus,
  subscriberBus: LiveBus,
  subscribers: number,
  rate: number,
) {
  let received = 0;
  const latencies: number[] = [];
  let last = 0;
  const expected = total * subscribers;
  const done = new Promise<void>((resolve) => {
    for (let s = 0; s < subscribers; s++) {
      void (async () => {
        for await (const event of await subscriberBus.subscribe('bench-plan')) {
          if (s === 0) latencies.push(performance.now() - Number(event.entityId.split(':')[1]));
          received++;
          last = performance.now();
          if (received === expected) resolve();
          if (received >= expected) break;
        }
      })();
    }
  });
  await new Promise((r) => setTimeout(r, 300)); // subscriptions reach Redis
  const started = performance.now();
  // In batches, as commits arrive: each publishAudits call is one committed transaction.
  const batch = rate ? 10 : 100;
  for (let i = 0; i < total; i += batch) {
    if (rate) {
      const due = started + (i / rate) * 1000;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
    const audits = Array.from({ length: Math.min(batch, total - i) }, (_, k) => {
      const entry = audit(i + k);
      entry.entityId = `${i + k}:${performance.now()}`;
      return entry;
    });
    await publisher.publishAudits(audits);
  }
  const published = performance.now();
  const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 60_000));
  if ((await Promise.race([done, timeout])) === 'timeout')
    console.log(`  ${label}: only ${received} of ${expected} events arrived within 60 s`);
  latencies.sort((a, b) => a - b);
  const seconds = (last - started) / 1000;
  console.log(
    `  ${label}, ${subscribers} subscriber(s), ${rate ? `paced at ${rate}/s` : 'flood'}: ${total} events published in ${(
      (published - started) /
      1000
    ).toFixed(2)} s; ${received} deliveries in ${seconds.toFixed(2)} s = ${Math.round(
      total / seconds,
    )} events/s (${Math.round(received / seconds)} deliveries/s); latency p50 ${percentile(
      latencies,
      50,
    ).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms`,
  );
}

console.log(`Live events, ${cpus().length} CPUs, Node ${process.version}, ${total} events`);
// The flood needs every event queued (the app drops the oldest past 1000 per subscriber).
const options = { queueLimit: total, onError: () => undefined };
for (const subscribers of subscriberCounts) {
  for (const rate of [0, 1000]) {
    const prefix = `lip-bench:${randomUUID()}:`;
    const a = createLiveBus(noDatabase, { ...options, redisUrl, prefix });
    const b = createLiveBus(noDatabase, { ...options, redisUrl, prefix });
    try {
      await run('through Redis (A publishes, B subscribes)', a, b, subscribers, rate);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
    const local = createLiveBus(noDatabase, options);
    await run('in process (no REDIS_URL)', local, local, subscribers, rate);
    await local.close();
  }
}
process.exit(0);
