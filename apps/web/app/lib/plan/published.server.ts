import { redirect, type AppLoadContext, type LoaderFunctionArgs } from '@remix-run/node';
import type { TadaDocumentNode } from '../../graphql.ts';
import { gql } from '../graphql.server.ts';
import { invariantResponse } from '../outcome.server.ts';
import { intParam } from '../params.server.ts';

/** A plan's readable address part ("2026-29", "2026", "2026-29-2"), as core gives plans. */
const PLAN_SLUG = /^\d{4}(-\d{2})?(-\d+)?$/;

type PublishedPlanVariables = {
  slug: string;
  planSlug: string | null;
  planId: string | null;
  version: number | null;
};

/**
 * The published version at /published/:slug/:plan[/:n], for anyone (no sign-in): the version
 * published now when :n is absent, 404 unless that version is public. :plan is the plan's slug
 * (/published/northshire/2026-29); an older address with the plan's id answers with a permanent
 * redirect to the readable one, `suffix` (a download's file name) kept.
 */
export async function loadPublishedPlan<
  TData extends { publishedPlan: { path: string; planPath: string } | null },
>(
  context: AppLoadContext,
  document: TadaDocumentNode<TData, PublishedPlanVariables>,
  params: LoaderFunctionArgs['params'],
  suffix = '',
): Promise<{ publishedPlan: NonNullable<TData['publishedPlan']> }> {
  const plan = params.plan ?? '';
  const version = params.n === undefined ? null : intParam(params, 'n');
  const bySlug = PLAN_SLUG.test(plan);
  const { publishedPlan } = await gql(context, document, {
    slug: params.slug ?? '',
    planSlug: bySlug ? plan : null,
    planId: bySlug ? null : plan,
    version,
  });
  invariantResponse(publishedPlan);
  if (!bySlug) {
    const canonical = version === null ? publishedPlan.planPath : publishedPlan.path;
    throw redirect(suffix ? `${canonical}/${suffix}` : canonical, 301);
  }
  return { publishedPlan };
}
