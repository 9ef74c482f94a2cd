// Members' download of a version (/plans/:planId/versions/:n/export/docx|json|csv|zip): the
// version's publicationJson through GraphQL, rendered with @lip/publish.
import type { LoaderFunctionArgs } from '@remix-run/node';
import {
  downloadResponse,
  fileStem,
  parsePublication,
  renderExport,
} from '../components/workflow/exports.server.ts';
import { gql, notFound, requireViewer } from '../lib/graphql.server.ts';

const QUERY = /* GraphQL */ `
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
`;

interface ExportData {
  viewer: { id: string } | null;
  plan: {
    partnership: { slug: string };
    planVersion: { number: number; publicationJson: string } | null;
  } | null;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const number = Number(params.n);
  if (!Number.isInteger(number) || number < 1) notFound();
  const page = requireViewer(
    request,
    await gql<ExportData>(context, QUERY, { id: params.planId, number }),
  );
  const version = page.plan?.planVersion;
  if (!page.plan || !version) notFound();
  const download = await renderExport(
    parsePublication(version.publicationJson),
    params.format ?? '',
    fileStem(page.plan.partnership.slug, version.number),
  );
  if (!download) notFound();
  // A version under review is not public: keep it out of shared caches.
  return downloadResponse(download, 'private, no-store');
}
