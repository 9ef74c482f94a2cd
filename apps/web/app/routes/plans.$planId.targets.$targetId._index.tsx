import { data, redirect } from '@remix-run/node';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { BackLink, ErrorSummary, WarningText } from '@lip/ui';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import {
  TargetForm,
  targetSummary,
  valuesOfTarget,
  type TargetValues,
} from '../components/metrics/TargetForm.tsx';
import { useErrorTitle } from '../components/useErrorTitle.ts';
import { readForm } from '../lib/form.server.ts';
import { gql } from '../lib/graphql.server.ts';
import { forbidden, formErrors, invariantResponse, unlessRefused } from '../lib/outcome.server.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import {
  UPDATE_TARGET,
  loadTargetContext,
  targetErrors,
  targetInput,
  targetValuesFromForm,
} from '../lib/metrics-targets.server.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page
    ? errorTitle(error)
    : pageTitle('Change target', page.target.metric.title, page.plan.title);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { plan, target } = await loadTargetContext(
    context,
    request,
    params.planId ?? '',
    params.targetId ?? '',
  );
  invariantResponse(target);
  if (!target.viewerCanEdit) forbidden();
  return { plan, target };
}

interface ActionData {
  values: TargetValues;
  errors: Record<string, string>;
  /** Someone else saved the target first: the form now edits their version. */
  conflict?: boolean;
  version?: number;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const planId = params.planId ?? '';
  const form = await readForm(request);
  const values = targetValuesFromForm(form);
  const errors = targetErrors(values);
  if (Object.keys(errors).length > 0) return data<ActionData>({ values, errors }, { status: 400 });
  const result = unlessRefused(
    (
      await gql(context, UPDATE_TARGET, {
        input: { ...targetInput(values), id: params.targetId ?? '', version: form.version() },
      })
    ).result,
  );
  if (result.__typename === 'MutationUpdateMetricTargetSuccess')
    throw redirect(`/plans/${encodeURIComponent(planId)}/dashboard`);
  if (result.__typename === 'MetricTargetConflictError') {
    return data<ActionData>(
      {
        values,
        errors: {
          _form:
            'Someone else changed this target while you were editing it. Check your changes and save again.',
        },
        conflict: true,
        version: result.current.version,
      },
      { status: 409 },
    );
  }
  return data<ActionData>({ values, errors: formErrors(result) }, { status: 400 });
}

export default function EditTarget() {
  const { plan, target } = useLoaderData<typeof loader>();
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
          <h1 className="govuk-heading-l">Change target</h1>
          {actionData?.conflict && (
            <WarningText>
              The form shows your changes; saving again applies them to the latest version.
            </WarningText>
          )}
          <TargetForm
            values={actionData?.values ?? valuesOfTarget(target)}
            errors={errors}
            metrics={plan.partnership.metrics}
            organisations={plan.partnership.organisations}
            metricFixed={target.metric}
            version={actionData?.version ?? target.version}
            submitText="Save target"
            cancelHref={dashboard}
          />
        </div>
      </div>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
