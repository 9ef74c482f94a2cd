// A subscription outlives the request that opened it: the member may be removed, or the session
// ended or expired, while the stream is open. Each event is let through only if the subscriber
// may still read the plan, and the stream ends the first time they may not.
import type { PrismaClient } from '@lip/db';
import type { RequestContext } from '../context.ts';

/** Whether the subscriber may still read the plan: one indexed read, at each event. */
export async function mayStillReadPlan(
  prisma: PrismaClient,
  ctx: RequestContext,
  partnershipId: string,
): Promise<boolean> {
  if (!ctx.user) return false;
  const now = new Date();
  const member = await prisma.member.findFirst({
    where: {
      partnershipId,
      userId: ctx.user.id,
      ...(ctx.sessionId && {
        user: { sessions: { some: { id: ctx.sessionId, expiresAt: { gt: now } } } },
      }),
    },
    select: { id: true },
  });
  return member !== null;
}

/**
 * Passes the source's events while `allowed()` says yes; ends the stream (and detaches from the
 * source) the first time it says no. `return()` reaches the source at once, so a client that
 * leaves is detached without waiting for another event.
 */
export function whileAllowed<T>(
  source: AsyncIterableIterator<T>,
  allowed: () => Promise<boolean>,
): AsyncIterableIterator<T> {
  const finish = async (): Promise<IteratorResult<T>> => {
    await source.return?.();
    return { value: undefined, done: true };
  };
  const iterator: AsyncIterableIterator<T> = {
    async next() {
      const result = await source.next();
      if (result.done) return result;
      return (await allowed()) ? result : finish();
    },
    return: finish,
    async throw(error: unknown) {
      await finish();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
