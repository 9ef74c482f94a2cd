// Sign in with email and password; sessions live in the Session table keyed by the SHA-256 of a
// random token, so a leaked table grants nothing.
import { randomBytes } from 'node:crypto';
import { hashPassword, verifyPassword, type PrismaClient, type User } from '@lip/db';
import { hashToken } from '../context.ts';
import { InvalidCredentialsError } from '../errors.ts';

export const SESSION_DAYS = 30;

let dummyHash: Promise<string> | undefined;
/** A hash to verify against when the email is unknown, so both paths take about the same time. */
function getDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return dummyHash;
}

export interface SignInResult {
  token: string;
  expiresAt: Date;
  user: User;
}

export async function signIn(
  prisma: PrismaClient,
  email: string,
  password: string,
  userAgent?: string | null,
): Promise<SignInResult> {
  const user = await prisma.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  const passwordHash = user?.passwordHash ?? (await getDummyHash());
  const ok = await verifyPassword(passwordHash, password); // false (never a throw) for a malformed hash
  if (!user || !user.passwordHash || !ok) throw new InvalidCredentialsError();
  return createSession(prisma, user, userAgent);
}

/** A new session for someone already authenticated (by password, OpenID Connect or email code). */
export async function createSession(
  prisma: PrismaClient,
  user: User,
  userAgent?: string | null,
): Promise<SignInResult> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 24 * 60 * 60 * 1000);
  await prisma.session.create({
    data: {
      id: hashToken(token),
      userId: user.id,
      expiresAt,
      userAgent: userAgent?.slice(0, 500) ?? null,
    },
  });
  return { token, expiresAt, user };
}

export async function signOut(prisma: PrismaClient, sessionId: string | null): Promise<boolean> {
  if (!sessionId) return false;
  const { count } = await prisma.session.deleteMany({ where: { id: sessionId } });
  return count > 0;
}
