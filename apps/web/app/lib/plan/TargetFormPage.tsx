// The page of the target form (add a target, change one): back to the dashboard, then the form.
import type { ReactNode } from 'react';
import { FormPage } from '@lip/ui';
import {
  TargetForm,
  targetSummary,
  type TargetValues,
} from '../../components/metrics/TargetForm.tsx';
import { useErrorTitle } from '../../components/useErrorTitle.ts';
import { planPath } from '../../components/workflow/workflow.ts';

export function dashboardPath(planId: string): string {
  return planPath(planId, '/dashboard');
}

export function TargetFormPage({
  plan,
  heading,
  failed,
  values,
  target,
  submitText,
  children,
}: {
  plan: {
    id: string;
    title: string;
    partnership: {
      metrics: ReadonlyArray<{ id: string; title: string; theme: string; isLocal: boolean }>;
      organisations: ReadonlyArray<{ id: string; name: string }>;
    };
  };
  heading: string;
  /** What the action sent back: the values typed, their errors, and the version to write next. */
  failed: { values: TargetValues; errors: Record<string, string>; version?: number } | undefined;
  /** The form's values before anything is posted. */
  values: TargetValues;
  /** The target being changed: its metric stays, and its version is written. */
  target?: { metric: { id: string; title: string }; version: number };
  submitText: string;
  /** Shown above the form. */
  children?: ReactNode;
}) {
  const errors = failed?.errors ?? {};
  const summary = targetSummary(errors);
  useErrorTitle(summary.length > 0);
  const dashboard = dashboardPath(plan.id);
  return (
    <FormPage
      back={{ href: dashboard, text: 'Back to the dashboard' }}
      caption={plan.title}
      heading={heading}
      errors={summary}
    >
      {children}
      <TargetForm
        values={failed?.values ?? values}
        errors={errors}
        metrics={plan.partnership.metrics}
        organisations={plan.partnership.organisations}
        metricFixed={target?.metric}
        version={failed?.version ?? target?.version}
        submitText={submitText}
        cancelHref={dashboard}
      />
    </FormPage>
  );
}
