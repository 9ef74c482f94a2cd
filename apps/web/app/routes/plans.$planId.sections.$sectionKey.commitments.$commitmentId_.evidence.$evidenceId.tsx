// One piece of evidence on a commitment: change it, or remove it after a confirmation page
// (`?remove`). A stale version says someone else changed it.
import { data, redirect } from '@remix-run/node';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { BackLink, Button, SummaryList } from '@lip/ui';
import { EvidenceForm, evidenceSummary, type EvidenceValues } from '../components/EvidenceForm.tsx';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { useErrorTitle } from '../components/useErrorTitle.ts';
import { graphql, MUTATION_ERROR } from '../graphql.ts';
import { loadCommitmentParts } from '../lib/commitment-parts.server.ts';
import { readForm } from '../lib/form.server.ts';
import { gql } from '../lib/graphql.server.ts';
import { formErrors, invariantResponse, unlessRefused } from '../lib/outcome.server.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page
    ? errorTitle(error)
    : pageTitle(
        page.confirmRemove ? 'Remove evidence' : 'Change evidence',
        page.commitment.reference,
        page.plan.title,
      );

async function loadEvidence(args: LoaderFunctionArgs | ActionFunctionArgs) {
  const page = await loadCommitmentParts(args);
  const evidence = page.commitment.evidence.find((e) => e.id === args.params.evidenceId);
  invariantResponse(evidence);
  return { ...page, evidence };
}

export async function loader(args: LoaderFunctionArgs) {
  const page = await loadEvidence(args);
  return { ...page, confirmRemove: new URL(args.request.url).searchParams.has('remove') };
}

const UPDATE = graphql(
  `
    mutation UpdateEvidence($input: UpdateEvidenceInput!) {
      result: updateEvidence(input: $input) {
        __typename
        ...MutationError
        ... on EvidenceConflictError {
          current {
            title
            url
            note
            version
          }
        }
      }
    }
  `,
  [MUTATION_ERROR],
);

const REMOVE = graphql(
  `
    mutation RemoveEvidence($input: RemoveEvidenceInput!) {
      result: removeEvidence(input: $input) {
        __typename
        ...MutationError
        ... on EvidenceConflictError {
          current {
            title
            url
            note
            version
          }
        }
      }
    }
  `,
  [MUTATION_ERROR],
);

interface EvidenceActionData {
  values: EvidenceValues;
  errors: Record<string, string>;
  version: number;
}

const CONFLICT =
  'Someone else changed this evidence while you were working on it. Check it below, then make your change again.';

export async function action(args: ActionFunctionArgs) {
  const { evidence, back } = await loadEvidence(args);
  const form = await readForm(args.request);
  const posted = form.version();
  const version = Number.isNaN(posted) ? evidence.version : posted;
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
        values: { title: current.title, url: current.url ?? '', note: current.note },
        errors: {
          _form: outcome.__typename === 'EvidenceConflictError' ? CONFLICT : outcome.message,
        },
        version: current.version,
      },
      { status: 409 },
    );
  }
  const values: EvidenceValues = {
    title: form.text('title'),
    url: form.text('url'),
    note: form.text('note'),
  };
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
  const { plan, commitment, evidence, back, confirmRemove } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  useErrorTitle(Boolean(failed));
  const caption = (
    <span className="govuk-caption-l">
      {plan.section.title} · {commitment.reference}
    </span>
  );
  if (confirmRemove && !failed) {
    return (
      <>
        <BackLink href={back}>Back to commitment {commitment.reference}</BackLink>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            {caption}
            <h1 className="govuk-heading-l">Are you sure you want to remove this evidence?</h1>
            <SummaryList
              rows={[
                { key: 'Title', value: evidence.title },
                ...(evidence.url ? [{ key: 'Link', value: evidence.url }] : []),
                ...(evidence.note ? [{ key: 'Note', value: evidence.note }] : []),
              ]}
            />
            <form method="post" noValidate action="?">
              <input type="hidden" name="version" value={evidence.version} />
              <div className="govuk-button-group">
                <Button variant="warning" name="intent" value="remove">
                  Remove evidence
                </Button>
                <a className="govuk-link" href={back}>
                  Cancel
                </a>
              </div>
            </form>
          </div>
        </div>
      </>
    );
  }
  const version = failed?.version ?? evidence.version;
  return (
    <>
      <BackLink href={back}>Back to commitment {commitment.reference}</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {evidenceSummary(failed?.errors)}
          {caption}
          <h1 className="govuk-heading-l">Change evidence</h1>
          <EvidenceForm
            key={version}
            values={
              failed?.values ?? {
                title: evidence.title,
                url: evidence.url ?? '',
                note: evidence.note,
              }
            }
            errors={failed?.errors ?? {}}
            version={version}
            submitText="Save evidence"
            cancelHref={back}
          />
        </div>
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
