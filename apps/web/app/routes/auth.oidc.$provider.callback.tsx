// Where an identity provider sends the browser back: the core completes the sign-in with the
// attempt named by the transient cookie, and the browser goes where it started, signed in.
import { data, redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { SignInProblem } from '../components/SignInProblem.tsx';
import { graphql, MUTATION_ERROR } from '../graphql.ts';
import { throwForErrors } from '../lib/graphql.server.ts';
import { pageTitle } from '../lib/meta.ts';
import { clearOidcTransient, readOidcTransient } from '../lib/oidc-transient.server.ts';
import { identityProviderProblem } from '../lib/sign-in.server.ts';
import { safeRedirectTo, setSessionCookie } from '../lib/session.server.ts';

const OIDC_COMPLETE = graphql(
  `
    mutation OidcComplete($input: OidcCompleteInput!) {
      result: oidcComplete(input: $input) {
        __typename
        ... on MutationOidcCompleteSuccess {
          data {
            token
            expiresAt
            redirectTo
          }
        }
        ...MutationError
      }
    }
  `,
  [MUTATION_ERROR],
);

export const meta: MetaFunction = () => pageTitle('You could not be signed in');

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const provider = params.provider ?? '';
  const result = await context.lip.execute(OIDC_COMPLETE, {
    input: { provider, callbackUrl: request.url, transient: readOidcTransient(request) },
  });
  if (result.errors?.length) throwForErrors(result.errors);
  const outcome = result.data?.result;
  const headers = new Headers();
  headers.append('Set-Cookie', clearOidcTransient(request));
  if (outcome?.__typename === 'MutationOidcCompleteSuccess') {
    headers.append(
      'Set-Cookie',
      setSessionCookie(request, outcome.data.token, outcome.data.expiresAt),
    );
    throw redirect(safeRedirectTo(outcome.data.redirectTo), { headers });
  }
  const message = identityProviderProblem(outcome);
  const reason = outcome?.__typename === 'OidcSignInError' ? 403 : outcome ? 400 : 500;
  return data({ message }, { status: reason, headers });
}

export default function OidcCallbackProblem() {
  const { message } = useLoaderData<typeof loader>();
  return <SignInProblem message={message} />;
}

export const ErrorBoundary = RouteErrorBoundary;
