// The identity services the schema's sign-in fields use, built once per core.
import type { PrismaClient } from '@lip/db';
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

export function createIdentity(prisma: PrismaClient, options: IdentityOptions = {}): Identity {
  const mailer = createMailer(
    prisma,
    options.mail ?? { transport: null, from: 'Local inclusion plan builder <no-reply@localhost>' },
  );
  return {
    oidc: createOidcService(prisma, options.oidcProviders ?? []),
    codes: createEmailCodeService(prisma, { mailer, hooks: options.codeHooks }),
    mailer,
  };
}
