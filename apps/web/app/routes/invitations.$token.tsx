// The link in an invitation email. It shows what the invitation is for, asks a newcomer for their
// name, and on "Accept" joins them to the partnership, signs them in (as sign-in does: the session
// cookie) and takes them to the partnership. A link that is expired, used, revoked or unknown says
// so, and what to do next.
import { data, redirect } from '@remix-run/node';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { Button, ErrorSummary, Input, SummaryList, WarningText } from '@lip/ui';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { useErrorTitle } from '../components/useErrorTitle.ts';
import { graphql, MUTATION_ERROR } from '../graphql.ts';
import { readForm } from '../lib/form.server.ts';
import { gql } from '../lib/graphql.server.ts';
import { formatDate } from '../lib/labels.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import { formErrors } from '../lib/outcome.server.ts';
import { roleNames } from '../lib/roles.ts';
import { setSessionCookie } from '../lib/session.server.ts';

const PAGE = graphql(`
  query AcceptInvitationPage($token: String!) {
    viewer {
      id
      name
      email
    }
    invitation(token: $token) {
      status
      email
      partnershipName
      organisationName
      roles
      jobTitle
      invitedByName
      expiresAt
      accountExists
    }
  }
`);

const ACCEPT = graphql(
  `
    mutation AcceptInvitation($input: AcceptInvitationInput!) {
      result: acceptInvitation(input: $input) {
        __typename
        ... on MutationAcceptInvitationSuccess {
          data {
            token
            expiresAt
            partnershipSlug
          }
        }
        ... on InvitationUnusableError {
          problem
        }
        ...MutationError
      }
    }
  `,
  [MUTATION_ERROR],
);

type Problem = 'UNKNOWN' | 'EXPIRED' | 'USED' | 'REVOKED' | 'OTHER_ACCOUNT';

/** What a link that cannot be used says, and what to do next. */
const PROBLEMS: Record<Exclude<Problem, 'OTHER_ACCOUNT'>, { title: string; body: string[] }> = {
  UNKNOWN: {
    title: 'This invitation link is not right',
    body: [
      'Check you copied the whole link from the email. If you were sent the invitation again, use the link in the newest email: earlier links stop working.',
      'If it still does not work, ask your partnership lead to send you a new invitation.',
    ],
  },
  EXPIRED: {
    title: 'This invitation has expired',
    body: [
      'Invitation links work for 7 days.',
      'Ask your partnership lead to send you a new invitation.',
    ],
  },
  USED: {
    title: 'This invitation has already been used',
    body: [
      'Each invitation link works once. If you accepted it, sign in to reach your partnership.',
      'If you did not accept it, ask your partnership lead to send you a new invitation.',
    ],
  },
  REVOKED: {
    title: 'This invitation was cancelled',
    body: [
      'Your partnership lead cancelled this invitation, so its link no longer works.',
      'If you think you should have an invitation, ask your partnership lead to send you a new one.',
    ],
  },
};

const PROBLEM_OF_STATUS: Record<string, Problem> = {
  ACCEPTED: 'USED',
  REVOKED: 'REVOKED',
  EXPIRED: 'EXPIRED',
};

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) => {
  if (error || !page) return errorTitle(error);
  if (page.problem) return pageTitle(PROBLEMS[page.problem].title);
  return pageTitle(`You have been invited to join ${page.invitation?.partnershipName ?? ''}`);
};

async function load(context: LoaderFunctionArgs['context'], token: string) {
  const page = await gql(context, PAGE, { token });
  const invitation = page.invitation;
  const problem: Exclude<Problem, 'OTHER_ACCOUNT'> | null = !invitation
    ? 'UNKNOWN'
    : ((PROBLEM_OF_STATUS[invitation.status] as Exclude<Problem, 'OTHER_ACCOUNT'> | undefined) ??
      null);
  return { viewer: page.viewer, invitation, problem };
}

export async function loader({ params, context }: LoaderFunctionArgs) {
  const page = await load(context, params.token ?? '');
  // A link that is not one (or no longer one) is a 404, as an unknown page is; the others a 410.
  if (page.problem) return data(page, { status: page.problem === 'UNKNOWN' ? 404 : 410 });
  return page;
}

