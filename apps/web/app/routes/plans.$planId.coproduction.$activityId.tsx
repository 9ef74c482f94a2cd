// One co-production activity: what was heard, its "you said, we did" responses with the commitments
// that answer them, and a form to add a response (commitments chosen by checkbox).
import { data, redirect } from '@remix-run/node';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import {
  BackLink,
  bindFields,
  Button,
  Checkboxes,
  ErrorSummary,
  NotificationBanner,
  SummaryList,
  Textarea,
} from '@lip/ui';
import { ConflictComparison } from '../components/ConflictComparison.tsx';
import {
  ActivityFields,
  activityInput,
  activityValues,
  comparisonRows,
  errorSummaryOf,
  kindText,
  type ActivityFormValues,
} from '../components/CoproductionActivityForm.tsx';
import { PlanNav } from '../components/PlanNav.tsx';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { graphql, PLAN_HEADING, MUTATION_ERROR } from '../graphql.ts';
import { readForm, type FormFields } from '../lib/form.server.ts';
import { gql } from '../lib/graphql.server.ts';
import { formErrors, invariantResponse, unlessRefused } from '../lib/outcome.server.ts';
import { formatDate } from '../lib/labels.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import { queryPlanPage } from '../lib/plan/query-page.server.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page
    ? errorTitle(error)
    : pageTitle(page.activity.title, 'Co-production', page.plan.title);

const QUERY = graphql(
  `
    query CoproductionActivity($planId: ID!, $activityId: ID!) {
      viewer {
        id
      }
      plan(id: $planId) {
        ...PlanHeading
        coproduction {
          id
        }
        # The query cost limit allows a page of 150: more than any plan in practice has.
        commitments(first: 150) {
          edges {
            node {
              id
              reference
              title
              section {
                key
              }
            }
          }
        }
      }
      node(id: $activityId) {
        __typename
        ... on CoproductionActivity {
          id
          kind
          title
          heldOn
          audiences
          chair
          reached
          heard
          version
          viewerCanEdit
          partnershipWide
          responses {
            id
            youSaid
            weDid
            commitments {
              id
              reference
              title
              section {
                key
              }
            }
          }
        }
      }
    }
  `,
  [PLAN_HEADING],
);

async function loadPage({
  request,
  params,
  context,
}: Pick<LoaderFunctionArgs, 'request' | 'params' | 'context'>) {
  const page = await queryPlanPage(request, context, QUERY, {
    planId: params.planId ?? '',
    activityId: params.activityId ?? '',
  });
  const activity = page.node?.__typename === 'CoproductionActivity' ? page.node : null;
  // An activity of another plan (or not an activity at all) is not found here.
  invariantResponse(activity && page.plan.coproduction.some((a) => a.id === activity.id));
  const { commitments, coproduction: _coproduction, ...plan } = page.plan;
  return { plan, activity, commitments: commitments.edges.map((e) => e.node) };
}

export async function loader(args: LoaderFunctionArgs) {
  return loadPage(args);
}

const ADD_RESPONSE = graphql(
  `
    mutation AddResponse($input: AddCoproductionResponseInput!) {
      result: addCoproductionResponse(input: $input) {
        __typename
        ... on MutationAddCoproductionResponseSuccess {
          data {
            id
          }
        }
        ...MutationError
      }
    }
  `,
  [MUTATION_ERROR],
);

const UPDATE_ACTIVITY = graphql(
  `
    mutation UpdateActivity($input: UpdateCoproductionActivityInput!) {
      result: updateCoproductionActivity(input: $input) {
        __typename
        ... on MutationUpdateCoproductionActivitySuccess {
          data {
            id
          }
        }
        ... on CoproductionActivityConflictError {
          current {
            kind
            title
            heldOn
            audiences
            chair
            reached
            heard
            version
          }
        }
        ...MutationError
      }
    }
  `,
  [MUTATION_ERROR],
);

interface ChangeActionData {
  intent: 'update';
  values: ActivityFormValues;
  errors: Record<string, string>;
  version: number;
  baseline: ActivityFormValues;
  conflict?: { yours: ActivityFormValues; saved: ActivityFormValues };
}

function parseBaseline(value: FormDataEntryValue | null): ActivityFormValues | null {
  try {
    return JSON.parse(String(value ?? '')) as ActivityFormValues;
  } catch {
    return null;
  }
}

