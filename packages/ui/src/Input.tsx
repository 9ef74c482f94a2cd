import type { InputHTMLAttributes } from 'react';
import { cx } from './cx.ts';
import { LabelledField, type LabelledFieldProps } from './LabelledField.tsx';

export type InputWidth =
  | '2'
  | '3'
  | '4'
  | '5'
  | '10'
  | '20'
  | '30'
  | 'full'
  | 'three-quarters'
  | 'two-thirds'
  | 'one-half'
  | 'one-third'
  | 'one-quarter';

export interface InputProps
  extends
    Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name' | 'className'>,
    LabelledFieldProps {
  isPageHeading?: boolean;
  width?: InputWidth;
  prefix?: string;
  className?: string;
}

function widthClass(width?: InputWidth): string | undefined {
  if (!width) return undefined;
  return /^\d+$/.test(width) ? `govuk-input--width-${width}` : `govuk-!-width-${width}`;
}

export function Input({
  id,
  name,
  label,
  labelSize,
  isPageHeading,
  hint,
  errorMessage,
  width,
  prefix,
  className,
  type = 'text',
  ...rest
}: InputProps) {
  const input = (ariaDescribedBy: string | undefined) => (
    <input
      {...rest}
      className={cx(
        'govuk-input',
        errorMessage && 'govuk-input--error',
        widthClass(width),
        className,
      )}
      id={id}
      name={name}
      type={type}
      aria-describedby={ariaDescribedBy}
    />
  );
  return (
    <LabelledField
      {...{ id, label, labelSize, isPageHeading, hint, errorMessage }}
      describedBy={rest['aria-describedby']}
    >
      {(ariaDescribedBy) =>
        prefix ? (
          <div className="govuk-input__wrapper">
            <div className="govuk-input__prefix" aria-hidden="true">
              {prefix}
            </div>
            {input(ariaDescribedBy)}
          </div>
        ) : (
          input(ariaDescribedBy)
        )
      }
    </LabelledField>
  );
}
