// "Sign in with <provider>": a form post here sends the browser to the identity provider, with the
// attempt's transient value in a short-lived HttpOnly cookie (never in the URL).
import { data, redirect, type ActionFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useActionData } from '@remix-run/react';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { SignInProblem } from '../components/SignInProblem.tsx';
import { graphql, MUTATION_ERROR } from '../graphql.ts';
import { readForm } from '../lib/form.server.ts';
import { callbackUrlFor, setOidcTransient } from '../lib/oidc-transient.server.ts';
import { throwForErrors } from '../lib/graphql.server.ts';
import { pageTitle } from '../lib/meta.ts';
import { identityProviderProblem } from '../lib/sign-in.server.ts';
import { safeRedirectTo } from '../lib/session.server.ts';

export const meta: MetaFunction = () => pageTitle('You could not be signed in');

const OIDC_START = graphql(
  `
    mutation OidcStart($input: OidcStartInput!) {
      result: oidcStart(input: $input) {
        __typename
        ... on MutationOidcStartSuccess {
          data {
            authorizationUrl
            transient
          }
        }
        ...MutationError
      }
    }
  `,
  [MUTATION_ERROR],
);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const provider = params.provider ?? '';
  const form = await readForm(request);
  const redirectTo = safeRedirectTo(form.data.get('redirectTo'));
  const result = await context.lip.execute(OIDC_START, {
    input: { provider, redirectUri: callbackUrlFor(request, provider), redirectTo },
  });
  if (result.errors?.length) throwForErrors(result.errors);
  const outcome = result.data?.result;
  if (outcome?.__typename === 'MutationOidcStartSuccess') {
    throw redirect(outcome.data.authorizationUrl, {
      headers: { 'Set-Cookie': setOidcTransient(request, outcome.data.transient) },
    });
  }
  const message = identityProviderProblem(outcome);
  return data({ message, redirectTo }, { status: outcome ? 400 : 500 });
}

/** Only the sign-in page's form comes here; a visit goes back to it. */
export function loader() {
  throw redirect('/sign-in');
}

export default function OidcStartProblem() {
  const problem = useActionData<typeof action>();
  return <SignInProblem message={problem?.message ?? ''} redirectTo={problem?.redirectTo} />;
}

export const ErrorBoundary = RouteErrorBoundary;
