import { data, redirect } from '@remix-run/node';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { BackLink, ErrorSummary } from '@lip/ui';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import {
  TargetForm,
  targetSummary,
  emptyTargetValues,
  type TargetValues,
} from '../components/metrics/TargetForm.tsx';
import { useErrorTitle } from '../components/useErrorTitle.ts';
import { readForm } from '../lib/form.server.ts';
import { gql } from '../lib/graphql.server.ts';
import { forbidden, formErrors, unlessRefused } from '../lib/outcome.server.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import {
  CREATE_TARGET,
  loadTargetContext,
  targetErrors,
  targetInput,
  targetValuesFromForm,
} from '../lib/metrics-targets.server.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page ? errorTitle(error) : pageTitle('Add a target', page.plan.title);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { plan } = await loadTargetContext(context, request, params.planId ?? '');
  if (!plan.viewerCanEdit) forbidden();
  return { plan };
}

interface ActionData {
  values: TargetValues;
  errors: Record<string, string>;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const planId = params.planId ?? '';
  const values = targetValuesFromForm(await readForm(request));
  const errors = targetErrors(values);
  if (Object.keys(errors).length > 0) return data<ActionData>({ values, errors }, { status: 400 });
  const { result } = await gql(context, CREATE_TARGET, {
    input: { ...targetInput(values), planId, metricId: values.metricId },
  });
  const outcome = unlessRefused(result);
  if (outcome.__typename === 'MutationCreateMetricTargetSuccess')
    throw redirect(`/plans/${encodeURIComponent(planId)}/dashboard`);
  return data<ActionData>({ values, errors: formErrors(outcome) }, { status: 400 });
}

export default function NewTarget() {
  const { plan } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  const summary = targetSummary(errors);
  useErrorTitle(summary.length > 0);
  const dashboard = `/plans/${encodeURIComponent(plan.id)}/dashboard`;
  return (
    <>
      <BackLink href={dashboard}>Back to the dashboard</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {summary.length > 0 && <ErrorSummary errors={summary} />}
          <span className="govuk-caption-l">{plan.title}</span>
          <h1 className="govuk-heading-l">Add a target</h1>
          <TargetForm
            values={actionData?.values ?? emptyTargetValues()}
            errors={errors}
            metrics={plan.partnership.metrics}
            organisations={plan.partnership.organisations}
            submitText="Add target"
            cancelHref={dashboard}
          />
        </div>
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
