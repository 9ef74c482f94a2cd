import type { ReactNode } from 'react';
import { cx, describedBy } from './cx.ts';
import { ErrorMessage } from './ErrorMessage.tsx';
import { Fieldset } from './Fieldset.tsx';
import { FormGroup } from './FormGroup.tsx';
import { Hint } from './Hint.tsx';

export interface ChoiceItem {
  value: string;
  text: ReactNode;
  hint?: ReactNode;
  /** Defaults to `${idPrefix}` for the first item and `${idPrefix}-${n}` for the others (as the GOV.UK macros do). */
  id?: string;
  disabled?: boolean;
}

export interface ChoicesProps {
  /** Id of the first input (link target of the error summary); later inputs get `-2`, `-3`, … */
  idPrefix: string;
  name: string;
  legend: ReactNode;
  legendSize?: 's' | 'm' | 'l' | 'xl';
  isPageHeading?: boolean;
  hint?: ReactNode;
  errorMessage?: string;
  items: ChoiceItem[];
  small?: boolean;
  inline?: boolean;
}

export function choiceId(idPrefix: string, index: number): string {
  return index === 0 ? idPrefix : `${idPrefix}-${index + 1}`;
}

function Choices({
  kind,
  idPrefix,
  name,
  legend,
  legendSize,
  isPageHeading,
  hint,
  errorMessage,
  items,
  small,
  inline,
  isChecked,
}: ChoicesProps & { kind: 'radios' | 'checkboxes'; isChecked: (value: string) => boolean }) {
  const hintId = hint ? `${idPrefix}-hint` : undefined;
  const errorId = errorMessage ? `${idPrefix}-error` : undefined;
  const block = `govuk-${kind}`;
  return (
    <FormGroup error={Boolean(errorMessage)}>
      <Fieldset
        legend={legend}
        legendSize={legendSize}
        isPageHeading={isPageHeading}
        describedBy={describedBy(hintId, errorId)}
      >
        {hint && <Hint id={hintId}>{hint}</Hint>}
        {errorMessage && <ErrorMessage id={errorId}>{errorMessage}</ErrorMessage>}
        <div
          className={cx(block, small && `${block}--small`, inline && `${block}--inline`)}
          data-module={`govuk-${kind}`}
        >
          {items.map((item, index) => {
            const id = item.id ?? choiceId(idPrefix, index);
            const itemHintId = item.hint ? `${id}-item-hint` : undefined;
            return (
              <div className={`${block}__item`} key={item.value}>
                <input
                  className={`${block}__input`}
                  id={id}
                  name={name}
                  type={kind === 'radios' ? 'radio' : 'checkbox'}
                  value={item.value}
                  defaultChecked={isChecked(item.value)}
                  disabled={item.disabled}
                  aria-describedby={itemHintId}
                />
                <label className={cx('govuk-label', `${block}__label`)} htmlFor={id}>
                  {item.text}
                </label>
                {item.hint && (
                  <div id={itemHintId} className={cx('govuk-hint', `${block}__hint`)}>
                    {item.hint}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </Fieldset>
    </FormGroup>
  );
}

export interface RadiosProps extends ChoicesProps {
  /** The selected value. */
  value?: string | null;
}

export function Radios({ value, ...props }: RadiosProps) {
  return <Choices {...props} kind="radios" isChecked={(v) => v === value} />;
}

export interface CheckboxesProps extends ChoicesProps {
  /** The checked values. */
  values?: readonly string[];
}

export function Checkboxes({ values = [], ...props }: CheckboxesProps) {
  return <Choices {...props} kind="checkboxes" isChecked={(v) => values.includes(v)} />;
}
