// The partnership's settings directory: filters that work without JavaScript (a GET form), pages of
// 50, links to import the GIAS file, add a setting and choose each plan's tailored list.
import { redirect } from '@remix-run/node';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import {
  Breadcrumbs,
  Button,
  ButtonGroup,
  Checkboxes,
  Input,
  NotificationBanner,
  Select,
  Table,
  Tag,
} from '@lip/ui';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { graphql } from '../graphql.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import { gql } from '../lib/graphql.server.ts';
import { invariantResponse, requireViewer } from '../lib/outcome.server.ts';
import {
  ageRangeText,
  categoryOptions,
  NEED_AREA_LABELS,
  needAreaOptions,
  SETTING_CATEGORY_LABELS,
  type NeedAreaCode,
  type SettingCategory,
} from '../lib/settings.ts';
import { settingsFilters } from '../lib/settings.server.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page ? errorTitle(error) : pageTitle('Settings', page.partnership.name);

const QUERY = graphql(`
  query SettingsPage(
    $slug: String!
    $category: SettingCategory
    $needArea: NeedArea
    $search: String
    $includeClosed: Boolean
    $after: String
  ) {
    viewer {
      id
    }
    partnership(slug: $slug) {
      id
      slug
      name
      viewerSettingsCategories
      plans(first: 20) {
        edges {
          node {
            id
            title
            state
          }
        }
      }
      settings(
        first: 50
        after: $after
        category: $category
        needArea: $needArea
        search: $search
        includeClosed: $includeClosed
      ) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            urn
            name
            category
            establishmentType
            phase
            postcode
            status
            closed
            needAreas
            ageLow
            ageHigh
            places
            source
            version
            viewerCanEdit
          }
        }
      }
    }
  }
`);

export async function loader(args: LoaderFunctionArgs) {
  const url = new URL(args.request.url);
  const filters = settingsFilters(url);
  const variables = {
    slug: args.params.slug ?? '',
    category: filters.category,
    needArea: filters.needArea,
    search: filters.search || null,
    includeClosed: filters.includeClosed,
  };
  let result;
  try {
    result = await gql(args.context, QUERY, { ...variables, after: filters.after });
  } catch (error) {
    // A page address with a cursor that is not one of ours: the first page instead.
    if (!filters.after || error instanceof Response) throw error;
    url.searchParams.delete('after');
    throw redirect(`${url.pathname}${url.search}`);
  }
  const page = requireViewer(args.request, result);
  invariantResponse(page.partnership);
  const { settings, plans, ...partnership } = page.partnership;
  return {
    partnership,
    plans: plans.edges.map((e) => e.node),
    settings: settings.edges.map((e) => e.node),
    totalCount: settings.totalCount,
    next: settings.pageInfo.hasNextPage ? settings.pageInfo.endCursor : null,
    filters,
    saved: url.searchParams.get('saved'),
  };
}

function nextHref(filters: ReturnType<typeof settingsFilters>, after: string): string {
  const params = new URLSearchParams();
  if (filters.category) params.set('category', filters.category);
  if (filters.needArea) params.set('needArea', filters.needArea);
  if (filters.search) params.set('search', filters.search);
  if (filters.includeClosed) params.set('closed', 'yes');
  params.set('after', after);
  return `?${params.toString()}`;
}

