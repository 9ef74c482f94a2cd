// The plan's co-production log: every engagement activity by date held, and a form to add one.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { Breadcrumbs, Button, DateInput, ErrorSummary, Input, Radios, Table, Textarea, type DateParts } from '@lip/ui';
import { PlanNav } from '../components/PlanNav.tsx';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { fieldErrorMap, gql, notFound, requireViewer, type UnionResult } from '../lib/graphql.server.ts';
import { formatDate } from '../lib/labels.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page ? errorTitle(error) : pageTitle('Co-production', page.plan.title);

const COPRODUCTION_KINDS = [
  { value: 'BRIEFING', text: 'Briefing' },
  { value: 'WORKSHOP', text: 'Workshop' },
  { value: 'ROUND_TABLE', text: 'Round table' },
  { value: 'FORUM', text: 'Forum' },
  { value: 'SURVEY', text: 'Survey' },
  { value: 'BOARD_MEETING', text: 'Board meeting' },
  { value: 'CABINET_MEETING', text: 'Cabinet meeting' },
  { value: 'OTHER', text: 'Other' },
] as const;

const QUERY = /* GraphQL */ `
  query CoproductionLog($planId: ID!) {
    viewer { id }
    plan(id: $planId) {
      id title
      partnership { slug name viewerMembership { roles } }
      coproduction { id kind title heldOn audiences chair reached partnershipWide responses { id } }
    }
  }
`;

interface Activity {
  id: string;
  kind: string;
  title: string;
  heldOn: string;
  audiences: string[];
  chair: string | null;
  reached: number | null;
  partnershipWide: boolean;
  responses: { id: string }[];
}
interface PageData {
  viewer: { id: string } | null;
  plan: {
    id: string;
    title: string;
    partnership: { slug: string; name: string; viewerMembership: { roles: string[] } | null };
    coproduction: Activity[];
  } | null;
}

async function loadPage({ request, params, context }: Pick<LoaderFunctionArgs, 'request' | 'params' | 'context'>) {
  const page = requireViewer(request, await gql<PageData>(context, QUERY, { planId: params.planId }));
  if (!page.plan) notFound();
  const roles = page.plan.partnership.viewerMembership?.roles ?? [];
  return { plan: page.plan, canEdit: roles.some((role) => role !== 'VIEWER') };
}

export async function loader(args: LoaderFunctionArgs) {
  return loadPage(args);
}

interface ActivityFormValues {
  kind: string;
  title: string;
  heldOn: DateParts;
  audiences: string;
  chair: string;
  reached: string;
  heard: string;
}

const REACHED_MESSAGE = 'Enter the number of people reached as a whole number, 0 or more';

