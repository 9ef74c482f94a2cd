// Creating and updating commitments: permission, validation against the database, optimistic
// concurrency (UPDATE ... WHERE id AND version) and the audit entry, all in one transaction.
import type {
  CommitmentProgress,
  DeliveryRating,
  Phase,
  Plan,
  Prisma,
  SupportLayer,
} from '@lip/db';
import { authorize, planFacts } from '../auth/permissions.ts';
import type { Membership, RequestContext } from '../context.ts';
import {
  CommitmentConflictError,
  type CommitmentRecord,
  type FieldError,
  NotFoundError,
  ValidationError,
} from '../errors.ts';
import type { CoreHost } from '../host.ts';
import { idOf } from '../ids.ts';
import type { InstalledSection } from '../plugin-host/types.ts';
import { sectionOwnership } from './section-owner.ts';
import { mergeTransaction } from './section-write.ts';
import { appendAudit, auditCreated } from './audit.ts';
import {
  createCommitmentRules,
  normaliseAmount,
  updateCommitmentRules,
} from './commitment-fields.ts';
import { fieldErrorsFromIssues } from '../validation.ts';
import { checkOwnerMember, checkOwnerOrganisation } from './owner-organisation.ts';
import { visiblePlansWhere, visiblePlanSection } from './plans.ts';

export const commitmentInclude = {
  plan: { select: { id: true, partnershipId: true, state: true, archivedAt: true } },
  section: { select: { id: true, key: true, pluginId: true, ownerOrganisationId: true } },
} as const satisfies Prisma.CommitmentInclude;

interface CommitmentValues {
  title?: string | null;
  description?: string | null;
  ownerOrganisationId?: string | null;
  ownerMemberId?: string | null;
  needAreas?: readonly string[] | null;
  phase?: Phase | null;
  supportLayer?: SupportLayer | null;
  progress?: CommitmentProgress | null;
  /** null clears it (not rated). */
  rating?: DeliveryRating | null;
  leadOfficer?: string | null;
  startDate?: Date | null;
  dueDate?: Date | null;
  budgetLine?: string | null;
  budgetAmount?: string | null;
  standardAreaIds?: readonly string[] | null;
}

export interface CreateCommitmentArgs extends CommitmentValues {
  planId: string;
  sectionKey: string;
  title: string;
}

export interface UpdateCommitmentArgs extends CommitmentValues {
  id: string;
  version: number;
  /**
   * The values the client read of the fields it changes. With them a stale version still saves
   * the fields nobody else changed since (decision 020); without them a stale version saves only
   * values already stored.
   */
  base?: (CommitmentValues & { title?: string | null }) | null;
}

interface Checked {
  data: Omit<Prisma.CommitmentUncheckedUpdateManyInput, 'version'>;
  standardAreaIds?: string[];
}

/** What a write is checked against: the saved commitment, or a new one's defaults. */
interface Existing {
  startDate: Date | null;
  dueDate: Date | null;
  ownerOrganisationId: string | null;
  ownerMemberId: string | null;
}

/**
 * Checks that need the database (owner organisation and member, standards, dates) and maps input
 * to columns. The owner member must work for the owner organisation (when there is one); when only
 * the organisation changes and the saved owner member does not work for the new one, the owner
 * member is cleared.
 */
