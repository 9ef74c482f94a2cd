// A lead invites people to the partnership, resends an invitation with a new link, or revokes one.
// Each change is one transaction with its mail and its audit rows: all of it or none of it.
import type { Invitation, MemberRole, Prisma } from '@lip/db';
import { authorizeLead } from '../auth/permissions.ts';
import type { Membership, RequestContext } from '../context.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { idOf } from '../ids.ts';
import { isEmailAddress, normaliseEmail, validateRoles } from '../partnerships/rules.ts';
import { appendAudit } from '../services/audit.ts';
import { invitationStatus } from './delivery.ts';
import {
  issueInvitation,
  reissueInvitation,
  retireMail,
  type InvitationServices,
  type Inviter,
} from './issue.ts';

/** At most this many addresses in one invitation request. */
export const MAX_INVITATIONS_PER_REQUEST = 100;
const JOB_TITLE_MAX = 120;

export interface InviteMemberArgs {
  partnershipId: string;
  emails: readonly string[];
  organisationId: string;
  roles: readonly string[];
  jobTitle?: string | null;
}

/** "a, b, c and 4 more" */
function listed(values: readonly string[], max = 5): string {
  const shown = values.slice(0, max);
  const more = values.length - shown.length;
  if (more > 0) return `${shown.join(', ')} and ${more} more`;
  if (shown.length === 1) return shown[0]!;
  return `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)!}`;
}

/** The addresses, lower-cased, blanks dropped and repeats removed; throws for bad or too many. */
export function parseEmails(field: string, raw: readonly string[]): string[] {
  const emails = [...new Set(raw.map(normaliseEmail).filter((e) => e !== ''))];
  if (emails.length === 0) throw ValidationError.field(field, 'Enter at least one email address');
  if (emails.length > MAX_INVITATIONS_PER_REQUEST)
    throw ValidationError.field(
      field,
      `You can invite up to ${MAX_INVITATIONS_PER_REQUEST} people at a time. You entered ${emails.length} email addresses: invite them in smaller groups`,
    );
  const invalid = emails.filter((e) => !isEmailAddress(e));
  if (invalid.length > 0)
    throw ValidationError.field(
      field,
      `Enter email addresses in the correct format, like name@example.com. Check ${listed(invalid)}`,
    );
  return emails;
}

export function parseJobTitle(field: string, raw: string | null | undefined): string | null {
  const text = (raw ?? '').trim();
  if (text.length > JOB_TITLE_MAX)
    throw ValidationError.field(field, `Job title must be ${JOB_TITLE_MAX} characters or fewer`);
  return text || null;
}

/** Serialises invitation writes of one partnership (the pending-invitation check then holds). */
export async function lockPartnership(
  tx: Prisma.TransactionClient,
  partnershipId: string,
): Promise<void> {
  await tx.$queryRaw`SELECT "id" FROM "Partnership" WHERE "id" = ${partnershipId} FOR UPDATE`;
}

const pendingWhere = (now: Date) => ({
  acceptedAt: null,
  revokedAt: null,
  expiresAt: { gt: now },
});

/** Refuses addresses that are members already, or that have an invitation waiting. */
async function refuseTaken(
  tx: Prisma.TransactionClient,
  partnershipId: string,
  emails: readonly string[],
  field: string,
  exceptInvitationId?: string,
): Promise<void> {
  const members = await tx.member.findMany({
    where: { partnershipId, user: { email: { in: [...emails] } } },
    select: { user: { select: { email: true } } },
  });
  if (members.length > 0) {
    const who = members.map((m) => m.user.email).sort();
    throw ValidationError.field(
      field,
      who.length === 1
        ? `${who[0]!} is already a member of this partnership`
        : `${listed(who)} are already members of this partnership`,
    );
  }
  const pending = await tx.invitation.findMany({
    where: {
      partnershipId,
      email: { in: [...emails] },
      ...pendingWhere(new Date()),
      ...(exceptInvitationId ? { id: { not: exceptInvitationId } } : {}),
    },
    select: { email: true },
  });
  if (pending.length > 0) {
    const who = [...new Set(pending.map((p) => p.email))].sort();
    throw ValidationError.field(
      field,
      `${listed(who)} already ${who.length === 1 ? 'has an invitation' : 'have invitations'} waiting: resend ${who.length === 1 ? 'it' : 'them'} instead`,
    );
  }
}

async function inviterOf(
  tx: Prisma.TransactionClient,
  ctx: RequestContext,
  membership: Membership,
): Promise<Inviter> {
  const organisation = await tx.organisation.findUniqueOrThrow({
    where: { id: membership.organisationId },
    select: { name: true },
  });
  return { userId: ctx.user!.id, name: ctx.user!.name, organisationName: organisation.name };
}

function auditInvitation(invitation: Invitation) {
  return {
    email: invitation.email,
    organisationId: invitation.organisationId,
    roles: invitation.roles,
    jobTitle: invitation.jobTitle,
    expiresAt: invitation.expiresAt,
  };
}

