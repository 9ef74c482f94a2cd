import type { ReactNode } from 'react';
import { cx } from './cx.ts';

export function FormGroup({
  error,
  className,
  children,
}: {
  error?: boolean;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={cx('govuk-form-group', error && 'govuk-form-group--error', className)}>
      {children}
    </div>
  );
}
