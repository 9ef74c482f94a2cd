// Accepting an invitation: whoever holds the link. The invitation is taken with a conditional
// update (pending → accepted), so of two accepts at once only one succeeds; then the person's
// account (new, or the existing one with that address) joins the partnership, and is signed in.
import type { MemberRole } from '@lip/db';
import { startSession, type SignInResult } from '../auth/sessions.ts';
import { hashToken, type Membership, type RequestContext } from '../context.ts';
import { ValidationError } from '../errors.ts';
import { appendAudit } from '../services/audit.ts';
import { invitationStatus, type InvitationStatus } from './delivery.ts';
import { InvitationUnusableError } from './errors.ts';
import type { InvitationServices } from './issue.ts';
import { retireMail } from './issue.ts';
import { isInvitationToken } from './links.ts';

const NAME_MAX = 120;

export interface InvitationPreview {
  status: InvitationStatus;
  email: string;
  partnershipName: string;
  organisationName: string;
  roles: MemberRole[];
  jobTitle: string | null;
  invitedByName: string | null;
  expiresAt: Date;
  /** Whether the invited address has an account (the page asks a newcomer for their name). */
  accountExists: boolean;
}

async function findByToken(services: InvitationServices, token: string) {
  if (!isInvitationToken(token)) return null;
  return services.prisma.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    include: {
      partnership: { select: { name: true, slug: true } },
      organisation: { select: { name: true } },
      invitedBy: { select: { name: true } },
    },
  });
}

/** What the accept page shows; null for a link that is not one (nothing is revealed). */
export async function previewInvitation(
  services: InvitationServices,
  token: string,
): Promise<InvitationPreview | null> {
  const invitation = await findByToken(services, token);
  if (!invitation) return null;
  const account = await services.prisma.user.findUnique({
    where: { email: invitation.email },
    select: { id: true },
  });
  return {
    status: invitationStatus(invitation),
    email: invitation.email,
    partnershipName: invitation.partnership.name,
    organisationName: invitation.organisation.name,
    roles: invitation.roles,
    jobTitle: invitation.jobTitle,
    invitedByName: invitation.invitedBy?.name ?? null,
    expiresAt: invitation.expiresAt,
    accountExists: account !== null,
  };
}

export interface AcceptResult extends SignInResult {
  partnershipSlug: string;
  partnershipName: string;
}

const PROBLEM_OF: Record<Exclude<InvitationStatus, 'PENDING'>, 'USED' | 'REVOKED' | 'EXPIRED'> = {
  ACCEPTED: 'USED',
  REVOKED: 'REVOKED',
  EXPIRED: 'EXPIRED',
};

export async function acceptInvitation(
  services: InvitationServices,
  ctx: RequestContext,
  args: { token: string; name?: string | null },
): Promise<AcceptResult> {
  const invitation = await findByToken(services, args.token);
  if (!invitation) throw new InvitationUnusableError('UNKNOWN');
  const status = invitationStatus(invitation);
  if (status !== 'PENDING') throw new InvitationUnusableError(PROBLEM_OF[status]);
  if (ctx.user && ctx.user.email.toLowerCase() !== invitation.email)
    throw new InvitationUnusableError('OTHER_ACCOUNT', invitation.email);

  const existing = await services.prisma.user.findUnique({ where: { email: invitation.email } });
  const name = (args.name ?? '').trim();
  if (!existing) {
    if (!name) throw ValidationError.field('name', 'Enter your full name');
    if (name.length > NAME_MAX)
      throw ValidationError.field('name', `Your name must be ${NAME_MAX} characters or fewer`);
  }

  const now = new Date();
  const user = await services.prisma.$transaction(async (tx) => {
    // Taken once: a second accept (a double click, a race) finds nothing to update.
    const taken = await tx.invitation.updateMany({
      where: {
        id: invitation.id,
        tokenHash: invitation.tokenHash,
        acceptedAt: null,
        revokedAt: null,
        expiresAt: { gt: now },
      },
      data: { acceptedAt: now },
    });
    if (taken.count === 0) {
      const current = await tx.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
      const state = invitationStatus(current);
      // The token was replaced by a resend: this link is no longer one.
      if (state === 'PENDING' || current.tokenHash !== invitation.tokenHash)
        throw new InvitationUnusableError('UNKNOWN');
      throw new InvitationUnusableError(PROBLEM_OF[state]);
    }
    const person = await tx.user.upsert({
      where: { email: invitation.email },
      create: { email: invitation.email, name, lastSignedInAt: now },
      update: { lastSignedInAt: now },
    });
    // Already a member (added another way, or a race): the invitation is used, no second member.
    const joined = await tx.member.createMany({
      data: [
        {
          partnershipId: invitation.partnershipId,
          organisationId: invitation.organisationId,
          userId: person.id,
          roles: invitation.roles,
          jobTitle: invitation.jobTitle,
        },
      ],
      skipDuplicates: true,
    });
    await tx.invitation.update({
      where: { id: invitation.id },
      data: { acceptedByUserId: person.id },
    });
    await retireMail(tx, invitation.mailId);
    // The person who accepted is the actor, for the organisation they joined.
    const actor: RequestContext = {
      ...ctx,
      user: {
        id: person.id,
        email: person.email,
        name: person.name,
        isSystemAdmin: person.isSystemAdmin,
      },
    };
    const asMember: Membership = {
      memberId: '',
      partnershipId: invitation.partnershipId,
      organisationId: invitation.organisationId,
      organisationTypeCode: '',
      roles: invitation.roles,
    };
    await appendAudit(tx, actor, asMember, {
      partnershipId: invitation.partnershipId,
      planId: null,
      entityType: 'Invitation',
      entityId: invitation.id,
      action: 'invitation.accepted',
      after: {
        email: invitation.email,
        organisationId: invitation.organisationId,
        roles: invitation.roles,
        newAccount: !existing,
        alreadyMember: joined.count === 0,
      },
    });
    return person;
  });

  const session = await startSession(
    services.prisma,
    services.auth.config,
    ctx,
    user,
    'invitation',
  );
  return {
    ...session,
    partnershipSlug: invitation.partnership.slug,
    partnershipName: invitation.partnership.name,
  };
}
