// Sign-in through OpenID Connect identity providers (council Entra ID tenants, NHSmail): the
// authorization code flow with PKCE, state and nonce, through openid-client (a certified relying
// party). The transient values live in an OidcSignInAttempt row keyed by the hash of a random value
// the browser holds in a short-lived cookie, so nothing but `state` travels in a URL and any
// instance can finish what another started. See docs/decisions/014-sign-in-with-openid-connect.md.
import { randomBytes } from 'node:crypto';
import * as client from 'openid-client';
import type { PrismaClient } from '@lip/db';
import { defaultAuthServices, type AuthServices } from '../auth/services.ts';
import { startSession, type SignInResult } from '../auth/sessions.ts';
import { hashToken, signedOutContext, type RequestContext } from '../context.ts';
import { auditSignIn, emailDomain } from './audit.ts';
import type { OidcProviderConfig } from './config.ts';
import { OidcSignInError, type OidcFailureReason } from './errors.ts';
import { applyGroupRoles, groupsFromClaims } from './group-roles.ts';

/** How long a person has between leaving for the provider and coming back. */
export const OIDC_ATTEMPT_MINUTES = 10;

export interface OidcStartResult {
  /** Send the browser here. */
  authorizationUrl: string;
  /** Keep in an HttpOnly cookie and give back to `complete`; it never goes in a URL. */
  transient: string;
}

export interface OidcCompleteResult extends SignInResult {
  /** The same-site path the sign-in started from. */
  redirectTo: string;
}

export interface OidcService {
  providers(): ReadonlyArray<{ id: string; displayName: string }>;
  start(providerId: string, redirectUri: string, redirectTo: string): Promise<OidcStartResult>;
  complete(
    providerId: string,
    callbackUrl: string,
    transient: string,
    context?: RequestContext | null,
  ): Promise<OidcCompleteResult>;
}

export interface OidcServiceOptions {
  /** Session settings (lengths) for the session a sign-in starts. Default: the environment's. */
  auth?: AuthServices;
  /** Where provider failures are logged (never tokens or claims). Default console.warn. */
  log?: (message: string) => void;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Only the same site's paths (as the web app's safeRedirectTo). */
function samePath(value: string): string {
  return value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\')
    ? value.slice(0, 2000)
    : '/partnerships';
}

