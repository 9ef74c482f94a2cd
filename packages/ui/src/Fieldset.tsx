import type { ReactNode } from 'react';
import { cx } from './cx.ts';

export interface FieldsetProps {
  legend?: ReactNode;
  legendSize?: 's' | 'm' | 'l' | 'xl';
  isPageHeading?: boolean;
  describedBy?: string;
  role?: string;
  className?: string;
  children: ReactNode;
}

export function Fieldset({
  legend,
  legendSize,
  isPageHeading,
  describedBy,
  role,
  className,
  children,
}: FieldsetProps) {
  return (
    <fieldset
      className={cx('govuk-fieldset', className)}
      aria-describedby={describedBy}
      role={role}
    >
      {legend !== undefined && (
        <legend
          className={cx(
            'govuk-fieldset__legend',
            legendSize && `govuk-fieldset__legend--${legendSize}`,
          )}
        >
          {isPageHeading ? <h1 className="govuk-fieldset__heading">{legend}</h1> : legend}
        </legend>
      )}
      {children}
    </fieldset>
  );
}
