// Server helpers shared by the plan workflow pages (submit, sign-off, publish, withdraw, revise,
// coverage, Easy Read): one typed document per lifecycle mutation, one way to run them and turn
// their typed errors into what the page shows, and the plan as a lifecycle page reads it. Reads and
// writes go through GraphQL only.
import type { AppLoadContext } from '@remix-run/node';
import {
  graphql,
  MUTATION_ERROR,
  PLAN_HEADING,
  type ResultOf,
  type TadaDocumentNode,
} from '../../graphql.ts';
import { gql } from '../../lib/graphql.server.ts';
import { formErrors, notFound } from '../../lib/outcome.server.ts';
import { queryPlan } from '../../lib/plan-query.server.ts';

export const SUBMISSION_BLOCKER_FIELDS = graphql(`
  fragment SubmissionBlockerFields on SubmissionBlocker {
    kind
    message
    sectionKey
    standardAreaCode
    metricTargetId
    partnershipSlug
    commitmentId
    coproductionActivityId
    needsConfirmation
  }
`);

/** Where a plan is in its lifecycle, and what the viewer may do next: every lifecycle page reads it. */
const LIFECYCLE_STATE_FIELDS = graphql(`
  fragment LifecycleStateFields on Plan {
    id
    state
    viewerCan {
      submit
      withdraw
      publish
      revise
      edit
      comment
    }
    currentVersion {
      number
      state
    }
    publishedVersion {
      number
      publicPath
    }
  }
`);

/** A signing organisation, whether the viewer may record its decision, and the decision once made. */
export const SIGNATORY_FIELDS = graphql(`
  fragment SignatoryFields on Signatory {
    kind
    viewerCanRecord
    organisation {
      id
      name
    }
    signOff {
      decision
      decidedOn
    }
  }
`);

/**
 * What the plan page's lifecycle panel shows (LifecyclePanel). Its blockers leave out the scan for
 * personal data, which reads every commitment's text: the submit page runs it, and the lead checks
 * and confirms there (submitPlan refuses without that confirmation).
 */
export const LIFECYCLE_FIELDS = graphql(
  `
    fragment LifecycleFields on Plan {
      ...LifecycleStateFields
      submissionBlockers(checkPersonalData: false) {
        ...SubmissionBlockerFields
      }
      signatories {
        ...SignatoryFields
      }
      publishedVersion {
        number
        signOffs {
          id
          decision
          decidedOn
          organisation {
            id
            name
          }
        }
      }
    }
  `,
  [LIFECYCLE_STATE_FIELDS, SUBMISSION_BLOCKER_FIELDS, SIGNATORY_FIELDS],
);

// ------------------------------------------------------------------ one document per transition

export const SUBMIT_PLAN = graphql(
  `
    mutation SubmitPlan($input: SubmitPlanInput!) {
      result: submitPlan(input: $input) {
        __typename
        ... on MutationSubmitPlanSuccess {
          data {
            id
            currentVersion {
              number
            }
          }
        }
        ...MutationError
        ... on SubmissionBlockedError {
          blockers {
            ...SubmissionBlockerFields
          }
        }
      }
    }
  `,
  [SUBMISSION_BLOCKER_FIELDS, MUTATION_ERROR],
);

export const PUBLISH_PLAN = graphql(
  `
    mutation PublishPlan($input: PublishPlanInput!) {
      result: publishPlan(input: $input) {
        __typename
        ... on MutationPublishPlanSuccess {
          data {
            id
            publishedVersion {
              number
            }
          }
        }
        ...MutationError
      }
    }
  `,
  [MUTATION_ERROR],
);

export const WITHDRAW_PLAN = graphql(
  `
    mutation WithdrawPlan($input: WithdrawPlanInput!) {
      result: withdrawPlan(input: $input) {
        __typename
        ... on MutationWithdrawPlanSuccess {
          data {
            id
          }
        }
        ...MutationError
      }
    }
  `,
  [MUTATION_ERROR],
);

export const START_REVISION = graphql(
  `
    mutation StartRevision($input: StartRevisionInput!) {
      result: startRevision(input: $input) {
        __typename
        ... on MutationStartRevisionSuccess {
          data {
            id
          }
        }
        ...MutationError
      }
    }
  `,
  [MUTATION_ERROR],
);

export const RECORD_SIGN_OFF = graphql(
  `
    mutation RecordSignOff($input: RecordSignOffInput!) {
      result: recordSignOff(input: $input) {
        __typename
        ... on MutationRecordSignOffSuccess {
          data {
            id
          }
        }
        ...MutationError
      }
    }
  `,
  [MUTATION_ERROR],
);