/** Changing the activity: optimistic concurrency, and on a conflict both versions side by side. */
async function changeActivity(
  context: ActionFunctionArgs['context'],
  form: FormFields,
  planId: string,
  activityId: string,
) {
  const { values, input, errors: found } = activityInput(form);
  const version = form.version();
  const baseline = parseBaseline(form.data.get('baseline')) ?? values;
  // Nothing is sent while the form itself finds something: a change without its date would keep
  // the saved one, and a number typed as text would clear the saved one.
  if (Object.keys(found).length > 0)
    return data<ChangeActionData>(
      { intent: 'update', values, errors: found, version, baseline },
      { status: 400 },
    );
  const { result } = await gql(context, UPDATE_ACTIVITY, {
    input: { ...input, id: activityId, version },
  });
  const outcome = unlessRefused(result);
  if (outcome.__typename === 'MutationUpdateCoproductionActivitySuccess') {
    throw redirect(
      `/plans/${encodeURIComponent(planId)}/coproduction/${encodeURIComponent(activityId)}?changed=1`,
    );
  }
  if (outcome.__typename === 'CoproductionActivityConflictError') {
    const saved = activityValues(outcome.current);
    // What the person changed (compared with what they started from), re-applied onto the saved version.
    const merged = Object.fromEntries(
      (Object.keys(saved) as Array<keyof ActivityFormValues>).map((key) => [
        key,
        JSON.stringify(values[key]) !== JSON.stringify(baseline[key]) ? values[key] : saved[key],
      ]),
    ) as unknown as ActivityFormValues; // rebuilt key by key from two ActivityFormValues
    return data<ChangeActionData>(
      {
        intent: 'update',
        values: merged,
        errors: {},
        version: outcome.current.version,
        baseline: saved,
        conflict: { yours: values, saved },
      },
      { status: 409 },
    );
  }
  return data<ChangeActionData>(
    { intent: 'update', values, errors: formErrors(outcome), version, baseline },
    { status: 400 },
  );
}

interface ResponseValues {
  youSaid: string;
  weDid: string;
  commitmentIds: string[];
}

export async function action(args: ActionFunctionArgs) {
  const { plan, activity } = await loadPage(args);
  const form = await readForm(args.request);
  if (form.intent === 'update') return changeActivity(args.context, form, plan.id, activity.id);
  const values: ResponseValues = {
    youSaid: form.text('youSaid'),
    weDid: form.text('weDid'),
    commitmentIds: form.all('commitmentIds'),
  };
  const { result } = await gql(args.context, ADD_RESPONSE, {
    input: { activityId: activity.id, ...values },
  });
  const outcome = unlessRefused(result);
  if (outcome.__typename === 'MutationAddCoproductionResponseSuccess') {
    throw redirect(
      `/plans/${encodeURIComponent(plan.id)}/coproduction/${encodeURIComponent(activity.id)}?responded=1#response-${outcome.data.id}`,
    );
  }
  return data(
    { intent: 'response' as const, values, errors: formErrors(outcome) },
    { status: 400 },
  );
}

const FIELDS = [
  { name: 'youSaid', focusId: 'youSaid' },
  { name: 'weDid', focusId: 'weDid' },
  { name: 'commitmentIds', focusId: 'commitmentIds' },
];

const RESPONSE_TEXTS = [
  { name: 'youSaid', label: 'You said', hint: 'What people told you' },
  { name: 'weDid', label: 'We did', hint: 'What the partnership did about it' },
] as const;

