// The loader and action of a lifecycle page (submit, withdraw, publish, start a revision): each
// reads the plan the same way, runs one transition document, and either redirects or returns the
// API's explanation for TransitionPage's error summary.
import { data, redirect } from '@remix-run/node';
import type { AppLoadContext, LoaderFunctionArgs } from '@remix-run/node';
import type { TransitionFailure } from '../../components/workflow/TransitionPage.tsx';
import {
  loadWorkflowPlan,
  runTransition,
  type WorkflowFailure,
} from '../../components/workflow/workflow.server.ts';
import type { TadaDocumentNode } from '../../graphql.ts';

type SuccessData<R> = Extract<R, { data: unknown }>['data'];

export async function transitionLoader({ request, params, context }: LoaderFunctionArgs) {
  return { plan: await loadWorkflowPlan(request, context, params.planId) };
}

/** A refused transition as the page shows it, with `extra`: what the form re-shows. */
export function transitionFailure<E extends object>(
  { status, ...failure }: WorkflowFailure,
  extra: E,
) {
  return data<TransitionFailure & E>({ ...failure, ...extra }, { status });
}

/** Runs the transition: redirects to `next(success data)`, or returns the refusal (with `extra`). */
export async function transitionAction<
  R extends { __typename: string },
  TVars,
  E extends object = Record<never, never>,
>(
  context: AppLoadContext,
  document: TadaDocumentNode<{ result: R }, TVars>,
  variables: TVars,
  next: (success: SuccessData<R>) => string,
  extra?: E,
) {
  const outcome = await runTransition(context, document, variables);
  if (outcome.ok) throw redirect(next(outcome.data));
  const { ok: _ok, ...failure } = outcome;
  return transitionFailure(failure, extra ?? ({} as E));
}
