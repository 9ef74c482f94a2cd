// The web app as a test talks to it: the real Remix request handler over the app's routes (built
// on the fly by Vite, as `--dev` does, so no production build is needed) and the real composition
// (core, plugins of lip.config.ts) over a fresh in-memory PGlite demo database.
import { createRequestHandler, type ServerBuild } from '@remix-run/node';
import type { Request as ExpressRequest, Response as ExpressResponse } from 'express';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';
import { compose, type ComposeOptions, type Composition } from '../../server/compose.ts';
import { loadContextFor } from '../../server/load-context.ts';

export const APP_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const ORIGIN = 'http://localhost';
export const DEMO_PASSWORD = 'lip-demo-2026';

export interface RemixApp {
  composition: Composition;
  /** A request through the Remix handler, with the session cookie of `as` (a demo email). */
  fetch(pathOrRequest: string | Request, init?: RequestInit & { as?: string }): Promise<Response>;
  close(): Promise<void>;
}

export async function startRemixApp(
  options: Pick<ComposeOptions, 'onQuery' | 'workers'> = {},
): Promise<RemixApp> {
  process.env.LIP_DATA_DIR = 'memory';
  delete process.env.DATABASE_URL;
  const composition = await compose({ demo: true, ...options });
  let vite: ViteDevServer | undefined;
  try {
    vite = await createServer({
      root: APP_DIR,
      configFile: path.join(APP_DIR, 'vite.config.ts'),
      logLevel: 'error',
      appType: 'custom',
      server: { middlewareMode: true, hmr: false, watch: null },
    });
    const build = (await vite.ssrLoadModule('virtual:remix/server-build')) as ServerBuild;
    const handler = createRequestHandler(build, 'production');
    const loadContext = loadContextFor(composition.core, { demo: true });
    const tokens = new Map<string, string>();

    const cookieFor = async (email: string) => {
      let token = tokens.get(email);
      if (!token) {
        const result = await composition.core.execute<{
          signIn: { data?: { token: string } };
        }>({
          document: `mutation($input: SignInInput!) { signIn(input: $input) { ... on MutationSignInSuccess { data { token } } } }`,
          variables: { input: { email, password: DEMO_PASSWORD } },
          context: await composition.core.contextForSession(undefined),
        });
        token = result.data?.signIn.data?.token;
        if (!token) throw new Error(`Cannot sign in as ${email}: ${JSON.stringify(result)}`);
        tokens.set(email, token);
      }
      return `lip_session=${token}`;
    };

    return {
      composition,
      async fetch(pathOrRequest, init = {}) {
        const { as, ...rest } = init;
        const request =
          typeof pathOrRequest === 'string'
            ? new Request(new URL(pathOrRequest, ORIGIN), rest)
            : pathOrRequest;
        if (as) request.headers.set('cookie', await cookieFor(as));
        // Every request a server receives names its host (Remix compares it with Origin on posts).
        if (!request.headers.has('host')) request.headers.set('host', new URL(request.url).host);
        // The form posts a browser sends come from the app's own origin.
        if (request.method !== 'GET' && !request.headers.has('origin'))
          request.headers.set('origin', ORIGIN);
        // What loadContextFor reads of the Express request and response it is given: the cookie,
        // the client's address and user agent, and the response's CSP nonce.
        const expressLike = {
          headers: { cookie: request.headers.get('cookie') ?? undefined },
          ip: '127.0.0.1',
          get: (name: string) => request.headers.get(name) ?? undefined,
        } as unknown as ExpressRequest;
        const responseLike = { locals: { cspNonce: 'test-nonce' } } as unknown as ExpressResponse;
        return handler(request, loadContext(expressLike, responseLike));
      },
      async close() {
        await vite?.close();
        await composition.close();
      },
    };
  } catch (error) {
    await vite?.close();
    await composition.close();
    throw error;
  }
}
