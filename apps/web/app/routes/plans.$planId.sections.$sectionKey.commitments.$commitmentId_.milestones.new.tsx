// Add a milestone to a commitment: a title and a due date.
import { data, redirect } from '@remix-run/node';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { FormActions } from '@lip/ui';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { useErrorTitle } from '../components/useErrorTitle.ts';
import { graphql, MUTATION_ERROR } from '../graphql.ts';
import { loadCommitmentParts } from '../lib/commitment-parts.server.ts';
import { readForm } from '../lib/form.server.ts';
import { gql } from '../lib/graphql.server.ts';
import { formErrors, unlessRefused } from '../lib/outcome.server.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import {
  CommitmentPartPage,
  MILESTONE_TARGETS,
  MilestoneFields,
  type MilestoneValues,
} from '../lib/plan/CommitmentPartPage.tsx';
import { checkMilestone, milestoneValuesFromForm } from '../lib/plan/commitment-part.server.ts';
import { errorItems } from '../lib/plan/error-items.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page
    ? errorTitle(error)
    : pageTitle(`Add a milestone to ${page.commitment.reference}`, page.plan.title);

export const loader = (args: LoaderFunctionArgs) => loadCommitmentParts(args);

const CREATE = graphql(
  `
    mutation CreateMilestone($input: CreateMilestoneInput!) {
      result: createMilestone(input: $input) {
        __typename
        ...MutationError
      }
    }
  `,
  [MUTATION_ERROR],
);

interface MilestoneFormData {
  values: MilestoneValues;
  errors: Record<string, string>;
}

export async function action(args: ActionFunctionArgs) {
  const { commitment, back } = await loadCommitmentParts(args);
  const values = milestoneValuesFromForm(await readForm(args.request));
  const checked = checkMilestone(values);
  if (!checked.ok)
    return data<MilestoneFormData>({ values, errors: checked.errors }, { status: 400 });
  const { result } = await gql(args.context, CREATE, {
    input: { commitmentId: commitment.id, title: values.title, dueDate: checked.dueDate },
  });
  const outcome = unlessRefused(result);
  if (outcome.__typename === 'MutationCreateMilestoneSuccess')
    throw redirect(`${back}?done=milestone-added`);
  return data<MilestoneFormData>({ values, errors: formErrors(outcome) }, { status: 400 });
}

export default function NewMilestone() {
  const page = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  useErrorTitle(Boolean(failed));
  const errors = failed?.errors ?? {};
  return (
    <CommitmentPartPage
      {...page}
      heading="Add a milestone"
      errors={errorItems(errors, [...MILESTONE_TARGETS, ['_form', 'title']])}
    >
      <p className="govuk-body">{page.commitment.title}</p>
      <form method="post" noValidate>
        <MilestoneFields
          values={failed?.values}
          errors={errors}
          titleHint="A step towards the commitment, for example ‘Therapists recruited’."
        />
        <FormActions submit="Add milestone" cancelHref={page.back} />
      </form>
    </CommitmentPartPage>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
