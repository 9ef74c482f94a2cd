import type { SelectHTMLAttributes } from 'react';
import { cx } from './cx.ts';
import { LabelledField, type LabelledFieldProps } from './LabelledField.tsx';

export interface SelectOption {
  value: string;
  text: string;
  disabled?: boolean;
}

export interface SelectProps
  extends
    Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'name' | 'className'>,
    LabelledFieldProps {
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
  return (
    <LabelledField {...{ id, label, labelSize, hint, errorMessage }}>
      {(ariaDescribedBy) => (
        <select
          {...rest}
          className={cx('govuk-select', errorMessage && 'govuk-select--error')}
          id={id}
          name={name}
          aria-describedby={ariaDescribedBy}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value} disabled={o.disabled}>
              {o.text}
            </option>
          ))}
        </select>
      )}
    </LabelledField>
  );
}
