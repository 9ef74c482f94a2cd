// The public page of a plan: /published/northshire/2026-29 shows the version published now, and
// /published/northshire/2026-29/1 one version (superseded ones stay readable). No sign-in. Anything
// not published (a draft, a plan in review, an unknown plan) is a 404, as the API answers null.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { PublishedPlan, type PublicationDownload } from '@lip/publish/html';
import { NotificationBanner } from '@lip/ui';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { csvFileNames, parsePublication } from '../components/workflow/exports.server.ts';
import { graphql } from '../graphql.ts';
import { loadPublishedPlan } from '../lib/plan/published.server.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page
    ? errorTitle(error)
    : pageTitle(
        `${page.published.title} (version ${page.published.version})`,
        page.published.partnershipName,
      );

const QUERY = graphql(`
  query PublishedPlanPage($slug: String!, $planSlug: String, $planId: ID, $version: Int) {
    publishedPlan(partnershipSlug: $slug, planSlug: $planSlug, planId: $planId, version: $version) {
      path
      planPath
      title
      partnershipName
      version
      state
      publishedAt
      supersededBy
      publicationJson
    }
  }
`);

const CSV_LABELS: Record<string, string> = {
  'commitments.csv': 'Commitments (open data)',
  'commitment_standard_areas.csv': 'Commitments by standard area (open data)',
  'commitment_evidence.csv': 'Evidence for each commitment (open data)',
  'section_fields.csv': 'Section details (open data)',
  'targets.csv': 'Targets (open data)',
  'metrics.csv': 'Metrics (open data)',
  'forum_concerns.csv': 'The parent carer forum’s concerns (open data)',
  'budget_totals.csv': 'Budget totals by section, block and year (open data)',
  'tariffs.csv': 'Tariffs in force (open data)',
  'metrics.meta.csv': 'Metrics metadata',
  'data-guidance.csv': 'Data guidance',
};

export async function loader({ params, context }: LoaderFunctionArgs) {
  const {
    publishedPlan: { publicationJson, ...published },
  } = await loadPublishedPlan(context, QUERY, params);
  const publication = parsePublication(publicationJson);
  // Downloads name the version, so a link saved today still gives this version's file.
  const base = published.path;
  const downloads: PublicationDownload[] = [
    { label: 'Board pack (Word document)', href: `${base}/plan.docx`, format: 'DOCX' },
    { label: 'The plan as open data', href: `${base}/plan.json`, format: 'JSON' },
    ...csvFileNames(publication).map((name) => ({
      label: CSV_LABELS[name] ?? name,
      href: `${base}/${name}`,
      format: 'CSV',
    })),
    { label: 'Every format in one file', href: `${base}/plan.zip`, format: 'ZIP' },
  ];
  return {
    published,
    publication,
    downloads,
    newerHref: published.supersededBy ? published.planPath : null,
    // The tailored list frozen with the version published now (versions before it have none).
    settingsHref:
      publication.snapshot.settings && published.supersededBy === null
        ? `${published.planPath}/settings`
        : null,
  };
}

export default function PublishedPlanPage() {
  const { publication, downloads, newerHref, settingsHref } = useLoaderData<typeof loader>();
  return (
    <>
      {newerHref && (
        <NotificationBanner title="Important">
          <p className="govuk-notification-banner__heading">
            This version has been replaced.{' '}
            <a className="govuk-notification-banner__link" href={newerHref}>
              Read the current version
            </a>
            .
          </p>
        </NotificationBanner>
      )}
      {settingsHref && (
        <p className="govuk-body">
          Families choose from the{' '}
          <a className="govuk-link" href={settingsHref}>
            tailored list of settings
          </a>{' '}
          published with this plan.
        </p>
      )}
      <PublishedPlan publication={publication} downloads={downloads} />
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
