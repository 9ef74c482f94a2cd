import type { ReactNode } from 'react';
import { cx, describedBy } from './cx.ts';
import { ErrorMessage } from './ErrorMessage.tsx';
import { FormGroup } from './FormGroup.tsx';
import { Hint } from './Hint.tsx';
import { Label, type LabelSize } from './Label.tsx';

/** What every single-control form field (input, select, textarea) takes besides its control. */
export interface LabelledFieldProps {
  id: string;
  name: string;
  label: ReactNode;
  labelSize?: LabelSize;
  hint?: ReactNode;
  errorMessage?: string;
}

interface Props extends Omit<LabelledFieldProps, 'name'> {
  isPageHeading?: boolean;
  /** Ids the control already names in aria-describedby, kept before the hint and error. */
  describedBy?: string;
  /** Renders the control, given its aria-describedby (hint and error ids, in GOV.UK order). */
  children: (ariaDescribedBy: string | undefined) => ReactNode;
}

/** The GOV.UK form group: label, hint, error message, then the control that they describe. */
export function LabelledField({
  id,
  label,
  labelSize,
  isPageHeading,
  hint,
  errorMessage,
  describedBy: own,
  children,
}: Props) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errorMessage ? `${id}-error` : undefined;
  return (
    <FormGroup error={Boolean(errorMessage)}>
      <Label htmlFor={id} size={labelSize} isPageHeading={isPageHeading}>
        {label}
      </Label>
      {hint && <Hint id={hintId}>{hint}</Hint>}
      {errorMessage && <ErrorMessage id={errorId}>{errorMessage}</ErrorMessage>}
      {children(describedBy(own, hintId, errorId))}
    </FormGroup>
  );
}

/** A control's own props, with the id, name, class and aria-describedby its field gives it. */
type ControlProps<P extends LabelledFieldProps> = Omit<P, keyof LabelledFieldProps> & {
  id: string;
  name: string;
  className: string;
  'aria-describedby': string | undefined;
};

/**
 * A select or textarea in its form group: the field's props make the frame (label, hint, error)
 * and the rest go to the control, with its GOV.UK class (`block`, and `block--error` on error).
 */
export function labelledControl<P extends LabelledFieldProps>(
  block: string,
  { id, name, label, labelSize, hint, errorMessage, ...rest }: P,
  render: (control: ControlProps<P>) => ReactNode,
) {
  return (
    <LabelledField {...{ id, label, labelSize, hint, errorMessage }}>
      {(ariaDescribedBy) =>
        render({
          ...rest,
          className: cx(block, errorMessage && `${block}--error`),
          id,
          name,
          'aria-describedby': ariaDescribedBy,
        })
      }
    </LabelledField>
  );
}
