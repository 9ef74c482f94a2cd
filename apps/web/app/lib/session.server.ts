import { redirect } from '@remix-run/node';
import { SESSION_COOKIE } from '@lip/core/session-cookie';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Secure when the page is served over https, and in production unless the host is the local
 * machine: browsers do not return a Secure cookie over plain http (except to localhost in some
 * browsers, not all), so a production build tried on http://127.0.0.1 (the e2e suite, the demo)
 * must still sign in. Behind a TLS-terminating proxy `trust proxy` makes the URL https.
 */
export function cookieIsSecure(request: Request): boolean {
  const url = new URL(request.url);
  if (url.protocol === 'https:') return true;
  return process.env.NODE_ENV === 'production' && !LOCAL_HOSTS.has(url.hostname);
}

/**
 * An HttpOnly, SameSite=Lax cookie, Secure when the request came over TLS: the app's cookies
 * (the session, the sign-in attempt) are all of this kind. The value is written as it is, not
 * Remix's encoded cookie value: the session cookie authenticates /graphql too, where the core
 * reads it raw.
 */
export function serializeCookie(
  request: Request,
  cookie: { name: string; value: string; path: string } & (
    { expires: Date } | { maxAgeSeconds: number }
  ),
): string {
  const parts = [
    `${cookie.name}=${encodeURIComponent(cookie.value)}`,
    `Path=${cookie.path}`,
    'expires' in cookie
      ? `Expires=${cookie.expires.toUTCString()}`
      : `Max-Age=${cookie.maxAgeSeconds}`,
    'HttpOnly',
    'SameSite=Lax',
  ];
  if (cookieIsSecure(request)) parts.push('Secure');
  return parts.join('; ');
}

function serializeSessionCookie(request: Request, value: string, expires: Date): string {
  return serializeCookie(request, { name: SESSION_COOKIE, value, path: '/', expires });
}

export function setSessionCookie(request: Request, token: string, expiresAt: string): string {
  return serializeSessionCookie(request, token, new Date(expiresAt));
}

export function clearSessionCookie(request: Request): string {
  return serializeSessionCookie(request, '', new Date(0));
}

/** A redirect to the sign-in page that brings the person back here afterwards. */
export function redirectToSignIn(request: Request): Response {
  const url = new URL(request.url);
  const back = `${url.pathname}${url.search}`;
  return redirect(back === '/' ? '/sign-in' : `/sign-in?redirectTo=${encodeURIComponent(back)}`);
}

/** Only same-site paths; anything else goes to the start page. */
export function safeRedirectTo(
  value: FormDataEntryValue | string | null | undefined,
  fallback = '/partnerships',
): string {
  if (
    typeof value !== 'string' ||
    !value.startsWith('/') ||
    value.startsWith('//') ||
    value.startsWith('/\\')
  )
    return fallback;
  return value;
}
