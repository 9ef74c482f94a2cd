// A test backend for plugin authors: boots the core with just the plugins under test on a fresh
// database seeded with the demo data (Northshire and Southvale, one account per role) and the
// plugins' own seeds (metric packs, demo content).
import {
  createCore,
  runPluginSeeds,
  type Core,
  type ExecuteResult,
  type LipPlugin,
  type RequestContext,
} from '@lip/core';
import type { Database } from '@lip/db';
import { createTestDatabase } from '@lip/db/testing';

export const DEMO_PASSWORD = 'lip-demo-2026';

export interface TestHarness {
  core: Core;
  /** The test database (e.g. `db.prisma` to look at audit events). */
  db: Database;
  /** Runs a GraphQL document in process, as the web app does. */
  execute<TData = Record<string, unknown>>(args: {
    document: string;
    variables?: Record<string, unknown>;
    context: RequestContext;
  }): Promise<ExecuteResult<TData>>;
  /** The context of a demo account, signed in through the API (e.g. "icb@northshire.example"). */
  contextFor(email: string): Promise<RequestContext>;
  /**
   * Runs a document as a demo account and returns its data; request errors (a bad document, a
   * masked failure) throw with their messages, so a test reads as the person's story.
   */
  runAs<TData = Record<string, unknown>>(
    email: string,
    document: string,
    variables?: Record<string, unknown>,
  ): Promise<TData>;
  /** A signed-out context. */
  anonymous(): Promise<RequestContext>;
  /** Global id of a plan by its title prefix, e.g. "Northshire" (looked up as that account). */
  planId(email: string): Promise<string>;
  close(): Promise<void>;
}

export interface TestHarnessOptions {
  plugins: LipPlugin[];
}

export async function createTestHarness({ plugins }: TestHarnessOptions): Promise<TestHarness> {
  const db = await createTestDatabase({ seed: 'demo' });
  // The plugins' metric packs and demo content, as `db:seed --demo` runs them.
  await runPluginSeeds(db, plugins, { demo: true });
  const core = createCore({
    db,
    plugins,
    onError: (error) => console.error('[test harness]', error),
  });
  const tokens = new Map<string, string>();

  const contextFor = async (email: string): Promise<RequestContext> => {
    let token = tokens.get(email);
    if (!token) {
      const result = await core.execute<{ signIn: { data?: { token: string }; message?: string } }>(
        {
          document: `mutation SignIn($input: SignInInput!) { signIn(input: $input) {
          ... on MutationSignInSuccess { data { token } } ... on Error { message } } }`,
          variables: { input: { email, password: DEMO_PASSWORD } },
          context: await core.contextForSession(undefined),
        },
      );
      token = result.data?.signIn.data?.token;
      if (!token)
        throw new Error(`createTestHarness: cannot sign in as ${email}: ${JSON.stringify(result)}`);
      tokens.set(email, token);
    }
    return core.contextForSession(token);
  };

  return {
    core,
    db,
    execute: (args) => core.execute(args),
    contextFor,
    async runAs(email, document, variables) {
      const result = await core.execute<never>({
        document,
        variables,
        context: await contextFor(email),
      });
      if (result.errors?.length || !result.data) {
        throw new Error(
          `runAs(${email}): ${result.errors?.map((e) => e.message).join('; ') ?? 'no data'}`,
        );
      }
      return result.data;
    },
    anonymous: () => core.contextForSession(undefined),
    async planId(email) {
      const result = await core.execute<{
        partnerships: { edges: { node: { plans: { edges: { node: { id: string } }[] } } }[] };
      }>({
        document:
          '{ partnerships(first: 1) { edges { node { plans(first: 1) { edges { node { id } } } } } } }',
        context: await contextFor(email),
      });
      const id = result.data?.partnerships.edges[0]?.node.plans.edges[0]?.node.id;
      if (!id) throw new Error(`createTestHarness: ${email} sees no plan`);
      return id;
    },
    close: () => db.close(),
  };
}
