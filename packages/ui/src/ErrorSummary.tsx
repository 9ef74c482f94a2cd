import type { ReactNode } from 'react';

export interface ErrorSummaryItem {
  /** The id of the field the message is about (without '#'). */
  href: string;
  text: string;
}

export interface ErrorSummaryProps {
  title?: ReactNode;
  description?: ReactNode;
  errors: ErrorSummaryItem[];
}

/** The GOV.UK error summary: put it first in <main>; govuk-frontend's JS moves focus to it. */
export function ErrorSummary({
  title = 'There is a problem',
  description,
  errors,
}: ErrorSummaryProps) {
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary">
      <div role="alert">
        <h2 className="govuk-error-summary__title">{title}</h2>
        <div className="govuk-error-summary__body">
          {description && <p>{description}</p>}
          <ul className="govuk-list govuk-error-summary__list">
            {errors.map((e) => (
              <li key={`${e.href}:${e.text}`}>
                <a href={`#${e.href}`}>{e.text}</a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
