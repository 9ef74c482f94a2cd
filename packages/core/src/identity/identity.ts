// The identity services the schema's sign-in fields use, built once per core.
import type { PrismaClient } from '@lip/db';
import { normaliseEmail } from '../auth/sessions.ts';
import { defaultAuthServices, type AuthServices } from '../auth/services.ts';
import type { RequestContext } from '../context.ts';
import { createMailer, type Mailer, type MailerOptions } from '../mail/mailer.ts';
import type { OidcProviderConfig } from './config.ts';
import {
  createEmailCodeService,
  type CodeAttemptHooks,
  type EmailCodeService,
} from './email-code.ts';
import { createOidcService, type OidcService } from './oidc.ts';

export interface IdentityOptions {
  /** The configured OpenID Connect providers (see oidcProvidersFromEnv). Default none. */
  oidcProviders?: readonly OidcProviderConfig[];
  /** How mail is sent (see mailerOptionsFromEnv). Default: nothing is sent; mails wait in the outbox. */
  mail?: MailerOptions;
  /** The throttle's hooks around email code attempts. */
  codeHooks?: CodeAttemptHooks;
}

export interface Identity {
  oidc: OidcService;
  codes: EmailCodeService;
  mailer: Mailer;
}

/** Wrong codes count against the same per-account and per-address budgets as wrong passwords. */
function throttledCodeHooks(auth: AuthServices): CodeAttemptHooks {
  const attemptOf = ({ email, context }: { email: string; context: RequestContext | null }) => ({
    kind: 'email-code' as const,
    account: normaliseEmail(email),
    clientAddress: context?.clientAddress ?? null,
  });
  return {
    beforeCodeAttempt: (attempt) => auth.throttle.consume(attemptOf(attempt)),
    onCodeSuccess: (attempt) => auth.throttle.succeeded(attemptOf(attempt)),
  };
}

export function createIdentity(
  prisma: PrismaClient,
  options: IdentityOptions = {},
  auth: AuthServices = defaultAuthServices(),
): Identity {
  const mailer = createMailer(
    prisma,
    options.mail ?? { transport: null, from: 'Local inclusion plan builder <no-reply@localhost>' },
  );
  return {
    oidc: createOidcService(prisma, options.oidcProviders ?? [], { auth }),
    codes: createEmailCodeService(prisma, {
      mailer,
      auth,
      hooks: options.codeHooks ?? throttledCodeHooks(auth),
    }),
    mailer,
  };
}
