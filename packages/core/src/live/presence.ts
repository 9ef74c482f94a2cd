// Who has a page of a plan open now: heartbeats with an expiry, in a Redis sorted set per plan
// (score: the time seen) or in the PresenceHeartbeat table. Never in process memory, so every
// instance behind a load balancer sees the same people.
import type { PrismaClient } from '@lip/db';
import type { Redis } from 'ioredis';

/** Seen within this long: "here now". Pages beat every 20 seconds. */
export const PRESENCE_WINDOW_MS = 45_000;

export interface Heartbeat {
  planId: string;
  userId: string;
  organisationId: string | null;
  /** "plan", "section:<key>" or "commitment:<id>". */
  place: string;
}

export interface PresenceStore {
  beat(beat: Heartbeat, now?: Date): Promise<void>;
  /** Everyone seen in the plan within the window, wherever they are in it. */
  list(planId: string, now?: Date): Promise<Array<Heartbeat & { seenAt: Date }>>;
}

export function databasePresence(prisma: PrismaClient): PresenceStore {
  return {
    async beat(beat, now = new Date()) {
      const { planId, userId, place } = beat;
      await prisma.presenceHeartbeat.upsert({
        where: { planId_userId_place: { planId, userId, place } },
        create: { ...beat, seenAt: now },
        update: { organisationId: beat.organisationId, seenAt: now },
      });
      // Expired rows of this plan go as its heartbeats arrive: the table stays small.
      await prisma.presenceHeartbeat.deleteMany({
        where: { planId, seenAt: { lt: new Date(now.getTime() - PRESENCE_WINDOW_MS) } },
      });
    },
    list: (planId, now = new Date()) =>
      prisma.presenceHeartbeat.findMany({
        where: { planId, seenAt: { gte: new Date(now.getTime() - PRESENCE_WINDOW_MS) } },
        orderBy: { seenAt: 'desc' },
      }),
  };
}

export function redisPresence(redis: Redis, prefix: string): PresenceStore {
  const key = (planId: string) => `${prefix}presence:${planId}`;
  return {
    async beat(beat, now = new Date()) {
      const member = JSON.stringify([beat.userId, beat.organisationId, beat.place]);
      const t = now.getTime();
      await redis
        .multi()
        .zadd(key(beat.planId), t, member)
        .zremrangebyscore(key(beat.planId), '-inf', t - PRESENCE_WINDOW_MS)
        // A plan nobody has open leaves no key behind.
        .pexpire(key(beat.planId), PRESENCE_WINDOW_MS * 2)
        .exec();
    },
    async list(planId, now = new Date()) {
      const raw = await redis.zrevrangebyscore(
        key(planId),
        '+inf',
        now.getTime() - PRESENCE_WINDOW_MS,
        'WITHSCORES',
      );
      const seen: Array<Heartbeat & { seenAt: Date }> = [];
      for (let i = 0; i + 1 < raw.length; i += 2) {
        const [userId, organisationId, place] = JSON.parse(raw[i]!) as [
          string,
          string | null,
          string,
        ];
        seen.push({ planId, userId, organisationId, place, seenAt: new Date(Number(raw[i + 1])) });
      }
      return seen;
    },
  };
}
