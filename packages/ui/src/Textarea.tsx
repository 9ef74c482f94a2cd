import type { ReactNode, TextareaHTMLAttributes } from 'react';
import { cx, describedBy } from './cx.ts';
import { ErrorMessage } from './ErrorMessage.tsx';
import { FormGroup } from './FormGroup.tsx';
import { Hint } from './Hint.tsx';
import { Label, type LabelSize } from './Label.tsx';

export interface TextareaProps extends Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  'id' | 'name' | 'className'
> {
  id: string;
  name: string;
  label: ReactNode;
  labelSize?: LabelSize;
  hint?: ReactNode;
  errorMessage?: string;
}

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
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errorMessage ? `${id}-error` : undefined;
  return (
    <FormGroup error={Boolean(errorMessage)}>
      <Label htmlFor={id} size={labelSize}>
        {label}
      </Label>
      {hint && <Hint id={hintId}>{hint}</Hint>}
      {errorMessage && <ErrorMessage id={errorId}>{errorMessage}</ErrorMessage>}
      <textarea
        {...rest}
        className={cx('govuk-textarea', errorMessage && 'govuk-textarea--error')}
        id={id}
        name={name}
        rows={rows}
        aria-describedby={describedBy(hintId, errorId)}
      />
    </FormGroup>
  );
}
