import { data, redirect } from '@remix-run/node';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import {
  Button,
  ErrorSummary,
  NotificationBanner,
  Table,
  Tag,
  WarningText,
  type FormValues,
} from '@lip/ui';
import { CommentThread, commentErrorSummary } from '../components/CommentThread.tsx';
import { ConflictComparison } from '../components/ConflictComparison.tsx';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { SectionStatusTag } from '../components/SectionStatusTag.tsx';
import { commentErrorFrom, handleCommentForm, loadCommentThreads } from '../lib/comments.server.ts';
import { graphql, PLAN_HEADING, type ResultOf } from '../graphql.ts';
import { readForm } from '../lib/form.server.ts';
import { inputTypeErrors, throwForErrors } from '../lib/graphql.server.ts';
import { formErrors, invariantResponse, unlessRefused } from '../lib/outcome.server.ts';
import { DELIVERY_RATINGS, PROGRESS, formatDate, textOf } from '../lib/labels.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import { PlanBreadcrumbs } from '../lib/plan/PlanPageHeader.tsx';
import { queryPlan } from '../lib/plan-query.server.ts';
import { sectionUi } from '../lib/plugins.ts';
import { METRIC_UNITS, sectionProgress } from '../lib/section-progress.ts';
import { LiveUpdates } from '../components/live/index.ts';

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
        section(key: $key) {
          key
          title
          pluginId
          status
          version
          summary
          viewerCanEdit
          isReady
          readiness {
            id
            title
            passed
            message
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
          commitments(first: 100) {
            edges {
              node {
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
    }
  `,
  [PLAN_HEADING],
);

type PageSection = NonNullable<NonNullable<ResultOf<typeof QUERY>['plan']>['section']>;

/** Runs a plugin's own document (a string: plugins speak GraphQL text, see @lip/ui's SectionUi). */
async function executePluginDocument<TData>(
  context: LoaderFunctionArgs['context'],
  document: string,
  variables: Record<string, unknown>,
) {
  return context.lip.execute<TData, Record<string, unknown>>(document, variables);
}

/** Errors no form field explains: the request's own (400), not found (404), else a 500. */
function unexpected(errors: ReadonlyArray<{ message: string }> | undefined): never {
  return throwForErrors(errors);
}

async function loadPluginSection(
  context: LoaderFunctionArgs['context'],
  pluginId: string,
  key: string,
  planId: string,
) {
  const ui = sectionUi(pluginId, key);
  if (!ui) return null;
  const executed = await executePluginDocument<{
    plan: { section: ({ version: number } & Record<string, unknown>) | null } | null;
  }>(context, ui.query, { planId });
  if (executed.errors?.length || !executed.data) unexpected(executed.errors);
  const section = executed.data.plan?.section;
  if (!section) return null;
  return { section, values: ui.toValues(section), version: section.version };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const planId = params.planId ?? '';
  const key = params.sectionKey ?? '';
  const { section: sectionWithCommitments, ...plan } = await queryPlan(request, context, QUERY, {
    planId,
    key,
  });
  invariantResponse(sectionWithCommitments);
  const { commitments, ...section } = sectionWithCommitments;
  const plugin = await loadPluginSection(context, section.pluginId, section.key, planId);
  const comments = await loadCommentThreads(context, { planId, sectionKey: key });
  const commentError = commentErrorFrom(new URL(request.url).searchParams);
  return {
    plan,
    section: { ...section, progress: sectionProgress(section) },
    commitments: commitments.edges.map((e) => e.node),
    plugin,
    comments,
    commentError,
  };
}

interface SectionActionData {
  values: FormValues;
  errors: Record<string, string>;
  version: number;
  conflict?: { yours: FormValues; saved: FormValues; fields: string[] };
}

/** What a plugin's mutation answers, by the @lip/ui convention (its section type is the plugin's own). */
interface PluginOutcome {
  result: {
    __typename: string;
    message?: string;
    fieldErrors?: ReadonlyArray<{ path: ReadonlyArray<string>; message: string }>;
    current?: { version: number } & Record<string, unknown>;
    /** A conflict's fields changed by both ("summary", "group.field", "list.<item id>.field"). */
    fields?: ReadonlyArray<string>;
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const planId = params.planId ?? '';
  const key = params.sectionKey ?? '';
  const { section } = await queryPlan(request, context, QUERY, { planId, key });
  invariantResponse(section);
  const form = await readForm(request);
  // Comment forms (post, reply, resolve, reopen) redirect back here; anything else saves the section.
  await handleCommentForm(
    context,
    form,
    { planId, sectionKey: key },
    `/plans/${encodeURIComponent(planId)}/sections/${encodeURIComponent(key)}`,
  );
  const ui = sectionUi(section.pluginId, section.key);
  invariantResponse(ui);

  const version = form.version();
  // Everything the person typed (including list rows), to show again if it cannot be saved.
  const yours: FormValues = {
    ...Object.fromEntries(ui.fields.map((f) => [f.name, form.text(f.name)])),
    ...Object.fromEntries(
      [...form.data.entries()]
        .filter(
          ([name, value]) => typeof value === 'string' && name !== 'version' && name !== 'baseline',
        )
        .map(([name, value]) => [name, String(value).trim()]),
    ),
  };
  let baseline: FormValues | null = null;
  try {
    baseline = JSON.parse(String(form.data.get('baseline') ?? '')) as FormValues;
  } catch {
    baseline = null;
  }

  // Only what the person changed is sent, with what it was: a save from a stale page still
  // succeeds when nobody else changed those fields (decision 020).
  const variables = ui.toVariables(form.data, { planId, version, baseline });
  const executed = await executePluginDocument<PluginOutcome>(context, ui.mutation, variables);
  // A value of the wrong type (letters in a number field) is refused by GraphQL itself.
  const typeErrors = inputTypeErrors(executed.errors, ui.fields);
  if (typeErrors)
    return data<SectionActionData>({ values: yours, errors: typeErrors, version }, { status: 400 });
  if (executed.errors?.length || !executed.data) unexpected(executed.errors);
  const outcome = unlessRefused(executed.data.result);
  if (outcome.__typename.endsWith('Success')) {
    throw redirect(
      `/plans/${encodeURIComponent(planId)}/sections/${encodeURIComponent(key)}?saved=section`,
    );
  }
  if (outcome.__typename === 'ValidationError') {
    return data<SectionActionData>(
      { values: yours, errors: formErrors(outcome), version },
      { status: 400 },
    );
  }
  invariantResponse(outcome.__typename === 'SectionConflictError' && outcome.current);
  const saved = ui.toValues(outcome.current);
  // Re-apply what the person changed (compared with what they started from) onto the saved version.
  const merged: Record<string, string> = { ...saved };
  for (const f of ui.fields) {
    const mine = yours[f.name] ?? '';
    if (!baseline || mine !== (baseline[f.name] ?? '')) merged[f.name] = mine;
  }
  return data<SectionActionData>(
    {
      values: merged,
      errors: {},
      version: outcome.current.version,
      conflict: { yours, saved, fields: conflictNames(ui.fields, outcome.fields ?? []) },
    },
    { status: 409 },
  );
}

/** The form fields a conflict's paths fall in: "group.field" itself, a list item's path its list. */
function conflictNames(fields: ReadonlyArray<{ name: string }>, paths: ReadonlyArray<string>) {
  return fields
    .filter((f) => paths.some((p) => p === f.name || p.startsWith(`${f.name}.`)))
    .filter((f, _i, all) => !all.some((o) => o !== f && o.name.startsWith(`${f.name}.`)))
    .map((f) => f.name);
}

export default function SectionPage() {
  const { plan, section, commitments, plugin, comments, commentError } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const ui = sectionUi(section.pluginId, section.key);
  const planUrl = `/plans/${encodeURIComponent(plan.id)}`;
  const sectionUrl = `${planUrl}/sections/${encodeURIComponent(section.key)}`;
  const values = actionData?.values ?? plugin?.values ?? {};
  const errors = actionData?.errors ?? {};
  const summaryErrors = [
    ...Object.entries(errors).map(([name, text]) => ({
      href: name === '_form' ? 'section-form' : name,
      text,
    })),
    ...(actionData ? [] : commentErrorSummary(commentError)),
  ];
  const saved = searchParams.get('saved');
  const deleted = searchParams.get('deleted');

  return (
    <>
      <PlanBreadcrumbs plan={plan} trail={[{ text: section.title }]} />
      {summaryErrors.length > 0 && <ErrorSummary errors={summaryErrors} />}
      <LiveUpdates
        planId={plan.id}
        sectionKey={section.key}
        form={section.viewerCanEdit ? { id: 'section-form', readHref: sectionUrl } : undefined}
      />
      {!actionData && saved === 'section' && (
        <NotificationBanner type="success" heading="Section details saved" />
      )}
      {!actionData && saved && saved !== 'section' && (
        <NotificationBanner type="success" heading={`Commitment ${saved} saved`} />
      )}
      {!actionData && deleted && (
        <NotificationBanner type="success" heading={`Commitment ${deleted} deleted`} />
      )}
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
      <Readiness checks={section.readiness} />

      {ui && plugin && (
        <section aria-labelledby="section-details-heading" id="section-details">
          <h2 className="govuk-heading-m" id="section-details-heading">
            Section details
          </h2>
          {actionData?.conflict && (
            <ConflictComparison
              what="section"
              rows={ui.fields.map((f) => ({
                label: f.label,
                yours: actionData.conflict?.yours[f.name] ?? '',
                saved: actionData.conflict?.saved[f.name] ?? '',
                changedByBoth: actionData.conflict?.fields.includes(f.name),
              }))}
            />
          )}
          {section.viewerCanEdit ? (
            <Form
              method="post"
              noValidate
              reloadDocument
              id="section-form"
              key={`${actionData?.version ?? plugin.version}:${JSON.stringify(values)}`}
            >
              <input type="hidden" name="version" value={actionData?.version ?? plugin.version} />
              <input
                type="hidden"
                name="baseline"
                value={JSON.stringify(actionData?.conflict?.saved ?? plugin.values)}
              />
              <ui.Editor values={values} errors={errors} />
              <Button>
                {actionData?.conflict ? 'Save my changes again' : 'Save section details'}
              </Button>
            </Form>
          ) : (
            <ui.Summary section={plugin.section} />
          )}
        </section>
      )}

      <section aria-labelledby="commitments-heading">
        <h2 className="govuk-heading-m" id="commitments-heading">
          Commitments
        </h2>
        {commitments.length === 0 ? (
          <p className="govuk-body">This section has no commitments yet.</p>
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
                <a
                  key="link"
                  className="govuk-link"
                  href={`${sectionUrl}/commitments/${encodeURIComponent(c.id)}`}
                >
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
        {section.viewerCanEdit && (
          <Button href={`${sectionUrl}/commitments/new`}>Add a commitment</Button>
        )}
      </section>

      <MetricPack metrics={section.metrics} sectionTitle={section.title} />
      <SuggestedStandards standards={section.suggestedStandards} />
      <CommentThread {...comments} error={actionData ? null : commentError} what="section" />
    </>
  );
}

/** The readiness checks not yet passing, each with what to do about it. */
function Readiness({ checks }: { checks: PageSection['readiness'] }) {
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
        {failing.map((c) => (
          <li key={c.id}>
            <strong>{c.title}:</strong> {c.message ?? 'Not done yet'}
          </li>
        ))}
      </ul>
    </section>
  );
}

function MetricPack({
  metrics,
  sectionTitle,
}: {
  metrics: PageSection['metrics'];
  sectionTitle: string;
}) {
  if (metrics.length === 0) return null;
  return (
    <section aria-labelledby="metrics-heading">
      <h2 className="govuk-heading-m" id="metrics-heading">
        Metrics
      </h2>
      <p className="govuk-body">The measures this section is usually tracked by.</p>
      <Table
        caption={`Metrics for ${sectionTitle}`}
        region={`Metrics for ${sectionTitle}`}
        captionSize="s"
        head={['Code', 'Metric', 'Measured as', 'Source']}
        rowKeys={metrics.map((m) => m.id)}
        firstCellIsHeader
        rows={metrics.map((m) => [
          m.code,
          m.title,
          METRIC_UNITS[m.unit] ?? m.unit,
          m.status === 'local' ? `${m.source ?? 'Local data'} (defined locally)` : (m.source ?? ''),
        ])}
      />
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
