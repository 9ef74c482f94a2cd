import type { ReactNode } from 'react';
import { cx } from './cx.ts';

export function Hint({
  id,
  children,
  className,
}: {
  id?: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div id={id} className={cx('govuk-hint', className)}>
      {children}
    </div>
  );
}
