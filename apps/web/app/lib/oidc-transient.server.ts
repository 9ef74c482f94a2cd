/**
 * The transient cookie of a sign-in through an identity provider: an opaque random value that
 * names the core's record of the attempt (state, nonce, PKCE verifier, where to go back to). It is
 * HttpOnly, lives 10 minutes, and is sent only to /auth/oidc/; SameSite=Lax, because the provider
 * sends the browser back with a top-level GET from its own site.
 */
import { cookieIsSecure } from './session.server.ts';

export const OIDC_TRANSIENT_COOKIE = 'lip_oidc';
const PATH = '/auth/oidc/';

function serialize(request: Request, value: string, maxAgeSeconds: number): string {
  const parts = [
    `${OIDC_TRANSIENT_COOKIE}=${encodeURIComponent(value)}`,
    `Path=${PATH}`,
    `Max-Age=${maxAgeSeconds}`,
    'HttpOnly',
    'SameSite=Lax',
  ];
  if (cookieIsSecure(request)) parts.push('Secure');
  return parts.join('; ');
}

export const setOidcTransient = (request: Request, transient: string) =>
  serialize(request, transient, 600);

export const clearOidcTransient = (request: Request) => serialize(request, '', 0);

export function readOidcTransient(request: Request): string {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === OIDC_TRANSIENT_COOKIE) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return '';
      }
    }
  }
  return '';
}

/** This site's callback URL for a provider: what the operator registers with the provider. */
export function callbackUrlFor(request: Request, providerId: string): string {
  return new URL(`/auth/oidc/${encodeURIComponent(providerId)}/callback`, request.url).href;
}
