import type { ReactNode } from 'react';
import { Button, type ButtonVariant } from './Button.tsx';
import { ErrorSummary, type ErrorSummaryItem } from './ErrorSummary.tsx';
import { BackLink } from './Navigation.tsx';

export interface FormPageProps {
  /** Where "Back" goes, and what it says. */
  back: { href: string; text: string };
  /** The partnership or plan the page belongs to, above the heading. */
  caption?: ReactNode;
  heading: ReactNode;
  /** Shown as the error summary, first on the page, when there are any. */
  errors?: ErrorSummaryItem[];
  /** `l` for most pages; `xl` for a page that is one question. */
  size?: 'l' | 'xl';
  children: ReactNode;
}

/**
 * The frame of a GOV.UK question or confirmation page: back link, then in a two-thirds column the
 * error summary, caption and heading, then the page's own content.
 */
export function FormPage({
  back,
  caption,
  heading,
  errors = [],
  size = 'l',
  children,
}: FormPageProps) {
  return (
    <>
      <BackLink href={back.href}>{back.text}</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {errors.length > 0 && <ErrorSummary errors={errors} />}
          {caption && <span className={`govuk-caption-${size}`}>{caption}</span>}
          <h1 className={`govuk-heading-${size} lip-break-words`}>{heading}</h1>
          {children}
        </div>
      </div>
    </>
  );
}

export interface FormActionsProps {
  /** The submit button's text. */
  submit: ReactNode;
  /** Where "Cancel" goes; no cancel link without it. */
  cancelHref?: string;
  cancelText?: string;
  variant?: ButtonVariant;
  /** The button's id, for an error summary that links to it. */
  id?: string;
  /** A submit button's name and value, for forms with more than one action. */
  name?: string;
  value?: string;
}

/** A form's submit button with a Cancel link beside it, in a GOV.UK button group. */
export function FormActions({
  submit,
  cancelHref,
  cancelText = 'Cancel',
  variant,
  id,
  name,
  value,
}: FormActionsProps) {
  return (
    <div className="govuk-button-group">
      <Button id={id} variant={variant} name={name} value={value}>
        {submit}
      </Button>
      {cancelHref && (
        <a className="govuk-link" href={cancelHref}>
          {cancelText}
        </a>
      )}
    </div>
  );
}
