import { createCookie, redirect } from '@remix-run/node';
import { SESSION_COOKIE } from './session-cookie-name.ts';

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

function sessionCookie(request: Request, expires?: Date) {
  return createCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: cookieIsSecure(request),
    expires,
  });
}

export async function setSessionCookie(request: Request, token: string, expiresAt: string): Promise<string> {
  return sessionCookie(request, new Date(expiresAt)).serialize(token);
}

export async function clearSessionCookie(request: Request): Promise<string> {
  return sessionCookie(request).serialize('', { expires: new Date(0), maxAge: 0 });
}

/** A redirect to the sign-in page that brings the person back here afterwards. */
export function redirectToSignIn(request: Request): Response {
  const url = new URL(request.url);
  const back = `${url.pathname}${url.search}`;
  return redirect(back === '/' ? '/sign-in' : `/sign-in?redirectTo=${encodeURIComponent(back)}`);
}

/** Only same-site paths; anything else goes to the start page. */
export function safeRedirectTo(value: FormDataEntryValue | string | null | undefined, fallback = '/partnerships'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  return value;
}
