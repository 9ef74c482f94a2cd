// One piece of evidence on a commitment: change it, or remove it after a confirmation page
// (`?remove`). A stale version says someone else changed it.
import { data, redirect } from '@remix-run/node';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { EvidenceForm, type EvidenceValues } from '../components/EvidenceForm.tsx';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { useErrorTitle } from '../components/useErrorTitle.ts';
import { graphql, MUTATION_ERROR } from '../graphql.ts';
import { readForm } from '../lib/form.server.ts';
import { gql } from '../lib/graphql.server.ts';
import { formErrors, unlessRefused } from '../lib/outcome.server.ts';
import {
  CommitmentPartPage,
  ConfirmPartRemoval,
  commitmentPartMeta,
  evidenceValues,
} from '../lib/plan/CommitmentPartPage.tsx';
import {
  commitmentPartLoader,
  evidenceValuesFromForm,
  loadCommitmentPart,
  postedVersion,
} from '../lib/plan/commitment-part.server.ts';
import { EVIDENCE_TARGETS, errorItems } from '../lib/plan/error-items.ts';
import { EVIDENCE_CONFLICT } from '../lib/plan/fragments.ts';

export const meta: MetaFunction<typeof loader> = commitmentPartMeta(
  'Remove evidence',
  'Change evidence',
);

export const loader = (args: LoaderFunctionArgs) =>
  commitmentPartLoader(args, 'evidence', args.params.evidenceId, 'remove');

const UPDATE = graphql(
  `
    mutation UpdateEvidence($input: UpdateEvidenceInput!) {
      result: updateEvidence(input: $input) {
        __typename
        ...MutationError
        ...EvidenceConflict
      }
    }
  `,
  [MUTATION_ERROR, EVIDENCE_CONFLICT],
);

const REMOVE = graphql(
  `
    mutation RemoveEvidence($input: RemoveEvidenceInput!) {
      result: removeEvidence(input: $input) {
        __typename
        ...MutationError
        ...EvidenceConflict
      }
    }
  `,
  [MUTATION_ERROR, EVIDENCE_CONFLICT],
);

interface EvidenceActionData {
  values: EvidenceValues;
  errors: Record<string, string>;
  version: number;
}

const CONFLICT =
  'Someone else changed this evidence while you were working on it. Check it below, then make your change again.';

export async function action(args: ActionFunctionArgs) {
  const { part: evidence, back } = await loadCommitmentPart(
    args,
    'evidence',
    args.params.evidenceId,
  );
  const form = await readForm(args.request);
  const version = postedVersion(form, evidence);
  const id = evidence.id;
  if (form.intent === 'remove') {
    const outcome = unlessRefused(
      (await gql(args.context, REMOVE, { input: { id, version } })).result,
    );
    if (outcome.__typename === 'MutationRemoveEvidenceSuccess')
      throw redirect(`${back}?done=evidence-removed`);
    const current = outcome.__typename === 'EvidenceConflictError' ? outcome.current : evidence;
    return data<EvidenceActionData>(
      {
        values: evidenceValues(current),
        errors: {
          _form: outcome.__typename === 'EvidenceConflictError' ? CONFLICT : outcome.message,
        },
        version: current.version,
      },
      { status: 409 },
    );
  }
  const values = evidenceValuesFromForm(form);
  const outcome = unlessRefused(
    (await gql(args.context, UPDATE, { input: { id, version, ...values } })).result,
  );
  if (outcome.__typename === 'MutationUpdateEvidenceSuccess')
    throw redirect(`${back}?done=evidence-changed`);
  if (outcome.__typename === 'EvidenceConflictError')
    return data<EvidenceActionData>(
      { values, errors: { _form: CONFLICT }, version: outcome.current.version },
      { status: 409 },
    );
  return data<EvidenceActionData>(
    { values, errors: formErrors(outcome), version },
    { status: 400 },
  );
}

export default function ChangeEvidence() {
  const { part: evidence, confirm, ...page } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  useErrorTitle(Boolean(failed));
  if (confirm && !failed) {
    return (
      <ConfirmPartRemoval
        {...page}
        heading="Are you sure you want to remove this evidence?"
        rows={[
          { key: 'Title', value: evidence.title },
          ...(evidence.url ? [{ key: 'Link', value: evidence.url }] : []),
          ...(evidence.note ? [{ key: 'Note', value: evidence.note }] : []),
        ]}
        version={evidence.version}
        intent="remove"
        submit="Remove evidence"
      />
    );
  }
  const version = failed?.version ?? evidence.version;
  return (
    <CommitmentPartPage
      {...page}
      heading="Change evidence"
      errors={errorItems(failed?.errors ?? {}, EVIDENCE_TARGETS, 'title')}
    >
      <EvidenceForm
        key={version}
        values={failed?.values ?? evidenceValues(evidence)}
        errors={failed?.errors ?? {}}
        version={version}
        submitText="Save evidence"
        cancelHref={page.back}
      />
    </CommitmentPartPage>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
