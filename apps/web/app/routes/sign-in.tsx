import { data, redirect } from '@remix-run/node';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { Button, ErrorSummary, Input } from '@lip/ui';
import { OtherSignInOptions } from '../components/OtherSignInOptions.tsx';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { graphql, MUTATION_ERROR } from '../graphql.ts';
import { readForm } from '../lib/form.server.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import { gql } from '../lib/graphql.server.ts';
import { formErrors } from '../lib/outcome.server.ts';
import { SignInEmail } from '../components/SignInEmail.tsx';
import { signedIn, throttledInit } from '../lib/sign-in.server.ts';
import { safeRedirectTo } from '../lib/session.server.ts';
import { tooManyAttempts, tooManyAttemptsMessage } from '../lib/throttle.ts';

const SIGN_IN_PAGE = graphql(`
  query SignInPage {
    viewer {
      id
    }
    signInMethods {
      password
    }
    identityProviders {
      id
      displayName
    }
  }
`);

export const meta: MetaFunction = ({ error }) => (error ? errorTitle(error) : pageTitle('Sign in'));

export async function loader({ request, context }: LoaderFunctionArgs) {
  const page = await gql(context, SIGN_IN_PAGE);
  const redirectTo = safeRedirectTo(new URL(request.url).searchParams.get('redirectTo'));
  if (page.viewer) throw redirect(redirectTo);
  return {
    redirectTo,
    passwordSignIn: page.signInMethods.password,
    options: { identityProviders: page.identityProviders },
  };
}

const SIGN_IN = graphql(
  `
    mutation SignIn($input: SignInInput!) {
      result: signIn(input: $input) {
        __typename
        ... on MutationSignInSuccess {
          data {
            token
            expiresAt
          }
        }
        ...MutationError
      }
    }
  `,
  [MUTATION_ERROR],
);

interface ActionData {
  email: string;
  errors: { email?: string; password?: string };
  summary: Array<{ href: string; text: string }>;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const email = form.text('email');
  // A password is sent as typed: spaces are part of it.
  const typed = form.data.get('password');
  const password = typeof typed === 'string' ? typed : '';
  const redirectTo = safeRedirectTo(form.data.get('redirectTo'));

  // The API checks both are there ("Enter your email address", "Enter your password").
  const errors: ActionData['errors'] = {};
  const result = await context.lip.execute(SIGN_IN, { input: { email, password } });
  const outcome = result.data?.result;
  if (outcome?.__typename === 'MutationSignInSuccess')
    throw signedIn(request, redirectTo, outcome.data);
  const throttled = tooManyAttempts(result.errors);
  if (throttled) {
    errors.password = tooManyAttemptsMessage(throttled);
  } else if (outcome?.__typename === 'ValidationError') {
    const found = formErrors(outcome, 'Enter a valid email address');
    if (found.email) errors.email = found.email;
    if (found.password) errors.password = found.password;
    if (!errors.email && !errors.password)
      errors.email = found._form || outcome.message || 'Enter a valid email address';
  } else if (outcome?.__typename === 'PasswordSignInDisabledError') {
    errors.password = outcome.message;
  } else {
    // Wrong email or password (or an unexpected failure): one message, never saying which was wrong.
    errors.password = 'Enter a correct email address and password';
  }
  const summary = (['email', 'password'] as const).flatMap((f) =>
    errors[f] ? [{ href: f, text: errors[f] }] : [],
  );
  return data<ActionData>(
    { email, errors, summary },
    throttled ? throttledInit(throttled) : { status: 400 },
  );
}

export default function SignIn() {
  const { redirectTo, passwordSignIn, options } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (!passwordSignIn) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <h1 className="govuk-heading-l">Sign in</h1>
          <p className="govuk-body">
            Signing in with a password is switched off for this service. Use one of the other ways
            to sign in, or ask your partnership lead how to sign in.
          </p>
          <OtherSignInOptions options={options} redirectTo={redirectTo} />
        </div>
      </div>
    );
  }
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {actionData && actionData.summary.length > 0 && (
          <ErrorSummary errors={actionData.summary} />
        )}
        <h1 className="govuk-heading-l">Sign in</h1>
        <p className="govuk-body">
          Sign in with the email address and password for your partnership account.
        </p>
        <Form method="post" noValidate reloadDocument>
          <SignInEmail
            redirectTo={redirectTo}
            email={actionData?.email ?? ''}
            error={actionData?.errors.email}
          />
          <Input
            id="password"
            name="password"
            type="password"
            label="Password"
            autoComplete="current-password"
            errorMessage={actionData?.errors.password}
          />
          <Button>Sign in</Button>
        </Form>
        <OtherSignInOptions options={options} redirectTo={redirectTo} />
      </div>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
