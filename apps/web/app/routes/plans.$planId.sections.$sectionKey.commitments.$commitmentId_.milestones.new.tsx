// Add a milestone to a commitment: a title and a due date.
import { data, redirect } from '@remix-run/node';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { BackLink, Button, DateInput, ErrorSummary, Input } from '@lip/ui';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { useErrorTitle } from '../components/useErrorTitle.ts';
import { graphql, MUTATION_ERROR } from '../graphql.ts';
import { loadCommitmentParts, requiredDate } from '../lib/commitment-parts.server.ts';
import { readForm } from '../lib/form.server.ts';
import { gql } from '../lib/graphql.server.ts';
import { formErrors, unlessRefused } from '../lib/outcome.server.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';

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
  values: { title: string; dueDate: { day: string; month: string; year: string } };
  errors: Record<string, string>;
}

export async function action(args: ActionFunctionArgs) {
  const { commitment, back } = await loadCommitmentParts(args);
  const form = await readForm(args.request);
  const values = {
    title: form.text('title'),
    dueDate: {
      day: form.text('dueDate-day'),
      month: form.text('dueDate-month'),
      year: form.text('dueDate-year'),
    },
  };
  const errors: Record<string, string> = {};
  if (!values.title) errors.title = 'Enter the milestone';
  const due = requiredDate(values.dueDate, 'Due date');
  if (!due.ok) errors.dueDate = due.message;
  if (Object.keys(errors).length > 0 || !due.ok)
    return data<MilestoneFormData>({ values, errors }, { status: 400 });
  const { result } = await gql(args.context, CREATE, {
    input: { commitmentId: commitment.id, title: values.title, dueDate: due.value },
  });
  const outcome = unlessRefused(result);
  if (outcome.__typename === 'MutationCreateMilestoneSuccess')
    throw redirect(`${back}?done=milestone-added`);
  return data<MilestoneFormData>({ values, errors: formErrors(outcome) }, { status: 400 });
}

export default function NewMilestone() {
  const { plan, commitment, back } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  useErrorTitle(Boolean(failed));
  const errors = failed?.errors ?? {};
  const summary = [
    ...(errors.title ? [{ href: 'title', text: errors.title }] : []),
    ...(errors.dueDate ? [{ href: 'dueDate-day', text: errors.dueDate }] : []),
    ...(errors._form ? [{ href: 'title', text: errors._form }] : []),
  ];
  return (
    <>
      <BackLink href={back}>Back to commitment {commitment.reference}</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {summary.length > 0 && <ErrorSummary errors={summary} />}
          <span className="govuk-caption-l">
            {plan.section.title} · {commitment.reference}
          </span>
          <h1 className="govuk-heading-l">Add a milestone</h1>
          <p className="govuk-body">{commitment.title}</p>
          <form method="post" noValidate>
            <Input
              id="title"
              name="title"
              label="Milestone"
              labelSize="s"
              hint="A step towards the commitment, for example ‘Therapists recruited’."
              defaultValue={failed?.values.title}
              errorMessage={errors.title}
            />
            <DateInput
              id="dueDate"
              legend="Due date"
              hint="For example, 31 1 2027"
              value={failed?.values.dueDate}
              errorMessage={errors.dueDate}
            />
            <div className="govuk-button-group">
              <Button>Add milestone</Button>
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

export const ErrorBoundary = RouteErrorBoundary;