export function createOidcService(
  prisma: PrismaClient,
  configured: readonly OidcProviderConfig[],
  options: OidcServiceOptions = {},
): OidcService {
  const log = options.log ?? ((message: string) => console.warn(`[lip/oidc] ${message}`));
  const byId = new Map(configured.map((p) => [p.id, p]));
  const discovered = new Map<string, Promise<client.Configuration>>();

  /** Discovery once per provider and process; a failure is retried at the next sign-in. */
  function configurationOf(provider: OidcProviderConfig): Promise<client.Configuration> {
    let found = discovered.get(provider.id);
    if (!found) {
      const issuer = new URL(provider.issuer);
      // Plain http only to a provider on this machine (tests, local development).
      const insecure = issuer.protocol === 'http:' && LOOPBACK.has(issuer.hostname);
      found = client.discovery(
        issuer,
        provider.clientId,
        provider.clientSecret,
        undefined,
        insecure ? { execute: [client.allowInsecureRequests] } : undefined,
      );
      void found.catch(() => discovered.delete(provider.id));
      discovered.set(provider.id, found);
    }
    return found;
  }

  function providerOf(providerId: string): OidcProviderConfig {
    const provider = byId.get(providerId);
    if (!provider) throw new OidcSignInError('UNKNOWN_PROVIDER');
    return provider;
  }

  async function refuse(
    provider: OidcProviderConfig,
    reason: OidcFailureReason,
    detail: { userId?: string | null; emailDomain?: string; error?: string } = {},
  ): Promise<never> {
    await auditSignIn(prisma, {
      userId: detail.userId ?? null,
      action: 'sign_in.oidc_refused',
      detail: {
        provider: provider.id,
        reason,
        ...(detail.emailDomain ? { emailDomain: detail.emailDomain } : {}),
        ...(detail.error ? { error: detail.error } : {}),
      },
    });
    throw new OidcSignInError(reason, provider.displayName);
  }

  return {
    providers: () => configured.map((p) => ({ id: p.id, displayName: p.displayName })),

    async start(providerId, redirectUri, redirectTo) {
      const provider = providerOf(providerId);
      let config: client.Configuration;
      try {
        config = await configurationOf(provider);
      } catch (error) {
        log(`discovery of ${provider.id} failed: ${(error as Error).message}`);
        throw new OidcSignInError('PROVIDER_ERROR', provider.displayName);
      }
      const codeVerifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const nonce = client.randomNonce();
      const authorizationUrl = client.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: provider.scopes.join(' '),
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      const transient = randomBytes(32).toString('base64url');
      const now = Date.now();
      await prisma.oidcSignInAttempt.deleteMany({ where: { expiresAt: { lt: new Date(now) } } });
      await prisma.oidcSignInAttempt.create({
        data: {
          id: hashToken(transient),
          providerId: provider.id,
          state,
          nonce,
          codeVerifier,
          redirectUri,
          redirectTo: samePath(redirectTo),
          expiresAt: new Date(now + OIDC_ATTEMPT_MINUTES * 60_000),
        },
      });
      return { authorizationUrl: authorizationUrl.href, transient };
    },

    async complete(providerId, callbackUrl, transient, context) {
      const provider = providerOf(providerId);
      // One use only: the row goes whatever happens next.
      const id = hashToken(transient);
      const attempt = await prisma.oidcSignInAttempt.findUnique({ where: { id } });
      const { count } = await prisma.oidcSignInAttempt.deleteMany({ where: { id } });
      if (!attempt || count === 0 || attempt.providerId !== provider.id)
        return refuse(provider, 'EXPIRED');
      if (attempt.expiresAt.getTime() <= Date.now()) return refuse(provider, 'EXPIRED');

      // The response's parameters on the redirect URI sent at the start: openid-client sends that
      // URI again with the code, so it must be exactly the registered one.
      let current: URL;
      try {
        current = new URL(attempt.redirectUri);
        current.search = new URL(callbackUrl).search;
      } catch {
        return refuse(provider, 'PROVIDER_ERROR', { error: 'malformed callback URL' });
      }
      const providerError = current.searchParams.get('error');
      if (providerError) {
        // RFC 6749 §4.1.2.1: access_denied is the person saying no (or the provider refusing them).
        return refuse(provider, providerError === 'access_denied' ? 'DENIED' : 'PROVIDER_ERROR', {
          error: providerError.slice(0, 100),
        });
      }

      let claims: Record<string, unknown>;
      try {
        const config = await configurationOf(provider);
        const tokens = await client.authorizationCodeGrant(config, current, {
          pkceCodeVerifier: attempt.codeVerifier,
          expectedState: attempt.state,
          expectedNonce: attempt.nonce,
          idTokenExpected: true,
        });
        claims = { ...tokens.claims() };
      } catch (error) {
        const e = error as Error & { error?: string; code?: string };
        const what = e.error ?? e.code ?? e.name;
        log(`sign-in with ${provider.id} failed: ${what}: ${e.message}`);
        return refuse(provider, 'PROVIDER_ERROR', { error: String(what).slice(0, 100) });
      }

      const subject = typeof claims.sub === 'string' ? claims.sub : null;
      const rawEmail = claims[provider.emailClaim];
      const email = typeof rawEmail === 'string' ? rawEmail.trim().toLowerCase() : '';
      const domain = emailDomain(email);
      const verified = provider.emailsAreVerified || claims.email_verified === true;
      if (!email || !verified)
        return refuse(provider, 'EMAIL_NOT_VERIFIED', { emailDomain: domain });
      if (!provider.allowedEmailDomains.includes(domain))
        return refuse(provider, 'EMAIL_NOT_ALLOWED', { emailDomain: domain });

      const user = await prisma.user.findUnique({ where: { email } });
      const memberships = user
        ? await prisma.member.findMany({
            where: { userId: user.id },
            select: {
              id: true,
              partnershipId: true,
              roles: true,
              partnership: { select: { slug: true } },
            },
          })
        : [];
      // SEAM (invitations, another issue): a pending invitation for this verified email would be
      // accepted here, creating the user and membership, before the "no account" refusal.
      if (!user || memberships.length === 0)
        return refuse(provider, 'NO_ACCOUNT', { userId: user?.id ?? null, emailDomain: domain });

      let roleChanges: Awaited<ReturnType<typeof applyGroupRoles>> = [];
      if (provider.groupRoles) {
        const groups = groupsFromClaims(claims, provider.groupRoles.claim);
        if (groups)
          roleChanges = await applyGroupRoles(
            prisma,
            memberships,
            provider.groupRoles,
            groups,
            provider.id,
          );
        else
          log(
            `${provider.id} sent no "${provider.groupRoles.claim}" claim: roles left as they are`,
          );
      }

      const session = await startSession(
        prisma,
        (options.auth ?? defaultAuthServices()).config,
        context ?? signedOutContext(),
        user,
        'oidc',
      );
      await auditSignIn(prisma, {
        userId: user.id,
        byUser: true,
        action: 'sign_in.oidc',
        detail: {
          provider: provider.id,
          subject,
          ...(roleChanges.length > 0
            ? {
                rolesFromGroups: roleChanges.map((c) => ({
                  partnership: c.partnershipSlug,
                  roles: c.after,
                })),
              }
            : {}),
        },
      });
      return { ...session, redirectTo: attempt.redirectTo };
    },
  };
}
