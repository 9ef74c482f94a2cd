// Audit entries become live events only once their transaction has committed: the core's Prisma
// client is wrapped so every interactive transaction collects the entries appendAudit writes in
// it, and hands them on after the commit. A rolled-back write (a conflict, a refusal, an error)
// throws out of $transaction and announces nothing.
import type { PrismaClient } from '@lip/db';
import { recordAuditsOf, type RecordedAudit } from '../services/audit.ts';

export function announcingAfterCommit(
  prisma: PrismaClient,
  onCommit: (audits: RecordedAudit[]) => Promise<void>,
): PrismaClient {
  const $transaction = async (first: unknown, options?: unknown): Promise<unknown> => {
    // The array form appends no audit (appendAudit needs a transaction client): passed through.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- $transaction's overloads
    const raw = prisma.$transaction.bind(prisma) as (...args: any[]) => Promise<unknown>;
    if (typeof first !== 'function') return raw(first, options);
    const recorded: RecordedAudit[] = [];
    const result = await raw((tx: object) => {
      recordAuditsOf(tx, (audit) => recorded.push(audit));
      return (first as (tx: object) => unknown)(tx);
    }, options);
    if (recorded.length > 0) await onCommit(recorded);
    return result;
  };
  return new Proxy(prisma, {
    get(target, property) {
      if (property === '$transaction') return $transaction;
      const value: unknown = Reflect.get(target, property, target);
      // The client's own methods expect the client itself as `this`, not the proxy.
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown).bind(target)
        : value;
    },
  });
}
