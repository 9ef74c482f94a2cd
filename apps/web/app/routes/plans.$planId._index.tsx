import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { Breadcrumbs, NotificationBanner, SummaryList, TaskList } from '@lip/ui';
import { PlanNav } from '../components/PlanNav.tsx';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { LifecyclePanel } from '../components/workflow/LifecyclePanel.tsx';
import { LIFECYCLE_FIELDS } from '../components/workflow/workflow.server.ts';
import { SectionStatusTag } from '../components/SectionStatusTag.tsx';
import { graphql } from '../graphql.ts';
import { gql } from '../lib/graphql.server.ts';
import { invariantResponse, requireViewer } from '../lib/outcome.server.ts';
import {
  PLAN_STATES,
  commitmentCounts,
  formatDate,
  milestoneCounts,
  plural,
  progressCounts,
  ratingCounts,
} from '../lib/labels.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import { LiveUpdates } from '../components/live/index.ts';
import { PLAN_BUDGET_FRAGMENT, PlanBudgetTotals } from '../components/PlanBudgetTotals.tsx';

export const meta: MetaFunction<typeof loader> = ({ error, data }) =>
  error || !data ? errorTitle(error) : pageTitle(data.plan.title, data.plan.partnership.name);

const COMMITMENT_SUMMARY_FIELDS = graphql(`
  fragment CommitmentSummaryFields on CommitmentSummary {
    total
    byProgress {
      progress
      count
    }
    byDeliveryRating {
      rating
      count
    }
    overdueMilestones
    dueSoonMilestones
  }
`);

const QUERY = graphql(
  `
    query PlanPage($id: ID!) {
      viewer {
        id
      }
      plan(id: $id) {
        id
        title
        kindTitle
        state
        periodStart
        periodEnd
        viewerCanEdit
        viewerCanArchive
        archivedAt
        partnership {
          slug
          name
        }
        framework {
          title
        }
        sections {
          key
          title
          status
          progress
          viewerCanEdit
          ownerOrganisation {
            name
          }
          commitmentSummary {
            ...CommitmentSummaryFields
          }
        }
        sectionsComplete
        commitmentSummary {
          ...CommitmentSummaryFields
        }
        ...LifecycleFields
        ...PlanBudgetTotals
      }
    }
  `,
  [LIFECYCLE_FIELDS, COMMITMENT_SUMMARY_FIELDS, PLAN_BUDGET_FRAGMENT],
);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const data = requireViewer(request, await gql(context, QUERY, { id: params.planId ?? '' }));
  invariantResponse(data.plan);
  const url = new URL(request.url);
  const ownerChanged = url.searchParams.get('owner');
  return {
    plan: data.plan,
    ownerSaved: data.plan.sections.find((s) => s.key === ownerChanged) ?? null,
    created: url.searchParams.has('created'),
  };
}

