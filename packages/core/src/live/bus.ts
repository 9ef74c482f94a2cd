// The live bus: a PubSub backed by Redis when REDIS_URL is set (an event published on one instance
// reaches subscribers on every instance), else in process; and presence kept in Redis or the
// database, never in this process's memory.
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { Redis } from 'ioredis';
import type { PrismaClient } from '@lip/db';
import type { RecordedAudit } from '../services/audit.ts';
import {
  kindOf,
  placeOf,
  planTopic,
  type PlanEventActor,
  type PlanEventInput,
  type PlanEventPayload,
} from './events.ts';
import { databasePresence, redisPresence, type PresenceStore } from './presence.ts';

export interface LiveOptions {
  /** Redis for events and presence (REDIS_URL); null or absent: in process and the database. */
  redisUrl?: string | null;
  /** Prepended to every Redis channel and key (tests use a unique one each). Default "lip:". */
  prefix?: string;
  /** Events one subscriber may have waiting before the oldest are dropped. Default 1000. */
  queueLimit?: number;
  /** Where a failed publication is reported (it never fails the write). Default console.error. */
  onError?: (error: unknown) => void;
}

/**
 * Events one subscriber may have waiting; past this the oldest are dropped. Events are prompts to
 * refresh, so a subscriber this far behind loses nothing it needs (yoga's own PubSub throws past
 * 1024, out of the publisher's dispatch: a slow client must not crash the server).
 */
export const SUBSCRIBER_QUEUE_LIMIT = 1000;

