import { redirect } from '@remix-run/node';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { Button, NotificationBanner, Table, Tag } from '@lip/ui';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { formatDateTime } from '../components/workflow/labels.ts';
import { graphql } from '../graphql.ts';
import { readForm } from '../lib/form.server.ts';
import { gql } from '../lib/graphql.server.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import { requireViewer, unlessRefused } from '../lib/outcome.server.ts';
import { redirectToSignIn } from '../lib/session.server.ts';

export const meta: MetaFunction = ({ error }) =>
  error ? errorTitle(error) : pageTitle('Your sessions');

const QUERY = graphql(`
  query SessionsPage {
    viewer {
      id
      name
    }
    mySessions {
      id
      device
      createdAt
      lastSeenAt
      current
    }
    sessionLimits {
      idleHours
      maxHours
    }
  }
`);

const END_SESSION = graphql(`
  mutation EndSession($id: ID!) {
    result: endSession(id: $id) {
      __typename
      ... on Error {
        message
      }
    }
  }
`);

const END_OTHER_SESSIONS = graphql(`
  mutation EndOtherSessions {
    result: endOtherSessions {
      __typename
      ... on MutationEndOtherSessionsSuccess {
        data
      }
      ... on Error {
        message
      }
    }
  }
`);

/** What the page says after a button: carried in the address so a reload shows the same. */
const ENDED = {
  one: 'The session has ended. That device will need to sign in again.',
  others: 'Your other sessions have ended. Those devices will need to sign in again.',
} as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const data = requireViewer(request, await gql(context, QUERY));
  const ended = new URL(request.url).searchParams.get('ended');
  return {
    viewer: data.viewer,
    sessions: data.mySessions,
    limits: data.sessionLimits,
    ended: ended === 'one' || ended === 'others' ? ENDED[ended] : null,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  if (form.intent === 'end-others') {
    const result = await gql(context, END_OTHER_SESSIONS);
    if (result.result.__typename === 'ForbiddenError') throw redirectToSignIn(request);
    throw redirect('/account/sessions?ended=others');
  }
  const result = await gql(context, END_SESSION, { id: form.text('session') });
  if (result.result.__typename === 'ForbiddenError') throw redirectToSignIn(request);
  // Someone else's session, or one already over: "not found".
  unlessRefused(result.result);
  throw redirect('/account/sessions?ended=one');
}

function hoursInWords(hours: number): string {
  if (hours % 24 === 0) return hours === 24 ? 'a day' : `${hours / 24} days`;
  if (hours < 1) return `${Math.round(hours * 60)} minutes`;
  return hours === 1 ? '1 hour' : `${hours} hours`;
}

export default function Sessions() {
  const { viewer, sessions, limits, ended } = useLoaderData<typeof loader>();
  const others = sessions.filter((s) => !s.current);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        {ended && <NotificationBanner type="success" heading={ended} />}
        <span className="govuk-caption-l">{viewer.name}</span>
        <h1 className="govuk-heading-l">Your sessions</h1>
        <p className="govuk-body">
          These are the devices signed in to your account. A session ends when you sign out, after{' '}
          {hoursInWords(limits.idleHours)} without being used, and at the latest{' '}
          {hoursInWords(limits.maxHours)} after signing in.
        </p>
        <p className="govuk-body">
          If you see a device you do not recognise, end its session and tell your partnership lead.
        </p>
        <Table
          caption="Devices signed in to your account"
          captionSize="s"
          head={['Device', 'Signed in', 'Last used', 'Action']}
          rowKeys={sessions.map((s) => s.id)}
          firstCellIsHeader
          rows={sessions.map((s) => [
            <>
              {s.device}
              {s.current && (
                <>
                  {' '}
                  <Tag colour="green">This device</Tag>
                </>
              )}
            </>,
            formatDateTime(s.createdAt),
            formatDateTime(s.lastSeenAt),
            s.current ? (
              <span className="govuk-body-s">Sign out to end this one</span>
            ) : (
              <Form method="post" className="lip-inline-form">
                <input type="hidden" name="session" value={s.id} />
                <Button variant="secondary" className="govuk-!-margin-bottom-0">
                  End session
                  <span className="govuk-visually-hidden">
                    {' '}
                    on {s.device}, last used {formatDateTime(s.lastSeenAt)}
                  </span>
                </Button>
              </Form>
            ),
          ])}
        />
        {others.length > 0 && (
          <Form method="post">
            <Button variant="warning" name="intent" value="end-others">
              End all other sessions
            </Button>
          </Form>
        )}
      </div>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
