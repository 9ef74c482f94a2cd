// Milestones and evidence of a commitment. They are part of the commitment, so writing them takes
// exactly the commitment's permission ('commitment:update': drafts only; the section's owner
// organisation's editors, or the lead), re-checked against the plan row inside the transaction.
// Each write is audited; milestones and evidence carry their own version (optimistic concurrency:
// UPDATE ... WHERE id AND version), so editing one never conflicts with editing the commitment.
import type { Evidence, Milestone, Prisma } from '@lip/db';
import { authorize, planFacts } from '../auth/permissions.ts';
import type { Membership, RequestContext } from '../context.ts';
import {
  EvidenceConflictError,
  ForbiddenError,
  MilestoneConflictError,
  NotFoundError,
  ValidationError,
} from '../errors.ts';
import type { CoreHost } from '../host.ts';
import { idOf } from '../ids.ts';
import { appendAudit } from './audit.ts';
import { visiblePlansWhere } from './plans.ts';
import { sectionOwnership } from './section-owner.ts';

/** Today's date in the UK, at UTC midnight (how Date columns are read and written). */
export function ukToday(now: Date = new Date()): Date {
  // en-CA formats as YYYY-MM-DD.
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(now);
  return new Date(`${day}T00:00:00.000Z`);
}

export interface WritableCommitment {
  commitment: { id: string; planId: string; reference: string };
  partnershipId: string;
  membership: Membership;
}

/** A visible commitment the viewer may change (as updateCommitment decides), by database id. */
export async function writableCommitment(
  host: CoreHost,
  ctx: RequestContext,
  commitmentId: string | null,
): Promise<WritableCommitment> {
  const commitment = commitmentId
    ? await host.prisma.commitment.findFirst({
        where: {
          id: commitmentId,
          plan: visiblePlansWhere(ctx),
          section: { key: { in: host.sectionKeys } },
        },
        include: { plan: true, section: { select: { key: true } } },
      })
    : null;
  if (!commitment) throw new NotFoundError('Commitment');
  const definition = host.section(commitment.section.key);
  if (!definition) throw new NotFoundError('Commitment');
  const membership = authorize(ctx, 'commitment:update', {
    ...planFacts(commitment.plan),
    section: await sectionOwnership(host, commitment.plan, definition),
  });
  return {
    commitment: { id: commitment.id, planId: commitment.planId, reference: commitment.reference },
    partnershipId: commitment.plan.partnershipId,
    membership,
  };
}

/**
 * Inside the write's transaction: the plan is still a draft and not archived (a share lock, so a submission, which
 * locks the plan row for update, waits for this write or this write waits for it), and the
 * commitment's updatedAt moves (its version does not: whoever is editing it keeps their place).
 */
export async function stillDraft(
  tx: Prisma.TransactionClient,
  target: WritableCommitment,
): Promise<void> {
  const [plan] = await tx.$queryRaw<{ state: string; archived: boolean }[]>`
    SELECT "state"::text AS "state", "archivedAt" IS NOT NULL AS "archived"
    FROM "Plan" WHERE "id" = ${target.commitment.planId} FOR SHARE`;
  if (plan?.state !== 'DRAFT')
    throw new ForbiddenError('This plan is no longer a draft, so it cannot be changed');
  if (plan.archived) throw new ForbiddenError('This plan is archived, so it cannot be changed');
  await tx.commitment.update({
    where: { id: target.commitment.id },
    data: { updatedAt: new Date() },
  });
}

function audit(
  tx: Prisma.TransactionClient,
  ctx: RequestContext,
  target: WritableCommitment,
  entry: {
    entityType: 'Milestone' | 'Evidence';
    entityId: string;
    action: string;
    before?: unknown;
    after?: unknown;
  },
) {
  const reference = target.commitment.reference;
  const withReference = (value: unknown) =>
    value && typeof value === 'object' ? { ...value, commitmentReference: reference } : value;
  return appendAudit(tx, ctx, target.membership, {
    partnershipId: target.partnershipId,
    planId: target.commitment.planId,
    ...entry,
    before: withReference(entry.before),
    after: withReference(entry.after),
  });
}

// ---------------------------------------------------------------------------------------------
// Milestones and evidence alike: the same steps on two tables

type PartRow = { id: string; version: number; commitmentId: string | null };

/** The Prisma delegate of a part's table (prisma.milestone, prisma.evidence), as far as used here. */
interface PartDelegate<Row, Data> {
  findFirst(args: {
    where: { id: string; commitment: Prisma.CommitmentWhereInput };
  }): PromiseLike<Row | null>;
  findUnique(args: { where: { id: string } }): PromiseLike<Row | null>;
  findUniqueOrThrow(args: { where: { id: string } }): PromiseLike<Row>;
  updateMany(args: {
    where: { id: string; version: number };
    data: Data & { version: { increment: number } };
  }): PromiseLike<{ count: number }>;
  deleteMany(args: { where: { id: string; version: number } }): PromiseLike<{ count: number }>;
}