/** One subscription: a bounded queue fed by the event target; return() detaches at once. */
function subscription(
  target: EventTarget,
  topic: string,
  limit: number,
  onEnd: () => void,
): AsyncIterableIterator<PlanEventPayload> {
  const queue: PlanEventPayload[] = [];
  let waiting: ((result: IteratorResult<PlanEventPayload>) => void) | null = null;
  let ended = false;
  const listener = (event: Event) => {
    const payload = (event as CustomEvent<PlanEventPayload>).detail;
    if (waiting) {
      const wake = waiting;
      waiting = null;
      wake({ value: payload, done: false });
      return;
    }
    if (queue.length >= limit) queue.shift();
    queue.push(payload);
  };
  target.addEventListener(topic, listener);
  const end = (): Promise<IteratorResult<PlanEventPayload>> => {
    if (!ended) {
      ended = true;
      target.removeEventListener(topic, listener);
      queue.length = 0;
      waiting?.({ value: undefined, done: true });
      waiting = null;
      onEnd();
    }
    return Promise.resolve({ value: undefined, done: true });
  };
  return {
    next() {
      const value = queue.shift();
      if (value) return Promise.resolve({ value, done: false });
      if (ended) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) => (waiting = resolve));
    },
    return: end,
    async throw(error: unknown) {
      await end();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

export interface LiveBus {
  /** Announces audit entries a committed transaction appended (those of a plan). */
  publishAudits(audits: readonly RecordedAudit[]): Promise<void>;
  /** Announces an event that did not come from a write in this core (the import job's "finished"). */
  publishPlanEvent(input: PlanEventInput): Promise<void>;
  /**
   * The plan's events from now on. Resolves once Redis has acknowledged the subscription, so an
   * event published after it resolves (on any instance) is never missed.
   */
  subscribe(planId: string): Promise<AsyncIterableIterator<PlanEventPayload>>;
  presence: PresenceStore;
  /** Whether events and presence go through Redis. */
  redis: boolean;
  close(): Promise<void>;
}

export function createLiveBus(prisma: PrismaClient, options: LiveOptions = {}): LiveBus {
  const prefix = options.prefix ?? 'lip:';
  const onError = options.onError ?? ((error) => console.error('[lip/live]', error));
  let clients: { publish: Redis; subscribe: Redis } | null = null;
  if (options.redisUrl) {
    // A subscribing connection can do nothing else, hence two.
    const connect = (subscriber: boolean) =>
      new Redis(options.redisUrl!, {
        maxRetriesPerRequest: 3,
        // The ready check's INFO is refused once a connection is subscribing (it fails when a
        // SUBSCRIBE queued while connecting goes first); a subscriber needs no ready check.
        enableReadyCheck: !subscriber,
      });
    clients = { publish: connect(false), subscribe: connect(true) };
    for (const client of Object.values(clients)) client.on('error', onError);
  }
  // ioredis answers commands with promises the event target leaves unhandled: a Redis outage must
  // be logged, not crash the process, so it gets clients whose commands report their failures.
  const reported = (promise: Promise<unknown>) => void promise.catch(onError);
  // Each channel's latest SUBSCRIBE, for subscribe() to wait on (failures are logged, not thrown).
  const acknowledged = new Map<string, Promise<unknown>>();
  const target: EventTarget = clients
    ? createRedisEventTarget<CustomEvent<PlanEventPayload>>({
        publishClient: {
          publish: (channel: string, message: string) =>
            reported(clients.publish.publish(channel, message)),
        } as unknown as Redis, // the one method the event target calls on it
        subscribeClient: {
          on: (name: string, listener: (...args: unknown[]) => void) =>
            clients.subscribe.on(name, listener),
          subscribe: (channel: string) =>
            acknowledged.set(channel, clients.subscribe.subscribe(channel).catch(onError)),
          unsubscribe: (channel: string) => {
            acknowledged.delete(channel);
            reported(clients.subscribe.unsubscribe(channel));
          },
        } as unknown as Redis, // the three methods the event target calls on it
      })
    : new EventTarget();
  const presence = clients ? redisPresence(clients.publish, prefix) : databasePresence(prisma);

  async function organisationNames(ids: Iterable<string | null>): Promise<Map<string, string>> {
    const wanted = [...new Set([...ids].filter((id): id is string => id !== null))];
    if (wanted.length === 0) return new Map();
    const rows = await prisma.organisation.findMany({
      where: { id: { in: wanted } },
      select: { id: true, name: true },
    });
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** The section key of the entity (a deleted one answers from its audit entry, or not at all). */
  async function sectionKeyOf(sectionId: string | null, commitmentId: string | null) {
    if (sectionId) {
      const section = await prisma.section.findUnique({
        where: { id: sectionId },
        select: { key: true },
      });
      return section?.key ?? null;
    }
    if (commitmentId) {
      const commitment = await prisma.commitment.findUnique({
        where: { id: commitmentId },
        select: { section: { select: { key: true } } },
      });
      return commitment?.section.key ?? null;
    }
    return null;
  }

  const open = new Set<AsyncIterableIterator<PlanEventPayload>>();

  /**
   * The audits that belong to a plan; a partnership-wide metric import (no plan named) is announced
   * on every plan of its partnership, since each plan's dashboard reads the partnership's figures.
   */
  async function withPlansOfPartnership(
    audits: readonly RecordedAudit[],
  ): Promise<(RecordedAudit & { planId: string })[]> {
    const result: (RecordedAudit & { planId: string })[] = [];
    for (const audit of audits) {
      if (audit.planId) result.push({ ...audit, planId: audit.planId });
      else if (kindOf(audit.entityType, audit.action) === 'METRIC_IMPORT_FINISHED') {
        const plans = await prisma.plan.findMany({
          where: { partnershipId: audit.partnershipId },
          select: { id: true },
        });
        for (const plan of plans) result.push({ ...audit, planId: plan.id });
      }
    }
    return result;
  }

  function publish(event: PlanEventPayload) {
    target.dispatchEvent(new CustomEvent(planTopic(prefix, event.planId), { detail: event }));
  }

  return {
    redis: clients !== null,
    presence,
    async publishAudits(audits) {
      try {
        const ofPlans = await withPlansOfPartnership(audits);
        if (ofPlans.length === 0) return;
        const names = await organisationNames(ofPlans.map((a) => a.actor?.organisationId ?? null));
        const at = new Date().toISOString();
        for (const audit of ofPlans) {
          const { commitmentId, sectionId } = placeOf(audit);
          const actor: PlanEventActor | null = audit.actor && {
            ...audit.actor,
            organisationName: names.get(audit.actor.organisationId ?? '') ?? null,
          };
          publish({
            planId: audit.planId,
            kind: kindOf(audit.entityType, audit.action),
            entityType: audit.entityType,
            action: audit.action,
            entityId: audit.entityId,
            sectionKey: await sectionKeyOf(sectionId, commitmentId),
            commitmentId,
            actor,
            at,
          });
        }
      } catch (error) {
        onError(error);
      }
    },
    async publishPlanEvent(input) {
      const user = input.actorUserId
        ? await prisma.user.findUnique({
            where: { id: input.actorUserId },
            select: { id: true, name: true },
          })
        : null;
      const organisationId = input.actorOrganisationId ?? null;
      const names = await organisationNames([organisationId]);
      const { commitmentId, sectionId } = placeOf({ ...input, before: null, after: null });
      publish({
        planId: input.planId,
        kind: input.kind,
        entityType: input.entityType,
        action: input.action ?? input.kind.toLowerCase(),
        entityId: input.entityId,
        sectionKey: await sectionKeyOf(sectionId, commitmentId),
        commitmentId,
        actor: user && {
          userId: user.id,
          name: user.name,
          organisationId,
          organisationName: names.get(organisationId ?? '') ?? null,
        },
        at: (input.at ?? new Date()).toISOString(),
      });
    },
    async subscribe(planId) {
      const topic = planTopic(prefix, planId);
      const events: AsyncIterableIterator<PlanEventPayload> = subscription(
        target,
        topic,
        options.queueLimit ?? SUBSCRIBER_QUEUE_LIMIT,
        () => open.delete(events),
      );
      open.add(events);
      await acknowledged.get(topic);
      return events;
    },
    async close() {
      // Open subscriptions unsubscribe from Redis before the connections go (else their
      // UNSUBSCRIBE fails on a closed connection).
      await Promise.all([...open].map((events) => events.return?.()));
      if (!clients) return;
      await Promise.all(Object.values(clients).map((c) => c.quit().catch(() => c.disconnect())));
    },
  };
}
