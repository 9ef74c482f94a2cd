// The frame of a lifecycle page (submit, publish, withdraw, start a revision): back link, error
// summary with the API's explanation, caption and heading, then the page's own form.
import { BackLink, ErrorSummary } from '@lip/ui';
import type { ReactNode } from 'react';
import { useErrorTitle } from '../useErrorTitle.ts';
import { planPath, type SubmissionBlockerData } from './workflow.ts';

export interface TransitionFailure {
  message: string;
  fieldErrors: Record<string, string>;
  blockers: SubmissionBlockerData[];
}

export function TransitionPage({
  plan,
  heading,
  failure,
  fieldLinks = {},
  children,
}: {
  plan: { id: string; title: string };
  heading: string;
  failure: TransitionFailure | undefined;
  /** Field name → id of its input, for the error summary's links. */
  fieldLinks?: Record<string, string>;
  children: ReactNode;
}) {
  useErrorTitle(Boolean(failure));
  // ErrorSummary links to element ids; blockers are listed, with links to fix them, on the page itself.
  const fieldItems = Object.entries(failure?.fieldErrors ?? {}).map(([field, text]) => ({
    href: fieldLinks[field] ?? field,
    text,
  }));
  const errors = failure
    ? fieldItems.length > 0
      ? fieldItems
      : [{ href: failure.blockers.length > 0 ? 'blockers' : 'main-form', text: failure.message }]
    : [];
  return (
    <>
      <BackLink href={planPath(plan.id)}>Back to the plan</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {failure && <ErrorSummary errors={errors} />}
          <span className="govuk-caption-l">{plan.title}</span>
          <h1 className="govuk-heading-l">{heading}</h1>
          {children}
        </div>
      </div>
    </>
  );
}
