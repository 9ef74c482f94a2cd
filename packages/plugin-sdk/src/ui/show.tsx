// How a section summary shows a stored value, the same way in every plugin: GOV.UK dates, pounds,
// grouped numbers, and a hint where nothing has been written yet.
import type { ReactNode } from 'react';
import { govukDate } from '../fields.ts';

export { govukDate };

export const notGiven: ReactNode = (
  <span className="govuk-hint govuk-!-margin-0">Not given yet</span>
);

const blank = (value: unknown): value is null | undefined | '' =>
  value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

/** Text as written, keeping the writer's line breaks. */
export const showText = (value: string | null | undefined): ReactNode =>
  blank(value) ? notGiven : <span style={{ whiteSpace: 'pre-wrap' }}>{value}</span>;

export const showCount = (value: number | null | undefined): ReactNode =>
  blank(value) ? notGiven : value.toLocaleString('en-GB');

export const showDate = (value: string | null | undefined): ReactNode =>
  blank(value) ? notGiven : govukDate(value);

/** Pounds; pence only where there are any. */
export const showMoney = (amount: number | null | undefined): ReactNode =>
  blank(amount)
    ? notGiven
    : `£${amount.toLocaleString('en-GB', { minimumFractionDigits: amount % 1 === 0 ? 0 : 2, maximumFractionDigits: 2 })}`;

export const showLink = (url: string | null | undefined): ReactNode =>
  blank(url) ? (
    notGiven
  ) : (
    <a className="govuk-link" href={url}>
      {url}
    </a>
  );
