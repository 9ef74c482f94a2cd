// One milestone of a commitment: change its title and due date, mark it as done or not done, or
// delete it (after a confirmation page, `?delete`). A stale version says someone else changed it.
import { data, redirect } from '@remix-run/node';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { BackLink, Button, DateInput, ErrorSummary, Input, SummaryList } from '@lip/ui';
import { MilestoneStatus } from '../components/CommitmentParts.tsx';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { useErrorTitle } from '../components/useErrorTitle.ts';
import { graphql, MUTATION_ERROR } from '../graphql.ts';
import { isoToParts } from '../lib/commitment-form.ts';
import { loadCommitmentParts, requiredDate, type Done } from '../lib/commitment-parts.server.ts';
import { readForm } from '../lib/form.server.ts';
import { gql } from '../lib/graphql.server.ts';
import { formErrors, invariantResponse, unlessRefused } from '../lib/outcome.server.ts';
import { formatDate } from '../lib/labels.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page
    ? errorTitle(error)
    : pageTitle(
        page.confirmDelete ? 'Delete milestone' : 'Change milestone',
        page.commitment.reference,
        page.plan.title,
      );

async function loadMilestone(args: LoaderFunctionArgs | ActionFunctionArgs) {
  const page = await loadCommitmentParts(args);
  const milestone = page.commitment.milestones.find((m) => m.id === args.params.milestoneId);
  invariantResponse(milestone);
  return { ...page, milestone };
}

export async function loader(args: LoaderFunctionArgs) {
  const page = await loadMilestone(args);
  return { ...page, confirmDelete: new URL(args.request.url).searchParams.has('delete') };
}

const CONFLICT = `
  ... on MilestoneConflictError {
    message
    current {
      id
      title
      dueDate
      completedOn
      version
    }
  }
`;

const UPDATE = graphql(
  `
    mutation UpdateMilestone($input: UpdateMilestoneInput!) {
      result: updateMilestone(input: $input) {
        __typename
        ...MutationError
        ${CONFLICT}
      }
    }
  `,
  [MUTATION_ERROR],
);
const COMPLETE = graphql(
  `
    mutation CompleteMilestone($input: CompleteMilestoneInput!) {
      result: completeMilestone(input: $input) {
        __typename
        ...MutationError
        ${CONFLICT}
      }
    }
  `,
  [MUTATION_ERROR],
);
const REOPEN = graphql(
  `
    mutation ReopenMilestone($input: MilestoneVersionInput!) {
      result: reopenMilestone(input: $input) {
        __typename
        ...MutationError
        ${CONFLICT}
      }
    }
  `,
  [MUTATION_ERROR],
);
const DELETE = graphql(
  `
    mutation DeleteMilestone($input: DeleteMilestoneInput!) {
      result: deleteMilestone(input: $input) {
        __typename
        ...MutationError
        ${CONFLICT}
      }
    }
  `,
  [MUTATION_ERROR],
);

type DateParts = { day: string; month: string; year: string };

interface MilestoneActionData {
  values: { title: string; dueDate: DateParts };
  errors: Record<string, string>;
  /** Set after a stale write: the version to send next time. */
  version?: number;
  conflict?: string;
}

