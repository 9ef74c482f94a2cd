import { redirect } from '@remix-run/node';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { BackLink, Button, WarningText } from '@lip/ui';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { loadFormContext, commitmentHere } from '../lib/commitment-page.server.ts';
import { graphql, MUTATION_ERROR } from '../graphql.ts';
import { readForm } from '../lib/form.server.ts';
import { gql } from '../lib/graphql.server.ts';
import { forbidden, unlessRefused } from '../lib/outcome.server.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page
    ? errorTitle(error)
    : pageTitle(
        `Delete commitment ${page.commitment.reference}`,
        page.plan.section.title,
        page.plan.title,
      );

const QUERY = graphql(`
  query CommitmentDeletePage($id: ID!) {
    commitment(id: $id) {
      id
      reference
      title
      version
      viewerCanEdit
      plan {
        id
      }
      section {
        key
      }
    }
  }
`);

async function loadCommitment(args: Pick<LoaderFunctionArgs, 'request' | 'params' | 'context'>) {
  const ctx = await loadFormContext(args);
  const { commitment: found } = await gql(args.context, QUERY, {
    id: args.params.commitmentId ?? '',
  });
  const commitment = commitmentHere(found, ctx.plan);
  if (!commitment.viewerCanEdit) forbidden();
  return { ...ctx, commitment };
}

export const loader = (args: LoaderFunctionArgs) => loadCommitment(args);

const DELETE = graphql(
  `
    mutation DeleteCommitment($input: DeleteCommitmentInput!) {
      result: deleteCommitment(input: $input) {
        __typename
        ... on MutationDeleteCommitmentSuccess {
          data {
            reference
          }
        }
        ...MutationError
      }
    }
  `,
  [MUTATION_ERROR],
);

export async function action(args: ActionFunctionArgs) {
  const { params, context, request } = args;
  const { commitment } = await loadCommitment(args);
  const form = await readForm(request);
  const posted = form.version();
  const version = Number.isNaN(posted) ? commitment.version : posted;
  const { result } = await gql(context, DELETE, { input: { id: commitment.id, version } });
  const outcome = unlessRefused(result);
  const sectionUrl = `/plans/${encodeURIComponent(params.planId ?? '')}/sections/${encodeURIComponent(params.sectionKey ?? '')}`;
  if (outcome.__typename === 'MutationDeleteCommitmentSuccess')
    throw redirect(
      `${sectionUrl}/commitments?deleted=${encodeURIComponent(outcome.data.reference)}`,
    );
  // Changed since the page was shown: show it again, as it is now, to confirm afresh.
  throw redirect(`${sectionUrl}/commitments/${encodeURIComponent(commitment.id)}/delete`);
}

export default function DeleteCommitment() {
  const { plan, commitment } = useLoaderData<typeof loader>();
  const commitmentUrl = `/plans/${encodeURIComponent(plan.id)}/sections/${encodeURIComponent(plan.section.key)}/commitments/${encodeURIComponent(commitment.id)}`;
  return (
    <>
      <BackLink href={commitmentUrl}>Back to commitment {commitment.reference}</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <span className="govuk-caption-l">
            {plan.section.title} · {commitment.reference}
          </span>
          <h1 className="govuk-heading-l">Are you sure you want to delete this commitment?</h1>
          <p className="govuk-body">{commitment.title}</p>
          <WarningText>
            Its milestones, evidence and comments are deleted with it. Published versions of the
            plan keep it.
          </WarningText>
          <Form method="post" reloadDocument>
            <input type="hidden" name="version" value={commitment.version} />
            <div className="govuk-button-group">
              <Button variant="warning" type="submit">
                Delete commitment
              </Button>
              <a className="govuk-link" href={commitmentUrl}>
                Cancel
              </a>
            </div>
          </Form>
        </div>
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
