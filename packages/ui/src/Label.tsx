import type { ReactNode } from 'react';
import { cx } from './cx.ts';

export type LabelSize = 's' | 'm' | 'l' | 'xl';

export interface LabelProps {
  htmlFor?: string;
  children: ReactNode;
  size?: LabelSize;
  /** Wraps the label in an h1 (the GOV.UK "label as page heading" pattern). */
  isPageHeading?: boolean;
  className?: string;
}

export function Label({ htmlFor, children, size, isPageHeading, className }: LabelProps) {
  const label = (
    <label
      className={cx('govuk-label', size && `govuk-label--${size}`, className)}
      htmlFor={htmlFor}
    >
      {children}
    </label>
  );
  return isPageHeading ? <h1 className="govuk-label-wrapper">{label}</h1> : label;
}
