import type { ReactNode } from 'react';
import { cx, describedBy } from './cx.ts';
import { ErrorMessage } from './ErrorMessage.tsx';
import { Fieldset } from './Fieldset.tsx';
import { FormGroup } from './FormGroup.tsx';
import { Hint } from './Hint.tsx';

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export interface DateInputProps {
  /** Id of the group; the inputs are `${id}-day`, `${id}-month`, `${id}-year` (named the same with `namePrefix`). */
  id: string;
  namePrefix?: string;
  legend: ReactNode;
  legendSize?: 's' | 'm' | 'l' | 'xl';
  hint?: ReactNode;
  errorMessage?: string;
  value?: Partial<DateParts>;
}

const parts = [
  { key: 'day', label: 'Day', width: 2 },
  { key: 'month', label: 'Month', width: 2 },
  { key: 'year', label: 'Year', width: 4 },
] as const;

export function DateInput({
  id,
  namePrefix = id,
  legend,
  legendSize = 's',
  hint,
  errorMessage,
  value = {},
}: DateInputProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errorMessage ? `${id}-error` : undefined;
  return (
    <FormGroup error={Boolean(errorMessage)}>
      <Fieldset
        legend={legend}
        legendSize={legendSize}
        role="group"
        describedBy={describedBy(hintId, errorId)}
      >
        {hint && <Hint id={hintId}>{hint}</Hint>}
        {errorMessage && <ErrorMessage id={errorId}>{errorMessage}</ErrorMessage>}
        <div className="govuk-date-input" id={id}>
          {parts.map((part) => (
            <div className="govuk-date-input__item" key={part.key}>
              <div className="govuk-form-group">
                <label
                  className="govuk-label govuk-date-input__label"
                  htmlFor={`${id}-${part.key}`}
                >
                  {part.label}
                </label>
                <input
                  className={cx(
                    'govuk-input',
                    'govuk-date-input__input',
                    `govuk-input--width-${part.width}`,
                    errorMessage && 'govuk-input--error',
                  )}
                  id={`${id}-${part.key}`}
                  name={`${namePrefix}-${part.key}`}
                  type="text"
                  inputMode="numeric"
                  defaultValue={value[part.key] ?? ''}
                />
              </div>
            </div>
          ))}
        </div>
      </Fieldset>
    </FormGroup>
  );
}
