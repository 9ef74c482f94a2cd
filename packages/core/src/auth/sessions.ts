// Signing in with email and password, and the sessions that follow. Sessions live in the Session
// table keyed by the SHA-256 of a random token, so a leaked table grants nothing; what the API shows
// of one is its `publicId`, and every operation on sessions is scoped to the signed-in person.
import { randomBytes } from 'node:crypto';
import { hashPassword, verifyPassword, type PrismaClient, type User } from '@lip/db';
import { hashToken, type RequestContext } from '../context.ts';
import { ForbiddenError, InvalidCredentialsError, LipError, NotFoundError } from '../errors.ts';
import { auditAccount } from './audit.ts';
import { hours, type AuthConfig } from './config.ts';
import { describeDevice } from './device.ts';
import type { AuthServices } from './services.ts';
import { TooManyAttemptsError } from './throttle.ts';

/** Refused because the installation has switched password sign-in off (PASSWORD_SIGN_IN=off). */
export class PasswordSignInDisabledError extends LipError {
  constructor() {
    super('Signing in with a password is switched off here. Use one of the other ways to sign in.');
  }
}

/** The form an account's email takes everywhere (lookups, throttling keys, audit). */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

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

/**
 * Starts a session for a person whose identity has been proven (by password here; by a code or an
 * identity provider elsewhere), and audits the sign-in.
 */
export async function startSession(
  prisma: PrismaClient,
  config: AuthConfig,
  ctx: RequestContext,
  user: User,
  method: 'password' | 'email-code' | 'oidc' | 'invitation',
): Promise<SignInResult> {
  const token = randomBytes(32).toString('base64url');
  const now = Date.now();
  const expiresAt = new Date(now + hours(config.sessionMaxHours));
  const userAgent = ctx.userAgent?.slice(0, 500) ?? null;
  // Sessions that are over go as people sign in: this person's (idle or expired), and anyone's
  // past the absolute limit (an indexed column), so abandoned rows do not pile up.
  await prisma.session.deleteMany({
    where: { OR: [endedSessions(user.id, config, now), { expiresAt: { lte: new Date(now) } }] },
  });
  const session = await prisma.session.create({
    data: { id: hashToken(token), userId: user.id, expiresAt, userAgent },
  });
  // Every way of signing in (password, email code, OIDC) comes through here: the members table
  // shows leads when each person last signed in.
  const signedInAt = new Date(now);
  await prisma.user.update({ where: { id: user.id }, data: { lastSignedInAt: signedInAt } });
  await auditAccount(prisma, {
    action: 'sign_in.succeeded',
    userId: user.id,
    email: user.email,
    method,
    sessionPublicId: session.publicId,
    clientAddress: ctx.clientAddress ?? null,
    device: describeDevice(userAgent),
  });
  return { token, expiresAt, user: { ...user, lastSignedInAt: signedInAt } };
}

export async function signIn(
  prisma: PrismaClient,
  auth: AuthServices,
  ctx: RequestContext,
  input: { email: string; password: string },
): Promise<SignInResult> {
  if (!auth.config.passwordSignIn) throw new PasswordSignInDisabledError();
  const email = normaliseEmail(input.email);
  const attempt = { kind: 'password', account: email, clientAddress: ctx.clientAddress } as const;
  const failed = (
    userId: string | null,
    reason: 'unknown_account' | 'wrong_password' | 'throttled',
  ) =>
    auditAccount(prisma, {
      action: 'sign_in.failed',
      userId,
      email,
      method: 'password',
      reason,
      clientAddress: ctx.clientAddress ?? null,
    });

  // Counted before the password is checked, so every guess counts however many arrive at once.
  try {
    await auth.throttle.consume(attempt);
  } catch (error) {
    if (error instanceof TooManyAttemptsError) await failed(null, 'throttled');
    throw error;
  }
  const user = await prisma.user.findUnique({ where: { email } });
  const passwordHash = user?.passwordHash ?? (await getDummyHash());
  const ok = await verifyPassword(passwordHash, input.password); // false (never a throw) for a malformed hash
  if (!user || !user.passwordHash || !ok) {
    await failed(user?.id ?? null, user ? 'wrong_password' : 'unknown_account');
    throw new InvalidCredentialsError();
  }
  await auth.throttle.succeeded(attempt);
  return startSession(prisma, auth.config, ctx, user, 'password');
}

