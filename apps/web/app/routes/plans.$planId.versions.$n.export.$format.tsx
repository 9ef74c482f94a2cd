// Members' download of a version (/plans/:planId/versions/:n/export/docx|json|csv|zip): the
// version's publicationJson through GraphQL, rendered with @lip/publish.
import type { LoaderFunctionArgs } from '@remix-run/node';
import {
  downloadResponse,
  fileStem,
  parsePublication,
  renderExport,
} from '../components/workflow/exports.server.ts';
import { graphql } from '../graphql.ts';
import { gql } from '../lib/graphql.server.ts';
import { intParam } from '../lib/params.server.ts';
import { invariantResponse, requireViewer } from '../lib/outcome.server.ts';

const QUERY = graphql(`
  query VersionExport($id: ID!, $number: Int!) {
    viewer {
      id
    }
    plan(id: $id) {
      partnership {
        slug
      }
      planVersion(number: $number) {
        number
        publicationJson
      }
    }
  }
`);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const number = intParam(params, 'n');
  const page = requireViewer(
    request,
    await gql(context, QUERY, { id: params.planId ?? '', number }),
  );
  const version = page.plan?.planVersion;
  invariantResponse(page.plan && version);
  const download = await renderExport(
    parsePublication(version.publicationJson),
    params.format ?? '',
    fileStem(page.plan.partnership.slug, version.number),
  );
  invariantResponse(download);
  // A version under review is not public: keep it out of shared caches.
  return downloadResponse(download, 'private, no-store');
}
