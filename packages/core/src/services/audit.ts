// Every write appends an AuditEvent in the same transaction as the write.
import type { Prisma } from '@lip/db';
import type { RequestContext, Membership } from '../context.ts';

export interface AuditEntry {
  partnershipId: string;
  /** null for partnership-wide records (they show in every plan's feed of the partnership). */
  planId: string | null;
  entityType: string;
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
}

/** Dates to ISO strings, Decimals to strings, bigints to strings: what JSON can hold. */
export function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(
    JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)),
  ) as Prisma.InputJsonValue;
}

/** Who an audit entry names: a request's user and organisation, or a job's record of them. */
export interface AuditActor {
  userId: string | null;
  organisationId: string | null;
  /** The user's name, for the live event announcing the entry (absent in older queued jobs). */
  name?: string | null;
}

export function auditActor(ctx: RequestContext, membership: Membership | undefined): AuditActor {
  return {
    userId: ctx.user?.id ?? null,
    organisationId: membership?.organisationId ?? null,
    name: ctx.user?.name ?? null,
  };
}

/** An audit entry as written, with who wrote it: what live events are derived from. */
export interface RecordedAudit extends AuditEntry {
  actor: { userId: string; name: string; organisationId: string | null } | null;
}

// Transactions whose audit entries someone wants after commit (live/after-commit.ts registers
// them). Keyed by the transaction client, so a rolled-back transaction's entries are dropped with it.
const recorders = new WeakMap<object, (audit: RecordedAudit) => void>();

/** Hands every audit entry appended in this transaction to `record` (called as each is written). */
export function recordAuditsOf(tx: object, record: (audit: RecordedAudit) => void): void {
  recorders.set(tx, record);
}

export async function appendAudit(
  tx: Prisma.TransactionClient,
  ctx: RequestContext,
  membership: Membership | undefined,
  entry: AuditEntry,
): Promise<void> {
  await appendAuditBy(tx, auditActor(ctx, membership), entry);
}

/** appendAudit for work done later on someone's behalf (a background job). */
export async function appendAuditBy(
  tx: Prisma.TransactionClient,
  actor: AuditActor,
  entry: AuditEntry,
): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorUserId: actor.userId,
      actorOrganisationId: actor.organisationId,
      partnershipId: entry.partnershipId,
      planId: entry.planId,
      entityType: entry.entityType,
      entityId: entry.entityId,
      action: entry.action,
      before: toJson(entry.before),
      after: toJson(entry.after),
    },
  });
  recorders.get(tx)?.({
    ...entry,
    actor: actor.userId
      ? { userId: actor.userId, name: actor.name ?? '', organisationId: actor.organisationId }
      : null,
  });
}

/** The entry for a row just created in a plan: nothing before, the new row after. */
export function auditCreated(
  tx: Prisma.TransactionClient,
  ctx: RequestContext,
  membership: Membership | undefined,
  entry: {
    plan: { id: string; partnershipId: string };
    entityType: string;
    action: string;
    created: { id: string };
  },
): Promise<void> {
  return appendAudit(tx, ctx, membership, {
    partnershipId: entry.plan.partnershipId,
    planId: entry.plan.id,
    entityType: entry.entityType,
    entityId: entry.created.id,
    action: entry.action,
    after: entry.created,
  });
}
