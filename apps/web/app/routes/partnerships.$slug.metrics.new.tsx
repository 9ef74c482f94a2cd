import { data, redirect } from '@remix-run/node';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { bindFields, FormActions, FormPage, Input, Radios, Select } from '@lip/ui';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { PERIOD_TYPES, POLARITIES, themeTitle } from '../components/metrics/labels.ts';
import { useErrorTitle } from '../components/useErrorTitle.ts';
import { graphql, MUTATION_ERROR } from '../graphql.ts';
import { readForm } from '../lib/form.server.ts';
import { gql } from '../lib/graphql.server.ts';
import { forbidden, formErrors, unlessRefused } from '../lib/outcome.server.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import { partnershipPage } from '../lib/partnership/page.server.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page ? errorTitle(error) : pageTitle('Add a local metric', page.partnership.name);

const QUERY = graphql(`
  query NewLocalMetric($slug: String!) {
    viewer {
      id
    }
    partnership(slug: $slug) {
      id
      slug
      name
      metrics {
        theme
      }
      disclosure {
        viewerCanEdit
      }
    }
  }
`);

async function load(args: LoaderFunctionArgs) {
  const page = await partnershipPage(args, QUERY);
  if (!page.partnership.disclosure.viewerCanEdit) forbidden();
  const { metrics, ...partnership } = page.partnership;
  return { partnership, themes: [...new Set(metrics.map((m) => m.theme))].sort() };
}

export const loader = load;

const FIELDS = [
  { name: 'title', label: 'Title', focus: 'title' },
  { name: 'theme', label: 'Theme', focus: 'theme' },
  { name: 'unit', label: 'Unit', focus: 'unit' },
  { name: 'polarity', label: 'Which is better', focus: 'polarity' },
  { name: 'periodType', label: 'Period', focus: 'periodType' },
  { name: 'numerator', label: 'Numerator', focus: 'numerator' },
  { name: 'denominator', label: 'Denominator', focus: 'denominator' },
  { name: 'source', label: 'Source', focus: 'source' },
] as const;

type Values = Record<(typeof FIELDS)[number]['name'], string>;

interface ActionData {
  values: Values;
  errors: Record<string, string>;
}

const CREATE = graphql(
  `
    mutation CreateLocalMetric($input: CreateLocalMetricInput!) {
      result: createLocalMetric(input: $input) {
        __typename
        ... on MutationCreateLocalMetricSuccess {
          data {
            id
            title
          }
        }
        ...MutationError
      }
    }
  `,
  [MUTATION_ERROR],
);

export async function action(args: ActionFunctionArgs) {
  const { partnership } = await load(args);
  const form = await readForm(args.request);
  const values = Object.fromEntries(FIELDS.map((f) => [f.name, form.text(f.name)])) as Values;
  const polarity = POLARITIES.find((p) => p.value === values.polarity)?.value;
  const periodType = PERIOD_TYPES.find((p) => p.value === values.periodType)?.value;
  const errors: Record<string, string> = {};
  if (!values.title) errors.title = 'Enter the title of the metric';
  if (!values.theme) errors.theme = 'Select a theme';
  if (!values.unit) errors.unit = 'Enter the unit, for example percent or count';
  if (!polarity) errors.polarity = 'Select which is better';
  if (!periodType) errors.periodType = 'Select the period';
  if (!polarity || !periodType || Object.keys(errors).length > 0)
    return data<ActionData>({ values, errors }, { status: 400 });

  const { result } = await gql(args.context, CREATE, {
    input: {
      partnershipId: partnership.id,
      title: values.title,
      theme: values.theme,
      unit: values.unit,
      polarity,
      periodType,
      numerator: values.numerator || null,
      denominator: values.denominator || null,
      source: values.source || null,
    },
  });
  const outcome = unlessRefused(result);
  if (outcome.__typename === 'MutationCreateLocalMetricSuccess')
    throw redirect(
      `/partnerships/${encodeURIComponent(partnership.slug)}/metrics?saved=${encodeURIComponent(outcome.data.title)}`,
    );
  return data<ActionData>({ values, errors: formErrors(outcome) }, { status: 400 });
}

export default function NewLocalMetric() {
  const { partnership, themes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  const values: Partial<Values> = actionData?.values ?? {};
  const summary = [
    ...FIELDS.flatMap((f) =>
      errors[f.name] ? [{ href: f.focus, text: errors[f.name] ?? '' }] : [],
    ),
    ...Object.entries(errors)
      .filter(([k]) => !FIELDS.some((f) => f.name === k))
      .map(([, text]) => ({ href: 'title', text })),
  ];
  useErrorTitle(summary.length > 0);
  const field = bindFields(values, errors);
  const back = `/partnerships/${encodeURIComponent(partnership.slug)}/metrics`;
  return (
    <FormPage
      back={{ href: back, text: 'Back to metrics' }}
      errors={summary}
      caption={partnership.name}
      heading="Add a local metric"
    >
      <p className="govuk-body">
        A measure the partnership tracks that is not in the national catalogue. Only aggregate
        figures: never about one child.
      </p>
      <form method="post" noValidate>
        <Input {...field.text('title')} label="Title" />
        <Select
          {...field.text('theme')}
          label="Theme"
          options={[
            { value: '', text: 'Select a theme' },
            ...themes.map((t) => ({ value: t, text: themeTitle(t) })),
          ]}
        />
        <Input
          {...field.text('unit')}
          label="Unit"
          hint="For example percent, count or weeks"
          width="10"
        />
        <Radios
          {...field.radios('polarity')}
          legend="Which is better"
          legendSize="s"
          items={POLARITIES.map((p) => ({ value: p.value, text: p.text }))}
        />
        <Select
          {...field.text('periodType')}
          label="Period"
          hint="How the figures are reported"
          options={[
            { value: '', text: 'Select the period' },
            ...PERIOD_TYPES.map((p) => ({ value: p.value, text: p.text })),
          ]}
        />
        <Input
          {...field.text('numerator')}
          label="Numerator (optional)"
          hint="What is counted, for a rate"
        />
        <Input
          {...field.text('denominator')}
          label="Denominator (optional)"
          hint="What it is counted out of"
        />
        <Input {...field.text('source')} label="Source (optional)" />
        <FormActions submit="Add metric" cancelHref={back} />
      </form>
    </FormPage>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
