import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { Fragment } from 'react';
import { Breadcrumbs, Button, numericCell, Select, Table, Tag } from '@lip/ui';
import { PlanNav } from '../components/PlanNav.tsx';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import {
  MetricCard,
  hasFigures,
  targetText,
  type MetricCardItem,
} from '../components/metrics/MetricCard.tsx';
import { RagTag } from '../components/metrics/RagTag.tsx';
import { RAG_LABELS, themeTitle } from '../components/metrics/labels.ts';
import { loadDashboard } from '../lib/metrics-dashboard.server.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data }) =>
  error || !data ? errorTitle(error) : pageTitle('Metrics dashboard', data.plan.title);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  return loadDashboard(context, request, params.planId ?? '');
}

// What needs attention first: red, then amber, then green, then the rest. Metrics with no figures
// at all would be a wall of empty cards, so they fold into one list at the end.
const RATINGS = ['RED', 'AMBER', 'GREEN', 'NO_TARGET', 'NO_DATA'] as const;
type Rating = (typeof RATINGS)[number];

/** The group a metric is counted and shown in: its RAG, with every metric without figures as no data. */
function ratingOf(item: MetricCardItem): Rating {
  if (item.rag === 'RED' || item.rag === 'AMBER' || item.rag === 'GREEN') return item.rag;
  return item.rag === 'NO_TARGET' && hasFigures(item) ? 'NO_TARGET' : 'NO_DATA';
}

interface RatingGroup {
  rating: Rating;
  /** Shown as cards. */
  shown: MetricCardItem[];
  /** No figures at all: listed in the fold. */
  folded: MetricCardItem[];
}

function byRating(items: MetricCardItem[]): RatingGroup[] {
  return RATINGS.map((rating) => {
    const group = items.filter((item) => ratingOf(item) === rating);
    return {
      rating,
      shown: group.filter((item) => hasFigures(item)),
      folded: group.filter((item) => !hasFigures(item)),
    };
  });
}

const ratingAnchor = (rating: Rating) => `rating-${rating.toLowerCase().replace('_', '-')}`;
const countOf = (n: number) => (n === 1 ? '1 metric' : `${n} metrics`);

function RatingSummary({ groups, total }: { groups: RatingGroup[]; total: number }) {
  return (
    <Table
      caption={`${countOf(total)} by rating`}
      head={['Rating', numericCell('Metrics')]}
      firstCellIsHeader
      rowKeys={groups.map((g) => g.rating)}
      rows={groups.map(({ rating, shown, folded }) => {
        const count = shown.length + folded.length;
        return [
          <RagTag key="rag" rag={rating} />,
          numericCell(
            count === 0 ? (
              0
            ) : (
              <a className="govuk-link" href={`#${ratingAnchor(rating)}`}>
                {count}
                <span className="govuk-visually-hidden">
                  {' '}
                  {count === 1 ? 'metric' : 'metrics'} rated {RAG_LABELS[rating]?.text}
                </span>
              </a>
            ),
          ),
        ];
      })}
    />
  );
}

/** Metrics with no figures yet, in one fold: which they are, and the target where there is one. */
function NoFigures({ items }: { items: MetricCardItem[] }) {
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">
          {items.length === 1 ? '1 metric has' : `${items.length} metrics have`} no data yet
        </span>
      </summary>
      <div className="govuk-details__text">
        <Table
          caption="Metrics with no figures imported yet"
          captionSize="s"
          head={['Metric', 'Theme', 'Target']}
          firstCellIsHeader
          rowKeys={items.map(({ metric }) => metric.id)}
          rows={items.map(({ metric, target }) => [
            metric.title,
            themeTitle(metric.theme),
            target ? targetText(target, metric) : 'No target set',
          ])}
        />
      </div>
    </details>
  );
}

