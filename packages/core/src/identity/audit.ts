// Sign-ins are audited, successes and failures alike, with what happened and never a secret (no
// token, code, password or full email address of someone without an account).
import type { PrismaClient } from '@lip/db';
import { toJson } from '../services/audit.ts';

export interface SignInAuditEntry {
  /** The account concerned, when there is one. */
  userId: string | null;
  /** e.g. "sign_in.oidc", "sign_in.oidc_refused", "sign_in.code", "sign_in.code_refused". */
  action: string;
  /** What else explains the event: provider, reason, email domain, subject... */
  detail: Record<string, unknown>;
  /** True when the account itself acted (a successful sign-in); a failed attempt has no known actor. */
  byUser?: boolean;
}

export async function auditSignIn(prisma: PrismaClient, entry: SignInAuditEntry): Promise<void> {
  await prisma.auditEvent.create({
    data: {
      actorUserId: entry.byUser ? entry.userId : null,
      partnershipId: null,
      planId: null,
      entityType: entry.userId ? 'User' : 'SignIn',
      entityId: entry.userId ?? '-',
      action: entry.action,
      after: toJson(entry.detail),
    },
  });
}

/** "someone@nhs.net" → "nhs.net": enough to see which organisation tried, without the person. */
export function emailDomain(email: string): string {
  const at = email.lastIndexOf('@');
  return at >= 0 ? email.slice(at + 1).toLowerCase() : '';
}
