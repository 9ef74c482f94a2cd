// The request context: who is asking and what they belong to. Memberships are loaded once per
// request (a person belongs to a handful of partnerships), so every permission check is synchronous
// and a role changed in the database applies from the next request, in sessions already open.
import { createHash } from 'node:crypto';
import type { MemberRole, PrismaClient } from '@lip/db';
import { DEFAULT_AUTH_CONFIG, hours } from './auth/config.ts';

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
  /**
   * The client's network address: Express's `req.ip`, so `TRUST_PROXY` decides whose
   * X-Forwarded-For is believed. Sign-in attempts are throttled by it. null when unknown.
   */
  clientAddress?: string | null;
  /** The request's User-Agent, to name the device a new session is for. */
  userAgent?: string | null;
  /**
   * The origin the request was made to (`https://lip.example.org`), for links in mails when
   * PUBLIC_URL is not set. null when unknown (in-process callers without a request).
   */
  origin?: string | null;
  /**
   * The viewer's oversight membership as the session was read (undefined when the context was
   * built without it: then it is read when asked for).
   */
  oversight?: { membershipId: string; name: string; region: string | null } | null;
}

/** What the HTTP layer knows of the client, carried into the context. */
export interface ClientInfo {
  clientAddress?: string | null;
  userAgent?: string | null;
  /** The origin the request was made to (scheme, host and port). */
  origin?: string | null;
}

export const signedOutContext = (client: ClientInfo = {}): RequestContext => ({
  user: null,
  sessionId: null,
  memberships: new Map(),
  clientAddress: client.clientAddress ?? null,
  userAgent: client.userAgent ?? null,
  origin: client.origin ?? null,
});

export interface SessionPolicy {
  /** A session unused for this long has ended. */
  idleMs: number;
}

const DEFAULT_POLICY: SessionPolicy = { idleMs: hours(DEFAULT_AUTH_CONFIG.sessionIdleHours) };

/** lastSeenAt is moved at most this often per session: no database write on every request. */
export const LAST_SEEN_STEP_MS = 60_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function loadContext(
  prisma: PrismaClient,
  token: string | undefined | null,
  client: ClientInfo = {},
  policy: SessionPolicy = DEFAULT_POLICY,
): Promise<RequestContext> {
  if (!token || token.length > 200) return signedOutContext(client);
  const sessionId = hashToken(token);
  const session = await prisma.session.findUnique({
    where: { id: sessionId },
    include: {
      user: {
        include: {
          memberships: { include: { organisation: { select: { typeCode: true } } } },
          // Every page's header asks whether the viewer oversees partnerships: read with the session.
          oversight: { select: { id: true, name: true, region: true } },
        },
      },
    },
  });
  if (!session) return signedOutContext(client);
  const now = Date.now();
  const idle = now - session.lastSeenAt.getTime();
  if (session.expiresAt.getTime() <= now || idle >= policy.idleMs) {
    // Over the absolute limit or idle too long: the session is over, and its row goes.
    await prisma.session.deleteMany({ where: { id: sessionId } });
    return signedOutContext(client);
  }
  if (idle >= LAST_SEEN_STEP_MS) {
    // Conditional on the value read, so concurrent requests write it once.
    await prisma.session.updateMany({
      where: { id: sessionId, lastSeenAt: session.lastSeenAt },
      data: { lastSeenAt: new Date(now) },
    });
  }
  const { user } = session;
  return {
    user: { id: user.id, email: user.email, name: user.name, isSystemAdmin: user.isSystemAdmin },
    sessionId,
    oversight: user.oversight
      ? {
          membershipId: user.oversight.id,
          name: user.oversight.name,
          region: user.oversight.region,
        }
      : null,
    clientAddress: client.clientAddress ?? null,
    userAgent: client.userAgent ?? null,
    origin: client.origin ?? null,
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
