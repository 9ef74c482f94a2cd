// One write to a plan's section row with optimistic concurrency: the client names the version it
// edited; the row is created on the first write (version 1) or updated only if still at that
// version, with the audit entry in the same transaction. Anything else is SectionConflictError.
// A merging write (`merges`) instead locks the row and lets `change` decide, field by field,
// whether a stale edit still applies (docs/decisions/020-field-level-merge.md).
import { Prisma, type Plan, type Section, type SectionStatus } from '@lip/db';
import type { Membership, RequestContext } from '../context.ts';
import { SectionConflictError } from '../errors.ts';
import type { CoreHost } from '../host.ts';
import type { InstalledSection } from '../plugin-host/types.ts';
import { defaultOwnerOrganisationId } from './section-owner.ts';
import { sectionOfPlan, type SectionView } from '../schema/section-view.ts';
import { appendAudit } from './audit.ts';

/** The columns a section write may set. */
export interface SectionFields {
  data?: Prisma.InputJsonObject;
  easyReadSummary?: string | null;
  status?: SectionStatus;
}

/** What to write, worked out from the row as it is inside the transaction (null: never written). */
export interface SectionChange {
  fields: SectionFields;
  /** The audit action, e.g. "section.update". */
  action: string;
  /** Audit detail beside the version numbers: the values before and after. */
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

export interface VersionedSectionWrite {
  plan: Plan;
  definition: InstalledSection;
  /** The membership the permission check returned, for the audit entry. */
  membership: Membership | undefined;
  /** The version the client edited (0 if the section was never written). */
  version: number;
  /**
   * Merging write: a stale `version` is not refused outright; `change` is told whether the row is
   * still at the client's version and answers the conflicting fields when it cannot apply.
   */
  merges?: boolean;
  change: (before: Section | null, atVersion: boolean) => SectionChange | { conflicts: string[] };
}

/**
 * A merging write waits in line for the row lock inside its transaction; Prisma's defaults (2 s to
 * get a connection, 5 s in all) are too short when many people save one record on a busy machine.
 */
export function mergeTransaction(merges = true): { maxWait: number; timeout: number } | undefined {
  return merges ? { maxWait: 20_000, timeout: 30_000 } : undefined;
}

export async function writeSectionVersioned(
  host: CoreHost,
  ctx: RequestContext,
  { plan, definition, membership, version, merges = false, change }: VersionedSectionWrite,
): Promise<SectionView> {
  const where = { planId_key: { planId: plan.id, key: definition.key } };
  const ownerId = await defaultOwnerOrganisationId(host, { plan, definition, row: null });

  let row: Section | null;
  let conflicts: string[] = [];
  try {
    row = await host.prisma.$transaction(async (tx) => {
      // A merge reads, decides and writes while holding the row, so writers queue, not fail.
      if (merges)
        await tx.$queryRaw`SELECT "id" FROM "Section" WHERE "planId" = ${plan.id} AND "key" = ${definition.key} FOR UPDATE`;
      const before = await tx.section.findUnique({ where });
      const atVersion = (before?.version ?? 0) === version;
      if (!atVersion && !merges) return null;
      const decided = change(before, atVersion);
      if ('conflicts' in decided) {
        conflicts = decided.conflicts;
        return null;
      }
      const { fields, action, before: was, after: now } = decided;
      let after: Section;
      if (!before) {
        after = await tx.section.create({
          data: {
            planId: plan.id,
            key: definition.key,
            pluginId: definition.pluginId,
            ownerOrganisationId: ownerId,
            status: 'IN_PROGRESS',
            ...fields,
            version: 1,
            updatedById: ctx.user?.id ?? null,
          },
        });
      } else {
        const { count } = await tx.section.updateMany({
          where: { id: before.id, version: before.version },
          data: { ...fields, version: { increment: 1 }, updatedById: ctx.user?.id ?? null },
        });
        if (count === 0) return null;
        after = await tx.section.findUniqueOrThrow({ where });
      }
      await appendAudit(tx, ctx, membership, {
        partnershipId: plan.partnershipId,
        planId: plan.id,
        entityType: 'Section',
        entityId: after.id,
        action,
        before: before ? { version: before.version, ...was } : undefined,
        after: { version: after.version, ...now },
      });
      return after;
    }, mergeTransaction(merges));
  } catch (error) {
    // Two first writes at once: the second insert hits the unique (planId, key).
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') row = null;
    else throw error;
  }
  if (!row) {
    const current = await sectionOfPlan(host.prisma, host, plan, definition.key);
    throw new SectionConflictError(current ?? { plan, definition, row: null }, conflicts);
  }
  return { plan, definition, row };
}
