// One co-production activity: what was heard, its "you said, we did" responses with the commitments
// that answer them, and a form to add a response (commitments chosen by checkbox).
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import {
  BackLink,
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
import {
  fieldErrorMap,
  gql,
  notFound,
  requireViewer,
  type UnionResult,
} from '../lib/graphql.server.ts';
import { formatDate } from '../lib/labels.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page
    ? errorTitle(error)
    : pageTitle(page.activity.title, 'Co-production', page.plan.title);

const QUERY = /* GraphQL */ `
  query CoproductionActivity($planId: ID!, $activityId: ID!) {
    viewer {
      id
    }
    plan(id: $planId) {
      id
      title
      partnership {
        slug
        name
      }
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
`;

interface CommitmentRef {
  id: string;
  reference: string;
  title: string;
  section: { key: string };
}
interface ActivityData {
  id: string;
  kind: string;
  title: string;
  heldOn: string;
  audiences: string[];
  chair: string | null;
  reached: number | null;
  heard: string;
  version: number;
  viewerCanEdit: boolean;
  partnershipWide: boolean;
  responses: Array<{ id: string; youSaid: string; weDid: string; commitments: CommitmentRef[] }>;
}
interface PageData {
  viewer: { id: string } | null;
  plan: {
    id: string;
    title: string;
    partnership: { slug: string; name: string };
    coproduction: Array<{ id: string }>;
    commitments: { edges: Array<{ node: CommitmentRef }> };
  } | null;
  node: ActivityData | Record<string, never> | null;
}

async function loadPage({
  request,
  params,
  context,
}: Pick<LoaderFunctionArgs, 'request' | 'params' | 'context'>) {
  const page = requireViewer(
    request,
    await gql<PageData>(context, QUERY, { planId: params.planId, activityId: params.activityId }),
  );
  const activity = page.node && 'id' in page.node ? (page.node as ActivityData) : null;
  // An activity of another plan (or not an activity at all) is not found here.
  if (!page.plan || !activity || !page.plan.coproduction.some((a) => a.id === activity.id))
    notFound();
  const { commitments, coproduction: _coproduction, ...plan } = page.plan;
  return { plan, activity, commitments: commitments.edges.map((e) => e.node) };
}

export async function loader(args: LoaderFunctionArgs) {
  return loadPage(args);
}

const ADD_RESPONSE = /* GraphQL */ `
  mutation AddResponse($input: AddCoproductionResponseInput!) {
    result: addCoproductionResponse(input: $input) {
      __typename
      ... on MutationAddCoproductionResponseSuccess {
        data {
          id
        }
      }
      ... on Error {
        message
      }
      ... on ValidationError {
        fieldErrors {
          path
          message
        }
      }
    }
  }
`;

const UPDATE_ACTIVITY = /* GraphQL */ `
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
      ... on Error {
        message
      }
      ... on ValidationError {
        fieldErrors {
          path
          message
        }
      }
    }
  }
`;

type SavedActivity = Parameters<typeof activityValues>[0] & { version: number };

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
  args: ActionFunctionArgs,
  form: FormData,
  planId: string,
  activityId: string,
) {
  const { values, input, errors: formErrors } = activityInput(form);
  const version = Number(form.get('version'));
  const baseline = parseBaseline(form.get('baseline')) ?? values;
  const { result } = await gql<{
    result: UnionResult & { data?: { id: string }; current?: SavedActivity };
  }>(args.context, UPDATE_ACTIVITY, {
    input: { ...input, id: activityId, version },
  });
  if (result.data && Object.keys(formErrors).length === 0) {
    throw redirect(
      `/plans/${encodeURIComponent(planId)}/coproduction/${encodeURIComponent(activityId)}?changed=1`,
    );
  }
  if (result.__typename === 'CoproductionActivityConflictError' && result.current) {
    const saved = activityValues(result.current);
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
        version: result.current.version,
        baseline: saved,
        conflict: { yours: values, saved },
      },
      { status: 409 },
    );
  }
  if (result.__typename === 'ForbiddenError') throw new Response('Forbidden', { status: 403 });
  if (result.__typename === 'NotFoundError') notFound();
  const errors = { ...fieldErrorMap(result), ...formErrors };
  if (Object.keys(errors).length === 0)
    errors._form = result.message ?? 'Check the details you entered';
  return data<ChangeActionData>(
    { intent: 'update', values, errors, version, baseline },
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
  const form = await args.request.formData();
  if (form.get('intent') === 'update') return changeActivity(args, form, plan.id, activity.id);
  const values: ResponseValues = {
    youSaid: String(form.get('youSaid') ?? '').trim(),
    weDid: String(form.get('weDid') ?? '').trim(),
    commitmentIds: form.getAll('commitmentIds').map(String),
  };
  const { result } = await gql<{ result: UnionResult & { data?: { id: string } } }>(
    args.context,
    ADD_RESPONSE,
    {
      input: { activityId: activity.id, ...values },
    },
  );
  if (result.data) {
    throw redirect(
      `/plans/${encodeURIComponent(plan.id)}/coproduction/${encodeURIComponent(activity.id)}?responded=1#response-${result.data.id}`,
    );
  }
  if (result.__typename === 'ForbiddenError') throw new Response('Forbidden', { status: 403 });
  if (result.__typename === 'NotFoundError') notFound();
  const errors = fieldErrorMap(result);
  if (Object.keys(errors).length === 0)
    errors._form = result.message ?? 'Check the details you entered';
  return data({ intent: 'response' as const, values, errors }, { status: 400 });
}

const FIELDS = [
  { name: 'youSaid', focusId: 'youSaid' },
  { name: 'weDid', focusId: 'weDid' },
  { name: 'commitmentIds', focusId: 'commitmentIds' },
];

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
  const planUrl = `/plans/${encodeURIComponent(plan.id)}`;
  const commitmentUrl = (c: CommitmentRef) =>
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
              <Textarea
                id="youSaid"
                name="youSaid"
                label="You said"
                labelSize="s"
                hint="What people told you"
                rows={3}
                defaultValue={responseAction?.values.youSaid}
                errorMessage={errors.youSaid}
              />
              <Textarea
                id="weDid"
                name="weDid"
                label="We did"
                labelSize="s"
                hint="What the partnership did about it"
                rows={3}
                defaultValue={responseAction?.values.weDid}
                errorMessage={errors.weDid}
              />
              <Checkboxes
                idPrefix="commitmentIds"
                name="commitmentIds"
                legend="Which commitments answer it? (optional)"
                legendSize="s"
                small
                items={commitments.map((c) => ({
                  value: c.id,
                  text: `${c.reference}: ${c.title}`,
                }))}
                values={responseAction?.values.commitmentIds ?? []}
                errorMessage={errors.commitmentIds}
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
