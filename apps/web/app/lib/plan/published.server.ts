import type { AppLoadContext, LoaderFunctionArgs } from '@remix-run/node';
import type { TadaDocumentNode } from '../../graphql.ts';
import { gql } from '../graphql.server.ts';
import { invariantResponse } from '../outcome.server.ts';
import { intParam } from '../params.server.ts';

/**
 * The published version of /published/:slug/:planId/:n, for anyone (no sign-in): 404 unless that
 * version is public.
 */
export async function loadPublishedPlan<TData extends { publishedPlan: unknown }>(
  context: AppLoadContext,
  document: TadaDocumentNode<TData, { slug: string; planId: string; version: number }>,
  params: LoaderFunctionArgs['params'],
): Promise<{ publishedPlan: NonNullable<TData['publishedPlan']>; version: number }> {
  const version = intParam(params, 'n');
  const { publishedPlan } = await gql(context, document, {
    slug: params.slug ?? '',
    planId: params.planId ?? '',
    version,
  });
  invariantResponse(publishedPlan);
  return { publishedPlan, version };
}