export default function Settings() {
  const { partnership, plans, settings, totalCount, next, filters, saved } =
    useLoaderData<typeof loader>();
  const base = `/partnerships/${encodeURIComponent(partnership.slug)}`;
  const canEdit = partnership.viewerSettingsCategories.length > 0;
  return (
    <>
      <Breadcrumbs
        items={[
          { text: 'Your partnerships', href: '/partnerships' },
          { text: partnership.name, href: base },
          { text: 'Settings' },
        ]}
      />
      {saved && (
        <NotificationBanner type="success" heading={saved}>
          <p className="govuk-body">The settings directory has been updated.</p>
        </NotificationBanner>
      )}
      <span className="govuk-caption-l">{partnership.name}</span>
      <h1 className="govuk-heading-l">Settings</h1>
      <p className="govuk-body">
        The schools, colleges and providers in the partnership’s area that families can choose from.
        Each plan publishes its tailored list from this directory. Settings come from the Department
        for Education’s Get Information about Schools (GIAS) download; independent special schools
        and alternative provision outside that file are added by hand.
      </p>
      {canEdit && (
        <ButtonGroup>
          <Button href={`${base}/settings/import`}>Import the GIAS file</Button>
          <Button href={`${base}/settings/new`} variant="secondary">
            Add a setting
          </Button>
        </ButtonGroup>
      )}

      <h2 className="govuk-heading-m">Tailored lists</h2>
      {plans.length === 0 ? (
        <p className="govuk-body">This partnership has no plans yet.</p>
      ) : (
        <ul className="govuk-list">
          {plans.map((plan) => (
            <li key={plan.id}>
              <a className="govuk-link" href={`/plans/${encodeURIComponent(plan.id)}/settings`}>
                Tailored list for {plan.title}
              </a>
            </li>
          ))}
        </ul>
      )}

      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-third">
          <form method="get" aria-label="Filter settings">
            <h2 className="govuk-heading-m">Filter</h2>
            <Select
              id="category"
              name="category"
              label="Kind of setting"
              defaultValue={filters.category ?? ''}
              options={[{ value: '', text: 'All kinds' }, ...categoryOptions()]}
            />
            <Select
              id="needArea"
              name="needArea"
              label="Area of need"
              defaultValue={filters.needArea ?? ''}
              options={[{ value: '', text: 'All areas of need' }, ...needAreaOptions()]}
            />
            <Input
              id="search"
              name="search"
              label="Name, URN or postcode"
              defaultValue={filters.search}
            />
            <Checkboxes
              idPrefix="closed"
              name="closed"
              legend="Closed settings"
              legendSize="s"
              small
              values={filters.includeClosed ? ['yes'] : []}
              items={[{ value: 'yes', text: 'Include closed settings' }]}
            />
            <Button variant="secondary">Apply filters</Button>
          </form>
        </div>
        <div className="govuk-grid-column-two-thirds">
          <h2 className="govuk-heading-m" id="results">
            {totalCount === 1 ? '1 setting' : `${totalCount.toLocaleString('en-GB')} settings`}
          </h2>
          {settings.length === 0 ? (
            <p className="govuk-body">No settings match these filters.</p>
          ) : (
            <Table
              caption="Settings, by kind then name"
              captionSize="s"
              head={[
                'Setting',
                'Kind',
                'Areas of need',
                'Ages',
                { content: 'Places', numeric: true },
              ]}
              rowKeys={settings.map((s) => s.id)}
              firstCellIsHeader
              rows={settings.map((s) => [
                <>
                  {s.viewerCanEdit ? (
                    <a className="govuk-link" href={`${base}/settings/${encodeURIComponent(s.id)}`}>
                      {s.name}
                    </a>
                  ) : (
                    s.name
                  )}
                  {s.urn && <div className="govuk-hint govuk-!-margin-0">URN {s.urn}</div>}
                  {s.closed && <Tag colour="grey">Closed</Tag>}
                </>,
                SETTING_CATEGORY_LABELS[s.category as SettingCategory] ?? s.category,
                s.needAreas.map((a) => NEED_AREA_LABELS[a as NeedAreaCode] ?? a).join(', ') ||
                  'Not recorded',
                ageRangeText(s) || 'Not recorded',
                { content: s.places?.toLocaleString('en-GB') ?? '', numeric: true },
              ])}
            />
          )}
          {next && (
            <nav className="govuk-pagination" aria-label="Pages of settings">
              <div className="govuk-pagination__next">
                <a
                  className="govuk-link govuk-pagination__link"
                  href={nextHref(filters, next)}
                  rel="next"
                >
                  <span className="govuk-pagination__link-title">Next page</span>
                </a>
              </div>
            </nav>
          )}
        </div>
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
