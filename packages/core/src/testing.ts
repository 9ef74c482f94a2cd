// `@lip/core/testing`: the setup every API test needs, shared by core's own tests and the plugin
// SDK's harness (`@lip/plugin-sdk/testing`). A fresh database of its own seeded with the demo data
// (Northshire and Southvale, one account per role, all with DEMO_PASSWORD), optionally the plugins'
// own seeds, the GraphQL core over it, and demo accounts signed in through the API.
import { DEMO_PASSWORD, type Database } from '@lip/db';
import { createTestDatabase } from '@lip/db/testing';
import { createCore, type Core, type CreateCoreOptions } from './create-core.ts';
import type { RequestContext } from './context.ts';
import { runPluginSeeds } from './plugin-host/seed.ts';
import type { LipPlugin } from './plugin-host/types.ts';

export { DEMO_PASSWORD };

export interface TestCoreOptions {
  plugins: readonly LipPlugin[];
  /** Run the plugins' seeds (metric packs, demo content) as `db:seed --demo` does. Default false. */
  seedPlugins?: boolean;
  /** Where unexpected (masked) errors go. */
  onError?: CreateCoreOptions['onError'];
  /** Identity providers and mail (see `@lip/core/test-servers` for real ones to point at). */
  identity?: CreateCoreOptions['identity'];
  /** Sign-in and session settings over the environment's (limits, idle time, passwords off). */
  auth?: CreateCoreOptions['auth'];
  /** The job queue's timings and observer. Its workers run unless `workers` is false. */
  jobs?: CreateCoreOptions['jobs'];
  /** Start the job workers (import checks and applies). Default true. */
  workers?: boolean;
  /** Live events and presence (Redis URL and channel prefix); default in process. */
  live?: CreateCoreOptions['live'];
}

export interface TestCore {
  /** The test database (e.g. `db.prisma` to look at audit events). */
  db: Database;
  core: Core;
  /** The context of a demo account, signed in through the API once per email. */
  signIn(email: string): Promise<RequestContext>;
  /** A signed-out context. */
  anonymous(): Promise<RequestContext>;
  /** Discards the test database. */
  close(): Promise<void>;
}

const SIGN_IN = `mutation SignIn($input: SignInInput!) { signIn(input: $input) {
  ... on MutationSignInSuccess { data { token } } ... on Error { message } } }`;

/** The core with these plugins over a fresh demo database. */
export async function createTestCore(options: TestCoreOptions): Promise<TestCore> {
  const db = await createTestDatabase({ seed: 'demo' });
  try {
    if (options.seedPlugins) await runPluginSeeds(db, options.plugins, { demo: true });
    const core = createCore({
      db,
      plugins: options.plugins,
      onError: options.onError,
      identity: options.identity,
      auth: options.auth,
      // Quick retries and polls (a test waits for its jobs); opened by the first job sent.
      jobs: { pollingIntervalSeconds: 0.5, retryDelaySeconds: 1, lazy: true, ...options.jobs },
      live: options.live,
    });
    if (options.workers ?? true) await core.jobs.start();
    const tokens = new Map<string, string>();
    return {
      db,
      core,
      async signIn(email) {
        let token = tokens.get(email);
        if (!token) {
          const result = await core.execute<{
            signIn: { data?: { token: string }; message?: string };
          }>({
            document: SIGN_IN,
            variables: { input: { email, password: DEMO_PASSWORD } },
            context: await core.contextForSession(undefined),
          });
          token = result.data?.signIn.data?.token;
          if (!token) throw new Error(`Cannot sign in as ${email}: ${JSON.stringify(result)}`);
          tokens.set(email, token);
        }
        return core.contextForSession(token);
      },
      anonymous: () => core.contextForSession(undefined),
      close: async () => {
        await core.jobs.stop(); // running mail jobs finish before the transport closes
        core.mailer.stop();
        await core.close();
        await db.close();
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}

/** Something that answers HTTP requests: a server's fetch, or `core.yoga.fetch` in process. */
export type HttpFetch = (url: string, init: RequestInit) => Response | Promise<Response>;

/**
 * A demo account's session token, signed in over HTTP at `base`/graphql as any API client would
 * (for tests that then call the API with `Authorization: Bearer <token>`).
 */
export async function demoBearerToken(
  fetch: HttpFetch,
  base: string,
  email: string,
): Promise<string> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: SIGN_IN,
      variables: { input: { email, password: DEMO_PASSWORD } },
    }),
  });
  const body = (await response.json()) as {
    data?: { signIn?: { data?: { token: string }; message?: string } };
  };
  const token = body.data?.signIn?.data?.token;
  if (!token) throw new Error(`${email} could not sign in: ${JSON.stringify(body)}`);
  return token;
}
