// One milestone of a commitment: change its title and due date, mark it as done or not done, or
// delete it (after a confirmation page, `?delete`). A stale version says someone else changed it.
import { data, redirect } from '@remix-run/node';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { Button } from '@lip/ui';
import { MilestoneStatus } from '../components/CommitmentParts.tsx';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { useErrorTitle } from '../components/useErrorTitle.ts';
import { graphql, MUTATION_ERROR } from '../graphql.ts';
import { isoToParts } from '../lib/commitment-form.ts';
import type { Done } from '../lib/commitment-parts.server.ts';
import { readForm } from '../lib/form.server.ts';
import { gql } from '../lib/graphql.server.ts';
import { formErrors, unlessRefused } from '../lib/outcome.server.ts';
import { formatDate } from '../lib/labels.ts';
import {
  CommitmentPartPage,
  ConfirmPartRemoval,
  commitmentPartMeta,
  MILESTONE_TARGETS,
  MilestoneFields,
  type MilestoneValues,
} from '../lib/plan/CommitmentPartPage.tsx';
import {
  checkMilestone,
  commitmentPartLoader,
  loadCommitmentPart,
  milestoneValuesFromForm,
  postedVersion,
} from '../lib/plan/commitment-part.server.ts';
import { errorItems } from '../lib/plan/error-items.ts';

export const meta: MetaFunction<typeof loader> = commitmentPartMeta(
  'Delete milestone',
  'Change milestone',
);

export const loader = (args: LoaderFunctionArgs) =>
  commitmentPartLoader(args, 'milestones', args.params.milestoneId, 'delete');

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

interface MilestoneActionData {
  values: MilestoneValues;
  errors: Record<string, string>;
  /** Set after a stale write: the version to send next time. */
  version?: number;
  conflict?: string;
}

export async function action(args: ActionFunctionArgs) {
  const { part: milestone, back } = await loadCommitmentPart(
    args,
    'milestones',
    args.params.milestoneId,
  );
  const form = await readForm(args.request);
  const version = postedVersion(form, milestone);
  const id = milestone.id;
  const values = milestoneValuesFromForm(form);
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
      const checked = checkMilestone(values);
      if (!checked.ok)
        return data<MilestoneActionData>(
          { values, errors: checked.errors, version },
          { status: 400 },
        );
      outcome = unlessRefused(
        (
          await gql(args.context, UPDATE, {
            input: { id, version, title: values.title, dueDate: checked.dueDate },
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
  const { part: milestone, confirm, ...page } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  useErrorTitle(Boolean(failed));
  const errors = failed?.errors ?? {};
  const version = failed?.version ?? milestone.version;

  if (confirm && !failed) {
    return (
      <ConfirmPartRemoval
        {...page}
        backLink={{ href: '?', text: 'Back' }}
        heading="Are you sure you want to delete this milestone?"
        rows={[
          { key: 'Milestone', value: milestone.title },
          { key: 'Due date', value: formatDate(milestone.dueDate) },
        ]}
        version={milestone.version}
        intent="delete"
        submit="Delete milestone"
      />
    );
  }

  return (
    <CommitmentPartPage
      {...page}
      heading="Change milestone"
      errors={[
        ...(failed?.conflict ? [{ href: 'title', text: failed.conflict }] : []),
        ...errorItems(errors, [...MILESTONE_TARGETS, ['completedOn', 'title'], ['_form', 'title']]),
      ]}
    >
      <p className="govuk-body">
        Status: <MilestoneStatus milestone={milestone} />
        {milestone.completedOn && <> (done on {formatDate(milestone.completedOn)})</>}
      </p>
      <form method="post" noValidate action="?">
        <input type="hidden" name="version" value={version} />
        <MilestoneFields
          values={
            failed?.values ?? { title: milestone.title, dueDate: isoToParts(milestone.dueDate) }
          }
          errors={errors}
          version={version}
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
        <a className="govuk-link" href={page.back}>
          Cancel
        </a>
      </p>
    </CommitmentPartPage>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