async function check(
  host: CoreHost,
  plan: Plan,
  input: CommitmentValues,
  existing: Existing,
  rules: typeof createCommitmentRules | typeof updateCommitmentRules,
): Promise<Checked> {
  const parsed = rules.safeParse(input);
  const errors: FieldError[] = parsed.success ? [] : fieldErrorsFromIssues(parsed.error.issues);
  const reported = (field: string) => errors.some((e) => e.path[0] === field);
  const data: Checked['data'] = {};

  if (input.title !== undefined && input.title !== null) data.title = input.title.trim();
  if (input.description !== undefined) data.description = input.description?.trim() ?? '';
  if (input.budgetLine !== undefined) data.budgetLine = input.budgetLine?.trim() || null;
  const amount = normaliseAmount(input.budgetAmount);
  if (amount !== undefined) data.budgetAmount = amount;
  if (input.needAreas !== undefined) data.needAreas = [...new Set(input.needAreas ?? [])];
  if (input.phase) data.phase = input.phase;
  if (input.supportLayer !== undefined) data.supportLayer = input.supportLayer;
  if (input.progress) data.progress = input.progress;
  if (input.rating !== undefined) data.rating = input.rating;
  if (input.leadOfficer !== undefined) data.leadOfficer = input.leadOfficer?.trim() || null;
  if (input.startDate !== undefined) data.startDate = input.startDate;
  if (input.dueDate !== undefined) data.dueDate = input.dueDate;

  const owner = await checkOwnerOrganisation(
    host,
    plan.partnershipId,
    input.ownerOrganisationId,
    errors,
  );
  if (owner !== undefined) data.ownerOrganisationId = owner;
  const organisationAfter =
    input.ownerOrganisationId === undefined
      ? existing.ownerOrganisationId
      : owner === undefined
        ? null // not an organisation of the partnership: its error is already reported
        : owner;
  const member = await checkOwnerMember(
    host,
    plan.partnershipId,
    input.ownerMemberId,
    organisationAfter,
    errors,
  );
  if (member !== undefined) data.ownerMemberId = member;
  else if (
    input.ownerMemberId === undefined &&
    existing.ownerMemberId !== null &&
    organisationAfter !== null &&
    organisationAfter !== existing.ownerOrganisationId
  ) {
    const saved = await host.prisma.member.findUnique({ where: { id: existing.ownerMemberId } });
    if (saved?.organisationId !== organisationAfter) data.ownerMemberId = null;
  }

  let standardAreaIds: string[] | undefined;
  if (input.standardAreaIds !== undefined) {
    const ids = [...new Set((input.standardAreaIds ?? []).map((id) => idOf('StandardArea', id)))];
    const valid = ids.every((id): id is string => id !== null);
    const found = valid
      ? await host.prisma.standardArea.count({
          where: { id: { in: ids }, frameworkId: plan.frameworkId },
        })
      : -1;
    if (found === ids.length) standardAreaIds = ids as string[];
    else
      errors.push({
        path: ['standardAreaIds'],
        message: "Choose standards from this plan's framework",
      });
  }

  const start = input.startDate !== undefined ? input.startDate : existing.startDate;
  const due = input.dueDate !== undefined ? input.dueDate : existing.dueDate;
  if (
    start &&
    due &&
    !reported('startDate') &&
    !reported('dueDate') &&
    start.getTime() > due.getTime()
  ) {
    errors.push({
      path: ['startDate'],
      message: 'Start date must be the same as or before the due date',
    });
  }

  if (errors.length > 0) throw new ValidationError(errors);
  return { data, standardAreaIds };
}

async function nextReference(
  tx: Prisma.TransactionClient,
  planId: string,
  section: InstalledSection,
): Promise<string> {
  // "education" → ED, "alternative-provision" → AP: the demo data's convention.
  const parts = section.key.split('-');
  const prefix = (
    parts.length > 1 ? parts.map((p) => p.charAt(0)).join('') : section.key.slice(0, 2)
  ).toUpperCase();
  const existing = await tx.commitment.findMany({
    where: { planId, reference: { startsWith: `${prefix}-` } },
    select: { reference: true },
  });
  const max = existing.reduce(
    (m, { reference }) => Math.max(m, Number(reference.slice(prefix.length + 1)) || 0),
    0,
  );
  return `${prefix}-${String(max + 1).padStart(2, '0')}`;
}

