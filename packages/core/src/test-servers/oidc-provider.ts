// A real OpenID provider for tests: node-oidc-provider (a certified OpenID Connect implementation)
// on a free local port, with one client registered for the app and a small sign-in page where a
// person types the email of one of the configured test users (or cancels). Core's tests drive it
// with fetch (`signInAtProvider`); the browser journeys drive the same page in Chromium.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration } from 'oidc-provider';

export interface TestIdentity {
  email: string;
  /** Omitted: the ID token has no email_verified claim (as Entra ID). */
  emailVerified?: boolean;
  /** The `groups` claim; omitted when undefined. */
  groups?: string[];
  name?: string;
}

export interface TestOidcProviderOptions {
  users: readonly TestIdentity[];
  /** The app's callback URLs the client may use. */
  redirectUris: readonly string[];
  clientId?: string;
  clientSecret?: string;
  /** Shown as the sign-in page's heading, e.g. "Northshire County Council". */
  title?: string;
  /** Default 0 (a free port). */
  port?: number;
}

export interface TestOidcProvider {
  /** e.g. http://127.0.0.1:41234 */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Adds a test user, or changes one (e.g. their groups) for the next sign-in. */
  setUser(user: TestIdentity): void;
  close(): Promise<void>;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, uid: string, error?: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}: sign in</title></head>
<body><main><h1>${escapeHtml(title)}</h1>
${error ? `<p role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/interaction/${uid}/login">
<label for="email">Work email address</label> <input id="email" name="email" type="email" autocomplete="off">
<button type="submit">Continue</button></form>
<form method="post" action="/interaction/${uid}/abort"><button type="submit">Cancel</button></form>
</main></body></html>`;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export async function startTestOidcProvider(
  options: TestOidcProviderOptions,
): Promise<TestOidcProvider> {
  const clientId = options.clientId ?? 'lip-test';
  const clientSecret = options.clientSecret ?? randomBytes(24).toString('base64url');
  const title = options.title ?? 'Test identity provider';
  const users = new Map(options.users.map((u) => [u.email.toLowerCase(), u]));

  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => {
    res.statusCode = 503;
    res.end();
  };
  const server = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const jwk = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
    format: 'jwk',
  });
  const configuration: Configuration = {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [...options.redirectUris],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    async findAccount(_ctx, sub) {
      const user = users.get(sub);
      if (!user) return undefined;
      return {
        accountId: sub,
        claims: () => ({
          sub,
          email: user.email,
          ...(user.emailVerified !== undefined ? { email_verified: user.emailVerified } : {}),
          ...(user.groups ? { groups: user.groups } : {}),
          name: user.name ?? user.email,
        }),
      };
    },
    claims: { openid: ['sub', 'groups'], email: ['email', 'email_verified'], profile: ['name'] },
    // Scope claims in the ID token too, as Entra ID sends them.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    jwks: { keys: [{ ...jwk, kid: 'test-key', alg: 'RS256', use: 'sig' }] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    pkce: { required: () => true },
    // Short lives, as a test needs (and no notices about the defaults).
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      Grant: 3600,
      IdToken: 600,
      Interaction: 600,
      Session: 3600,
    },
  };
  const provider = new Provider(issuer, configuration);
  const callback = provider.callback();

  async function interaction(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const [, , uid, step] = url.pathname.split('/');
    if (!uid) throw new Error('no interaction');
    if (req.method === 'GET' && !step) {
      await provider.interactionDetails(req, res); // 400s when the interaction is unknown
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(page(title, uid));
      return;
    }
    if (req.method === 'POST' && step === 'abort') {
      await provider.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: 'End-User aborted interaction' },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    if (req.method === 'POST' && step === 'login') {
      const email = ((await readForm(req)).get('email') ?? '').trim().toLowerCase();
      const details = await provider.interactionDetails(req, res);
      if (!users.has(email)) {
        res.statusCode = 400;
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.end(page(title, uid, 'No such test user'));
        return;
      }
      // Signed in, and consent given to what the app asked for, in one step.
      const grant = new provider.Grant({
        accountId: email,
        clientId: String(details.params.client_id),
      });
      grant.addOIDCScope(String(details.params.scope));
      const grantId = await grant.save();
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: email }, consent: { grantId } },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    res.statusCode = 404;
    res.end();
  }

  handle = (req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    if (url.pathname.startsWith('/interaction/')) {
      interaction(req, res, url).catch((error: unknown) => {
        res.statusCode = 400;
        res.end(String((error as Error).message));
      });
    } else {
      callback(req, res);
    }
  };

  return {
    issuer,
    clientId,
    clientSecret,
    setUser: (user) => void users.set(user.email.toLowerCase(), user),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

export interface ProviderSignIn {
  /** Type this test user's email on the provider's page. */
  email?: string;
  /** Or press Cancel (the provider answers access_denied). */
  cancel?: boolean;
}

/**
 * What a browser does between leaving the app and coming back: follows the provider's redirects
 * (keeping its cookies), submits the sign-in page, and returns the URL the provider sends the
 * browser back to (the app's callback, with code and state or an error).
 */
export async function signInAtProvider(
  authorizationUrl: string,
  issuer: string,
  how: ProviderSignIn,
): Promise<string> {
  const jar = new Map<string, string>();
  const send = async (url: string, init: RequestInit = {}) => {
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string> | undefined),
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const eq = pair!.indexOf('=');
      jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
    }
    return response;
  };
  let url = authorizationUrl;
  for (let hop = 0; hop < 12; hop++) {
    if (!url.startsWith(`${issuer}/`)) return url; // back at the app
    const at = new URL(url);
    const interaction = /^\/interaction\/([^/]+)$/.exec(at.pathname);
    const response = interaction
      ? await send(`${issuer}/interaction/${interaction[1]}/${how.cancel ? 'abort' : 'login'}`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ email: how.email ?? '' }).toString(),
        })
      : await send(url);
    const location = response.headers.get('location');
    if (!location)
      throw new Error(
        `The provider did not redirect from ${url}: ${response.status} ${await response.text()}`,
      );
    url = new URL(location, url).href;
  }
  throw new Error('Too many redirects at the provider');
}