/** Form text → mutation input, with the checks only the form can make (dates typed in parts, numbers typed as text). */
function activityInput(form: FormData): { values: ActivityFormValues; input: Record<string, unknown>; errors: Record<string, string> } {
  const text = (name: string) => String(form.get(name) ?? '').trim();
  const values: ActivityFormValues = {
    kind: text('kind'),
    title: text('title'),
    heldOn: { day: text('heldOn-day'), month: text('heldOn-month'), year: text('heldOn-year') },
    audiences: text('audiences'),
    chair: text('chair'),
    reached: text('reached'),
    heard: text('heard'),
  };
  const errors: Record<string, string> = {};
  const { day, month, year } = values.heldOn;
  let heldOn: string | null = null;
  if (day || month || year) {
    const iso = `${year.padStart(4, '0')}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
    const parsed = new Date(`${iso}T00:00:00Z`);
    if (/^\d{4}-\d{2}-\d{2}$/.test(iso) && !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(iso)) heldOn = iso;
    else errors.heldOn = 'The date the activity was held must be a real date';
  }
  let reached: number | null = null;
  if (values.reached !== '') {
    if (/^\d{1,9}$/.test(values.reached)) reached = Number(values.reached);
    else errors.reached = REACHED_MESSAGE;
  }
  const input = {
    kind: values.kind || null,
    title: values.title,
    heldOn,
    audiences: values.audiences.split(/\r?\n|,/).map((a) => a.trim()).filter(Boolean),
    chair: values.chair || null,
    reached,
    heard: values.heard,
  };
  return { values, input, errors };
}

const CREATE = /* GraphQL */ `
  mutation CreateActivity($input: CreateCoproductionActivityInput!) {
    result: createCoproductionActivity(input: $input) {
      __typename
      ... on MutationCreateCoproductionActivitySuccess { data { id } }
      ... on Error { message }
      ... on ValidationError { fieldErrors { path message } }
    }
  }
`;

export async function action(args: ActionFunctionArgs) {
  const { plan } = await loadPage(args);
  const { values, input, errors: formErrors } = activityInput(await args.request.formData());
  const { result } = await gql<{ result: UnionResult & { data?: { id: string } } }>(args.context, CREATE, { input: { ...input, planId: plan.id } });
  if (result.data && Object.keys(formErrors).length === 0) {
    throw redirect(`/plans/${encodeURIComponent(plan.id)}/coproduction/${encodeURIComponent(result.data.id)}?added=1`);
  }
  if (result.__typename === 'ForbiddenError') throw new Response('Forbidden', { status: 403 });
  // The form's own findings win: "must be a real date" says more than "enter the date".
  const errors = { ...fieldErrorMap(result), ...formErrors };
  if (Object.keys(errors).length === 0) errors._form = result.message ?? 'Check the details you entered';
  return data({ values, errors }, { status: 400 });
}

const ACTIVITY_FIELD_ORDER: ReadonlyArray<{ name: string; focusId: string }> = [
  { name: 'kind', focusId: 'kind' },
  { name: 'title', focusId: 'title' },
  { name: 'heldOn', focusId: 'heldOn-day' },
  { name: 'audiences', focusId: 'audiences' },
  { name: 'chair', focusId: 'chair' },
  { name: 'reached', focusId: 'reached' },
  { name: 'heard', focusId: 'heard' },
];

function ActivityFields({ values, errors }: { values?: ActivityFormValues; errors: Record<string, string> }) {
  return (
    <>
      <Radios
        idPrefix="kind"
        name="kind"
        legend="What kind of activity was it?"
        legendSize="s"
        small
        items={COPRODUCTION_KINDS.map((k) => ({ value: k.value, text: k.text }))}
        value={values?.kind ?? null}
        errorMessage={errors.kind}
      />
      <Input id="title" name="title" label="Title" labelSize="s" defaultValue={values?.title} errorMessage={errors.title} />
      <DateInput id="heldOn" legend="Date held" hint="For example, 14 10 2026" value={values?.heldOn} errorMessage={errors.heldOn} />
      <Textarea
        id="audiences"
        name="audiences"
        label="Who took part"
        labelSize="s"
        hint="One group on each line, for example SENCos or parents and carers"
        rows={3}
        defaultValue={values?.audiences}
        errorMessage={errors.audiences}
      />
      <Input id="chair" name="chair" label="Chaired by (optional)" labelSize="s" hint="A role, for example Lead Member for SEND" defaultValue={values?.chair} errorMessage={errors.chair} />
      <Input id="reached" name="reached" label="Number of people reached (optional)" labelSize="s" inputMode="numeric" width="5" defaultValue={values?.reached} errorMessage={errors.reached} />
      <Textarea id="heard" name="heard" label="What was heard" labelSize="s" rows={5} defaultValue={values?.heard} errorMessage={errors.heard} />
    </>
  );
}

function errorSummaryOf(errors: Record<string, string>, formId: string) {
  const items = ACTIVITY_FIELD_ORDER.flatMap((f) => (errors[f.name] ? [{ href: f.focusId, text: errors[f.name] ?? '' }] : []));
  if (errors._form) items.push({ href: formId, text: errors._form });
  return items;
}

const kindText = (kind: string) => COPRODUCTION_KINDS.find((k) => k.value === kind)?.text ?? kind;

export default function CoproductionLog() {
  const { plan, canEdit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const summary = errorSummaryOf(errors, 'add-activity');
  const planUrl = `/plans/${encodeURIComponent(plan.id)}`;
  return (
    <>
      <Breadcrumbs
        items={[
          { text: 'Your partnerships', href: '/partnerships' },
          { text: plan.partnership.name, href: `/partnerships/${plan.partnership.slug}` },
          { text: plan.title, href: planUrl },
          { text: 'Co-production' },
        ]}
      />
      {summary.length > 0 && <ErrorSummary errors={summary} />}
      <span className="govuk-caption-l">{plan.title}</span>
      <h1 className="govuk-heading-l">Co-production</h1>
      <PlanNav planId={plan.id} current="coproduction" />
      <p className="govuk-body">
        How the plan was developed and tested with children, young people, families, schools and partners, and what changed as a result (“you said,
        we did”). The published plan shows this log.
      </p>
      {plan.coproduction.length === 0 ? (
        <p className="govuk-body">No activities have been recorded yet.</p>
      ) : (
        <Table
          caption="Activities, by date held"
          captionSize="m"
          head={['Date held', 'Activity', 'Who took part', 'Reached', '“You said, we did”']}
          rowKeys={plan.coproduction.map((a) => a.id)}
          rows={plan.coproduction.map((a) => [
            <time key="date" dateTime={a.heldOn}>
              {formatDate(a.heldOn)}
            </time>,
            <span key="title">
              <a className="govuk-link" href={`${planUrl}/coproduction/${encodeURIComponent(a.id)}`}>
                {a.title}
              </a>
              <br />
              <span className="govuk-body-s govuk-!-margin-bottom-0">
                {kindText(a.kind)}
                {a.chair ? `, chaired by ${a.chair}` : ''}
                {a.partnershipWide ? ' (partnership-wide)' : ''}
              </span>
            </span>,
            a.audiences.join(', '),
            a.reached === null ? '' : a.reached.toLocaleString('en-GB'),
            a.responses.length === 0 ? 'None yet' : String(a.responses.length),
          ])}
        />
      )}
      {canEdit && (
        <section aria-labelledby="add-activity-heading" className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <h2 className="govuk-heading-m" id="add-activity-heading">
              Add an activity
            </h2>
            <Form method="post" noValidate reloadDocument id="add-activity" key={JSON.stringify(actionData?.values ?? null)}>
              <ActivityFields values={actionData?.values} errors={errors} />
              <Button>Add activity</Button>
            </Form>
          </div>
        </section>
      )}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
