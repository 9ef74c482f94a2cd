import type { ReactNode, SelectHTMLAttributes } from 'react';
import { cx, describedBy } from './cx.ts';
import { ErrorMessage } from './ErrorMessage.tsx';
import { FormGroup } from './FormGroup.tsx';
import { Hint } from './Hint.tsx';
import { Label, type LabelSize } from './Label.tsx';

export interface SelectOption {
  value: string;
  text: string;
  disabled?: boolean;
}

export interface SelectProps extends Omit<
  SelectHTMLAttributes<HTMLSelectElement>,
  'id' | 'name' | 'className'
> {
  id: string;
  name: string;
  label: ReactNode;
  labelSize?: LabelSize;
  hint?: ReactNode;
  errorMessage?: string;
  options: SelectOption[];
}

export function Select({
  id,
  name,
  label,
  labelSize,
  hint,
  errorMessage,
  options,
  ...rest
}: SelectProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errorMessage ? `${id}-error` : undefined;
  return (
    <FormGroup error={Boolean(errorMessage)}>
      <Label htmlFor={id} size={labelSize}>
        {label}
      </Label>
      {hint && <Hint id={hintId}>{hint}</Hint>}
      {errorMessage && <ErrorMessage id={errorId}>{errorMessage}</ErrorMessage>}
      <select
        {...rest}
        className={cx('govuk-select', errorMessage && 'govuk-select--error')}
        id={id}
        name={name}
        aria-describedby={describedBy(hintId, errorId)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.text}
          </option>
        ))}
      </select>
    </FormGroup>
  );
}
