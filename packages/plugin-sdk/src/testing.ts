// A test backend for plugin authors: boots the core with just the plugins under test on a fresh
// database seeded with the demo data (Northshire and Southvale, one account per role) and the
// plugins' own seeds (metric packs, demo content).
import type { Core, ExecuteResult, LipPlugin, RequestContext } from '@lip/core';
import { createTestCore, DEMO_PASSWORD } from '@lip/core/testing';
import type { Database } from '@lip/db';

export { DEMO_PASSWORD };

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
  // The plugins' metric packs and demo content, as `db:seed --demo` runs them.
  const { core, db, signIn, anonymous, close } = await createTestCore({
    plugins,
    seedPlugins: true,
    onError: (error) => console.error('[test harness]', error),
  });

  return {
    core,
    db,
    execute: (args) => core.execute(args),
    contextFor: signIn,
    async runAs(email, document, variables) {
      const result = await core.execute<never>({
        document,
        variables,
        context: await signIn(email),
      });
      if (result.errors?.length || !result.data) {
        throw new Error(
          `runAs(${email}): ${result.errors?.map((e) => e.message).join('; ') ?? 'no data'}`,
        );
      }
      return result.data;
    },
    anonymous,
    async planId(email) {
      const result = await core.execute<{
        partnerships: { edges: { node: { plans: { edges: { node: { id: string } }[] } } }[] };
      }>({
        document:
          '{ partnerships(first: 1) { edges { node { plans(first: 1) { edges { node { id } } } } } } }',
        context: await signIn(email),
      });
      const id = result.data?.partnerships.edges[0]?.node.plans.edges[0]?.node.id;
      if (!id) throw new Error(`createTestHarness: ${email} sees no plan`);
      return id;
    },
    close,
  };
}
