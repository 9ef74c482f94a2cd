// Server helpers shared by the plan workflow pages (submit, sign-off, publish, withdraw, revise,
// coverage, re-mapping, Easy Read): run one lifecycle mutation and turn its typed errors into what
// the page shows. Reads and writes go through GraphQL only.
import type { AppLoadContext } from '@remix-run/node';
import {
  fieldErrorMap,
  gql,
  notFound,
  requireViewer,
  type UnionResult,
} from '../../lib/graphql.server.ts';
import { BLOCKER_FIELDS, type SubmissionBlockerData } from './workflow.ts';

/** What a refused write shows: a message for the error summary, field errors, and any blockers. */
export interface WorkflowFailure {
  status: 400 | 403 | 409;
  message: string;
  fieldErrors: Record<string, string>;
  blockers: SubmissionBlockerData[];
}

export type WorkflowOutcome<T> = { ok: true; data: T } | ({ ok: false } & WorkflowFailure);

type MutationResult<T> = UnionResult & { data?: T; blockers?: SubmissionBlockerData[] };

/**
 * Runs `mutation name(input)` selecting `selection` on success. NotFoundError is a 404; the other
 * typed errors (forbidden, state conflict, validation, submission blocked) come back explained so
 * the page can show them in its error summary.
 */
export async function runWorkflowMutation<T>(
  context: AppLoadContext,
  name: string,
  inputType: string,
  input: Record<string, unknown>,
  selection: string,
): Promise<WorkflowOutcome<T>> {
  const successType = `Mutation${name.charAt(0).toUpperCase()}${name.slice(1)}Success`;
  const blockedFragment =
    name === 'submitPlan' ? `... on SubmissionBlockedError { blockers { ${BLOCKER_FIELDS} } }` : '';
  const document = /* GraphQL */ `
    mutation Workflow($input: ${inputType}!) {
      result: ${name}(input: $input) {
        __typename
        ... on ${successType} { data { ${selection} } }
        ... on Error { message }
        ... on ValidationError { fieldErrors { path message } }
        ${blockedFragment}
      }
    }
  `;
  const { result } = await gql<{ result: MutationResult<T> }>(context, document, { input });
  if (result.data !== undefined) return { ok: true, data: result.data };
  if (result.__typename === 'NotFoundError') throw new Response('Not found', { status: 404 });
  const message = result.message ?? 'Something went wrong';
  switch (result.__typename) {
    case 'ValidationError': {
      const fieldErrors = fieldErrorMap(result);
      return { ok: false, status: 400, message, fieldErrors, blockers: [] };
    }
    case 'SubmissionBlockedError':
      return { ok: false, status: 409, message, fieldErrors: {}, blockers: result.blockers ?? [] };
    case 'PlanStateConflictError':
    case 'SectionConflictError':
      return { ok: false, status: 409, message, fieldErrors: {}, blockers: [] };
    case 'ForbiddenError':
      return { ok: false, status: 403, message, fieldErrors: {}, blockers: [] };
    default:
      throw new Response('Something went wrong', { status: 500 });
  }
}

/** A form field as text ('' when absent). */
export function formText(fd: FormData, name: string): string {
  const value = fd.get(name);
  return typeof value === 'string' ? value.trim() : '';
}

const PLAN_QUERY = /* GraphQL */ `
  query WorkflowPlan($id: ID!) {
    viewer { id }
    plan(id: $id) {
      id title state
      partnership { slug name }
      viewerCan { submit withdraw publish revise edit comment }
      submissionBlockers { ${BLOCKER_FIELDS} }
      currentVersion { number state }
      publishedVersion { number publicPath }
    }
  }
`;

export interface WorkflowPlan {
  id: string;
  title: string;
  state: string;
  partnership: { slug: string; name: string };
  viewerCan: {
    submit: boolean;
    withdraw: boolean;
    publish: boolean;
    revise: boolean;
    edit: boolean;
    comment: boolean;
  };
  submissionBlockers: SubmissionBlockerData[];
  currentVersion: { number: number; state: string } | null;
  publishedVersion: { number: number; publicPath: string | null } | null;
}

/** The plan as a lifecycle page needs it; sign-in when signed out, 404 when not visible. */
export async function loadWorkflowPlan(
  request: Request,
  context: AppLoadContext,
  planId: string | undefined,
): Promise<WorkflowPlan> {
  const page = requireViewer(
    request,
    await gql<{ viewer: { id: string } | null; plan: WorkflowPlan | null }>(context, PLAN_QUERY, {
      id: planId,
    }),
  );
  if (!page.plan) notFound();
  return page.plan;
}