interface AcceptActionData {
  name: string;
  error?: { field: 'name' | 'accept'; text: string };
  problem?: Exclude<Problem, 'OTHER_ACCOUNT'>;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const token = params.token ?? '';
  const form = await readForm(request);
  const name = form.text('name');
  const { result } = await gql(context, ACCEPT, { input: { token, name: name || null } });
  if (result.__typename === 'MutationAcceptInvitationSuccess') {
    const cookie = setSessionCookie(request, result.data.token, result.data.expiresAt);
    throw redirect(`/partnerships/${encodeURIComponent(result.data.partnershipSlug)}`, {
      headers: { 'Set-Cookie': cookie },
    });
  }
  if (result.__typename === 'InvitationUnusableError' && result.problem !== 'OTHER_ACCOUNT')
    return data<AcceptActionData>({ name, problem: result.problem }, { status: 410 });
  const errors = formErrors(result);
  return data<AcceptActionData>(
    {
      name,
      error: errors.name
        ? { field: 'name', text: errors.name }
        : { field: 'accept', text: errors._form ?? result.message },
    },
    { status: 400 },
  );
}

function ProblemPage({ problem }: { problem: Exclude<Problem, 'OTHER_ACCOUNT'> }) {
  const { title, body } = PROBLEMS[problem];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{title}</h1>
        {body.map((text) => (
          <p key={text} className="govuk-body">
            {text}
          </p>
        ))}
        {problem === 'USED' && (
          <p className="govuk-body">
            <a className="govuk-link" href="/sign-in">
              Sign in
            </a>
          </p>
        )}
      </div>
    </div>
  );
}

export default function AcceptInvitation() {
  const { viewer, invitation, problem } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  useErrorTitle(Boolean(outcome?.error));
  const shownProblem = outcome?.problem ?? problem;
  if (shownProblem || !invitation) return <ProblemPage problem={shownProblem ?? 'UNKNOWN'} />;

  const someoneElse = viewer && viewer.email?.toLowerCase() !== invitation.email;
  const needsName = !viewer && !invitation.accountExists;
  const error = outcome?.error;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {error && <ErrorSummary errors={[{ href: error.field, text: error.text }]} />}
        <h1 className="govuk-heading-l">
          You’ve been invited to join {invitation.partnershipName}
        </h1>
        <p className="govuk-body">
          {invitation.invitedByName ?? 'The partnership lead'} has invited you to join the
          partnership on Local Inclusion Plan Builder, where the partnership’s organisations write
          their local inclusion plan together.
        </p>
        <SummaryList
          rows={[
            {
              key: 'Email address',
              value: <span className="lip-break-words">{invitation.email}</span>,
            },
            { key: 'Organisation', value: invitation.organisationName },
            { key: 'Roles', value: roleNames(invitation.roles) },
            ...(invitation.jobTitle ? [{ key: 'Job title', value: invitation.jobTitle }] : []),
            { key: 'Invitation expires', value: formatDate(invitation.expiresAt) },
          ]}
        />
        {someoneElse ? (
          <>
            <WarningText>
              You are signed in as {viewer.email ?? viewer.name}, but this invitation is for{' '}
              {invitation.email}.
            </WarningText>
            <p className="govuk-body">
              Sign out, then open the link in the email again to accept it as {invitation.email}.
            </p>
            <form method="post" action="/sign-out">
              <Button id="accept" variant="secondary">
                Sign out
              </Button>
            </form>
          </>
        ) : (
          <form method="post" noValidate>
            {needsName && (
              <Input
                id="name"
                name="name"
                label="Your full name"
                labelSize="m"
                hint="Other members of the partnership will see it"
                autoComplete="name"
                spellCheck={false}
                defaultValue={outcome?.name ?? ''}
                errorMessage={error?.field === 'name' ? error.text : undefined}
              />
            )}
            <Button id="accept">Accept invitation</Button>
          </form>
        )}
      </div>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
