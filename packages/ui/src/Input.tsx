import type { InputHTMLAttributes, ReactNode } from 'react';
import { cx, describedBy } from './cx.ts';
import { ErrorMessage } from './ErrorMessage.tsx';
import { FormGroup } from './FormGroup.tsx';
import { Hint } from './Hint.tsx';
import { Label, type LabelSize } from './Label.tsx';

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

export interface InputProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'name' | 'className'
> {
  id: string;
  name: string;
  label: ReactNode;
  labelSize?: LabelSize;
  isPageHeading?: boolean;
  hint?: ReactNode;
  errorMessage?: string;
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
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errorMessage ? `${id}-error` : undefined;
  const input = (
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
      aria-describedby={describedBy(rest['aria-describedby'], hintId, errorId)}
    />
  );
  return (
    <FormGroup error={Boolean(errorMessage)}>
      <Label htmlFor={id} size={labelSize} isPageHeading={isPageHeading}>
        {label}
      </Label>
      {hint && <Hint id={hintId}>{hint}</Hint>}
      {errorMessage && <ErrorMessage id={errorId}>{errorMessage}</ErrorMessage>}
      {prefix ? (
        <div className="govuk-input__wrapper">
          <div className="govuk-input__prefix" aria-hidden="true">
            {prefix}
          </div>
          {input}
        </div>
      ) : (
        input
      )}
    </FormGroup>
  );
}