export async function inviteMembers(
  services: InvitationServices,
  ctx: RequestContext,
  args: InviteMemberArgs,
): Promise<Invitation[]> {
  const partnershipId = idOf('Partnership', args.partnershipId);
  if (!partnershipId) throw new NotFoundError('Partnership');
  const membership = authorizeLead(ctx, partnershipId);
  const emails = parseEmails('emails', args.emails);
  const organisationId = idOf('Organisation', args.organisationId);
  const place = organisationId
    ? await services.prisma.partnershipOrganisation.findUnique({
        where: { partnershipId_organisationId: { partnershipId, organisationId } },
        include: { organisation: true, partnership: true },
      })
    : null;
  if (!place)
    throw ValidationError.field('organisationId', 'Choose an organisation of this partnership');
  const roles: MemberRole[] = validateRoles('roles', place.organisation.typeCode, args.roles);
  const jobTitle = parseJobTitle('jobTitle', args.jobTitle);

  const invitations = await services.prisma.$transaction(async (tx) => {
    await lockPartnership(tx, partnershipId);
    await refuseTaken(tx, partnershipId, emails, 'emails');
    const inviter = await inviterOf(tx, ctx, membership);
    const written: Invitation[] = [];
    for (const email of emails) {
      const { invitation } = await issueInvitation(
        tx,
        services,
        ctx,
        {
          partnership: place.partnership,
          organisation: place.organisation,
          email,
          roles,
          jobTitle,
        },
        inviter,
      );
      await appendAudit(tx, ctx, membership, {
        partnershipId,
        planId: null,
        entityType: 'Invitation',
        entityId: invitation.id,
        action: 'invitation.sent',
        after: auditInvitation(invitation),
      });
      written.push(invitation);
    }
    return written;
  });
  services.mailer.kick();
  return invitations;
}

/** The invitation and its status, when the viewer leads its partnership (a non-member is told it does not exist). */
async function ledInvitation(services: InvitationServices, ctx: RequestContext, id: string) {
  const invitationId = idOf('Invitation', id);
  const invitation = invitationId
    ? await services.prisma.invitation.findUnique({
        where: { id: invitationId },
        include: { partnership: true, organisation: true },
      })
    : null;
  if (!invitation || !ctx.memberships.has(invitation.partnershipId))
    throw new NotFoundError('Invitation');
  const membership = authorizeLead(ctx, invitation.partnershipId);
  return { invitation, membership, status: invitationStatus(invitation) };
}

const NOT_WAITING: Record<'ACCEPTED' | 'REVOKED', string> = {
  ACCEPTED: 'This invitation has been accepted, so there is nothing to send',
  REVOKED: 'This invitation was revoked. Invite them again instead',
};

/**
 * Sends an invitation again with a new link and expiry (the old link stops working; a mail not yet
 * sent is dropped). An invitation that has expired can be sent again too, unless another one to
 * the same address is waiting.
 */
export async function resendInvitation(
  services: InvitationServices,
  ctx: RequestContext,
  id: string,
): Promise<Invitation> {
  const { invitation, membership, status } = await ledInvitation(services, ctx, id);
  if (status === 'ACCEPTED' || status === 'REVOKED')
    throw new ValidationError([], NOT_WAITING[status]);
  const updated = await services.prisma.$transaction(async (tx) => {
    await lockPartnership(tx, invitation.partnershipId);
    await refuseTaken(tx, invitation.partnershipId, [invitation.email], 'id', invitation.id);
    const inviter = await inviterOf(tx, ctx, membership);
    const result = await reissueInvitation(
      tx,
      services,
      ctx,
      invitation,
      {
        partnership: invitation.partnership,
        organisation: invitation.organisation,
        email: invitation.email,
        roles: invitation.roles,
        jobTitle: invitation.jobTitle,
      },
      inviter,
    );
    if (!result)
      throw new ValidationError(
        [],
        'This invitation changed while you were sending it: look at it again',
      );
    await appendAudit(tx, ctx, membership, {
      partnershipId: invitation.partnershipId,
      planId: null,
      entityType: 'Invitation',
      entityId: invitation.id,
      action: 'invitation.resent',
      before: { expiresAt: invitation.expiresAt },
      after: auditInvitation(result),
    });
    return result;
  });
  services.mailer.kick();
  return updated;
}

/** Revokes a waiting invitation: its link then says it was cancelled. */
export async function revokeInvitation(
  services: InvitationServices,
  ctx: RequestContext,
  id: string,
): Promise<Invitation> {
  const { invitation, membership, status } = await ledInvitation(services, ctx, id);
  if (status === 'ACCEPTED')
    throw new ValidationError([], 'This invitation has been accepted, so it cannot be revoked');
  if (status === 'REVOKED') throw new ValidationError([], 'This invitation was revoked already');
  if (status === 'EXPIRED')
    throw new ValidationError([], 'This invitation has expired, so its link no longer works');
  return services.prisma.$transaction(async (tx) => {
    const { count } = await tx.invitation.updateMany({
      where: {
        id: invitation.id,
        tokenHash: invitation.tokenHash,
        acceptedAt: null,
        revokedAt: null,
      },
      data: { revokedAt: new Date() },
    });
    if (count === 0)
      throw new ValidationError(
        [],
        'This invitation changed while you were revoking it: look at it again',
      );
    await retireMail(tx, invitation.mailId);
    await appendAudit(tx, ctx, membership, {
      partnershipId: invitation.partnershipId,
      planId: null,
      entityType: 'Invitation',
      entityId: invitation.id,
      action: 'invitation.revoked',
      before: auditInvitation(invitation),
    });
    return tx.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
  });
}