export async function createCommitment(
  host: CoreHost,
  ctx: RequestContext,
  input: CreateCommitmentArgs,
): Promise<CommitmentRecord> {
  const { plan, definition } = await visiblePlanSection(host, ctx, input.planId, input.sectionKey);
  const { ownerOrganisationId: sectionOwnerId } = await sectionOwnership(host, plan, definition);
  const membership = authorize(ctx, 'commitment:create', {
    ...planFacts(plan),
    section: { ownerOrganisationId: sectionOwnerId },
  });
  const defaultOwnerId = sectionOwnerId ?? membership.organisationId;
  const { data, standardAreaIds } = await check(
    host,
    plan,
    input,
    {
      startDate: null,
      dueDate: null,
      ownerOrganisationId: defaultOwnerId,
      ownerMemberId: null,
    },
    createCommitmentRules,
  );

  const id = await host.prisma.$transaction(async (tx) => {
    const section =
      (await tx.section.findUnique({
        where: { planId_key: { planId: plan.id, key: definition.key } },
      })) ??
      // The row appears on first write; its own fields are still unwritten, so version stays 0.
      (await tx.section.create({
        data: {
          planId: plan.id,
          key: definition.key,
          pluginId: definition.pluginId,
          ownerOrganisationId: sectionOwnerId,
          status: 'IN_PROGRESS',
          version: 0,
        },
      }));
    const created = await tx.commitment.create({
      data: {
        ...(data as Prisma.CommitmentUncheckedCreateInput),
        title: data.title as string,
        ownerOrganisationId:
          input.ownerOrganisationId === undefined
            ? defaultOwnerId
            : (data.ownerOrganisationId as string | null),
        planId: plan.id,
        sectionId: section.id,
        reference: await nextReference(tx, plan.id, definition),
        createdById: ctx.user?.id ?? null,
        updatedById: ctx.user?.id ?? null,
        version: 1,
        standards: standardAreaIds
          ? { create: standardAreaIds.map((standardAreaId) => ({ standardAreaId })) }
          : undefined,
      },
      include: { standards: { select: { standardAreaId: true } } },
    });
    await auditCreated(tx, ctx, membership, {
      plan,
      entityType: 'Commitment',
      action: 'commitment.create',
      created,
    });
    return created.id;
  });
  return host.prisma.commitment.findUniqueOrThrow({ where: { id }, include: commitmentInclude });
}

/**
 * The commitment an update or delete is about, once the viewer may change it (the same rule for
 * both) and the version they read is still the saved one: NotFound, Forbidden or a conflict
 * carrying the saved commitment otherwise. `conflict` is for a write that loses the race after.
 */
async function commitmentToChange(
  host: CoreHost,
  ctx: RequestContext,
  input: { id: string; version: number },
  merges = false,
) {
  const commitmentId = idOf('Commitment', input.id);
  const existing = commitmentId
    ? await host.prisma.commitment.findFirst({
        where: {
          id: commitmentId,
          plan: visiblePlansWhere(ctx),
          section: { key: { in: host.sectionKeys } },
        },
        include: {
          plan: true,
          section: { select: { key: true } },
          standards: { select: { standardAreaId: true } },
        },
      })
    : null;
  if (!existing) throw new NotFoundError('Commitment');
  const definition = host.section(existing.section.key);
  if (!definition) throw new NotFoundError('Commitment');
  const membership: Membership = authorize(ctx, 'commitment:update', {
    ...planFacts(existing.plan),
    section: await sectionOwnership(host, existing.plan, definition),
  });
  const conflict = async () =>
    new CommitmentConflictError(
      await host.prisma.commitment.findUniqueOrThrow({
        where: { id: existing.id },
        include: commitmentInclude,
      }),
    );
  if (existing.version !== input.version && !merges) throw await conflict();
  return { existing, membership, conflict };
}

type Columns = Checked['data'] & { standardAreaIds?: string[] };

/** A column's value in one comparable form: dates as days, amounts as numbers, sets sorted. */
function comparable(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString().slice(0, 10));
  if (Array.isArray(value)) return JSON.stringify([...value].map(String).sort());
  if (typeof value === 'object' && 'toFixed' in value) return JSON.stringify(Number(value));
  // A budget amount is stored as a decimal and given as text: "125000.50" is 125000.5.
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value))
    return JSON.stringify(Number(value));
  return JSON.stringify(value);
}

