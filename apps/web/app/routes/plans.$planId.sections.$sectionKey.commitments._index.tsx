// A section's commitments, filtered (GET form: works without JavaScript) and paged 20 at a time;
// the filtering and paging happen in GraphQL (Section.commitmentPage), in one query.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { Button, Input, NotificationBanner, Pagination, Select, Table, Tag } from '@lip/ui';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { graphql, PLAN_HEADING } from '../graphql.ts';
import {
  DELIVERY_RATINGS,
  PROGRESS,
  RAG_STATUSES,
  formatDate,
  plural,
  textOf,
} from '../lib/labels.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import { invariantResponse } from '../lib/outcome.server.ts';
import { PlanBreadcrumbs } from '../lib/plan/PlanPageHeader.tsx';
import { queryPlan } from '../lib/plan-query.server.ts';

export const PER_PAGE = 20;

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page
    ? errorTitle(error)
    : pageTitle(
        page.pageCount > 1 ? `Commitments (page ${page.page} of ${page.pageCount})` : 'Commitments',
        page.section.title,
      );

const QUERY = graphql(
  `
    query SectionCommitmentsPage(
      $planId: ID!
      $key: String!
      $filter: CommitmentFilter
      $page: Int!
      $perPage: Int!
    ) {
      viewer {
        id
      }
      plan(id: $planId) {
        ...PlanHeading
        partnership {
          organisations {
            id
            name
          }
        }
        framework {
          id
          areas {
            id
            code
            title
          }
        }
        section(key: $key) {
          key
          title
          viewerCanEdit
          commitmentPage(filter: $filter, page: $page, perPage: $perPage) {
            page
            totalCount
            nodes {
              id
              reference
              title
              progress
              rating
              dueDate
              ownerOrganisation {
                name
              }
            }
          }
        }
      }
    }
  `,
  [PLAN_HEADING],
);

type RagStatus = 'NOT_STARTED' | 'RED' | 'AMBER' | 'GREEN' | 'COMPLETE';
const isRag = (value: string): value is RagStatus => RAG_STATUSES.some((r) => r.value === value);

/** The filter as the address gives it; unknown values are ignored, not refused. */
function filterOf(params: URLSearchParams): {
  status: RagStatus | '';
  owner: string;
  area: string;
  q: string;
} {
  const status = params.get('status') ?? '';
  return {
    status: isRag(status) ? status : '',
    owner: (params.get('owner') ?? '').slice(0, 100),
    area: (params.get('area') ?? '').slice(0, 100),
    q: (params.get('q') ?? '').trim().slice(0, 200),
  };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const planId = params.planId ?? '';
  const key = params.sectionKey ?? '';
  const search = new URL(request.url).searchParams;
  const filter = filterOf(search);
  const asked = Number(search.get('page') ?? '1');
  const page = Number.isInteger(asked) && asked >= 1 && asked <= 100_000 ? asked : 1;
  const { section, ...plan } = await queryPlan(request, context, QUERY, {
    planId,
    key,
    page,
    perPage: PER_PAGE,
    filter: {
      ragStatus: filter.status || null,
      ownerOrganisationId: filter.owner || null,
      standardAreaId: filter.area || null,
      search: filter.q || null,
    },
  });
  invariantResponse(section);
  const { commitmentPage, ...rest } = section;
  const pageCount = Math.max(1, Math.ceil(commitmentPage.totalCount / PER_PAGE));
  return {
    plan,
    section: rest,
    commitments: commitmentPage.nodes,
    totalCount: commitmentPage.totalCount,
    page,
    pageCount,
    filter,
    // After adding or deleting a commitment (its reference).
    saved: search.get('saved')?.slice(0, 50) ?? null,
    deleted: search.get('deleted')?.slice(0, 50) ?? null,
  };
}

