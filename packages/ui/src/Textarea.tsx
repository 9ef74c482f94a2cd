import type { TextareaHTMLAttributes } from 'react';
import { labelledControl, type LabelledFieldProps } from './LabelledField.tsx';

export interface TextareaProps
  extends
    Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'name' | 'className'>,
    LabelledFieldProps {}

export function Textarea({ rows = 5, ...field }: TextareaProps) {
  return labelledControl('govuk-textarea', field, (control) => (
    <textarea {...control} rows={rows} />
  ));
}
