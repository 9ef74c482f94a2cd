import { data, redirect } from '@remix-run/node';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { FormActions, FormPage, SummaryList, Textarea, WarningText } from '@lip/ui';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary.tsx';
import { RagTag } from '../components/metrics/RagTag.tsx';
import { formatValue } from '../components/metrics/labels.ts';
import { useErrorTitle } from '../components/useErrorTitle.ts';
import { readForm } from '../lib/form.server.ts';
import { gql } from '../lib/graphql.server.ts';
import { formErrors, unlessRefused } from '../lib/outcome.server.ts';
import { formatDate } from '../lib/labels.ts';
import { errorTitle, pageTitle } from '../lib/meta.ts';
import { UPDATE_COMMENTARY } from '../lib/metrics-targets.server.ts';
import { dashboardPath } from '../lib/plan/TargetFormPage.tsx';
import { loadTarget } from '../lib/plan/targets.server.ts';

export const meta: MetaFunction<typeof loader> = ({ error, data: page }) =>
  error || !page
    ? errorTitle(error)
    : pageTitle('Exception commentary', page.target.metric.title, page.plan.title);

export const loader = (args: LoaderFunctionArgs) => loadTarget(args, 'viewerCanComment');

interface ActionData {
  commentary: string;
  errors: Record<string, string>;
  version?: number;
  conflict?: { commentary: string | null; byName: string | null };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const planId = params.planId ?? '';
  const form = await readForm(request);
  const commentary = form.text('commentary');
  if (!commentary)
    return data<ActionData>(
      { commentary, errors: { commentary: 'Enter the commentary' } },
      { status: 400 },
    );
  const result = unlessRefused(
    (
      await gql(context, UPDATE_COMMENTARY, {
        input: { id: params.targetId ?? '', version: form.version(), commentary },
      })
    ).result,
  );
  if (result.__typename === 'MutationUpdateTargetCommentarySuccess')
    throw redirect(`${dashboardPath(planId)}#exceptions`);
  if (result.__typename === 'MetricTargetConflictError') {
    return data<ActionData>(
      {
        commentary,
        errors: {
          commentary:
            'Someone else saved commentary on this target while you were writing. Check theirs, then save yours again.',
        },
        version: result.current.version,
        conflict: {
          commentary: result.current.commentary,
          byName: result.current.commentaryByName,
        },
      },
      { status: 409 },
    );
  }
  const errors = formErrors(result, 'Check the commentary');
  return data<ActionData>(
    { commentary, errors: { commentary: errors.commentary ?? errors._form ?? '' } },
    { status: 400 },
  );
}

export default function Commentary() {
  const { plan, target } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  useErrorTitle(Boolean(errors.commentary));
  const exceptions = `${dashboardPath(plan.id)}#exceptions`;
  return (
    <FormPage
      back={{ href: exceptions, text: 'Back to the exception report' }}
      errors={errors.commentary ? [{ href: 'commentary', text: errors.commentary }] : []}
      caption={target.metric.title}
      heading="Exception commentary"
    >
      <SummaryList
        rows={[
          { key: 'Rating', value: <RagTag rag={target.rag} /> },
          { key: 'Why', value: target.ragReason },
          {
            key: 'Target',
            value: `${formatValue(target.targetValue, target.metric.unit, target.metric.decimals)} by ${target.targetPeriod}`,
          },
          { key: 'Owner', value: target.ownerOrganisation?.name ?? 'No owner' },
          ...(target.commentary && target.commentaryByName
            ? [
                {
                  key: 'Last written',
                  value: `By ${target.commentaryByName}${target.commentaryAt ? ` on ${formatDate(target.commentaryAt)}` : ''}`,
                },
              ]
            : []),
        ]}
      />
      {actionData?.conflict && (
        <WarningText>
          The saved commentary
          {actionData.conflict.byName ? ` by ${actionData.conflict.byName}` : ''} is: “
          {actionData.conflict.commentary ?? ''}”
        </WarningText>
      )}
      <form method="post" noValidate>
        <input type="hidden" name="version" value={actionData?.version ?? target.version} />
        <Textarea
          id="commentary"
          name="commentary"
          label="Why is this metric off track, and what is being done about it?"
          labelSize="m"
          hint="This is published with the plan. Do not include anything that could identify a child or family."
          errorMessage={errors.commentary}
          defaultValue={actionData?.commentary ?? target.commentary ?? ''}
          rows={8}
        />
        <FormActions submit="Save commentary" cancelHref={exceptions} />
      </form>
    </FormPage>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
