// Create a plan (the partnership's lead): its kind, the standards framework it answers, its title
// and period. It starts as a draft with a section for each installed section plugin.
import { data, redirect } from '@remix-run/node';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { bindFields, Button, DateInput, FormPage, Input, Radios, type DateParts } from '@lip/ui';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { useErrorTitle } from '../components/useErrorTitle.ts';
import { planPath } from '../components/workflow/workflow.ts';
import { graphql, MUTATION_ERROR } from '../graphql.ts';
import { readForm } from '../lib/form.server.ts';
import { gql } from '../lib/graphql.server.ts';
import { formErrors, unlessRefused } from '../lib/outcome.server.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import { partnershipPath } from '../lib/partnership-admin.ts';
import { PARTNERSHIP_PAGE_FIELDS } from '../lib/partnership/fragments.ts';
import { leadPartnershipPage } from '../lib/partnership/page.server.ts';
import { isoDate } from '../lib/iso-date.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page ? errorTitle(error) : pageTitle('Create a plan', page.partnership.name);

const QUERY = graphql(
  `
    query CreatePlanPage($slug: String!) {
      viewer {
        id
      }
      partnership(slug: $slug) {
        ...PartnershipPageFields
      }
      planKinds {
        id
        title
        note
      }
      standardsFrameworks {
        id
        title
        status
      }
    }
  `,
  [PARTNERSHIP_PAGE_FIELDS],
);

const CREATE = graphql(
  `
    mutation CreatePlan($input: CreatePlanInput!) {
      result: createPlan(input: $input) {
        __typename
        ... on MutationCreatePlanSuccess {
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

async function loadPage(args: LoaderFunctionArgs) {
  const page = await leadPartnershipPage(args, QUERY);
  return {
    partnership: page.partnership,
    kinds: page.planKinds,
    // Newest framework first: a new plan usually answers the latest standards.
    frameworks: [...page.standardsFrameworks].reverse(),
  };
}

export const loader = (args: LoaderFunctionArgs) => loadPage(args);

interface PlanValues {
  kindId: string;
  frameworkId: string;
  title: string;
  periodStart: DateParts;
  periodEnd: DateParts;
}

/** Field → id of the input the error summary links to, in page order. */
const FIELD_IDS: Array<[string, string]> = [
  ['kindId', 'kindId'],
  ['frameworkId', 'frameworkId'],
  ['title', 'title'],
  ['periodStart', 'periodStart-day'],
  ['periodEnd', 'periodEnd-day'],
  ['_form', 'kindId'],
];

export async function action(args: ActionFunctionArgs) {
  const { partnership } = await loadPage(args);
  const form = await readForm(args.request);
  const dateParts = (name: string): DateParts => ({
    day: form.text(`${name}-day`),
    month: form.text(`${name}-month`),
    year: form.text(`${name}-year`),
  });
  const values: PlanValues = {
    kindId: form.text('kindId'),
    frameworkId: form.text('frameworkId'),
    title: form.text('title'),
    periodStart: dateParts('periodStart'),
    periodEnd: dateParts('periodEnd'),
  };
  const periodStart = isoDate(values.periodStart);
  const periodEnd = isoDate(values.periodEnd);
  const local: Record<string, string> = {};
  if (!periodStart) local.periodStart = 'Start date must be a real date, for example 1 9 2026';
  if (!periodEnd) local.periodEnd = 'End date must be a real date, for example 31 8 2029';
  let errors: Record<string, string> = {};
  if (periodStart && periodEnd) {
    const { result } = await gql(args.context, CREATE, {
      input: {
        partnershipId: partnership.id,
        kindId: values.kindId,
        frameworkId: values.frameworkId,
        title: values.title,
        periodStart,
        periodEnd,
      },
    });
    const outcome = unlessRefused(result);
    if (outcome.__typename === 'MutationCreatePlanSuccess')
      throw redirect(`${planPath(outcome.data.id)}?created=1`);
    errors = formErrors(outcome);
  } else {
    // The dates cannot go to the API yet; say what else is missing too.
    if (!values.kindId) errors.kindId = 'Select the kind of plan';
    if (!values.frameworkId) errors.frameworkId = 'Select the standards framework';
    if (!values.title) errors.title = 'Enter a title for the plan';
  }
  return data({ values, errors: { ...errors, ...local } }, { status: 400 });
}

export default function CreatePlan() {
  const { partnership, kinds, frameworks } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  useErrorTitle(Boolean(failure));
  const errors = failure?.errors ?? {};
  const values: PlanValues = failure?.values ?? {
    kindId: kinds.some((k) => k.id === 'local-inclusion-plan') ? 'local-inclusion-plan' : '',
    frameworkId: frameworks[0]?.id ?? '',
    title: '',
    periodStart: { day: '', month: '', year: '' },
    periodEnd: { day: '', month: '', year: '' },
  };
  const field = bindFields(values, errors);
  return (
    <FormPage
      back={{ href: partnershipPath(partnership.slug), text: `Back to ${partnership.name}` }}
      errors={FIELD_IDS.filter(([key]) => errors[key]).map(([key, href]) => ({
        href,
        text: errors[key]!,
      }))}
      caption={partnership.name}
      heading="Create a plan"
    >
      <form method="post" noValidate>
        <Radios
          {...field.radios('kindId')}
          legend="What kind of plan is it?"
          legendSize="m"
          items={kinds.map((k) => ({ value: k.id, text: k.title, hint: k.note ?? undefined }))}
        />
        <Radios
          {...field.radios('frameworkId')}
          legend="Which standards does it answer?"
          legendSize="m"
          hint="Commitments are mapped to the areas of this version of the national standards"
          items={frameworks.map((f) => ({ value: f.id, text: f.title }))}
        />
        <Input
          {...field.text('title')}
          label="Title"
          labelSize="m"
          hint="For example, Northshire Local Inclusion Plan 2026 to 2029"
        />
        <DateInput
          {...field.date('periodStart')}
          legend="When does the plan start?"
          legendSize="m"
          hint="For example, 1 9 2026"
        />
        <DateInput
          {...field.date('periodEnd')}
          legend="When does it end?"
          legendSize="m"
          hint="For example, 31 8 2029"
        />
        <Button>Create plan</Button>
      </form>
    </FormPage>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
