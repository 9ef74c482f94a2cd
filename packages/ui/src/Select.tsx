import type { SelectHTMLAttributes } from 'react';
import { labelledControl, type LabelledFieldProps } from './LabelledField.tsx';

export interface SelectOption {
  value: string;
  text: string;
  disabled?: boolean;
  /** Options with the same group, next to each other, are shown under that heading (an optgroup). */
  group?: string;
}

/** Consecutive options of the same group together; ungrouped options on their own. */
function runs(options: SelectOption[]): Array<{ group?: string; options: SelectOption[] }> {
  const out: Array<{ group?: string; options: SelectOption[] }> = [];
  for (const o of options) {
    const last = out[out.length - 1];
    if (last && o.group !== undefined && last.group === o.group) last.options.push(o);
    else out.push({ group: o.group, options: [o] });
  }
  return out;
}

function Option({ option }: { option: SelectOption }) {
  return (
    <option value={option.value} disabled={option.disabled}>
      {option.text}
    </option>
  );
}

export interface SelectProps
  extends
    Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'name' | 'className'>,
    LabelledFieldProps {
  options: SelectOption[];
}

export function Select({ options, ...field }: SelectProps) {
  return labelledControl('govuk-select', field, (control) => (
    <select {...control}>
      {runs(options).map((run, i) =>
        run.group === undefined ? (
          run.options.map((o) => <Option key={o.value} option={o} />)
        ) : (
          <optgroup key={`${run.group}-${i}`} label={run.group}>
            {run.options.map((o) => (
              <Option key={o.value} option={o} />
            ))}
          </optgroup>
        ),
      )}
    </select>
  ));
}