export const MARK_NOT_APPLICABLE = graphql(
  `
    mutation MarkStandardAreaNotApplicable($input: MarkStandardAreaNotApplicableInput!) {
      result: markStandardAreaNotApplicable(input: $input) {
        __typename
        ... on MutationMarkStandardAreaNotApplicableSuccess {
          data {
            id
          }
        }
        ...MutationError
      }
    }
  `,
  [MUTATION_ERROR],
);

export const CLEAR_NOT_APPLICABLE = graphql(
  `
    mutation ClearStandardAreaNotApplicable($input: ClearStandardAreaNotApplicableInput!) {
      result: clearStandardAreaNotApplicable(input: $input) {
        __typename
        ... on MutationClearStandardAreaNotApplicableSuccess {
          data {
            id
          }
        }
        ...MutationError
      }
    }
  `,
  [MUTATION_ERROR],
);

export const UPDATE_EASY_READ = graphql(
  `
    mutation UpdateSectionEasyRead($input: UpdateSectionEasyReadInput!) {
      result: updateSectionEasyRead(input: $input) {
        __typename
        ... on MutationUpdateSectionEasyReadSuccess {
          data {
            key
          }
        }
        ...MutationError
      }
    }
  `,
  [MUTATION_ERROR],
);

// ------------------------------------------------------------------------------ running them

type SubmissionBlocker = ResultOf<typeof SUBMISSION_BLOCKER_FIELDS>;

/** What a refused write shows: a message for the error summary, field errors, and any blockers. */
export interface WorkflowFailure {
  status: 400 | 403 | 409;
  message: string;
  fieldErrors: Record<string, string>;
  blockers: SubmissionBlocker[];
}

export type WorkflowOutcome<T> = { ok: true; data: T } | ({ ok: false } & WorkflowFailure);

/** Every typed error a lifecycle mutation answers, as far as the pages read them. */
interface TypedError {
  __typename: string;
  message?: string;
  fieldErrors?: ReadonlyArray<{ path: ReadonlyArray<string>; message: string }>;
  blockers?: ReadonlyArray<SubmissionBlocker>;
}

type SuccessData<R> = Extract<R, { data: unknown }>['data'];

/**
 * Runs one of the transition documents above. NotFoundError is a 404; the other typed errors
 * (forbidden, state conflict, validation, submission blocked) come back explained so the page can
 * show them in its error summary.
 */
export async function runTransition<R extends { __typename: string }, TVars>(
  context: AppLoadContext,
  document: TadaDocumentNode<{ result: R }, TVars>,
  variables: TVars,
): Promise<WorkflowOutcome<SuccessData<R>>> {
  const { result } = await gql(context, document, variables);
  if ('data' in result) return { ok: true, data: (result as Extract<R, { data: unknown }>).data };
  const failure: TypedError = result;
  const message = failure.message || 'Something went wrong';
  switch (failure.__typename) {
    case 'NotFoundError':
      return notFound(failure.message || undefined);
    case 'ValidationError': {
      const { _form: _message, ...fieldErrors } = formErrors(failure, message);
      return { ok: false, status: 400, message, fieldErrors, blockers: [] };
    }
    case 'SubmissionBlockedError':
      return {
        ok: false,
        status: 409,
        message,
        fieldErrors: {},
        blockers: [...(failure.blockers ?? [])],
      };
    case 'PlanStateConflictError':
    case 'SectionConflictError':
      return { ok: false, status: 409, message, fieldErrors: {}, blockers: [] };
    case 'ForbiddenError':
      return { ok: false, status: 403, message, fieldErrors: {}, blockers: [] };
    default:
      throw new Response('Something went wrong', { status: 500 });
  }
}

// --------------------------------------------------------------------- the plan, as pages read it

const PLAN_QUERY = graphql(
  `
    query WorkflowPlan($id: ID!) {
      viewer {
        id
      }
      plan(id: $id) {
        ...PlanHeading
        ...LifecycleStateFields
        submissionBlockers {
          ...SubmissionBlockerFields
        }
      }
    }
  `,
  [PLAN_HEADING, LIFECYCLE_STATE_FIELDS, SUBMISSION_BLOCKER_FIELDS],
);

export type WorkflowPlan = NonNullable<ResultOf<typeof PLAN_QUERY>['plan']>;

/** The plan as a lifecycle page needs it; sign-in when signed out, 404 when not visible. */
export async function loadWorkflowPlan(
  request: Request,
  context: AppLoadContext,
  planId: string | undefined,
): Promise<WorkflowPlan> {
  return queryPlan(request, context, PLAN_QUERY, { id: planId ?? '' });
}
