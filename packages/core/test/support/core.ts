import type { Database } from '@lip/db';
import type { Core, LipPlugin, RequestContext } from '../../src/index.ts';
import { createTestCore, DEMO_PASSWORD, type TestCoreOptions } from '../../src/testing.ts';
import { testPlugins } from './plugins.ts';

export { DEMO_PASSWORD };

export interface TestCore {
  db: Database;
  core: Core;
  /** A signed-in context for a demo account (signs in through the API once per email). */
  as(email: string): Promise<RequestContext>;
  /** Runs a document; fails the test on GraphQL errors unless `allowErrors`. */
  run<T = Record<string, unknown>>(
    ctx: RequestContext,
    document: string,
    variables?: Record<string, unknown>,
  ): Promise<T>;
  close(): Promise<void>;
}

export async function bootCore(
  plugins: LipPlugin[] = testPlugins,
  options: Pick<TestCoreOptions, 'auth' | 'live'> = {},
): Promise<TestCore> {
  const unexpected: unknown[] = [];
  const { db, core, signIn, close } = await createTestCore({
    ...options,
    plugins,
    onError: (e) => {
      unexpected.push(e);
      if (process.env.LIP_DEBUG) console.error(e);
    },
  });
  return {
    db,
    core,
    as: signIn,
    async run<T>(ctx: RequestContext, document: string, variables?: Record<string, unknown>) {
      const result = await core.execute<T>({ document, variables, context: ctx });
      if (result.errors)
        throw new Error(
          `GraphQL errors: ${JSON.stringify(result.errors)} ${JSON.stringify(unexpected.map(String))}`,
        );
      return result.data as T;
    },
    close,
  };
}
