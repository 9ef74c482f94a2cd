import { data, redirect } from '@remix-run/node';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { FormPage } from '@lip/ui';
import { CommitmentForm } from '../components/CommitmentForm.tsx';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import {
  emptyCommitmentValues,
  summaryOf,
  toCommitmentInput,
  valuesFromForm,
} from '../lib/commitment-form.ts';
import { loadFormContext, type CommitmentActionData } from '../lib/commitment-page.server.ts';
import { graphql, MUTATION_ERROR } from '../graphql.ts';
import { readForm } from '../lib/form.server.ts';
import { gql } from '../lib/graphql.server.ts';
import { forbidden, formErrors, unlessRefused } from '../lib/outcome.server.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page
    ? errorTitle(error)
    : pageTitle('Add a commitment', page.plan.section.title, page.plan.title);

export async function loader(args: LoaderFunctionArgs) {
  const ctx = await loadFormContext(args);
  if (!ctx.plan.section.viewerCanEdit) forbidden();
  // From the coverage page's "Add a commitment" for an uncovered area: that area comes ticked.
  const area = new URL(args.request.url).searchParams.get('area');
  const preselected = ctx.plan.framework.areas.some((a) => a.id === area) ? [area ?? ''] : [];
  return { ...ctx, preselected };
}

const CREATE = graphql(
  `
    mutation CreateCommitment($input: CreateCommitmentInput!) {
      result: createCommitment(input: $input) {
        __typename
        ... on MutationCreateCommitmentSuccess {
          data {
            id
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
  const { params, request, context } = args;
  const values = valuesFromForm((await readForm(request)).data);
  // A date typed wrongly is still sent (the core refuses it), so every error shows at once.
  const { input, errors: dateErrors } = toCommitmentInput(values);

  const planId = params.planId ?? '';
  const sectionKey = params.sectionKey ?? '';
  const { result } = await gql(context, CREATE, { input: { ...input, planId, sectionKey } });
  const outcome = unlessRefused(result);
  if (outcome.__typename === 'MutationCreateCommitmentSuccess') {
    throw redirect(
      `/plans/${encodeURIComponent(planId)}/sections/${encodeURIComponent(sectionKey)}/commitments?saved=${encodeURIComponent(outcome.data.reference)}`,
    );
  }
  return data<CommitmentActionData>(
    { values, errors: { ...formErrors(outcome), ...dateErrors } },
    { status: 400 },
  );
}

export default function NewCommitment() {
  const { plan, preselected } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const sectionUrl = `/plans/${encodeURIComponent(plan.id)}/sections/${encodeURIComponent(plan.section.key)}`;
  const errors = actionData?.errors ?? {};
  const summary = summaryOf(errors);
  return (
    <FormPage
      back={{ href: sectionUrl, text: `Back to ${plan.section.title}` }}
      errors={summary}
      caption={plan.section.title}
      heading="Add a commitment"
    >
      <CommitmentForm
        values={actionData?.values ?? { ...emptyCommitmentValues(), standardAreaIds: preselected }}
        errors={errors}
        organisations={plan.partnership.organisations}
        members={plan.partnership.members}
        areas={plan.framework.areas}
        submitText="Add commitment"
        cancelHref={sectionUrl}
      />
    </FormPage>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
