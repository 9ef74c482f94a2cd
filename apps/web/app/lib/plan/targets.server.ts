// The pages of one metric target of a plan (change it, write its exception commentary).
import type { LoaderFunctionArgs } from '@remix-run/node';
import { loadTargetContext } from '../metrics-targets.server.ts';
import { forbidden, invariantResponse } from '../outcome.server.ts';

/** The plan and the route's target: 404 unless it is this plan's, 403 unless the viewer `may`. */
export async function loadTarget(
  { request, params, context }: LoaderFunctionArgs,
  may: 'viewerCanEdit' | 'viewerCanComment',
) {
  const { plan, target } = await loadTargetContext(
    context,
    request,
    params.planId ?? '',
    params.targetId ?? '',
  );
  invariantResponse(target);
  if (!target[may]) forbidden();
  return { plan, target };
}