export default function CoproductionActivityPage() {
  const { plan, activity, commitments } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const responseAction = actionData?.intent === 'response' ? actionData : undefined;
  const changeAction = actionData?.intent === 'update' ? actionData : undefined;
  const errors: Record<string, string> = responseAction?.errors ?? {};
  const summary = FIELDS.flatMap((f) =>
    errors[f.name] ? [{ href: f.focusId, text: errors[f.name] ?? '' }] : [],
  );
  if (errors._form) summary.push({ href: 'add-response', text: errors._form });
  const changeErrors: Record<string, string> = changeAction?.errors ?? {};
  summary.push(...errorSummaryOf(changeErrors, 'change-activity'));
  const saved = activityValues(activity);
  const field = bindFields<Partial<ResponseValues>>(responseAction?.values ?? {}, errors);
  const planUrl = `/plans/${encodeURIComponent(plan.id)}`;
  const commitmentUrl = (c: { id: string; section: { key: string } }) =>
    `${planUrl}/sections/${encodeURIComponent(c.section.key)}/commitments/${encodeURIComponent(c.id)}`;
  return (
    <>
      <BackLink href={`${planUrl}/coproduction`}>Back to co-production</BackLink>
      {summary.length > 0 && <ErrorSummary errors={summary} />}
      {!actionData && searchParams.get('added') && (
        <NotificationBanner type="success" heading="Activity added" />
      )}
      {!actionData && searchParams.get('responded') && (
        <NotificationBanner type="success" heading="“You said, we did” added" />
      )}
      {!actionData && searchParams.get('changed') && (
        <NotificationBanner type="success" heading="Activity changed" />
      )}
      <span className="govuk-caption-l">
        {plan.title} · {kindText(activity.kind)}
      </span>
      <h1 className="govuk-heading-l">{activity.title}</h1>
      <PlanNav planId={plan.id} current="coproduction" />
      <SummaryList
        rows={[
          { key: 'Kind of activity', value: kindText(activity.kind) },
          { key: 'Date held', value: formatDate(activity.heldOn) },
          { key: 'Who took part', value: activity.audiences.join(', ') || 'Not recorded' },
          { key: 'Chaired by', value: activity.chair ?? 'Not recorded' },
          {
            key: 'People reached',
            value:
              activity.reached === null ? 'Not recorded' : activity.reached.toLocaleString('en-GB'),
          },
          {
            key: 'What was heard',
            value: <span className="lip-preserve-lines">{activity.heard}</span>,
          },
          ...(activity.partnershipWide
            ? [{ key: 'Scope', value: 'Partnership-wide, not only this plan' }]
            : []),
        ]}
      />

      <section aria-labelledby="responses-heading">
        <h2 className="govuk-heading-m" id="responses-heading">
          You said, we did
        </h2>
        {activity.responses.length === 0 && (
          <p className="govuk-body">No responses have been recorded for this activity yet.</p>
        )}
        {activity.responses.map((response) => (
          <div key={response.id} id={`response-${response.id}`} className="govuk-summary-card">
            <div className="govuk-summary-card__content">
              <dl className="govuk-summary-list">
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">You said</dt>
                  <dd className="govuk-summary-list__value">{response.youSaid}</dd>
                </div>
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">We did</dt>
                  <dd className="govuk-summary-list__value">{response.weDid}</dd>
                </div>
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">Commitments</dt>
                  <dd className="govuk-summary-list__value">
                    {response.commitments.length === 0 ? (
                      'None linked'
                    ) : (
                      <ul className="govuk-list">
                        {response.commitments.map((c) => (
                          <li key={c.id}>
                            <a className="govuk-link" href={commitmentUrl(c)}>
                              {c.reference}: {c.title}
                            </a>
                          </li>
                        ))}
                      </ul>
                    )}
                  </dd>
                </div>
              </dl>
            </div>
          </div>
        ))}
      </section>

      {activity.viewerCanEdit && (
        <section aria-labelledby="add-response-heading" className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <h2 className="govuk-heading-m" id="add-response-heading">
              Add a “you said, we did”
            </h2>
            <Form
              method="post"
              noValidate
              reloadDocument
              id="add-response"
              key={JSON.stringify(responseAction?.values ?? null)}
            >
              <input type="hidden" name="intent" value="response" />
              {RESPONSE_TEXTS.map(({ name, label, hint }) => (
                <Textarea
                  key={name}
                  {...field.text(name)}
                  label={label}
                  labelSize="s"
                  hint={hint}
                  rows={3}
                />
              ))}
              <Checkboxes
                {...field.checkboxes('commitmentIds')}
                legend="Which commitments answer it? (optional)"
                legendSize="s"
                small
                items={commitments.map((c) => ({
                  value: c.id,
                  text: `${c.reference}: ${c.title}`,
                }))}
              />
              <Button>Add response</Button>
            </Form>
          </div>
        </section>
      )}

      {activity.viewerCanEdit && (
        <section
          aria-labelledby="change-activity-heading"
          id="change"
          className="govuk-!-margin-top-6"
        >
          <h2 className="govuk-heading-m" id="change-activity-heading">
            Change this activity
          </h2>
          {changeAction?.conflict && (
            <ConflictComparison
              what="activity"
              rows={comparisonRows(changeAction.conflict.yours, changeAction.conflict.saved)}
            />
          )}
          <details className="govuk-details" open={Boolean(changeAction)}>
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">
                Change the details of this activity
              </span>
            </summary>
            <div className="govuk-details__text">
              <Form
                method="post"
                noValidate
                reloadDocument
                id="change-activity"
                key={`${changeAction?.version ?? activity.version}:${JSON.stringify(changeAction?.values ?? saved)}`}
              >
                <input type="hidden" name="intent" value="update" />
                <input
                  type="hidden"
                  name="version"
                  value={changeAction?.version ?? activity.version}
                />
                <input
                  type="hidden"
                  name="baseline"
                  value={JSON.stringify(changeAction?.baseline ?? saved)}
                />
                <ActivityFields values={changeAction?.values ?? saved} errors={changeErrors} />
                <Button>
                  {changeAction?.conflict ? 'Save my changes again' : 'Save activity'}
                </Button>
              </Form>
            </div>
          </details>
        </section>
      )}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
