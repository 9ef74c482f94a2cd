// The request context: who is asking and what they belong to. Memberships are loaded once per
// request (a person belongs to a handful of partnerships), so every permission check is synchronous.
import { createHash } from 'node:crypto';
import type { MemberRole, PrismaClient } from '@lip/db';

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  isSystemAdmin: boolean;
}

export interface Membership {
  memberId: string;
  partnershipId: string;
  organisationId: string;
  organisationTypeCode: string;
  roles: MemberRole[];
}

export interface RequestContext {
  user: SignedInUser | null;
  /** The Session row's id (sha256 of the token), when signed in with a session. */
  sessionId: string | null;
  /** By partnership id. */
  memberships: ReadonlyMap<string, Membership>;
}

export const signedOutContext = (): RequestContext => ({
  user: null,
  sessionId: null,
  memberships: new Map(),
});

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function loadContext(
  prisma: PrismaClient,
  token: string | undefined | null,
): Promise<RequestContext> {
  if (!token || token.length > 200) return signedOutContext();
  const sessionId = hashToken(token);
  const session = await prisma.session.findUnique({
    where: { id: sessionId },
    include: {
      user: {
        include: { memberships: { include: { organisation: { select: { typeCode: true } } } } },
      },
    },
  });
  if (!session || session.expiresAt.getTime() <= Date.now()) return signedOutContext();
  const { user } = session;
  return {
    user: { id: user.id, email: user.email, name: user.name, isSystemAdmin: user.isSystemAdmin },
    sessionId,
    memberships: new Map(
      user.memberships.map((m) => [
        m.partnershipId,
        {
          memberId: m.id,
          partnershipId: m.partnershipId,
          organisationId: m.organisationId,
          organisationTypeCode: m.organisation.typeCode,
          roles: m.roles,
        },
      ]),
    ),
  };
}

/** Prisma `where` for "a partnership the viewer belongs to". */
export function visiblePartnershipIds(ctx: RequestContext): string[] {
  return [...ctx.memberships.keys()];
}