export default function Plan() {
  const { plan, ownerSaved, created } = useLoaderData<typeof loader>();
  const base = `/plans/${encodeURIComponent(plan.id)}`;
  const total = plan.sections.length;
  // "You have completed" is for who writes every section (the lead); others read the plan's
  // progress, then their own.
  const writesAll = total > 0 && plan.sections.every((s) => s.viewerCanEdit);
  const mine = plan.sections.filter((s) => s.viewerCanEdit);
  const mineComplete = mine.filter((s) => s.progress === 'COMPLETE').length;
  const blockers = plan.state === 'DRAFT' ? plan.submissionBlockers : [];
  const blockersOf = (key: string) => blockers.filter((b) => b.sectionKey === key).length;
  const milestones = milestoneCounts(plan.commitmentSummary);
  return (
    <>
      <Breadcrumbs
        items={[
          { text: 'Your partnerships', href: '/partnerships' },
          { text: plan.partnership.name, href: `/partnerships/${plan.partnership.slug}` },
          { text: plan.title },
        ]}
      />
      <LiveUpdates planId={plan.id} />
      {ownerSaved?.ownerOrganisation && (
        <NotificationBanner type="success" title="Success">
          <p className="govuk-notification-banner__heading">
            {ownerSaved.ownerOrganisation.name} writes the {ownerSaved.title.toLowerCase()} section
          </p>
        </NotificationBanner>
      )}
      {created && (
        <NotificationBanner type="success" title="Success">
          <p className="govuk-notification-banner__heading">The plan was created as a draft</p>
        </NotificationBanner>
      )}
      {plan.archivedAt && (
        <NotificationBanner title="Important">
          <p className="govuk-notification-banner__heading">
            This plan was archived on {formatDate(plan.archivedAt.slice(0, 10))}
          </p>
          <p className="govuk-body">
            It is kept as it was, for reading only: nobody can change it, and it is no longer listed
            with the partnership’s plans.
          </p>
        </NotificationBanner>
      )}
      <span className="govuk-caption-l">{plan.partnership.name}</span>
      <h1 className="govuk-heading-l">{plan.title}</h1>
      <PlanNav planId={plan.id} current="overview" />
      <h2 className="govuk-heading-m">Sections</h2>
      {total === 0 ? (
        <p className="govuk-body">
          No section plugins are installed, so this plan has no sections yet.
        </p>
      ) : (
        <div id="progress">
          <p className="govuk-body">
            {writesAll
              ? `You have completed ${plan.sectionsComplete} of ${total} sections.`
              : `${plan.sectionsComplete} of ${total} sections are complete.`}
          </p>
          {!writesAll && mine.length > 0 && (
            <p className="govuk-body">
              Sections you write: {mine.map((s) => s.title).join(', ')}, {mineComplete} of{' '}
              {mine.length} complete.
            </p>
          )}
          <div id="commitment-roll-up">
            <h3 className="govuk-heading-s govuk-!-margin-bottom-2">
              Commitments in the whole plan
            </h3>
            <SummaryList
              rows={
                plan.commitmentSummary.total === 0
                  ? [{ key: 'Commitments', value: 'None yet' }]
                  : [
                      { key: 'Commitments', value: String(plan.commitmentSummary.total) },
                      { key: 'Progress', value: progressCounts(plan.commitmentSummary) },
                      { key: 'Rating', value: ratingCounts(plan.commitmentSummary) },
                      {
                        key: 'Milestones',
                        value: milestones
                          ? milestones.replace(/ milestones? /, ' ')
                          : 'None overdue or due within 30 days',
                      },
                    ]
              }
            />
          </div>
          {plan.viewerCan.submit && blockers.length > 0 && (
            <p className="govuk-body govuk-!-font-weight-bold">
              <a className="govuk-link" href="#blockers">
                You cannot submit yet: {plural(blockers.length, 'thing', 'things')} to fix
              </a>
            </p>
          )}
        </div>
      )}
      <TaskList
        idPrefix="sections"
        items={plan.sections.map((s) => {
          const toFix = blockersOf(s.key);
          return {
            title: s.title,
            href: `${base}/sections/${encodeURIComponent(s.key)}`,
            hint: [
              s.ownerOrganisation ? `Written by ${s.ownerOrganisation.name}` : undefined,
              s.viewerCanEdit ? undefined : 'View only',
              commitmentCounts(s.commitmentSummary),
              milestoneCounts(s.commitmentSummary) || undefined,
              toFix > 0 ? `${plural(toFix, 'thing', 'things')} to fix` : undefined,
            ]
              .filter(Boolean)
              .join('. '),
            status: <SectionStatusTag status={s.progress} />,
          };
        })}
      />
      <h2 className="govuk-heading-m">About this plan</h2>
      <SummaryList
        rows={[
          { key: 'Kind of plan', value: plan.kindTitle },
          {
            key: 'Period',
            value: `${formatDate(plan.periodStart)} to ${formatDate(plan.periodEnd)}`,
          },
          { key: 'State', value: PLAN_STATES[plan.state] ?? plan.state },
          { key: 'Standards framework', value: plan.framework.title },
        ]}
      />
      <PlanBudgetTotals plan={plan} />
      <LifecyclePanel plan={plan} sections={plan.sections} />
      {plan.viewerCanEdit && plan.sections.length > 0 && (
        <>
          <h2 className="govuk-heading-m">Who writes each section</h2>
          <SummaryList
            rows={plan.sections.map((s) => ({
              key: s.title,
              value: s.ownerOrganisation?.name ?? 'No organisation yet',
              actions: [
                {
                  href: `${base}/sections/${encodeURIComponent(s.key)}/owner`,
                  text: 'Change',
                  visuallyHiddenText: `who writes the ${s.title.toLowerCase()} section`,
                },
              ],
            }))}
          />
        </>
      )}
      <h2 className="govuk-heading-m">Easy Read summaries</h2>
      <p className="govuk-body">
        A short summary of each section in plain words, published with the plan.
      </p>
      <ul className="govuk-list">
        {plan.sections.map((s) => (
          <li key={s.key}>
            <a
              className="govuk-link"
              href={`${base}/sections/${encodeURIComponent(s.key)}/easy-read`}
            >
              Easy Read summary for {s.title}
            </a>
          </li>
        ))}
      </ul>
      {plan.viewerCanArchive && (
        <>
          <h2 className="govuk-heading-m">Archive</h2>
          <p className="govuk-body">
            Archive a plan the partnership no longer works on. It is kept whole, and anything
            published stays public.
          </p>
          <a className="govuk-link" href={`${base}/archive`}>
            Archive plan
          </a>
        </>
      )}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
