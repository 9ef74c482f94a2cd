// Where a request comes from, for CORS and cross-site request forgery (CSRF). One rule for /graphql
// (yoga) and the web app's form posts (Express): a browser request is allowed when it comes from the
// app's own origin or a configured one, and refused otherwise. Requests with no browser signal at all
// (no Origin, Sec-Fetch-Site or Referer: curl, server-to-server clients) are not browser requests.
// OWASP CSRF cheat sheet: verify the Origin header, falling back to Sec-Fetch-Site, then Referer.

/** `https://lip.example.org`-style origins, normalised (scheme and host lower case, default port dropped). */
export type Origin = string;

/**
 * Parses a comma-separated list of origins (the ALLOWED_ORIGINS setting). Throws, naming the entry,
 * when one is not an origin: a typo must stop the server at start, not silently allow nothing.
 */
export function parseAllowedOrigins(value: string | undefined): Origin[] {
  if (!value) return [];
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      let url: URL;
      try {
        url = new URL(entry);
      } catch {
        throw new Error(
          `ALLOWED_ORIGINS: "${entry}" is not an origin (e.g. https://lip.example.org)`,
        );
      }
      const isOrigin =
        (url.protocol === 'https:' || url.protocol === 'http:') &&
        url.pathname === '/' &&
        !url.search &&
        !url.hash &&
        !url.username &&
        !url.password &&
        !entry.includes('*');
      if (!isOrigin)
        throw new Error(
          `ALLOWED_ORIGINS: "${entry}" is not an origin: give scheme, host and port only (e.g. https://lip.example.org)`,
        );
      return url.origin;
    });
}

function originOf(value: string | null | undefined): Origin | null {
  if (!value || value === 'null') return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

export interface RequestOriginSignals {
  /** The Origin header, if any ("null" from sandboxed frames and some redirects counts as foreign). */
  origin: string | null | undefined;
  /** The Sec-Fetch-Site header, if any. */
  secFetchSite: string | null | undefined;
  /** The Referer header, if any. */
  referer: string | null | undefined;
  /** The origin this request was addressed to (scheme from the trusted proxy, host from Host). */
  ownOrigin: Origin;
}

export type OriginVerdict =
  /** From the app's own pages. */
  | { kind: 'same-origin' }
  /** From an origin named in ALLOWED_ORIGINS. */
  | { kind: 'allowed'; origin: Origin }
  /** From a browser on another origin: refuse anything that changes state. */
  | { kind: 'cross-origin'; origin: string }
  /** No browser signal at all: a command-line or server-to-server client. */
  | { kind: 'not-a-browser' };

export function originVerdict(
  signals: RequestOriginSignals,
  allowedOrigins: readonly Origin[],
): OriginVerdict {
  const judge = (origin: Origin | null, raw: string): OriginVerdict => {
    if (origin === signals.ownOrigin) return { kind: 'same-origin' };
    if (origin && allowedOrigins.includes(origin)) return { kind: 'allowed', origin };
    return { kind: 'cross-origin', origin: origin ?? raw };
  };
  if (signals.origin) return judge(originOf(signals.origin), signals.origin);
  const site = signals.secFetchSite?.toLowerCase();
  // "none": typed in the address bar or a bookmark, which is the person's own doing.
  if (site === 'same-origin' || site === 'none') return { kind: 'same-origin' };
  if (site === 'same-site' || site === 'cross-site') {
    // Without an Origin we cannot tell which sibling it was; a Referer may say.
    if (signals.referer) return judge(originOf(signals.referer), signals.referer);
    return { kind: 'cross-origin', origin: `(${site})` };
  }
  if (signals.referer) return judge(originOf(signals.referer), signals.referer);
  return { kind: 'not-a-browser' };
}

/** The signals of a Fetch API request (yoga); its URL carries the scheme the server was reached by. */
export function fetchRequestSignals(request: Request): RequestOriginSignals {
  return {
    origin: request.headers.get('origin'),
    secFetchSite: request.headers.get('sec-fetch-site'),
    referer: request.headers.get('referer'),
    ownOrigin: new URL(request.url).origin,
  };
}

/** Methods that may change state, which cross-origin browsers must not send. */
export function isUnsafeMethod(method: string): boolean {
  const upper = method.toUpperCase();
  return upper !== 'GET' && upper !== 'HEAD' && upper !== 'OPTIONS';
}

export function crossOriginMessage(origin: string): string {
  return `This request came from another site (${origin}), so it was refused. Requests that change anything must come from this service's own pages.`;
}
