// What the sign-in routes (password, email code, identity provider) answer alike.
import { redirect } from '@remix-run/node';
import { setSessionCookie } from './session.server.ts';
import type { TooManyAttempts } from './throttle.ts';

/** Signed in: the session cookie set, on to where the person was going (thrown by the route). */
export function signedIn(
  request: Request,
  redirectTo: string,
  session: { token: string; expiresAt: string },
): Response {
  return redirect(redirectTo, {
    headers: { 'Set-Cookie': setSessionCookie(request, session.token, session.expiresAt) },
  });
}

/** The answer to an attempt the throttle refused: 429, and when to try again. */
export function throttledInit(refusal: TooManyAttempts): ResponseInit {
  return { status: 429, headers: { 'Retry-After': String(refusal.retryAfterSeconds) } };
}

/** Why signing in through an identity provider failed, or, when the API said nothing, that it is down. */
export function identityProviderProblem(outcome: { message?: string } | null | undefined): string {
  return (
    outcome?.message ||
    'Signing in with your organisation account is not working at the moment. Try again later'
  );
}
