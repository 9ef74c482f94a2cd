// A partnership's members: the lead changes their roles and removes them. A partnership always
// keeps at least one lead, so nobody is left able to manage it; the checks run with the
// partnership row locked, so two leads demoting each other at once cannot both succeed.
import type { Member, MemberRole, Prisma, PrismaClient } from '@lip/db';
import { authorizeLead } from '../auth/permissions.ts';
import type { RequestContext } from '../context.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { idOf } from '../ids.ts';
import { appendAudit } from '../services/audit.ts';
import { lockPartnership } from './organisations.ts';
import { validateRoles } from './rules.ts';

async function memberOfPartnership(
  tx: Prisma.TransactionClient,
  memberId: string,
  partnershipId: string,
) {
  const member = await tx.member.findFirst({
    where: { id: memberId, partnershipId },
    include: { organisation: true, user: { select: { id: true, name: true, email: true } } },
  });
  if (!member) throw new NotFoundError('Member');
  return member;
}

/** The member behind a global id, in a partnership the viewer belongs to; else NotFoundError. */
async function visibleMember(
  prisma: PrismaClient,
  ctx: RequestContext,
  globalId: string,
): Promise<Pick<Member, 'id' | 'partnershipId'>> {
  const id = idOf('Member', globalId);
  const member = id
    ? await prisma.member.findFirst({
        where: { id, partnershipId: { in: [...ctx.memberships.keys()] } },
        select: { id: true, partnershipId: true },
      })
    : null;
  if (!member) throw new NotFoundError('Member');
  return member;
}

async function otherLeads(
  tx: Prisma.TransactionClient,
  partnershipId: string,
  memberId: string,
): Promise<number> {
  return tx.member.count({
    where: { partnershipId, id: { not: memberId }, roles: { has: 'PARTNERSHIP_LEAD' } },
  });
}

export interface UpdateMemberRolesArgs {
  memberId: string;
  roles: readonly string[];
}

/**
 * Replaces a member's roles. Last write wins: members carry no version, the new roles are the whole
 * set the lead chose, and the audit event keeps what they replaced. The roles must suit the
 * member's organisation type (validateRoles), and the last lead keeps the lead role.
 */
export async function updateMemberRoles(
  prisma: PrismaClient,
  ctx: RequestContext,
  args: UpdateMemberRolesArgs,
): Promise<Member> {
  const found = await visibleMember(prisma, ctx, args.memberId);
  const membership = authorizeLead(ctx, found.partnershipId);
  return prisma.$transaction(async (tx) => {
    await lockPartnership(tx, found.partnershipId);
    const member = await memberOfPartnership(tx, found.id, found.partnershipId);
    const roles = validateRoles('roles', member.organisation.typeCode, args.roles);
    const wasLead = member.roles.includes('PARTNERSHIP_LEAD');
    if (
      wasLead &&
      !roles.includes('PARTNERSHIP_LEAD') &&
      (await otherLeads(tx, member.partnershipId, member.id)) === 0
    ) {
      throw ValidationError.field(
        'roles',
        `${member.user.name} is the only partnership lead. Make someone else a lead first`,
      );
    }
    if (sameRoles(member.roles, roles)) return member;
    const after = await tx.member.update({ where: { id: member.id }, data: { roles } });
    await appendAudit(tx, ctx, membership, {
      partnershipId: member.partnershipId,
      planId: null,
      entityType: 'Member',
      entityId: member.id,
      action: 'member.update',
      before: { name: member.user.name, roles: member.roles },
      after: { name: member.user.name, roles },
    });
    return after;
  });
}

function sameRoles(a: readonly MemberRole[], b: readonly MemberRole[]): boolean {
  return a.length === b.length && a.every((r) => b.includes(r));
}

export interface RemovedMember {
  memberId: string;
  name: string;
  /** How many of the person's sessions ended. */
  sessionsEnded: number;
}

/**
 * Removes a member from the partnership. Their row goes (commitments they owned keep their owner
 * organisation; `ownerMemberId` is set null by the foreign key), while what they wrote stays
 * attributed: audit events, comments and section edits name the User, not the Member.
 *
 * Their sessions end at once: every Session row of the person is deleted, which signs them out
 * everywhere, in their other partnerships too. That is the safe choice (a person belongs to few
 * partnerships and signs in again in a minute, while a session left open would keep this
 * partnership's pages in a browser the lead wants closed). Memberships are read afresh on every
 * request (context.ts), so nothing cached outlives this request either.
 */
export async function removeMember(
  prisma: PrismaClient,
  ctx: RequestContext,
  args: { memberId: string },
): Promise<RemovedMember> {
  const found = await visibleMember(prisma, ctx, args.memberId);
  const membership = authorizeLead(ctx, found.partnershipId);
  return prisma.$transaction(async (tx) => {
    await lockPartnership(tx, found.partnershipId);
    const member = await memberOfPartnership(tx, found.id, found.partnershipId);
    if (
      member.roles.includes('PARTNERSHIP_LEAD') &&
      (await otherLeads(tx, member.partnershipId, member.id)) === 0
    ) {
      throw ValidationError.field(
        'memberId',
        `${member.user.name} is the only partnership lead, so they cannot be removed. Make someone else a lead first`,
      );
    }
    await tx.member.delete({ where: { id: member.id } });
    const { count } = await tx.session.deleteMany({ where: { userId: member.userId } });
    await appendAudit(tx, ctx, membership, {
      partnershipId: member.partnershipId,
      planId: null,
      entityType: 'Member',
      entityId: member.id,
      action: 'member.delete',
      before: {
        name: member.user.name,
        userId: member.userId,
        organisationId: member.organisationId,
        organisationName: member.organisation.name,
        roles: member.roles,
        jobTitle: member.jobTitle,
      },
      after: { name: member.user.name, sessionsEnded: count },
    });
    return { memberId: member.id, name: member.user.name, sessionsEnded: count };
  });
}
