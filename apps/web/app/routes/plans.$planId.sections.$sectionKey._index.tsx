import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useLoaderData, useSearchParams } from '@remix-run/react';
import { Button, ErrorSummary, NotificationBanner, SummaryList, WarningText } from '@lip/ui';
import { CommentThread, commentErrorSummary } from '../components/CommentThread.tsx';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { SectionStatusTag } from '../components/SectionStatusTag.tsx';
import { LiveUpdates } from '../components/live/index.ts';
import {
  commentErrorFrom,
  commentThreadsFrom,
  handleCommentForm,
  PLAN_COMMENTING,
  SECTION_COMMENT_THREADS,
} from '../lib/comments.server.ts';
import { graphql, PLAN_HEADING, type ResultOf } from '../graphql.ts';
import { readForm } from '../lib/form.server.ts';
import { invariantResponse } from '../lib/outcome.server.ts';
import { commitmentCounts, milestoneCounts, plural } from '../lib/labels.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import { PlanBreadcrumbs } from '../lib/plan/PlanPageHeader.tsx';
import { queryPlan } from '../lib/plan-query.server.ts';
import { sectionUi } from '../lib/plugins.ts';
import { loadPluginSection } from '../lib/section-form.server.ts';
import { changeHref, fieldHref, groupsOf } from '../lib/section-groups.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page ? errorTitle(error) : pageTitle(page.section.title, page.plan.title);

const QUERY = graphql(
  `
    query SectionPage($planId: ID!, $key: String!) {
      viewer {
        id
      }
      plan(id: $planId) {
        ...PlanHeading
        ...PlanCommenting
        section(key: $key) {
          ...SectionCommentThreads
          key
          title
          pluginId
          status
          version
          summary
          viewerCanEdit
          progress
          readiness {
            id
            title
            passed
            message
            field
          }
          metrics {
            id
            code
            title
            unit
            source
            status
          }
          suggestedStandards {
            id
            code
            title
          }
          ownerOrganisation {
            name
          }
          commitmentSummary {
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
        }
      }
    }
  `,
  [PLAN_HEADING, PLAN_COMMENTING, SECTION_COMMENT_THREADS],
);

type PageSection = NonNullable<NonNullable<ResultOf<typeof QUERY>['plan']>['section']>;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const planId = params.planId ?? '';
  const key = params.sectionKey ?? '';
  // The comment threads come with the section: no second read of the plan and the section.
  const { section: withComments, ...plan } = await queryPlan(request, context, QUERY, {
    planId,
    key,
  });
  invariantResponse(withComments);
  const { comments: threads, ...section } = withComments;
  const comments = commentThreadsFrom(plan, { comments: threads });
  const ui = sectionUi(section.pluginId, section.key);
  const plugin = ui ? await loadPluginSection(context, ui, planId) : null;
  const commentError = commentErrorFrom(new URL(request.url).searchParams);
  return {
    plan,
    section,
    plugin,
    comments,
    commentError,
  };
}

