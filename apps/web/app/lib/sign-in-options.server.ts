import type { AppLoadContext } from '@remix-run/node';
import { graphql } from '../graphql.ts';
import { gql } from './graphql.server.ts';

const SIGN_IN_OPTIONS = graphql(`
  query SignInOptions {
    identityProviders {
      id
      displayName
    }
  }
`);

/** The other ways to sign in the sign-in page offers: organisation accounts, then email codes. */
export async function signInOptions(context: AppLoadContext) {
  const { identityProviders } = await gql(context, SIGN_IN_OPTIONS);
  return { identityProviders };
}

export type SignInOptions = Awaited<ReturnType<typeof signInOptions>>;
