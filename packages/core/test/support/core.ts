import { createTestDatabase } from '@lip/db/testing';
import type { Database } from '@lip/db';
import { createCore, type Core, type LipPlugin, type RequestContext } from '../../src/index.ts';
import { testPlugins } from './plugins.ts';

export const DEMO_PASSWORD = 'lip-demo-2026';

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

export async function bootCore(plugins: LipPlugin[] = testPlugins): Promise<TestCore> {
  const db = await createTestDatabase({ seed: 'demo' });
  const unexpected: unknown[] = [];
  const core = createCore({
    db,
    plugins,
    onError: (e) => {
      unexpected.push(e);
      if (process.env.LIP_DEBUG) console.error(e);
    },
  });
  const tokens = new Map<string, string>();
  const as = async (email: string) => {
    let token = tokens.get(email);
    if (!token) {
      const result = await core.execute<{ signIn: { token?: string; message?: string } }>({
        document: `mutation($input: SignInInput!) { signIn(input: $input) {
          ... on MutationSignInSuccess { data { token } } ... on Error { message } } }`,
        variables: { input: { email, password: DEMO_PASSWORD } },
        context: await core.contextForSession(undefined),
      });
      const data = result.data?.signIn as
        { data?: { token: string }; message?: string } | undefined;
      if (!data?.data) throw new Error(`Could not sign in as ${email}: ${JSON.stringify(result)}`);
      token = data.data.token;
      tokens.set(email, token);
    }
    return core.contextForSession(token);
  };
  return {
    db,
    core,
    as,
    async run<T>(ctx: RequestContext, document: string, variables?: Record<string, unknown>) {
      const result = await core.execute<T>({ document, variables, context: ctx });
      if (result.errors)
        throw new Error(
          `GraphQL errors: ${JSON.stringify(result.errors)} ${JSON.stringify(unexpected.map(String))}`,
        );
      return result.data as T;
    },
    close: () => db.close(),
  };
}