/** One kind of part (milestones, evidence): its table and its conflict error. */
interface PartTable<Row extends PartRow, Data> {
  entityType: 'Milestone' | 'Evidence';
  in(db: Prisma.TransactionClient): PartDelegate<Row, Data>;
  conflict(current: Row): Error;
}

/** A visible part whose commitment the viewer may change. */
async function writablePart<Row extends PartRow, Data>(
  host: CoreHost,
  ctx: RequestContext,
  table: PartTable<Row, Data>,
  globalId: string,
): Promise<{ row: Row; target: WritableCommitment }> {
  const id = idOf(table.entityType, globalId);
  const row = id
    ? await table.in(host.prisma).findFirst({
        where: {
          id,
          commitment: { plan: visiblePlansWhere(ctx), section: { key: { in: host.sectionKeys } } },
        },
      })
    : null;
  if (!row?.commitmentId) throw new NotFoundError(table.entityType);
  return { row, target: await writableCommitment(host, ctx, row.commitmentId) };
}

/**
 * Writes a part if it is still at `version`; the table's conflict error (with the part as it is
 * now) otherwise. `dataFor` works out what to write from the part as read (after the version check).
 */
async function writePart<Row extends PartRow, Data>(
  host: CoreHost,
  ctx: RequestContext,
  table: PartTable<Row, Data>,
  globalId: string,
  version: number,
  action: string,
  dataFor: (row: Row) => Data,
): Promise<Row> {
  const { row, target } = await writablePart(host, ctx, table, globalId);
  const conflict = async () =>
    table.conflict(await table.in(host.prisma).findUniqueOrThrow({ where: { id: row.id } }));
  if (row.version !== version) throw await conflict();
  const values = dataFor(row);
  const written = await host.prisma.$transaction(async (tx) => {
    await stillDraft(tx, target);
    const { count } = await table.in(tx).updateMany({
      where: { id: row.id, version },
      data: { ...values, version: { increment: 1 } },
    });
    if (count === 0) return null;
    const after = await table.in(tx).findUniqueOrThrow({ where: { id: row.id } });
    await audit(tx, ctx, target, {
      entityType: table.entityType,
      entityId: row.id,
      action,
      before: row,
      after,
    });
    return after;
  });
  if (!written) throw await conflict();
  return written;
}

/** Deletes a part (at `version` when given); returns its commitment's database id. */
async function deletePart<Row extends PartRow, Data>(
  host: CoreHost,
  ctx: RequestContext,
  table: PartTable<Row, Data>,
  globalId: string,
  version: number | null | undefined,
  action: string,
): Promise<string> {
  const { row, target } = await writablePart(host, ctx, table, globalId);
  const at = version ?? row.version;
  const deleted = await host.prisma.$transaction(async (tx) => {
    await stillDraft(tx, target);
    const { count } = await table.in(tx).deleteMany({ where: { id: row.id, version: at } });
    if (count === 0) return false;
    await audit(tx, ctx, target, {
      entityType: table.entityType,
      entityId: row.id,
      action,
      before: row,
    });
    return true;
  });
  if (!deleted) {
    const current = await table.in(host.prisma).findUnique({ where: { id: row.id } });
    if (!current) throw new NotFoundError(table.entityType);
    throw table.conflict(current);
  }
  return target.commitment.id;
}

/** Creates a part of a writable commitment (once the plan is checked still a draft) and audits it. */
function createPart<Row extends PartRow, Data>(
  host: CoreHost,
  ctx: RequestContext,
  target: WritableCommitment,
  table: PartTable<Row, Data>,
  action: string,
  create: (tx: Prisma.TransactionClient) => Promise<Row>,
): Promise<Row> {
  return host.prisma.$transaction(async (tx) => {
    await stillDraft(tx, target);
    const created = await create(tx);
    await audit(tx, ctx, target, {
      entityType: table.entityType,
      entityId: created.id,
      action,
      after: created,
    });
    return created;
  });
}

// ---------------------------------------------------------------------------------------------
// Milestones

const milestones: PartTable<Milestone, Prisma.MilestoneUpdateManyMutationInput> = {
  entityType: 'Milestone',
  in: (db) => db.milestone,
  conflict: (current) => new MilestoneConflictError(current),
};

export interface CreateMilestoneArgs {
  commitmentId: string;
  title: string;
  dueDate: Date;
}

export async function createMilestone(
  host: CoreHost,
  ctx: RequestContext,
  input: CreateMilestoneArgs,
): Promise<Milestone> {
  const target = await writableCommitment(host, ctx, idOf('Commitment', input.commitmentId));
  return createPart(host, ctx, target, milestones, 'milestone.create', (tx) =>
    tx.milestone.create({
      data: {
        commitmentId: target.commitment.id,
        title: input.title.trim(),
        dueDate: input.dueDate,
      },
    }),
  );
}

