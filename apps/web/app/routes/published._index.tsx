// The public index of published plans, /published: every partnership's plan as published now,
// searchable by a local authority's name or code (a GET form, so it works without JavaScript and
// a search can be bookmarked), with an Atom feed of new publications for councils' own sites.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { formatDate } from '@lip/publish/labels';
import { Button, Input, Pagination, Table } from '@lip/ui';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { graphql } from '../graphql.ts';
import { gql } from '../lib/graphql.server.ts';
import { plural } from '../lib/labels.ts';
import { pageTitle } from '../lib/meta.ts';
import { positiveInt } from '../lib/params.server.ts';

export const PAGE_SIZE = 20;
const MAX_SEARCH = 100;
export const FEED_PATH = '/published/feed.atom';

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  pageTitle(
    data?.search ? `Published plans matching “${data.search}”` : 'Published local inclusion plans',
  );

export const links: LinksFunction = () => [
  {
    rel: 'alternate',
    type: 'application/atom+xml',
    href: FEED_PATH,
    title: 'New local inclusion plans',
  },
];

const QUERY = graphql(`
  query PublishedPlansIndex($search: String, $first: Int, $offset: Int) {
    publishedPlans(search: $search, first: $first, offset: $offset) {
      totalCount
      entries {
        id
        partnershipName
        localAuthorityCodes
        title
        version
        publishedAt
        path
        planPath
      }
    }
  }
`);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const search = (params.get('q') ?? '').trim();
  const page = positiveInt(params.get('page')) ?? 1;
  if (search.length > MAX_SEARCH) {
    return {
      search,
      page: 1,
      pageCount: 0,
      totalCount: 0,
      entries: [],
      error: `Search must be ${MAX_SEARCH} characters or fewer`,
    };
  }
  const { publishedPlans } = await gql(context, QUERY, {
    search: search || null,
    first: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  const pageCount = Math.ceil(publishedPlans.totalCount / PAGE_SIZE);
  return { search, page, pageCount, ...publishedPlans, error: null };
}

function pageHref(search: string, page: number): string {
  const params = new URLSearchParams();
  if (search) params.set('q', search);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `/published?${query}` : '/published';
}

export default function PublishedPlansIndex() {
  const { search, page, pageCount, totalCount, entries, error } = useLoaderData<typeof loader>();
  const summary = search
    ? `${plural(totalCount, 'plan matches', 'plans match')} “${search}”`
    : `${plural(totalCount, 'published plan', 'published plans')}`;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <h1 className="govuk-heading-l">Published local inclusion plans</h1>
        <p className="govuk-body-l">
          Each local SEND and alternative provision partnership publishes a plan saying how it will
          meet the national standards for children and young people with special educational needs
          and disabilities.
        </p>

        <Form method="get" action="/published" role="search" aria-label="Published plans">
          <Input
            id="q"
            name="q"
            label="Search by local authority name or code"
            labelSize="s"
            hint="For example, Northshire or E10000099"
            defaultValue={search}
            errorMessage={error ?? undefined}
            width="two-thirds"
            spellCheck={false}
          />
          <Button>Search</Button>
        </Form>

        <p className="govuk-body" role="status">
          {error ? 'No search was made.' : summary}
          {search && !error && (
            <>
              {' '}
              <a className="govuk-link" href="/published">
                Show all published plans
              </a>
            </>
          )}
        </p>

        {entries.length > 0 && (
          <Table
            caption={
              pageCount > 1 ? `Published plans, page ${page} of ${pageCount}` : 'Published plans'
            }
            captionSize="m"
            region="Published plans"
            firstCellIsHeader
            rowKeys={entries.map((e) => e.id)}
            head={['Partnership', 'Plan', 'Published', 'Download']}
            rows={entries.map((entry) => [
              <>
                <a className="govuk-link" href={entry.planPath}>
                  {entry.partnershipName}
                </a>
                <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">
                  {entry.localAuthorityCodes.join(', ')}
                </span>
              </>,
              <>
                {entry.title}
                <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">
                  Version {entry.version}
                </span>
              </>,
              formatDate(entry.publishedAt),
              <a className="govuk-link" href={`${entry.path}/plan.docx`}>
                Board pack<span className="govuk-visually-hidden"> for {entry.title}</span> (Word
                document)
              </a>,
            ])}
          />
        )}
        <Pagination
          page={page}
          pageCount={pageCount}
          hrefFor={(n) => pageHref(search, n)}
          label="Published plans pages"
        />

        <h2 className="govuk-heading-m">Follow new publications</h2>
        <p className="govuk-body">
          Councils’ websites and data portals can follow the{' '}
          <a className="govuk-link" href={FEED_PATH}>
            feed of new publications (Atom)
          </a>
          . Search engines can use the{' '}
          <a className="govuk-link" href="/sitemap.xml">
            sitemap
          </a>
          .
        </p>
      </div>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
