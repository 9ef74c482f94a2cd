// The identity providers an operator configures: JSON in OIDC_PROVIDERS, or a file named by
// OIDC_PROVIDERS_FILE (docs/security.md has the format, with Entra and NHSmail examples).
// Checked once at start-up, so a typo stops the server with a message instead of failing sign-ins.
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const MEMBER_ROLES = [
  'PARTNERSHIP_LEAD',
  'SECTION_EDITOR',
  'CONTRIBUTOR',
  'SIGNATORY',
  'VIEWER',
] as const;

const domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, 'an email domain such as northshire.gov.uk');

const groupGrant = z.strictObject({
  /** The partnership's slug, as in /partnerships/<slug>. */
  partnership: z.string().min(1),
  roles: z.array(z.enum(MEMBER_ROLES)).min(1),
});

const provider = z
  .strictObject({
    /** The provider's part of the URLs: /auth/oidc/<id>/start and /auth/oidc/<id>/callback. */
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lower-case letters, digits and hyphens'),
    /** Shown as "Sign in with <displayName>". */
    displayName: z.string().trim().min(1).max(80),
    /** The issuer URL; discovery reads <issuer>/.well-known/openid-configuration. */
    issuer: z.url(),
    clientId: z.string().min(1),
    /** The secret itself, or the name of an environment variable holding it (clientSecretEnv). */
    clientSecret: z.string().min(1).optional(),
    clientSecretEnv: z.string().min(1).optional(),
    /** The email's domain must be one of these (exactly; subdomains are not included). */
    allowedEmailDomains: z.array(domain).min(1),
    /**
     * Take the email as verified without an `email_verified` claim. Only for providers that own
     * their email addresses and do not send the claim: a single-tenant Entra ID (and NHSmail).
     */
    emailsAreVerified: z.boolean().default(false),
    /** The ID token claim holding the email address. Default "email". */
    emailClaim: z.string().min(1).default('email'),
    /** Default ["openid", "email", "profile"]. */
    scopes: z.array(z.string().min(1)).default(['openid', 'email', 'profile']),
    /** Roles from groups: at each sign-in, a member's roles in these partnerships follow the groups. */
    groupRoles: z
      .strictObject({
        /** The ID token claim listing the person's groups. Default "groups". */
        claim: z.string().min(1).default('groups'),
        /** Group id (Entra: the group's object id) → the partnership and the roles it gives. */
        map: z.record(z.string().min(1), groupGrant),
      })
      .optional(),
  })
  .refine((p) => Boolean(p.clientSecret) !== Boolean(p.clientSecretEnv), {
    message: 'give exactly one of clientSecret and clientSecretEnv',
  });

const providers = z
  .array(provider)
  .refine((list) => new Set(list.map((p) => p.id)).size === list.length, {
    message: 'provider ids must be unique',
  });

export type OidcProviderSettings = z.infer<typeof provider>;
export type GroupRoles = NonNullable<OidcProviderSettings['groupRoles']>;

export interface OidcProviderConfig extends Omit<OidcProviderSettings, 'clientSecretEnv'> {
  clientSecret: string;
}

export class IdentityConfigError extends Error {}

/** The providers in `json` (the text of OIDC_PROVIDERS or its file), secrets resolved from `env`. */
export function parseOidcProviders(
  json: string,
  env: Record<string, string | undefined> = process.env,
  source = 'OIDC_PROVIDERS',
): OidcProviderConfig[] {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    throw new IdentityConfigError(`${source} is not JSON: ${(error as Error).message}`);
  }
  const parsed = providers.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (i) => `${i.path.join('.') || '(list)'}: ${i.message}`,
    );
    throw new IdentityConfigError(
      `${source} is not a valid provider list:\n  ${problems.join('\n  ')}`,
    );
  }
  return parsed.data.map(({ clientSecretEnv, clientSecret, ...rest }) => {
    const secret = clientSecret ?? (clientSecretEnv ? env[clientSecretEnv] : undefined);
    if (!secret)
      throw new IdentityConfigError(
        `${source}: provider "${rest.id}" names ${clientSecretEnv}, which is not set`,
      );
    return { ...rest, clientSecret: secret };
  });
}

/** The configured providers (none when neither OIDC_PROVIDERS nor OIDC_PROVIDERS_FILE is set). */
export function oidcProvidersFromEnv(
  env: Record<string, string | undefined> = process.env,
): OidcProviderConfig[] {
  if (env.OIDC_PROVIDERS && env.OIDC_PROVIDERS_FILE)
    throw new IdentityConfigError('Set OIDC_PROVIDERS or OIDC_PROVIDERS_FILE, not both');
  if (env.OIDC_PROVIDERS) return parseOidcProviders(env.OIDC_PROVIDERS, env);
  if (env.OIDC_PROVIDERS_FILE) {
    let text: string;
    try {
      text = readFileSync(env.OIDC_PROVIDERS_FILE, 'utf8');
    } catch (error) {
      throw new IdentityConfigError(
        `OIDC_PROVIDERS_FILE cannot be read: ${(error as Error).message}`,
      );
    }
    return parseOidcProviders(text, env, env.OIDC_PROVIDERS_FILE);
  }
  return [];
}
