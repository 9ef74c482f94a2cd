import type { ReactNode } from 'react';

/** GOV.UK warning text: an important point people must not miss. */
export function WarningText({
  children,
  iconFallbackText = 'Warning',
  id,
}: {
  children: ReactNode;
  iconFallbackText?: string;
  id?: string;
}) {
  return (
    <div className="govuk-warning-text" id={id}>
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">{iconFallbackText}</span>
        {children}
      </strong>
    </div>
  );
}

/** GOV.UK inset text: information that differs from the text around it. */
export function InsetText({ children, id }: { children: ReactNode; id?: string }) {
  return (
    <div className="govuk-inset-text" id={id}>
      {children}
    </div>
  );
}