export default function Dashboard() {
  const { plan, filters, themes, items, exceptions } = useLoaderData<typeof loader>();
  const base = `/plans/${encodeURIComponent(plan.id)}`;
  const filtered = Boolean(filters.theme || filters.sectionKey);
  const groups = byRating(items);
  const order = groups.flatMap((g) => g.shown);
  return (
    <>
      <Breadcrumbs
        items={[
          { text: 'Your partnerships', href: '/partnerships' },
          {
            text: plan.partnership.name,
            href: `/partnerships/${encodeURIComponent(plan.partnership.slug)}`,
          },
          { text: plan.title, href: base },
          { text: 'Metrics dashboard' },
        ]}
      />
      <span className="govuk-caption-l">{plan.title}</span>
      <h1 className="govuk-heading-l">Metrics dashboard</h1>
      <PlanNav planId={plan.id} current="dashboard" />

      {items.length > 0 && (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half">
            <RatingSummary groups={groups} total={items.length} />
          </div>
        </div>
      )}

      <form
        method="get"
        action={`${base}/dashboard`}
        className="govuk-!-margin-bottom-6"
        aria-label="Filter metrics"
      >
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <Select
              id="theme"
              name="theme"
              label="Theme"
              defaultValue={filters.theme ?? ''}
              options={[
                { value: '', text: 'All themes' },
                ...themes.map((t) => ({ value: t, text: themeTitle(t) })),
              ]}
            />
          </div>
          <div className="govuk-grid-column-one-third">
            <Select
              id="section"
              name="section"
              label="Plan section"
              defaultValue={filters.sectionKey ?? ''}
              options={[
                { value: '', text: 'All sections' },
                ...plan.sections.map((s) => ({ value: s.key, text: s.title })),
              ]}
            />
          </div>
        </div>
        <div className="govuk-button-group">
          <Button variant="secondary">Apply filters</Button>
          {filtered && (
            <a className="govuk-link" href={`${base}/dashboard`}>
              Clear filters
            </a>
          )}
        </div>
      </form>

      {plan.viewerCanEdit && (
        <div className="govuk-button-group">
          <Button href={`${base}/targets/new`} variant="secondary">
            Add a target
          </Button>
          <a
            className="govuk-link"
            href={`/partnerships/${encodeURIComponent(plan.partnership.slug)}/imports`}
          >
            Import figures
          </a>
        </div>
      )}

      <h2 className="govuk-heading-l" id="exceptions">
        Exception report
      </h2>
      {exceptions.length === 0 ? (
        <p className="govuk-body">No targets are rated red.</p>
      ) : (
        <Table
          caption="Targets rated red and their commentary"
          captionSize="s"
          head={['Metric and owner', 'Why it is red', 'Commentary']}
          firstCellIsHeader
          rowKeys={exceptions.map((t) => t.id)}
          rows={exceptions.map((t) => [
            <Fragment key="metric">
              {t.metric.title}
              {/* Under the title rather than in a column of its own: four columns do not fit a phone. */}
              <span className="govuk-body-s govuk-!-display-block govuk-!-margin-top-1 govuk-!-margin-bottom-0 govuk-!-font-weight-regular">
                {t.ownerOrganisation?.name ?? 'No owner'}
              </span>
            </Fragment>,
            t.ragReason,
            <Fragment key="commentary">
              {t.commentary ? (
                <Tag colour="green">Written</Tag>
              ) : (
                <Tag colour="red">Not written</Tag>
              )}
              {t.viewerCanComment && (
                <p className="govuk-body govuk-!-margin-top-2 govuk-!-margin-bottom-0">
                  <a
                    className="govuk-link"
                    href={`${base}/targets/${encodeURIComponent(t.id)}/commentary`}
                  >
                    {t.commentary ? 'Change commentary' : 'Write commentary'}
                    <span className="govuk-visually-hidden"> for {t.metric.title}</span>
                  </a>
                </p>
              )}
            </Fragment>,
          ])}
        />
      )}

      <h2 className="govuk-heading-l">Metrics</h2>
      {items.length === 0 ? (
        <p className="govuk-body">
          {filtered ? 'No metrics match these filters.' : 'This plan tracks no metrics yet.'}
        </p>
      ) : (
        <>
          <p className="govuk-body">
            {countOf(items.length)}
            {filters.theme ? ` in the theme ${themeTitle(filters.theme)}` : ''}, those that need
            attention first. Each chart has a table with the same figures.
          </p>
          {groups.map(({ rating, shown, folded }) =>
            shown.length + folded.length === 0 ? null : (
              <div key={rating} id={ratingAnchor(rating)}>
                {shown.map((item) => (
                  <MetricCard
                    key={item.metric.id}
                    item={item}
                    planId={plan.id}
                    headingId={`metric-${order.indexOf(item) + 1}`}
                  />
                ))}
                {folded.length > 0 && <NoFigures items={folded} />}
              </div>
            ),
          )}
        </>
      )}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