export default function SectionCommitments() {
  const { plan, section, commitments, totalCount, page, pageCount, filter, saved, deleted } =
    useLoaderData<typeof loader>();
  const sectionUrl = `/plans/${encodeURIComponent(plan.id)}/sections/${encodeURIComponent(section.key)}`;
  const listUrl = `${sectionUrl}/commitments`;
  const filtered = Boolean(filter.status || filter.owner || filter.area || filter.q);
  const hrefOf = (p: number) => {
    const query = new URLSearchParams(
      Object.entries({ ...filter, page: p > 1 ? String(p) : '' }).filter(([, v]) => v !== ''),
    ).toString();
    return query ? `${listUrl}?${query}` : listUrl;
  };

  return (
    <>
      <PlanBreadcrumbs
        plan={plan}
        trail={[{ text: section.title, href: sectionUrl }, { text: 'Commitments' }]}
      />
      {saved && <NotificationBanner type="success" heading={`Commitment ${saved} saved`} />}
      {deleted && <NotificationBanner type="success" heading={`Commitment ${deleted} deleted`} />}
      <span className="govuk-caption-l">{section.title}</span>
      <h1 className="govuk-heading-l">Commitments</h1>
      {section.viewerCanEdit && <Button href={`${listUrl}/new`}>Add a commitment</Button>}

      <form
        method="get"
        action={listUrl}
        id="commitment-filter"
        role="search"
        aria-label="Filter commitments"
      >
        <h2 className="govuk-heading-m">Filter commitments</h2>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half">
            <Input
              id="q"
              name="q"
              label="Words in the reference, title or description"
              labelSize="s"
              defaultValue={filter.q}
              type="search"
            />
          </div>
          <div className="govuk-grid-column-one-half">
            <Select
              id="status"
              name="status"
              label="Status"
              labelSize="s"
              defaultValue={filter.status}
              options={[
                { value: '', text: 'Any status' },
                ...RAG_STATUSES.map((r) => ({ value: r.value, text: r.text })),
              ]}
            />
          </div>
        </div>
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half">
            <Select
              id="owner"
              name="owner"
              label="Owner organisation"
              labelSize="s"
              defaultValue={filter.owner}
              options={[
                { value: '', text: 'Any organisation' },
                ...plan.partnership.organisations.map((o) => ({ value: o.id, text: o.name })),
              ]}
            />
          </div>
          <div className="govuk-grid-column-one-half">
            <Select
              id="area"
              name="area"
              label="Standard area"
              labelSize="s"
              defaultValue={filter.area}
              options={[
                { value: '', text: 'Any standard area' },
                ...(plan.framework?.areas ?? []).map((a) => ({
                  value: a.id,
                  text: `${a.code} ${a.title}`,
                })),
              ]}
            />
          </div>
        </div>
        <div className="govuk-button-group">
          <Button variant="secondary">Apply filters</Button>
          {filtered && (
            <a className="govuk-link" href={listUrl}>
              Clear filters
            </a>
          )}
        </div>
      </form>

      <p className="govuk-body" id="commitment-results" role="status">
        {filtered
          ? `${plural(totalCount, 'commitment matches', 'commitments match')} the filters`
          : plural(totalCount, 'commitment', 'commitments')}
        {pageCount > 1 && ` (page ${page} of ${pageCount})`}
      </p>
      {commitments.length === 0 ? (
        <p className="govuk-body">
          {filtered
            ? 'No commitments match these filters.'
            : 'This section has no commitments yet.'}
        </p>
      ) : (
        <Table
          caption={`Commitments in ${section.title}`}
          region={`Commitments in ${section.title}`}
          captionSize="s"
          head={['Reference', 'Title', 'Owner', 'Progress', 'How it is going', 'Due date']}
          rowKeys={commitments.map((c) => c.id)}
          firstCellIsHeader
          rows={commitments.map((c) => {
            const rating = DELIVERY_RATINGS.find((r) => r.value === (c.rating ?? ''));
            return [
              c.reference,
              <a key="link" className="govuk-link" href={`${listUrl}/${encodeURIComponent(c.id)}`}>
                {c.title}
                <span className="govuk-visually-hidden"> ({c.reference})</span>
              </a>,
              c.ownerOrganisation?.name ?? '',
              textOf(PROGRESS, c.progress),
              <Tag key="rating" colour={rating?.colour ?? 'grey'}>
                {rating?.text ?? c.rating}
              </Tag>,
              formatDate(c.dueDate),
            ];
          })}
        />
      )}
      <Pagination page={page} pageCount={pageCount} hrefFor={hrefOf} label="Commitment pages" />
      <p className="govuk-body">
        <a className="govuk-link" href={sectionUrl}>
          Back to {section.title}
        </a>
      </p>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
