import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { cx } from './cx.ts';

export type ButtonVariant = 'primary' | 'secondary' | 'warning' | 'inverse';

export interface ButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'className'> {
  children: ReactNode;
  variant?: ButtonVariant;
  /** Render as a link styled as a button. */
  href?: string;
  className?: string;
}

export function Button({
  children,
  variant = 'primary',
  href,
  className,
  type = 'submit',
  ...rest
}: ButtonProps) {
  const classes = cx(
    'govuk-button',
    variant !== 'primary' && `govuk-button--${variant}`,
    className,
  );
  if (href) {
    return (
      <a href={href} role="button" draggable="false" className={classes} data-module="govuk-button">
        {children}
      </a>
    );
  }
  return (
    <button {...rest} type={type} className={classes} data-module="govuk-button">
      {children}
    </button>
  );
}

export function ButtonGroup({ children }: { children: ReactNode }) {
  return <div className="govuk-button-group">{children}</div>;
}