/** Writes a milestone if it is still at `version`; MilestoneConflictError otherwise. */
async function writeMilestone(
  host: CoreHost,
  ctx: RequestContext,
  globalId: string,
  version: number,
  action: string,
  data: Prisma.MilestoneUpdateManyMutationInput,
): Promise<Milestone> {
  return writePart(host, ctx, milestones, globalId, version, action, () => data);
}

export interface UpdateMilestoneArgs {
  id: string;
  version: number;
  title?: string | null;
  dueDate?: Date | null;
}

export function updateMilestone(
  host: CoreHost,
  ctx: RequestContext,
  input: UpdateMilestoneArgs,
): Promise<Milestone> {
  const data: Prisma.MilestoneUpdateManyMutationInput = {};
  if (input.title !== undefined && input.title !== null) data.title = input.title.trim();
  if (input.dueDate !== undefined && input.dueDate !== null) data.dueDate = input.dueDate;
  return writeMilestone(host, ctx, input.id, input.version, 'milestone.update', data);
}

export interface CompleteMilestoneArgs {
  id: string;
  version: number;
  /** When it was done; today (in the UK) when not given. */
  completedOn?: Date | null;
}

export function completeMilestone(
  host: CoreHost,
  ctx: RequestContext,
  input: CompleteMilestoneArgs,
): Promise<Milestone> {
  const today = ukToday();
  const completedOn = input.completedOn ?? today;
  if (completedOn.getTime() > today.getTime())
    throw ValidationError.field('completedOn', 'Date completed must be today or in the past');
  return writeMilestone(host, ctx, input.id, input.version, 'milestone.complete', {
    completedOn,
  });
}

export function reopenMilestone(
  host: CoreHost,
  ctx: RequestContext,
  input: { id: string; version: number },
): Promise<Milestone> {
  return writeMilestone(host, ctx, input.id, input.version, 'milestone.reopen', {
    completedOn: null,
  });
}

/** Deletes a milestone (at `version` when given); returns its commitment's database id. */
export async function deleteMilestone(
  host: CoreHost,
  ctx: RequestContext,
  input: { id: string; version?: number | null },
): Promise<string> {
  return deletePart(host, ctx, milestones, input.id, input.version, 'milestone.delete');
}

// ---------------------------------------------------------------------------------------------
// Evidence

const NEEDS_LINK_OR_NOTE = 'Enter a link to the evidence or a note about it';

const evidenceTable: PartTable<Evidence, Prisma.EvidenceUpdateManyMutationInput> = {
  entityType: 'Evidence',
  in: (db) => db.evidence,
  conflict: (current) => new EvidenceConflictError(current),
};

/** "" and whitespace → null; otherwise trimmed. */
const orNull = (value: string | null | undefined) => value?.trim() || null;

export interface AddEvidenceArgs {
  commitmentId: string;
  title: string;
  url?: string | null;
  note?: string | null;
}

export async function addEvidence(
  host: CoreHost,
  ctx: RequestContext,
  input: AddEvidenceArgs,
): Promise<Evidence> {
  const target = await writableCommitment(host, ctx, idOf('Commitment', input.commitmentId));
  const url = orNull(input.url);
  const note = orNull(input.note) ?? '';
  if (!url && !note) throw ValidationError.field('url', NEEDS_LINK_OR_NOTE);
  return createPart(host, ctx, target, evidenceTable, 'evidence.create', (tx) =>
    tx.evidence.create({
      data: {
        planId: target.commitment.planId,
        commitmentId: target.commitment.id,
        title: input.title.trim(),
        url,
        description: note,
        createdById: ctx.user?.id ?? null,
      },
    }),
  );
}

export interface UpdateEvidenceArgs {
  id: string;
  version: number;
  title?: string | null;
  /** null or "" removes the link. */
  url?: string | null;
  /** null or "" removes the note. */
  note?: string | null;
}

export async function updateEvidence(
  host: CoreHost,
  ctx: RequestContext,
  input: UpdateEvidenceArgs,
): Promise<Evidence> {
  return writePart(
    host,
    ctx,
    evidenceTable,
    input.id,
    input.version,
    'evidence.update',
    (evidence) => {
      const data: Prisma.EvidenceUpdateManyMutationInput = {};
      if (input.title !== undefined && input.title !== null) data.title = input.title.trim();
      if (input.url !== undefined) data.url = orNull(input.url);
      if (input.note !== undefined) data.description = orNull(input.note) ?? '';
      const url = data.url !== undefined ? data.url : evidence.url;
      const note = data.description !== undefined ? data.description : evidence.description;
      if (!url && !note) throw ValidationError.field('url', NEEDS_LINK_OR_NOTE);
      return data;
    },
  );
}

/** Removes a piece of evidence (at `version` when given); returns its commitment's database id. */
export async function removeEvidence(
  host: CoreHost,
  ctx: RequestContext,
  input: { id: string; version?: number | null },
): Promise<string> {
  return deletePart(host, ctx, evidenceTable, input.id, input.version, 'evidence.delete');
}
