import type { ReactNode } from 'react';
import { cx } from './cx.ts';

export interface ErrorMessageProps {
  id?: string;
  children: ReactNode;
  className?: string;
  /** Text read before the message by screen readers. */
  visuallyHiddenText?: string;
}

export function ErrorMessage({
  id,
  children,
  className,
  visuallyHiddenText = 'Error',
}: ErrorMessageProps) {
  return (
    <p id={id} className={cx('govuk-error-message', className)}>
      <span className="govuk-visually-hidden">{visuallyHiddenText}:</span> {children}
    </p>
  );
}
