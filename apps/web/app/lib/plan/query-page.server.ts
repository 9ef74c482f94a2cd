import type { AppLoadContext } from '@remix-run/node';
import type { TadaDocumentNode } from '../../graphql.ts';
import { gql } from '../graphql.server.ts';
import { invariantResponse, requireViewer } from '../outcome.server.ts';

/**
 * Like queryPlan, for a plan page whose query also asks for something besides the plan (an activity,
 * a commitment): gives the whole answer, with the plan checked (sign-in, then 404).
 */
export async function queryPlanPage<TData extends { viewer: unknown; plan: unknown }, TVars>(
  request: Request,
  context: AppLoadContext,
  document: TadaDocumentNode<TData, TVars>,
  variables: TVars,
): Promise<TData & { viewer: NonNullable<TData['viewer']>; plan: NonNullable<TData['plan']> }> {
  const page = requireViewer(request, await gql(context, document, variables));
  invariantResponse(page.plan);
  return page as typeof page & { plan: NonNullable<TData['plan']> };
}

/** The plan and section ids of a plan's section page, from the route's params. */
export function sectionVariables(params: Partial<Record<string, string>>) {
  return { planId: params.planId ?? '', key: params.sectionKey ?? '' };
}
