import { data, redirect } from '@remix-run/node';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { BackLink, ErrorSummary } from '@lip/ui';
import { CommitmentForm } from '../components/CommitmentForm.tsx';
import { ConflictComparison } from '../components/ConflictComparison.tsx';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import {
  COMMITMENT_FIELDS,
  displayValue,
  mergeOnto,
  parseBaseline,
  summaryOf,
  changedCommitmentInput,
  valuesFromCommitment,
  valuesFromForm,
} from '../lib/commitment-form.ts';
import {
  COMMITMENT_FIELDS_FRAGMENT,
  loadFormContext,
  type CommitmentActionData,
  commitmentHere,
} from '../lib/commitment-page.server.ts';
import { graphql, MUTATION_ERROR } from '../graphql.ts';
import { readForm } from '../lib/form.server.ts';
import { gql } from '../lib/graphql.server.ts';
import { forbidden, formErrors, unlessRefused } from '../lib/outcome.server.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import { LiveUpdates } from '../components/live/index.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page
    ? errorTitle(error)
    : pageTitle(
        `Change commitment ${page.commitment.reference}`,
        page.plan.section.title,
        page.plan.title,
      );

const COMMITMENT_QUERY = graphql(
  `
    query CommitmentEditPage($id: ID!) {
      commitment(id: $id) {
        ...CommitmentFields
      }
    }
  `,
  [COMMITMENT_FIELDS_FRAGMENT],
);

async function loadCommitment(args: Pick<LoaderFunctionArgs, 'request' | 'params' | 'context'>) {
  const ctx = await loadFormContext(args);
  const { commitment: found } = await gql(args.context, COMMITMENT_QUERY, {
    id: args.params.commitmentId ?? '',
  });
  const commitment = commitmentHere(found, ctx.plan);
  if (!commitment.viewerCanEdit) forbidden();
  return { ...ctx, commitment };
}

export async function loader(args: LoaderFunctionArgs) {
  return loadCommitment(args);
}

const UPDATE = graphql(
  `
    mutation UpdateCommitment($input: UpdateCommitmentInput!) {
      result: updateCommitment(input: $input) {
        __typename
        ... on MutationUpdateCommitmentSuccess {
          data {
            id
            reference
            version
          }
        }
        ...MutationError
        ... on CommitmentConflictError {
          fields
          current {
            ...CommitmentFields
          }
        }
      }
    }
  `,
  [COMMITMENT_FIELDS_FRAGMENT, MUTATION_ERROR],
);

export async function action(args: ActionFunctionArgs) {
  const { params, request, context } = args;
  const { commitment } = await loadCommitment(args);
  const form = await readForm(request);
  const values = valuesFromForm(form.data);
  const baseline = parseBaseline(form.data.get('baseline')) ?? undefined;
  const posted = form.version();
  const version = Number.isNaN(posted) ? commitment.version : posted;
  // A date typed wrongly is still sent (the core refuses it), so every error shows at once. Only
  // the fields the person changed are sent, with what they were (decision 020).
  const { input, base, errors: dateErrors } = changedCommitmentInput(values, baseline ?? null);

  const { result } = await gql(context, UPDATE, {
    input: { ...input, ...(base ? { base } : {}), id: commitment.id, version },
  });
  const outcome = unlessRefused(result);
  if (outcome.__typename === 'MutationUpdateCommitmentSuccess') {
    // Back to the commitment that was changed, not the section it is in.
    throw redirect(
      `/plans/${encodeURIComponent(params.planId ?? '')}/sections/${encodeURIComponent(params.sectionKey ?? '')}/commitments/${encodeURIComponent(commitment.id)}?done=commitment-saved`,
    );
  }
  if (outcome.__typename === 'CommitmentConflictError') {
    const saved = valuesFromCommitment(outcome.current);
    return data<CommitmentActionData>(
      {
        values: mergeOnto(saved, values, baseline ?? null),
        errors: {},
        version: outcome.current.version,
        baseline: saved,
        conflict: { yours: values, saved, fields: [...outcome.fields] },
      },
      { status: 409 },
    );
  }
  return data<CommitmentActionData>(
    { values, errors: { ...formErrors(outcome), ...dateErrors }, version, baseline },
    { status: 400 },
  );
}

export default function EditCommitment() {
  const { plan, commitment } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const sectionUrl = `/plans/${encodeURIComponent(plan.id)}/sections/${encodeURIComponent(plan.section.key)}`;
  const commitmentUrl = `${sectionUrl}/commitments/${encodeURIComponent(commitment.id)}`;
  const saved = valuesFromCommitment(commitment);
  const opts = {
    organisations: plan.partnership.organisations,
    members: plan.partnership.members,
    areas: plan.framework.areas,
  };
  const errors = actionData?.errors ?? {};
  const summary = summaryOf(errors);
  const conflict = actionData?.conflict;
  return (
    <>
      <BackLink href={commitmentUrl}>Back to commitment {commitment.reference}</BackLink>
      <div className="govuk-grid-row">
        <div className={conflict ? 'govuk-grid-column-full' : 'govuk-grid-column-two-thirds'}>
          {summary.length > 0 && <ErrorSummary errors={summary} />}
          <LiveUpdates
            planId={plan.id}
            sectionKey={plan.section.key}
            commitmentId={commitment.id}
            form={{ id: 'commitment-form', readHref: commitmentUrl }}
          />
          <span className="govuk-caption-l">
            {plan.section.title} · {commitment.reference}
          </span>
          <h1 className="govuk-heading-l">Change commitment {commitment.reference}</h1>
          {conflict && (
            <ConflictComparison
              what="commitment"
              rows={COMMITMENT_FIELDS.map((f) => ({
                label: f.label,
                yours: displayValue(conflict.yours, f.name, opts),
                saved: displayValue(conflict.saved, f.name, opts),
                changedByBoth: conflict.fields.includes(f.name),
              }))}
            />
          )}
        </div>
      </div>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {conflict && (
            <h2 className="govuk-heading-m">Your changes applied to the saved version</h2>
          )}
          <CommitmentForm
            key={`${actionData?.version ?? commitment.version}:${JSON.stringify(actionData?.values ?? saved)}`}
            values={actionData?.values ?? saved}
            errors={errors}
            organisations={plan.partnership.organisations}
            members={plan.partnership.members}
            areas={plan.framework.areas}
            version={actionData?.version ?? commitment.version}
            baseline={actionData?.baseline ?? saved}
            submitText={conflict ? 'Save my changes again' : 'Save commitment'}
            cancelHref={commitmentUrl}
          />
        </div>
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
