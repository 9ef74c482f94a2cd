// The published tailored list as open data: settings.csv, setting_fields.csv and settings.json, with
// the page's filters (?category=…&needArea=…) when given. 404 unless the plan is published with a list.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { renderSettingsCsv, renderSettingsJson, settingsOf } from '@lip/publish/settings';
import { downloadResponse, parsePublication } from '../components/workflow/exports.server.ts';
import { graphql } from '../graphql.ts';
import { invariantResponse } from '../lib/outcome.server.ts';
import { loadPublishedPlan } from '../lib/plan/published.server.ts';
import { settingsFilters } from '../lib/settings.server.ts';

const QUERY = graphql(`
  query PublishedSettingsFile($slug: String!, $planSlug: String, $planId: ID, $version: Int) {
    publishedPlan(partnershipSlug: $slug, planSlug: $planSlug, planId: $planId, version: $version) {
      path
      planPath
      version
      publicationJson
    }
  }
`);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const file = params.file ?? '';
  const { publishedPlan } = await loadPublishedPlan(context, QUERY, params, `settings/${file}`);
  const publication = parsePublication(publishedPlan.publicationJson);
  invariantResponse(settingsOf(publication));
  const { category, needArea } = settingsFilters(new URL(request.url));
  const filter = { category, needArea };
  const stem = `${params.slug ?? 'plan'}-plan-v${publishedPlan.version}`;
  if (file === 'settings.json')
    return downloadResponse(
      {
        body: renderSettingsJson(publication, filter),
        contentType: 'application/json; charset=utf-8',
        fileName: `${stem}-settings.json`,
      },
      'public, max-age=300',
    );
  const csv = renderSettingsCsv(publication, filter).find((f) => f.name === file);
  invariantResponse(csv);
  return downloadResponse(
    {
      // A byte-order mark, so Excel reads the file as UTF-8, as the plan's other CSV downloads.
      body: `\uFEFF${csv.content}`,
      contentType: 'text/csv; charset=utf-8',
      fileName: `${stem}-${csv.name}`,
    },
    'public, max-age=300',
  );
}