export async function action(args: ActionFunctionArgs) {
  const { milestone, back } = await loadMilestone(args);
  const form = await readForm(args.request);
  const posted = form.version();
  const version = Number.isNaN(posted) ? milestone.version : posted;
  const id = milestone.id;
  const values = {
    title: form.text('title'),
    dueDate: {
      day: form.text('dueDate-day'),
      month: form.text('dueDate-month'),
      year: form.text('dueDate-year'),
    },
  };
  const savedValues = { title: milestone.title, dueDate: isoToParts(milestone.dueDate) };

  let outcome;
  let done: Done;
  switch (form.intent) {
    case 'complete':
      outcome = unlessRefused(
        (await gql(args.context, COMPLETE, { input: { id, version } })).result,
      );
      done = 'milestone-done';
      break;
    case 'reopen':
      outcome = unlessRefused((await gql(args.context, REOPEN, { input: { id, version } })).result);
      done = 'milestone-not-done';
      break;
    case 'delete':
      outcome = unlessRefused((await gql(args.context, DELETE, { input: { id, version } })).result);
      done = 'milestone-deleted';
      break;
    default: {
      const errors: Record<string, string> = {};
      if (!values.title) errors.title = 'Enter the milestone';
      const due = requiredDate(values.dueDate, 'Due date');
      if (!due.ok) errors.dueDate = due.message;
      if (Object.keys(errors).length > 0 || !due.ok)
        return data<MilestoneActionData>({ values, errors, version }, { status: 400 });
      outcome = unlessRefused(
        (
          await gql(args.context, UPDATE, {
            input: { id, version, title: values.title, dueDate: due.value },
          })
        ).result,
      );
      done = 'milestone-changed';
    }
  }
  if (outcome.__typename.startsWith('Mutation')) throw redirect(`${back}?done=${done}`);
  if (outcome.__typename === 'MilestoneConflictError' && 'current' in outcome) {
    const current = outcome.current;
    return data<MilestoneActionData>(
      {
        // A change of title or date keeps what the person typed; other actions show the saved milestone.
        values:
          form.intent === 'complete' || form.intent === 'reopen' || form.intent === 'delete'
            ? { title: current.title, dueDate: isoToParts(current.dueDate) }
            : values,
        errors: {},
        version: current.version,
        conflict:
          'Someone else changed this milestone while you were working on it. Check it below, then make your change again.',
      },
      { status: 409 },
    );
  }
  // What is left is a ValidationError (e.g. a date the API refuses).
  return data<MilestoneActionData>(
    {
      values: form.intent === 'save' || !form.intent ? values : savedValues,
      errors: formErrors(outcome as Parameters<typeof formErrors>[0]),
      version,
    },
    { status: 400 },
  );
}

export default function ChangeMilestone() {
  const { plan, commitment, milestone, back, confirmDelete } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  useErrorTitle(Boolean(failed));
  const errors = failed?.errors ?? {};
  const version = failed?.version ?? milestone.version;
  const summary = [
    ...(failed?.conflict ? [{ href: 'title', text: failed.conflict }] : []),
    ...(errors.title ? [{ href: 'title', text: errors.title }] : []),
    ...(errors.dueDate ? [{ href: 'dueDate-day', text: errors.dueDate }] : []),
    ...(errors.completedOn ? [{ href: 'title', text: errors.completedOn }] : []),
    ...(errors._form ? [{ href: 'title', text: errors._form }] : []),
  ];
  const caption = (
    <span className="govuk-caption-l">
      {plan.section.title} · {commitment.reference}
    </span>
  );

  if (confirmDelete && !failed) {
    return (
      <>
        <BackLink href={`?`}>Back</BackLink>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            {caption}
            <h1 className="govuk-heading-l">Are you sure you want to delete this milestone?</h1>
            <SummaryList
              rows={[
                { key: 'Milestone', value: milestone.title },
                { key: 'Due date', value: formatDate(milestone.dueDate) },
              ]}
            />
            <form method="post" noValidate action="?">
              <input type="hidden" name="version" value={milestone.version} />
              <div className="govuk-button-group">
                <Button variant="warning" name="intent" value="delete">
                  Delete milestone
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

  return (
    <>
      <BackLink href={back}>Back to commitment {commitment.reference}</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {summary.length > 0 && <ErrorSummary errors={summary} />}
          {caption}
          <h1 className="govuk-heading-l">Change milestone</h1>
          <p className="govuk-body">
            Status: <MilestoneStatus milestone={milestone} />
            {milestone.completedOn && <> (done on {formatDate(milestone.completedOn)})</>}
          </p>
          <form method="post" noValidate action="?">
            <input type="hidden" name="version" value={version} />
            <Input
              id="title"
              name="title"
              label="Milestone"
              labelSize="s"
              defaultValue={failed?.values.title ?? milestone.title}
              errorMessage={errors.title}
              key={`title-${version}`}
            />
            <DateInput
              id="dueDate"
              legend="Due date"
              hint="For example, 31 1 2027"
              value={failed?.values.dueDate ?? isoToParts(milestone.dueDate)}
              errorMessage={errors.dueDate}
              key={`due-${version}`}
            />
            <div className="govuk-button-group">
              <Button name="intent" value="save">
                Save milestone
              </Button>
              <Button
                variant="secondary"
                name="intent"
                value={milestone.isComplete ? 'reopen' : 'complete'}
              >
                {milestone.isComplete ? 'Mark as not done' : 'Mark as done'}
              </Button>
            </div>
          </form>
          <p className="govuk-body">
            <a className="govuk-link" href="?delete">
              Delete this milestone
            </a>
          </p>
          <p className="govuk-body">
            <a className="govuk-link" href={back}>
              Cancel
            </a>
          </p>
        </div>
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
