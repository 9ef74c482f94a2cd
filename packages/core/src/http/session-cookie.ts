// The session cookie, without the rest of core: the web app's browser-facing code imports this
// subpath (@lip/core/session-cookie) so its build never pulls in the database or argon2.

export const SESSION_COOKIE = 'lip_session';

/** A cookie's value in a Cookie header: the one parser for /graphql and the web app. */
export function cookieValue(header: string | null | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined; // a malformed cookie is no cookie, not a server error
      }
    }
  }
  return undefined;
}

/** The session cookie's token in a Cookie header. */
export function sessionCookie(header: string | null | undefined): string | undefined {
  return cookieValue(header, SESSION_COOKIE);
}

/** The session token of a request: `Authorization: Bearer <token>`, else the lip_session cookie. */
export function sessionToken(request: Request): string | undefined {
  const authorization = request.headers.get('authorization');
  const match = authorization?.match(/^Bearer\s+(\S+)$/i);
  if (match) return match[1];
  return sessionCookie(request.headers.get('cookie'));
}
