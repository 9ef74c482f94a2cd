import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { Button, Table } from '@lip/ui';
import { MyTasks } from '../components/MyTasks.tsx';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { graphql } from '../graphql.ts';
import { gql } from '../lib/graphql.server.ts';
import { requireViewer } from '../lib/outcome.server.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import { roleNames } from '../lib/roles.ts';
import { TASK_FIELDS } from '../lib/tasks.ts';

export const meta: MetaFunction = ({ error }) =>
  error ? errorTitle(error) : pageTitle('Your partnerships');

const QUERY = graphql(
  `
    query PartnershipsPage {
      myTasks {
        ...TaskFields
      }
      viewer {
        id
        name
        isSystemAdmin
      }
      partnerships(first: 100) {
        edges {
          node {
            id
            slug
            name
            viewerMembership {
              roles
              organisation {
                name
              }
            }
          }
        }
      }
    }
  `,
  [TASK_FIELDS],
);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const data = requireViewer(request, await gql(context, QUERY));
  return {
    viewer: data.viewer,
    tasks: data.myTasks,
    // The server's day, so "due today" and "overdue" read the same after hydration.
    today: new Date().toISOString(),
    partnerships: data.partnerships.edges.map((e) => e.node),
  };
}

export default function Partnerships() {
  const { viewer, tasks, today, partnerships } = useLoaderData<typeof loader>();
  return (
    <>
      <span className="govuk-caption-l">{viewer.name}</span>
      <h1 className="govuk-heading-l">Your partnerships</h1>
      {partnerships.length > 0 && <MyTasks tasks={tasks} today={today} />}
      {viewer.isSystemAdmin && (
        <Button href="/admin/partnerships/new" variant="secondary">
          Create a partnership
        </Button>
      )}
      {partnerships.length === 0 ? (
        <p className="govuk-body">
          {viewer.isSystemAdmin
            ? 'You are a service administrator: create a partnership and invite its lead.'
            : 'You are not a member of any partnership yet. Ask your partnership lead to add you.'}
        </p>
      ) : (
        <Table
          caption="Partnerships you are a member of"
          captionSize="s"
          head={['Partnership', 'Your organisation', 'Your roles']}
          rowKeys={partnerships.map((p) => p.id)}
          firstCellIsHeader
          rows={partnerships.map((p) => [
            <a key="link" className="govuk-link" href={`/partnerships/${p.slug}`}>
              {p.name}
            </a>,
            p.viewerMembership?.organisation.name ?? '',
            roleNames(p.viewerMembership?.roles ?? []),
          ])}
        />
      )}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
