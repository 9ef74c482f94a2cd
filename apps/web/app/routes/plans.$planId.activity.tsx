// The plan's activity feed: who did what, newest first, from the audit trail, a page at a time.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { graphql, PLAN_HEADING } from '../graphql.ts';
import { gql } from '../lib/graphql.server.ts';
import { invariantResponse, requireViewer } from '../lib/outcome.server.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import { PlanPageHeader } from '../lib/plan/PlanPageHeader.tsx';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page ? errorTitle(error) : pageTitle('Activity', page.plan.title);

const PAGE_SIZE = 25;

const QUERY = graphql(
  `
    query PlanActivity($planId: ID!, $first: Int!, $after: String) {
      viewer {
        id
      }
      plan(id: $planId) {
        ...PlanHeading
        activity(first: $first, after: $after) {
          edges {
            node {
              id
              occurredAt
              summary
              path
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
      }
    }
  `,
  [PLAN_HEADING],
);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const after = new URL(request.url).searchParams.get('after');
  const page = requireViewer(
    request,
    await gql(context, QUERY, {
      planId: params.planId ?? '',
      first: PAGE_SIZE,
      after: after && /^\d{1,19}$/.test(after) ? after : null,
    }),
  );
  invariantResponse(page.plan);
  const { activity, ...plan } = page.plan;
  return {
    plan,
    events: activity.edges.map((e) => e.node),
    next: activity.pageInfo.hasNextPage ? activity.pageInfo.endCursor : null,
    isFirstPage: !after,
  };
}

const dateTime = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/London',
});

export default function PlanActivity() {
  const { plan, events, next, isFirstPage } = useLoaderData<typeof loader>();
  const planUrl = `/plans/${encodeURIComponent(plan.id)}`;
  return (
    <>
      <PlanPageHeader
        plan={plan}
        trail={[{ text: 'Activity' }]}
        heading="Activity"
        current="activity"
      />
      <p className="govuk-body">
        Everything people have changed or decided in this plan, newest first. Partnership members
        only.
      </p>
      {events.length === 0 ? (
        <p className="govuk-body">Nothing has happened in this plan yet.</p>
      ) : (
        <ol
          className="govuk-list lip-activity-feed"
          id="activity-feed"
          aria-label="Activity, newest first"
        >
          {events.map((event) => (
            <li key={event.id} className="govuk-!-margin-bottom-4">
              <p className="govuk-body govuk-!-margin-bottom-1">
                {event.path ? (
                  <a className="govuk-link" href={event.path}>
                    {event.summary}
                  </a>
                ) : (
                  event.summary
                )}
              </p>
              <p className="govuk-body-s govuk-!-margin-bottom-0">
                <time dateTime={event.occurredAt}>
                  {dateTime.format(new Date(event.occurredAt))}
                </time>
              </p>
            </li>
          ))}
        </ol>
      )}
      {(next || !isFirstPage) && (
        <nav className="govuk-pagination govuk-pagination--block" aria-label="Activity pages">
          {!isFirstPage && (
            <div className="govuk-pagination__prev">
              <a
                className="govuk-link govuk-pagination__link"
                href={`${planUrl}/activity`}
                rel="prev"
              >
                <span className="govuk-pagination__link-title">Newest activity</span>
              </a>
            </div>
          )}
          {next && (
            <div className="govuk-pagination__next">
              <a
                className="govuk-link govuk-pagination__link"
                href={`${planUrl}/activity?after=${encodeURIComponent(next)}`}
                rel="next"
              >
                <span className="govuk-pagination__link-title">Older activity</span>
              </a>
            </div>
          )}
        </nav>
      )}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
