/**
 * The transient cookie of a sign-in through an identity provider: an opaque random value that
 * names the core's record of the attempt (state, nonce, PKCE verifier, where to go back to). It is
 * HttpOnly, lives 10 minutes, and is sent only to /auth/oidc/; SameSite=Lax, because the provider
 * sends the browser back with a top-level GET from its own site.
 */
import { cookieValue } from '@lip/core/session-cookie';
import { serializeCookie } from './session.server.ts';

export const OIDC_TRANSIENT_COOKIE = 'lip_oidc';
const PATH = '/auth/oidc/';

const serialize = (request: Request, value: string, maxAgeSeconds: number) =>
  serializeCookie(request, { name: OIDC_TRANSIENT_COOKIE, value, path: PATH, maxAgeSeconds });

export const setOidcTransient = (request: Request, transient: string) =>
  serialize(request, transient, 600);

export const clearOidcTransient = (request: Request) => serialize(request, '', 0);

export function readOidcTransient(request: Request): string {
  return cookieValue(request.headers.get('cookie'), OIDC_TRANSIENT_COOKIE) ?? '';
}

/** This site's callback URL for a provider: what the operator registers with the provider. */
export function callbackUrlFor(request: Request, providerId: string): string {
  return new URL(`/auth/oidc/${encodeURIComponent(providerId)}/callback`, request.url).href;
}
