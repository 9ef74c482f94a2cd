import { data, redirect } from '@remix-run/node';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { emptyTargetValues, type TargetValues } from '../components/metrics/TargetForm.tsx';
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
import { TargetFormPage, dashboardPath } from '../lib/plan/TargetFormPage.tsx';

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
    throw redirect(dashboardPath(planId));
  return data<ActionData>({ values, errors: formErrors(outcome) }, { status: 400 });
}

export default function NewTarget() {
  const { plan } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <TargetFormPage
      plan={plan}
      heading="Add a target"
      failed={actionData}
      values={emptyTargetValues()}
      submitText="Add target"
    />
  );
}

export const ErrorBoundary = RouteErrorBoundary;
