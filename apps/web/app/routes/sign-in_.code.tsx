// Sign in with a code sent by email, in two steps on one page (no JavaScript needed): the email
// address, then the 6-digit code. The second step reads the same whether or not the address has an
// account, so the page never tells a stranger who has one.
import { data, redirect } from '@remix-run/node';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { Button, FormPage, Input } from '@lip/ui';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { graphql, MUTATION_ERROR } from '../graphql.ts';
import { readForm } from '../lib/form.server.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import { formErrors } from '../lib/outcome.server.ts';
import { throwForErrors } from '../lib/graphql.server.ts';
import { SignInEmail } from '../components/SignInEmail.tsx';
import { signedIn, throttledInit } from '../lib/sign-in.server.ts';
import { safeRedirectTo } from '../lib/session.server.ts';
import { tooManyAttempts, tooManyAttemptsMessage } from '../lib/throttle.ts';

const CODE_PAGE = graphql(`
  query SignInCodePage {
    viewer {
      id
    }
  }
`);

const REQUEST_CODE = graphql(
  `
    mutation RequestSignInCode($input: RequestSignInCodeInput!) {
      result: requestSignInCode(input: $input) {
        __typename
        ...MutationError
      }
    }
  `,
  [MUTATION_ERROR],
);

const SIGN_IN_WITH_CODE = graphql(
  `
    mutation SignInWithCode($input: SignInWithCodeInput!) {
      result: signInWithCode(input: $input) {
        __typename
        ... on MutationSignInWithCodeSuccess {
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

export const meta: MetaFunction<typeof loader> = ({ error }) =>
  error ? errorTitle(error) : pageTitle('Sign in with a code from your email');

export async function loader({ request, context }: LoaderFunctionArgs) {
  const result = await context.lip.execute(CODE_PAGE);
  const redirectTo = safeRedirectTo(new URL(request.url).searchParams.get('redirectTo'));
  if (result.data?.viewer) throw redirect(redirectTo);
  return { redirectTo };
}

interface ActionData {
  step: 'email' | 'code';
  email: string;
  error?: { field: 'email' | 'code'; text: string };
  /** A new code was sent (shown once, after "Send a new code"). */
  resent?: boolean;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const email = form.text('email');
  const redirectTo = safeRedirectTo(form.data.get('redirectTo'));

  if (form.intent === 'sign-in') {
    const result = await context.lip.execute(SIGN_IN_WITH_CODE, {
      input: { email, code: form.text('code') },
    });
    const throttled = tooManyAttempts(result.errors);
    if (throttled) {
      return data<ActionData>(
        { step: 'code', email, error: { field: 'code', text: tooManyAttemptsMessage(throttled) } },
        throttledInit(throttled),
      );
    }
    if (result.errors?.length) throwForErrors(result.errors);
    const outcome = result.data?.result;
    if (outcome?.__typename === 'MutationSignInWithCodeSuccess')
      throw signedIn(request, redirectTo, outcome.data);
    let text = 'Enter the code from the email we sent you';
    if (outcome?.__typename === 'ValidationError') {
      const found = formErrors(outcome, text);
      // An email that is not an address at all sends the person back to the first step.
      if (found.email)
        return data<ActionData>(
          { step: 'email', email, error: { field: 'email', text: found.email } },
          { status: 400 },
        );
      text = found.code ?? found._form ?? text;
    } else if (outcome && 'message' in outcome && outcome.message) {
      text = outcome.message;
    }
    return data<ActionData>(
      { step: 'code', email, error: { field: 'code', text } },
      { status: 400 },
    );
  }

  const result = await context.lip.execute(REQUEST_CODE, { input: { email } });
  if (result.errors?.length) throwForErrors(result.errors);
  const outcome = result.data?.result;
  if (outcome?.__typename === 'MutationRequestSignInCodeSuccess')
    return data<ActionData>({ step: 'code', email, resent: form.intent === 'resend' });
  const found: Record<string, string> = outcome
    ? formErrors(outcome, 'Enter your email address')
    : {};
  return data<ActionData>(
    {
      step: 'email',
      email,
      error: {
        field: 'email',
        text: found.email ?? found._form ?? 'Sorry, we could not send a code. Try again later',
      },
    },
    { status: outcome ? 400 : 500 },
  );
}

export default function SignInWithCode() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const step = actionData?.step ?? 'email';
  const error = actionData?.error;
  const signInHref =
    redirectTo === '/partnerships'
      ? '/sign-in'
      : `/sign-in?redirectTo=${encodeURIComponent(redirectTo)}`;
  return (
    <FormPage
      back={{ href: signInHref, text: 'Other ways to sign in' }}
      errors={error ? [{ href: error.field, text: error.text }] : []}
      heading={step === 'email' ? 'Sign in with a code from your email' : 'Check your email'}
    >
      {step === 'email' ? (
        <>
          <p className="govuk-body">
            We will email you a 6-digit code to sign in with. Use the email address your partnership
            has for you.
          </p>
          <form method="post" noValidate>
            <SignInEmail
              redirectTo={redirectTo}
              email={actionData?.email ?? ''}
              error={error?.field === 'email' ? error.text : undefined}
            />
            <Button name="intent" value="send">
              Email me a code
            </Button>
          </form>
        </>
      ) : (
        <>
          {actionData?.resent && (
            <p className="govuk-inset-text">
              We have sent a new code. Earlier codes no longer work.
            </p>
          )}
          <p className="govuk-body">
            If <strong>{actionData?.email}</strong> has an account with this service, we have sent a
            6-digit code to it. The code lasts 10 minutes.
          </p>
          <form method="post" noValidate>
            <input type="hidden" name="redirectTo" value={redirectTo} />
            <input type="hidden" name="email" value={actionData?.email ?? ''} />
            <Input
              id="code"
              name="code"
              label="Sign-in code"
              hint="For example, 123456"
              width="5"
              inputMode="numeric"
              autoComplete="one-time-code"
              spellCheck={false}
              errorMessage={error?.field === 'code' ? error.text : undefined}
            />
            <Button name="intent" value="sign-in">
              Sign in
            </Button>
          </form>
          <h2 className="govuk-heading-s">Not received it?</h2>
          <p className="govuk-body">
            Check your spam or junk folder. It can take a few minutes to arrive.
          </p>
          <form method="post">
            <input type="hidden" name="redirectTo" value={redirectTo} />
            <input type="hidden" name="email" value={actionData?.email ?? ''} />
            <Button name="intent" value="resend" variant="secondary">
              Send a new code
            </Button>
          </form>
          <p className="govuk-body">
            <a className="govuk-link" href="/sign-in/code">
              Use a different email address
            </a>
          </p>
        </>
      )}
    </FormPage>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
