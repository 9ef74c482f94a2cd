// Public downloads of a published version: plan.docx, plan.json, plan.zip, publication.schema.json
// and each open data CSV (commitments.csv, metrics.csv, metrics.meta.csv, …). 404 unless published.
import type { LoaderFunctionArgs } from '@remix-run/node';
import {
  downloadResponse,
  fileStem,
  parsePublication,
  renderPublicFile,
} from '../components/workflow/exports.server.ts';
import { graphql } from '../graphql.ts';
import { invariantResponse } from '../lib/outcome.server.ts';
import { loadPublishedPlan } from '../lib/plan/published.server.ts';

const QUERY = graphql(`
  query PublishedPlanFile($slug: String!, $planSlug: String, $planId: ID, $version: Int) {
    publishedPlan(partnershipSlug: $slug, planSlug: $planSlug, planId: $planId, version: $version) {
      path
      planPath
      version
      publicationJson
    }
  }
`);

export async function loader({ params, context }: LoaderFunctionArgs) {
  const { publishedPlan } = await loadPublishedPlan(context, QUERY, params, params.file);
  const { version } = publishedPlan;
  const publication = parsePublication(publishedPlan.publicationJson);
  const download = await renderPublicFile(
    publication,
    params.file ?? '',
    fileStem(params.slug ?? 'plan', version),
  );
  invariantResponse(download);
  // A published version never changes, so public caches may keep it for a while.
  return downloadResponse(download, 'public, max-age=300');
}