export async function signOut(prisma: PrismaClient, ctx: RequestContext): Promise<boolean> {
  if (!ctx.sessionId || !ctx.user) return false;
  const session = await prisma.session.findUnique({ where: { id: ctx.sessionId } });
  if (!session) return false;
  const { count } = await prisma.session.deleteMany({ where: { id: ctx.sessionId } });
  if (count === 0) return false;
  await auditAccount(prisma, {
    action: 'session.signed_out',
    userId: ctx.user.id,
    sessionPublicId: session.publicId,
    clientAddress: ctx.clientAddress ?? null,
  });
  return true;
}

/** Prisma `where` for a person's sessions that are over (absolute limit or idle). */
function endedSessions(userId: string, config: AuthConfig, now: number) {
  return {
    userId,
    OR: [
      { expiresAt: { lte: new Date(now) } },
      { lastSeenAt: { lte: new Date(now - hours(config.sessionIdleHours)) } },
    ],
  };
}

export interface SessionView {
  publicId: string;
  device: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  /** The session this request is made with ("this device"). */
  current: boolean;
}

function signedInUser(ctx: RequestContext): { id: string } {
  if (!ctx.user || !ctx.sessionId) throw new ForbiddenError('Sign in to manage your sessions');
  return ctx.user;
}

/** The signed-in person's sessions that have not ended, the one in use first, then by last use. */
export async function listSessions(
  prisma: PrismaClient,
  config: AuthConfig,
  ctx: RequestContext,
): Promise<SessionView[]> {
  if (!ctx.user || !ctx.sessionId) return [];
  const now = Date.now();
  await prisma.session.deleteMany({ where: endedSessions(ctx.user.id, config, now) });
  const rows = await prisma.session.findMany({
    where: { userId: ctx.user.id },
    orderBy: [{ lastSeenAt: 'desc' }, { createdAt: 'desc' }],
  });
  return rows
    .map((row) => ({
      publicId: row.publicId,
      device: describeDevice(row.userAgent),
      createdAt: row.createdAt,
      lastSeenAt: row.lastSeenAt,
      expiresAt: row.expiresAt,
      current: row.id === ctx.sessionId,
    }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}

/**
 * Ends one of the signed-in person's sessions by its public id. Someone else's session (or one
 * that does not exist) is "not found": the id alone ends nothing.
 */
export async function endSession(
  prisma: PrismaClient,
  ctx: RequestContext,
  publicId: string,
): Promise<boolean> {
  const user = signedInUser(ctx);
  const { count } = await prisma.session.deleteMany({ where: { publicId, userId: user.id } });
  if (count === 0) throw new NotFoundError('Session');
  await auditAccount(prisma, {
    action: 'session.ended',
    userId: user.id,
    sessionPublicId: publicId,
    clientAddress: ctx.clientAddress ?? null,
  });
  return true;
}

/** Ends every session of the signed-in person but the one in use; returns how many ended. */
export async function endOtherSessions(prisma: PrismaClient, ctx: RequestContext): Promise<number> {
  const user = signedInUser(ctx);
  const others = await prisma.session.findMany({
    where: { userId: user.id, id: { not: ctx.sessionId ?? '' } },
    select: { id: true, publicId: true },
  });
  if (others.length === 0) return 0;
  const { count } = await prisma.session.deleteMany({
    where: { userId: user.id, id: { in: others.map((s) => s.id) } },
  });
  for (const session of others) {
    await auditAccount(prisma, {
      action: 'session.ended',
      userId: user.id,
      sessionPublicId: session.publicId,
      clientAddress: ctx.clientAddress ?? null,
    });
  }
  return count;
}