/** The base values a client sent, mapped to columns the way `check` maps input (no lookups). */
function baseColumns(base: NonNullable<UpdateCommitmentArgs['base']>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const given = (key: keyof typeof base) => key in base && base[key] !== undefined;
  if (given('title')) out.title = base.title?.trim() ?? null;
  if (given('description')) out.description = base.description?.trim() ?? '';
  if (given('budgetLine')) out.budgetLine = base.budgetLine?.trim() || null;
  if (given('budgetAmount')) {
    const amount = normaliseAmount(base.budgetAmount);
    out.budgetAmount = amount === null || amount === undefined ? null : Number(amount);
  }
  if (given('leadOfficer')) out.leadOfficer = base.leadOfficer?.trim() || null;
  for (const key of [
    'phase',
    'supportLayer',
    'progress',
    'rating',
    'startDate',
    'dueDate',
  ] as const)
    if (given(key)) out[key] = base[key] ?? null;
  if (given('needAreas')) out.needAreas = [...new Set(base.needAreas ?? [])];
  if (given('ownerOrganisationId'))
    out.ownerOrganisationId =
      idOf('Organisation', base.ownerOrganisationId) ?? base.ownerOrganisationId ?? null;
  if (given('ownerMemberId'))
    out.ownerMemberId = idOf('Member', base.ownerMemberId) ?? base.ownerMemberId ?? null;
  if (given('standardAreaIds'))
    out.standardAreaIds = (base.standardAreaIds ?? []).map((id) => idOf('StandardArea', id) ?? id);
  return out;
}

/**
 * Which of the columns to write still apply to the commitment as stored (decision 020): at the
 * client's version all do; from a stale version a column applies if its stored value is still the
 * client's base (or is already the new value; or the client sent back what it read). `sent` are
 * the input's field names: a column the service derived (the owner member cleared when the owner
 * organisation changes) follows the column it came from.
 */
function mergeColumns(
  stored: Record<string, unknown>,
  wanted: Columns,
  base: Record<string, unknown> | undefined,
  atVersion: boolean,
  sent: ReadonlySet<string>,
): { apply: Columns; conflicts: string[] } {
  const apply: Record<string, unknown> = {};
  const conflicts: string[] = [];
  for (const [key, next] of Object.entries(wanted)) {
    if (next === undefined) continue;
    const now = comparable(stored[key]);
    if (now === comparable(next)) continue;
    const hasBase = base !== undefined && key in base;
    if (atVersion || !sent.has(key) || (hasBase && comparable(base[key]) === now))
      apply[key] = next;
    else if (hasBase && comparable(base[key]) === comparable(next)) continue;
    else conflicts.push(key);
  }
  return { apply: apply as Columns, conflicts };
}

/**
 * A merge keeps each person's own field, so one person's start date can land beside another's
 * new due date. `check` saw the dates as the client read them; this sees them as they will be
 * saved. Out of order is a conflict on both dates: neither person's change is wrong alone.
 */
function mergedDatesOutOfOrder(
  stored: { startDate: Date | null; dueDate: Date | null },
  apply: Columns,
): string[] | null {
  // The checked input holds dates as Date (or null); Prisma's column type allows more.
  const asDate = (value: unknown): Date | null => (value instanceof Date ? value : null);
  const start = apply.startDate !== undefined ? asDate(apply.startDate) : stored.startDate;
  const due = apply.dueDate !== undefined ? asDate(apply.dueDate) : stored.dueDate;
  if (!start || !due || start.getTime() <= due.getTime()) return null;
  return ['startDate', 'dueDate'];
}

