// Sign-in with a one-time code sent by email, for people without an organisational identity
// provider (parent carer forum members). A code is 6 digits, kept only as an argon2 hash, lasts 10
// minutes and allows 5 tries; an address has one live code at most (asking again replaces it). The
// answers never say whether an address has an account: the same reply either way, and a mail only
// when there is one.
import { randomInt } from 'node:crypto';
import { hashPassword, verifyPassword, type PrismaClient } from '@lip/db';
import type { AuthServices } from '../auth/services.ts';
import { normaliseEmail, startSession, type SignInResult } from '../auth/sessions.ts';
import { signedOutContext, type RequestContext } from '../context.ts';
import { enqueueMail } from '../mail/outbox.ts';
import type { Mailer } from '../mail/mailer.ts';
import { auditSignIn } from './audit.ts';
import { InvalidSignInCodeError } from './errors.ts';

export const CODE_MINUTES = 10;
export const CODE_TRIES = 5;
export const SIGN_IN_CODE_TEMPLATE = 'sign-in-code';

export interface CodeAttempt {
  /** The address the code is for, trimmed and lower-cased. */
  email: string;
  /** The request's context (who is asking, and from where once the context says so). */
  context: RequestContext | null;
}

/**
 * THROTTLING SEAM. The generic throttle (per account and per client address) plugs in here:
 * `beforeCodeAttempt` runs before a code is checked and may throw (e.g. a "too many attempts"
 * error listed in the mutation's errors); `onCodeFailure` runs after each wrong code. The per-code
 * limit of 5 tries is enforced here regardless.
 */
export interface CodeAttemptHooks {
  /** Before a code is sent: may throw to refuse (an inbox flooded with codes). */
  beforeCodeRequest?(attempt: CodeAttempt): Promise<void>;
  beforeCodeAttempt?(attempt: CodeAttempt): Promise<void>;
  onCodeFailure?(attempt: CodeAttempt): Promise<void>;
  onCodeSuccess?(attempt: CodeAttempt): Promise<void>;
}

export interface EmailCodeService {
  /** Sends a code if the address has an account with a membership; resolves the same either way. */
  request(email: string, context?: RequestContext | null): Promise<void>;
  /** Signs in with the address's live code, or throws InvalidSignInCodeError. */
  verify(email: string, code: string, context?: RequestContext | null): Promise<SignInResult>;
}

export interface EmailCodeOptions {
  mailer: Mailer;
  /** Session settings (lengths) for the session a right code starts. */
  auth: AuthServices;
  hooks?: CodeAttemptHooks;
  /** Named in the mail. */
  serviceName?: string;
}

function codeMail(code: string, serviceName: string) {
  return {
    subject: `Your sign-in code for ${serviceName}`,
    text:
      `Your sign-in code is ${code}\n\n` +
      `Enter it on the sign-in page of ${serviceName}. It lasts ${CODE_MINUTES} minutes and works once.\n\n` +
      `If you did not ask for a code, you can ignore this email: nobody can sign in without it.\n`,
  };
}

export function createEmailCodeService(
  prisma: PrismaClient,
  options: EmailCodeOptions,
): EmailCodeService {
  const serviceName = options.serviceName ?? 'the Local inclusion plan builder';
  const hooks = options.hooks ?? {};

  return {
    async request(rawEmail, context = null) {
      const email = normaliseEmail(rawEmail);
      await hooks.beforeCodeRequest?.({ email, context });
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      // Hashed whether or not there is an account, so both answers take about as long.
      const codeHash = await hashPassword(code);
      const user = await prisma.user.findUnique({
        where: { email },
        select: { id: true, isSystemAdmin: true, _count: { select: { memberships: true } } },
      });
      // Codes go to people with somewhere to go: a partnership, or the service's administration
      // (the first administrator, made by `admin:create`, may have no password and no partnership).
      // Someone invited but not yet a member signs in by accepting the invitation's link.
      if (!user || (user._count.memberships === 0 && !user.isSystemAdmin)) return;
      const expiresAt = new Date(Date.now() + CODE_MINUTES * 60_000);
      await prisma.$transaction(async (tx) => {
        await tx.emailSignInCode.upsert({
          where: { email },
          create: { email, userId: user.id, codeHash, expiresAt },
          update: { userId: user.id, codeHash, expiresAt, attempts: 0, createdAt: new Date() },
        });
        await enqueueMail(tx, {
          to: email,
          ...codeMail(code, serviceName),
          template: SIGN_IN_CODE_TEMPLATE,
          sensitive: true,
          discardAfter: expiresAt,
          replacesEarlier: true,
        });
        await tx.auditEvent.create({
          data: {
            entityType: 'User',
            entityId: user.id,
            action: 'sign_in.code_sent',
            after: { expiresAt: expiresAt.toISOString() },
          },
        });
      });
      options.mailer.kick();
    },

    async verify(rawEmail, rawCode, context = null) {
      const email = normaliseEmail(rawEmail);
      const code = rawCode.replace(/\s+/g, '');
      const attempt: CodeAttempt = { email, context };
      await hooks.beforeCodeAttempt?.(attempt);
      const fail = async (userId: string | null, reason: string): Promise<never> => {
        await auditSignIn(prisma, { userId, action: 'sign_in.code_refused', detail: { reason } });
        await hooks.onCodeFailure?.(attempt);
        throw new InvalidSignInCodeError();
      };

      const live = await prisma.emailSignInCode.findUnique({ where: { email } });
      if (!live) {
        await hashPassword(code); // as long as a real check
        return fail(null, 'no live code');
      }
      if (live.expiresAt.getTime() <= Date.now()) {
        await prisma.emailSignInCode.deleteMany({ where: { email, codeHash: live.codeHash } });
        return fail(live.userId, 'expired');
      }
      // Take a try before checking, so concurrent guesses cannot exceed the limit.
      const took = await prisma.emailSignInCode.updateMany({
        where: { email, codeHash: live.codeHash, attempts: { lt: CODE_TRIES } },
        data: { attempts: { increment: 1 } },
      });
      if (took.count === 0) return fail(live.userId, 'no tries left');
      if (!(await verifyPassword(live.codeHash, code))) {
        if (live.attempts + 1 >= CODE_TRIES)
          await prisma.emailSignInCode.deleteMany({ where: { email, codeHash: live.codeHash } });
        return fail(live.userId, 'wrong code');
      }
      // Used once: whoever deletes it signs in.
      const used = await prisma.emailSignInCode.deleteMany({
        where: { email, codeHash: live.codeHash },
      });
      if (used.count === 0) return fail(live.userId, 'already used');
      const user = await prisma.user.findUnique({ where: { id: live.userId } });
      if (!user || user.email !== email) return fail(null, 'account changed');
      await hooks.onCodeSuccess?.({ email, context });
      const session = await startSession(
        prisma,
        options.auth.config,
        context ?? signedOutContext(),
        user,
        'email-code',
      );
      await auditSignIn(prisma, {
        userId: user.id,
        byUser: true,
        action: 'sign_in.code',
        detail: {},
      });
      return session;
    },
  };
}
