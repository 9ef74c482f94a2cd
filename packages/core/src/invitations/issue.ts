// Writing an invitation and its mail in one transaction, and retiring a mail an invitation no
// longer needs (accepted, revoked, or replaced by a resend).
import type { Invitation, MemberRole, Prisma, PrismaClient } from '@lip/db';
import type { AuthServices } from '../auth/services.ts';
import type { RequestContext } from '../context.ts';
import type { Mailer } from '../mail/mailer.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { invitationLink, linkOrigin, newInvitationToken } from './links.ts';
import { INVITATION_TEMPLATE, invitationMail } from './mail.ts';

/** Days an invitation link works. */
export const INVITATION_DAYS = 7;

export interface InvitationServices {
  prisma: PrismaClient;
  mailer: Mailer;
  auth: AuthServices;
  /** PUBLIC_URL's origin, when set: links use it rather than the request's origin. */
  publicUrl?: string | null;
}

export interface Inviter {
  userId: string;
  name: string;
  /** The inviter's organisation's name; null for a service administrator. */
  organisationName: string | null;
}

export interface InvitationFacts {
  partnership: { id: string; name: string };
  organisation: { id: string; name: string };
  email: string;
  roles: MemberRole[];
  jobTitle: string | null;
}

const expiryFrom = (now: number) => new Date(now + INVITATION_DAYS * 24 * 60 * 60_000);

/**
 * Queues the invitation's mail with a fresh token. The mail is sensitive (blanked once sent) when
 * the service delivers mail; when it cannot, the mail's text is where the lead's copy of the link
 * lives until the invitation ends (docs/decisions/017-invitation-links.md).
 */
async function queueMail(
  tx: Prisma.TransactionClient,
  services: InvitationServices,
  ctx: RequestContext,
  facts: InvitationFacts & { roles: readonly MemberRole[] },
  inviter: Inviter,
) {
  const { token, tokenHash } = newInvitationToken();
  const now = Date.now();
  const expiresAt = expiryFrom(now);
  const link = invitationLink(linkOrigin(services.publicUrl, ctx), token);
  const mailId = await enqueueMail(tx, {
    to: facts.email,
    ...invitationMail({
      inviterName: inviter.name,
      inviterOrganisation: inviter.organisationName,
      partnershipName: facts.partnership.name,
      organisationName: facts.organisation.name,
      roles: facts.roles,
      link,
      expiresAt,
    }),
    template: INVITATION_TEMPLATE,
    sensitive: services.mailer.delivers,
    discardAfter: expiresAt,
  });
  return { tokenHash, expiresAt, mailId, sentAt: new Date(now), link };
}

export async function issueInvitation(
  tx: Prisma.TransactionClient,
  services: InvitationServices,
  ctx: RequestContext,
  facts: InvitationFacts,
  inviter: Inviter,
): Promise<{ invitation: Invitation; link: string }> {
  const mail = await queueMail(tx, services, ctx, facts, inviter);
  const invitation = await tx.invitation.create({
    data: {
      partnershipId: facts.partnership.id,
      organisationId: facts.organisation.id,
      email: facts.email,
      roles: facts.roles,
      jobTitle: facts.jobTitle,
      tokenHash: mail.tokenHash,
      expiresAt: mail.expiresAt,
      invitedById: inviter.userId,
      mailId: mail.mailId,
      lastSentAt: mail.sentAt,
    },
  });
  return { invitation, link: mail.link };
}

/**
 * A new token, expiry and mail for an invitation (the old link stops working). Conditional on the
 * token read, so it does not race an accept or another resend: null when the invitation changed.
 */
export async function reissueInvitation(
  tx: Prisma.TransactionClient,
  services: InvitationServices,
  ctx: RequestContext,
  current: Invitation,
  facts: InvitationFacts,
  inviter: Inviter,
): Promise<Invitation | null> {
  const mail = await queueMail(tx, services, ctx, facts, inviter);
  const { count } = await tx.invitation.updateMany({
    where: { id: current.id, tokenHash: current.tokenHash, acceptedAt: null, revokedAt: null },
    data: {
      tokenHash: mail.tokenHash,
      expiresAt: mail.expiresAt,
      mailId: mail.mailId,
      lastSentAt: mail.sentAt,
      invitedById: inviter.userId,
    },
  });
  if (count === 0) return null;
  await retireMail(tx, current.mailId);
  return tx.invitation.findUniqueOrThrow({ where: { id: current.id } });
}

/**
 * The invitation no longer needs its mail: not sent if still waiting, and its text (which holds
 * the link) blanked. A mail being sent at this moment is left to the mailer, which blanks it.
 */
export async function retireMail(
  tx: Prisma.TransactionClient,
  mailId: string | null,
): Promise<void> {
  if (!mailId) return;
  await tx.emailOutbox.updateMany({
    where: { id: mailId, status: 'PENDING' },
    data: { status: 'EXPIRED' },
  });
  await tx.emailOutbox.updateMany({
    where: { id: mailId, status: { not: 'SENDING' } },
    data: { text: '', html: null },
  });
}
