// Subscribing to planEvents over Server-Sent Events, as any HTTP client does (POST /graphql with
// `Accept: text/event-stream`), against a yoga instance or a server's URL.
import { Redis } from 'ioredis';
import type { Core } from '../../src/index.ts';
import { demoBearerToken } from '../../src/testing.ts';

export const PLAN_EVENTS = /* GraphQL */ `
  subscription Events($planId: ID!) {
    planEvents(planId: $planId) {
      kind
      entityType
      entityId
      action
      sectionKey
      commitmentId
      actor {
        name
        organisationName
      }
      at
    }
  }
`;

export interface LiveEvent {
  kind: string;
  entityType: string;
  entityId: string;
  action: string;
  sectionKey: string | null;
  commitmentId: string | null;
  actor: { name: string; organisationName: string | null } | null;
  at: string;
}

export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

export const fetchOf =
  (core: Core): Fetch =>
  (url, init) =>
    Promise.resolve(core.yoga.fetch(url, init));

/** A bearer token for a demo account, signed in over HTTP. */
export const tokenFor = (fetch: Fetch, base: string, email: string): Promise<string> =>
  demoBearerToken(fetch, base, email);

export interface Subscription {
  /** The next result (data or errors), or a timeout error after `ms`. */
  next(ms?: number): Promise<{ data?: { planEvents: LiveEvent }; errors?: { message: string }[] }>;
  /** Nothing arrives within `ms`. */
  quiet(ms: number): Promise<boolean>;
  /** The server ends the stream within `ms`. */
  ended(ms: number): Promise<boolean>;
  close(): void;
}

export async function subscribe(
  fetch: Fetch,
  base: string,
  planId: string,
  token: string | null,
): Promise<Subscription> {
  const controller = new AbortController();
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: {
      accept: 'text/event-stream',
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query: PLAN_EVENTS, variables: { planId } }),
    signal: controller.signal,
  });
  if (!response.body) throw new Error(`No event stream (status ${response.status})`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const results: unknown[] = [];
  const waiting: Array<() => void> = [];
  let buffer = '';
  let markEnded: () => void = () => {};
  const serverEnded = new Promise<void>((resolve) => (markEnded = resolve));
  void (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) {
          markEnded();
          break;
        }
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = block.split('\n');
          if (!lines.includes('event: next')) continue;
          const data = lines.find((l) => l.startsWith('data: '));
          if (data) results.push(JSON.parse(data.slice(6)));
          waiting.splice(0).forEach((wake) => wake());
        }
      }
    } catch {
      // aborted by close()
    }
  })();
  const arrival = (ms: number) =>
    new Promise<boolean>((resolve) => {
      if (results.length > 0) return resolve(true);
      const timer = setTimeout(() => resolve(false), ms);
      waiting.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  return {
    async next(ms = 5000) {
      if (!(await arrival(ms))) throw new Error(`No event within ${ms} ms`);
      return results.shift() as Awaited<ReturnType<Subscription['next']>>;
    },
    async quiet(ms) {
      return !(await arrival(ms));
    },
    ended: (ms) =>
      Promise.race([
        serverEnded.then(() => true),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms)),
      ]),
    close: () => controller.abort(),
  };
}

/** The Redis the suites share events through: CI names it; else the machine's own. */
export const TEST_REDIS_URL =
  process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Whether the Redis suites can run. Where CI names its Redis (TEST_REDIS_URL) they always run,
 * so an unreachable one fails them rather than skipping them.
 */
export async function redisReachable(): Promise<boolean> {
  if (process.env.TEST_REDIS_URL) return true;
  const redis = new Redis(TEST_REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  try {
    await redis.connect();
    await redis.ping();
    return true;
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}
