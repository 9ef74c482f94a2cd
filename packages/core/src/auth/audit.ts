// The audit trail of signing in and out. These events belong to no partnership (partnershipId and
// planId are null), so no plan's activity feed shows them; they are for the operator's records.
// A password, a code or a token is never written: only the email tried, why it failed and from where.
import type { PrismaClient } from '@lip/db';
import { toJson } from '../services/audit.ts';

/** Why a sign-in was refused. */
export type SignInFailure = 'unknown_account' | 'wrong_password' | 'throttled';

export type AccountAuditEntry =
  | {
      action: 'sign_in.failed';
      /** The account's id when the email belongs to someone. */
      userId: string | null;
      email: string;
      method: 'password' | 'email-code';
      reason: SignInFailure;
      clientAddress: string | null;
    }
  | {
      action: 'sign_in.succeeded';
      userId: string;
      email: string;
      method: 'password' | 'email-code' | 'oidc' | 'invitation';
      sessionPublicId: string;
      clientAddress: string | null;
      device: string;
    }
  | {
      /** Signed out, or ended from the person's list of sessions. */
      action: 'session.signed_out' | 'session.ended';
      userId: string;
      sessionPublicId: string;
      clientAddress: string | null;
    };

export async function auditAccount(prisma: PrismaClient, entry: AccountAuditEntry): Promise<void> {
  const where = { actorOrganisationId: null, partnershipId: null, planId: null };
  if (entry.action === 'sign_in.failed') {
    // Whoever failed is not known to be the account's owner: no actor; the email tried is the
    // entity, and the account's id (when the email is someone's) is among the details.
    const { action, userId, ...details } = entry;
    await prisma.auditEvent.create({
      data: {
        ...where,
        actorUserId: null,
        entityType: 'SignIn',
        entityId: entry.email,
        action,
        after: toJson({ ...details, accountId: userId }),
      },
    });
    return;
  }
  const { action, userId, ...details } = entry;
  await prisma.auditEvent.create({
    data: {
      ...where,
      actorUserId: userId,
      entityType: 'Session',
      entityId: entry.sessionPublicId,
      action,
      after: toJson(details),
    },
  });
}
