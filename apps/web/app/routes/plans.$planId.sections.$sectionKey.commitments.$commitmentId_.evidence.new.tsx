// Add evidence to a commitment: a title, and a link, a note or both.
import { data, redirect } from '@remix-run/node';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { EvidenceForm } from '../components/EvidenceForm.tsx';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { useErrorTitle } from '../components/useErrorTitle.ts';
import { graphql, MUTATION_ERROR } from '../graphql.ts';
import { loadCommitmentParts } from '../lib/commitment-parts.server.ts';
import { readForm } from '../lib/form.server.ts';
import { gql } from '../lib/graphql.server.ts';
import { formErrors, unlessRefused } from '../lib/outcome.server.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import { CommitmentPartPage } from '../lib/plan/CommitmentPartPage.tsx';
import { evidenceValuesFromForm } from '../lib/plan/commitment-part.server.ts';
import { EVIDENCE_TARGETS, errorItems } from '../lib/plan/error-items.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page
    ? errorTitle(error)
    : pageTitle(`Add evidence to ${page.commitment.reference}`, page.plan.title);

export const loader = (args: LoaderFunctionArgs) => loadCommitmentParts(args);

const ADD = graphql(
  `
    mutation AddEvidence($input: AddEvidenceInput!) {
      result: addEvidence(input: $input) {
        __typename
        ...MutationError
      }
    }
  `,
  [MUTATION_ERROR],
);

export async function action(args: ActionFunctionArgs) {
  const { commitment, back } = await loadCommitmentParts(args);
  const form = await readForm(args.request);
  const values = evidenceValuesFromForm(form);
  const { result } = await gql(args.context, ADD, {
    input: { commitmentId: commitment.id, ...values },
  });
  const outcome = unlessRefused(result);
  if (outcome.__typename === 'MutationAddEvidenceSuccess')
    throw redirect(`${back}?done=evidence-added`);
  return data({ values, errors: formErrors(outcome) }, { status: 400 });
}

export default function NewEvidence() {
  const page = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  useErrorTitle(Boolean(failed));
  return (
    <CommitmentPartPage
      {...page}
      heading="Add evidence"
      errors={errorItems(failed?.errors ?? {}, EVIDENCE_TARGETS, 'title')}
    >
      <p className="govuk-body">{page.commitment.title}</p>
      <EvidenceForm
        values={failed?.values}
        errors={failed?.errors ?? {}}
        submitText="Add evidence"
        cancelHref={page.back}
      />
    </CommitmentPartPage>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
