// Invitation links: `<origin>/invitations/<token>`. The token is 32 random bytes (base64url); only
// its SHA-256 is stored, so the database alone never yields a working link. The origin is
// PUBLIC_URL when set (checked at start-up), else the origin the request was made to.
import { randomBytes } from 'node:crypto';
import { hashToken, type RequestContext } from '../context.ts';

export const INVITATION_PATH = '/invitations/';

/** Base64url of 32 bytes: 43 characters. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}

/** Whether the text could be a token this service made (anything else is not looked up). */
export function isInvitationToken(value: string): boolean {
  return TOKEN.test(value);
}

export class PublicUrlError extends Error {}

/**
 * PUBLIC_URL: the address people reach the service at, e.g. https://lip.example.gov.uk, used in
 * the links mails carry. Undefined when unset; throws, naming the variable, when it is not an
 * http(s) origin (a path, a query or credentials are refused: links would point somewhere else).
 */
export function parsePublicUrl(value: string | undefined): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new PublicUrlError(
      `PUBLIC_URL: "${text}" is not a web address (e.g. https://lip.example.gov.uk)`,
    );
  }
  const isOrigin =
    (url.protocol === 'https:' || url.protocol === 'http:') &&
    (url.pathname === '/' || url.pathname === '') &&
    !url.search &&
    !url.hash &&
    !url.username &&
    !url.password;
  if (!isOrigin)
    throw new PublicUrlError(
      `PUBLIC_URL: "${text}" must be scheme, host and port only, with no path (e.g. https://lip.example.gov.uk)`,
    );
  return url.origin;
}

/** Used when neither PUBLIC_URL nor the request says where the service is (scripts, tests). */
export const FALLBACK_ORIGIN = 'http://localhost:3000';

export function linkOrigin(publicUrl: string | undefined | null, ctx: RequestContext): string {
  return publicUrl ?? ctx.origin ?? FALLBACK_ORIGIN;
}

export function invitationLink(origin: string, token: string): string {
  return `${origin}${INVITATION_PATH}${token}`;
}

/** The link in a mail's text, when it is the link of the invitation with this token hash. */
export function linkInText(text: string, tokenHash: string): string | null {
  const pattern = /https?:\/\/[^\s/]+\/invitations\/([A-Za-z0-9_-]{43})/g;
  for (const match of text.matchAll(pattern)) {
    if (hashToken(match[1]!) === tokenHash) return match[0];
  }
  return null;
}
