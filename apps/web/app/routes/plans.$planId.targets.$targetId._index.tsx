import { data, redirect } from '@remix-run/node';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { WarningText } from '@lip/ui';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { valuesOfTarget, type TargetValues } from '../components/metrics/TargetForm.tsx';
import { readForm } from '../lib/form.server.ts';
import { gql } from '../lib/graphql.server.ts';
import { formErrors, unlessRefused } from '../lib/outcome.server.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import {
  UPDATE_TARGET,
  targetErrors,
  targetInput,
  targetValuesFromForm,
} from '../lib/metrics-targets.server.ts';
import { TargetFormPage, dashboardPath } from '../lib/plan/TargetFormPage.tsx';
import { loadTarget } from '../lib/plan/targets.server.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page
    ? errorTitle(error)
    : pageTitle('Change target', page.target.metric.title, page.plan.title);

export const loader = (args: LoaderFunctionArgs) => loadTarget(args, 'viewerCanEdit');

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
    throw redirect(dashboardPath(planId));
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
  return (
    <TargetFormPage
      plan={plan}
      heading="Change target"
      failed={actionData}
      values={valuesOfTarget(target)}
      target={target}
      submitText="Save target"
    >
      {actionData?.conflict && (
        <WarningText>
          The form shows your changes; saving again applies them to the latest version.
        </WarningText>
      )}
    </TargetFormPage>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
