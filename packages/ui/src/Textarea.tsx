import type { TextareaHTMLAttributes } from 'react';
import { cx } from './cx.ts';
import { LabelledField, type LabelledFieldProps } from './LabelledField.tsx';

export interface TextareaProps
  extends
    Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'name' | 'className'>,
    LabelledFieldProps {}

export function Textarea({
  id,
  name,
  label,
  labelSize,
  hint,
  errorMessage,
  rows = 5,
  ...rest
}: TextareaProps) {
  return (
    <LabelledField {...{ id, label, labelSize, hint, errorMessage }}>
      {(ariaDescribedBy) => (
        <textarea
          {...rest}
          className={cx('govuk-textarea', errorMessage && 'govuk-textarea--error')}
          id={id}
          name={name}
          rows={rows}
          aria-describedby={ariaDescribedBy}
        />
      )}
    </LabelledField>
  );
}
