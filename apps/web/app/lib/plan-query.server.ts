import type { AppLoadContext } from '@remix-run/node';
import type { TadaDocumentNode } from '../graphql.ts';
import { gql } from './graphql.server.ts';
import { invariantResponse, requireViewer } from './outcome.server.ts';

/**
 * Runs a plan page's query, one that asks for `viewer` and `plan`, and gives the plan: sign-in
 * when nobody is signed in, 404 when the plan does not exist or is not the viewer's to see.
 */
export async function queryPlan<TData extends { viewer: unknown; plan: unknown }, TVars>(
  request: Request,
  context: AppLoadContext,
  document: TadaDocumentNode<TData, TVars>,
  variables: TVars,
): Promise<NonNullable<TData['plan']>> {
  const { plan } = requireViewer(request, await gql(context, document, variables));
  invariantResponse(plan);
  return plan;
}
