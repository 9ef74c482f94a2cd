// The tailored list of settings published with the plan, for families: /published/northshire/2026-29/settings
// shows the list the version published now froze, grouped by kind of setting, with filters by kind
// and area of need that work without JavaScript (a GET form), and the list as CSV and JSON.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import {
  filterSettings,
  groupSettings,
  NEED_AREA_LABELS,
  settingsOf,
  type NeedAreaCode,
} from '@lip/publish/settings';
import { BackLink, Button, Select } from '@lip/ui';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { parsePublication } from '../components/workflow/exports.server.ts';
import { graphql } from '../graphql.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import { invariantResponse } from '../lib/outcome.server.ts';
import { loadPublishedPlan } from '../lib/plan/published.server.ts';
import { ageRangeText, categoryOptions, needAreaOptions } from '../lib/settings.ts';
import { settingsFilters } from '../lib/settings.server.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page ? errorTitle(error) : pageTitle('Settings families can choose', page.title);

const QUERY = graphql(`
  query PublishedSettingsPage($slug: String!, $planSlug: String, $planId: ID, $version: Int) {
    publishedPlan(partnershipSlug: $slug, planSlug: $planSlug, planId: $planId, version: $version) {
      path
      planPath
      title
      partnershipName
      version
      publicationJson
    }
  }
`);

/** The filters as a query string ("" for none), for the download links. */
function query(filters: { category: string | null; needArea: string | null }): string {
  const params = new URLSearchParams();
  if (filters.category) params.set('category', filters.category);
  if (filters.needArea) params.set('needArea', filters.needArea);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const {
    publishedPlan: { publicationJson, ...published },
  } = await loadPublishedPlan(context, QUERY, params, 'settings');
  const publication = parsePublication(publicationJson);
  const list = settingsOf(publication);
  // A version published before the settings directory has no list: there is no page for it.
  invariantResponse(list);
  const { category, needArea } = settingsFilters(new URL(request.url));
  const shown = filterSettings(list, { category, needArea });
  return {
    title: published.title,
    partnershipName: published.partnershipName,
    planPath: published.planPath,
    version: published.version,
    total: list.length,
    groups: groupSettings(shown),
    count: shown.length,
    filters: { category, needArea },
    downloads: `${published.planPath}/settings`,
  };
}

export default function PublishedSettings() {
  const page = useLoaderData<typeof loader>();
  const q = query(page.filters);
  const filtered = Boolean(page.filters.category || page.filters.needArea);
  return (
    <>
      <BackLink href={page.planPath}>Back to the plan</BackLink>
      <span className="govuk-caption-l">{page.partnershipName}</span>
      <h1 className="govuk-heading-l">Settings families can choose</h1>
      <p className="govuk-body">
        The tailored list of schools, colleges and providers published with {page.title} (version{' '}
        {page.version}): mainstream, specialist, independent and alternative provision that children
        and young people with special educational needs and disabilities in the area can attend.
      </p>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-third">
          <form method="get" aria-label="Filter the list">
            <h2 className="govuk-heading-m">Filter the list</h2>
            <Select
              id="category"
              name="category"
              label="Kind of setting"
              defaultValue={page.filters.category ?? ''}
              options={[{ value: '', text: 'All kinds' }, ...categoryOptions()]}
            />
            <Select
              id="needArea"
              name="needArea"
              label="Area of need"
              defaultValue={page.filters.needArea ?? ''}
              options={[{ value: '', text: 'All areas of need' }, ...needAreaOptions()]}
            />
            <Button variant="secondary">Apply filters</Button>
          </form>
          {filtered && (
            <p className="govuk-body">
              <a className="govuk-link" href="?">
                Clear filters
              </a>
            </p>
          )}
          <h2 className="govuk-heading-m">Download the list</h2>
          <ul className="govuk-list">
            <li>
              <a className="govuk-link" href={`${page.downloads}/settings.csv${q}`}>
                Settings (CSV{filtered ? ', as filtered' : ''})
              </a>
            </li>
            <li>
              <a className="govuk-link" href={`${page.downloads}/setting_fields.csv${q}`}>
                More details of each setting (CSV{filtered ? ', as filtered' : ''})
              </a>
            </li>
            <li>
              <a className="govuk-link" href={`${page.downloads}/settings.json${q}`}>
                Settings (JSON{filtered ? ', as filtered' : ''})
              </a>
            </li>
          </ul>
        </div>
        <div className="govuk-grid-column-two-thirds">
          <h2 className="govuk-heading-m" id="results">
            {page.count === page.total
              ? `${page.total} ${page.total === 1 ? 'setting' : 'settings'}`
              : `${page.count} of ${page.total} settings`}
          </h2>
          {page.groups.length === 0 && (
            <p className="govuk-body">No settings on the list match these filters.</p>
          )}
          {page.groups.map((group) => (
            <section key={group.category} aria-labelledby={`group-${group.category}`}>
              <h3 className="govuk-heading-m" id={`group-${group.category}`}>
                {group.label}
              </h3>
              <ul className="govuk-list">
                {group.settings.map((s) => {
                  const facts = [
                    s.establishmentType,
                    ageRangeText(s) ? `Ages ${ageRangeText(s)}` : null,
                    s.places !== null ? `${s.places.toLocaleString('en-GB')} places` : null,
                    s.postcode,
                  ].filter(Boolean);
                  return (
                    <li key={`${s.urn ?? ''}-${s.name}`} className="govuk-!-margin-bottom-4">
                      <h4 className="govuk-heading-s govuk-!-margin-bottom-1">{s.name}</h4>
                      {facts.length > 0 && (
                        <p className="govuk-body-s govuk-!-margin-bottom-1">{facts.join(' · ')}</p>
                      )}
                      <p className="govuk-body-s govuk-!-margin-bottom-1">
                        Areas of need:{' '}
                        {s.needAreas
                          .map((a) => NEED_AREA_LABELS[a as NeedAreaCode] ?? a)
                          .join(', ') || 'not recorded'}
                      </p>
                      {s.fields.map((f) => (
                        <p key={f.key} className="govuk-body-s govuk-!-margin-bottom-1">
                          {f.label}: {f.value}
                        </p>
                      ))}
                    </li>
                  );
                })}
              </ul>
            </section>
          ))}
        </div>
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