/** The comment forms (post, reply, resolve, reopen); they redirect back here. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const planId = params.planId ?? '';
  const key = params.sectionKey ?? '';
  const { section } = await queryPlan(request, context, QUERY, { planId, key });
  invariantResponse(section);
  const form = await readForm(request);
  await handleCommentForm(
    context,
    form,
    { planId, sectionKey: key },
    `/plans/${encodeURIComponent(planId)}/sections/${encodeURIComponent(key)}`,
  );
  // The section's fields are changed on its change pages, not here.
  throw new Response('Unknown form', { status: 400 });
}

export default function SectionPage() {
  const { plan, section, plugin, comments, commentError } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const ui = sectionUi(section.pluginId, section.key);
  const planUrl = `/plans/${encodeURIComponent(plan.id)}`;
  const sectionUrl = `${planUrl}/sections/${encodeURIComponent(section.key)}`;
  const summaryErrors = commentErrorSummary(commentError);
  const saved = searchParams.get('saved');

  return (
    <>
      <PlanBreadcrumbs plan={plan} trail={[{ text: section.title }]} />
      {summaryErrors.length > 0 && <ErrorSummary errors={summaryErrors} />}
      <LiveUpdates planId={plan.id} sectionKey={section.key} />
      {saved === 'section' && <NotificationBanner type="success" heading="Section details saved" />}
      <span className="govuk-caption-l">{plan.title}</span>
      <h1 className="govuk-heading-l">{section.title}</h1>
      <p className="govuk-body">
        Status: <SectionStatusTag status={section.progress} />
        {section.ownerOrganisation && <> · Written by {section.ownerOrganisation.name}</>}
      </p>
      {!section.viewerCanEdit && (
        <div className="govuk-inset-text" id="read-only-notice">
          You can read this section but not change it. Only{' '}
          {section.ownerOrganisation?.name ?? 'its owner organisation'} and the partnership lead can
          edit it.
        </div>
      )}
      {section.summary && <p className="govuk-body">{section.summary}</p>}
      <Readiness
        checks={section.readiness}
        linkOf={(field) => (ui && section.viewerCanEdit ? fieldHref(sectionUrl, ui, field) : null)}
        commitmentsUrl={`${sectionUrl}/commitments`}
      />

      {ui && plugin && (
        <section aria-labelledby="section-details-heading" id="section-details">
          <h2 className="govuk-heading-m" id="section-details-heading">
            Section details
          </h2>
          {groupsOf(ui).map((group) => (
            <div className="govuk-summary-card" key={group.key} id={`group-${group.key}`}>
              <div className="govuk-summary-card__title-wrapper">
                <h3 className="govuk-summary-card__title">{group.title}</h3>
                {section.viewerCanEdit && (
                  <ul className="govuk-summary-card__actions">
                    <li className="govuk-summary-card__action">
                      <a className="govuk-link" href={changeHref(sectionUrl, group)}>
                        Change<span className="govuk-visually-hidden"> {group.title}</span>
                      </a>
                    </li>
                  </ul>
                )}
              </div>
              <div className="govuk-summary-card__content">
                {ui.groups && ui.groupRows ? (
                  <SummaryList rows={ui.groupRows(plugin.section, group.key)} />
                ) : (
                  <ui.Summary section={plugin.section} />
                )}
              </div>
            </div>
          ))}
        </section>
      )}

      <section aria-labelledby="commitments-heading" id="commitments">
        <h2 className="govuk-heading-m" id="commitments-heading">
          Commitments
        </h2>
        <p className="govuk-body" id="commitment-counts">
          {commitmentCounts(section.commitmentSummary)}
        </p>
        {milestoneCounts(section.commitmentSummary) && (
          <p className="govuk-body">{milestoneCounts(section.commitmentSummary)}</p>
        )}
        <div className="govuk-button-group">
          {section.viewerCanEdit && (
            <Button href={`${sectionUrl}/commitments/new`}>Add a commitment</Button>
          )}
          {section.commitmentSummary.total > 0 && (
            <a className="govuk-link" href={`${sectionUrl}/commitments`}>
              View and filter the commitments
              <span className="govuk-visually-hidden"> in {section.title}</span>
            </a>
          )}
        </div>
      </section>

      {section.metrics.length > 0 && (
        <section aria-labelledby="metrics-heading" id="metrics">
          <h2 className="govuk-heading-m" id="metrics-heading">
            Metrics
          </h2>
          <p className="govuk-body">
            This section is usually tracked by {plural(section.metrics.length, 'metric', 'metrics')}
            {metricThemes(section.metrics)}.{' '}
            <a className="govuk-link" href={`${planUrl}/dashboard`}>
              See the metrics on the dashboard
            </a>
          </p>
        </section>
      )}
      <SuggestedStandards standards={section.suggestedStandards} />
      <CommentThread {...comments} error={commentError} what="section" />
    </>
  );
}

/** ", such as the first two metrics' titles" (lowercase after the first letter is kept as written). */
function metricThemes(metrics: PageSection['metrics']): string {
  const named = metrics.slice(0, 2).map((m) => m.title);
  return named.length === 0 ? '' : `, such as ${named.join(' and ')}`;
}

/** The readiness checks not yet passing, each with what to do about it and a link to its field. */
function Readiness({
  checks,
  linkOf,
  commitmentsUrl,
}: {
  checks: PageSection['readiness'];
  linkOf: (field: string | null | undefined) => string | null;
  commitmentsUrl: string;
}) {
  const failing = checks.filter((c) => !c.passed);
  if (checks.length === 0) return null;
  if (failing.length === 0) {
    return (
      <div className="govuk-inset-text" id="readiness">
        Every readiness check passes: this section is complete.
      </div>
    );
  }
  return (
    <section aria-labelledby="readiness-heading" id="readiness">
      <h2 className="govuk-heading-m" id="readiness-heading">
        Before this section is complete
      </h2>
      <WarningText>
        {failing.length === 1 ? '1 readiness check is' : `${failing.length} readiness checks are`}{' '}
        not passing yet ({checks.length - failing.length} of {checks.length} done).
      </WarningText>
      <ul className="govuk-list govuk-list--bullet">
        {failing.map((c) => {
          const href = c.field ? linkOf(c.field) : commitmentsUrl;
          return (
            <li key={c.id}>
              <strong>{c.title}:</strong>{' '}
              {href ? (
                <a className="govuk-link" href={href}>
                  {c.message ?? 'Not done yet'}
                </a>
              ) : (
                (c.message ?? 'Not done yet')
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function SuggestedStandards({ standards }: { standards: PageSection['suggestedStandards'] }) {
  if (standards.length === 0) return null;
  return (
    <section aria-labelledby="standards-heading">
      <h2 className="govuk-heading-m" id="standards-heading">
        Suggested standards
      </h2>
      <p className="govuk-body">Commitments in this section usually map to these standards.</p>
      <ul className="govuk-list govuk-list--bullet" id="suggested-standards">
        {standards.map((s) => (
          <li key={s.id}>
            <strong>{s.code}</strong> {s.title}
          </li>
        ))}
      </ul>
    </section>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