export async function updateCommitment(
  host: CoreHost,
  ctx: RequestContext,
  input: UpdateCommitmentArgs,
): Promise<CommitmentRecord> {
  const { existing, membership } = await commitmentToChange(host, ctx, input, true);

  // From a stale version the dates are checked as the client read them; the dates as they will
  // be saved, with someone else's change beside them, are checked in the merge below.
  const asRead =
    input.version !== existing.version && input.base
      ? {
          ...existing,
          ...(input.base.startDate !== undefined && { startDate: input.base.startDate }),
          ...(input.base.dueDate !== undefined && { dueDate: input.base.dueDate }),
        }
      : existing;
  const { data, standardAreaIds } = await check(
    host,
    existing.plan,
    input,
    asRead,
    updateCommitmentRules,
  );
  const wanted: Columns = { ...data, ...(standardAreaIds ? { standardAreaIds } : {}) };
  const base = input.base ? baseColumns(input.base) : undefined;
  const sent = new Set(
    Object.keys(input).filter((k) => input[k as keyof typeof input] !== undefined),
  );

  const outcome = await host.prisma.$transaction(async (tx) => {
    // Read, decide and write while holding the row, so concurrent editors queue, not fail.
    await tx.$queryRaw`SELECT "id" FROM "Commitment" WHERE "id" = ${existing.id} FOR UPDATE`;
    const current = await tx.commitment.findUnique({
      where: { id: existing.id },
      include: { standards: { select: { standardAreaId: true } } },
    });
    if (!current) return { conflicts: [] };
    const stored = { ...current, standardAreaIds: current.standards.map((s) => s.standardAreaId) };
    const { apply, conflicts } = mergeColumns(
      stored,
      wanted,
      base,
      current.version === input.version,
      sent,
    );
    if (conflicts.length > 0) return { conflicts };
    const datesOutOfOrder = mergedDatesOutOfOrder(current, apply);
    if (datesOutOfOrder) return { conflicts: datesOutOfOrder };
    const { standardAreaIds: areas, ...columns } = apply;
    await tx.commitment.update({
      where: { id: existing.id },
      data: { ...columns, version: { increment: 1 }, updatedById: ctx.user?.id ?? null },
    });
    if (areas) {
      await tx.commitmentStandard.deleteMany({ where: { commitmentId: existing.id } });
      await tx.commitmentStandard.createMany({
        data: areas.map((standardAreaId) => ({ commitmentId: existing.id, standardAreaId })),
      });
    }
    const after = await tx.commitment.findUniqueOrThrow({
      where: { id: existing.id },
      include: { standards: { select: { standardAreaId: true } } },
    });
    await appendAudit(tx, ctx, membership, {
      partnershipId: existing.plan.partnershipId,
      planId: existing.planId,
      entityType: 'Commitment',
      entityId: existing.id,
      action: 'commitment.update',
      before: current,
      after,
    });
    return null;
  }, mergeTransaction());
  const record = await host.prisma.commitment.findUnique({
    where: { id: existing.id },
    include: commitmentInclude,
  });
  if (!record) throw new NotFoundError('Commitment');
  if (outcome) throw new CommitmentConflictError(record, outcome.conflicts);
  return record;
}

export interface DeletedCommitment {
  id: string;
  reference: string;
  planId: string;
  sectionKey: string;
}

/**
 * Deletes a commitment: who may change it may delete it. Its milestones, evidence, standards
 * mapping and comments go with it (the foreign keys cascade); metric targets linked to it stay,
 * unlinked. Published and signed versions are frozen snapshots and keep it. Audited with the
 * commitment as it was.
 */
export async function deleteCommitment(
  host: CoreHost,
  ctx: RequestContext,
  input: { id: string; version: number },
): Promise<DeletedCommitment> {
  const { existing, membership, conflict } = await commitmentToChange(host, ctx, input);
  const deleted = await host.prisma.$transaction(async (tx) => {
    const { count } = await tx.commitment.deleteMany({
      where: { id: existing.id, version: input.version },
    });
    if (count === 0) return false;
    const { plan: _plan, section: _section, ...before } = existing;
    await appendAudit(tx, ctx, membership, {
      partnershipId: existing.plan.partnershipId,
      planId: existing.planId,
      entityType: 'Commitment',
      entityId: existing.id,
      action: 'commitment.delete',
      before,
    });
    return true;
  });
  if (!deleted) throw await conflict();
  return {
    id: existing.id,
    reference: existing.reference,
    planId: existing.planId,
    sectionKey: existing.section.key,
  };
}
