import type { ReactNode } from 'react';
import { cx } from './cx.ts';

export interface SummaryListAction {
  href: string;
  text: string;
  visuallyHiddenText?: string;
}

export interface SummaryListRow {
  key: ReactNode;
  value: ReactNode;
  actions?: SummaryListAction[];
}

export function SummaryList({ rows, noBorder }: { rows: SummaryListRow[]; noBorder?: boolean }) {
  const anyActions = rows.some((r) => r.actions && r.actions.length > 0);
  return (
    <dl className={cx('govuk-summary-list', noBorder && 'govuk-summary-list--no-border')}>
      {rows.map((row, i) => {
        const hasActions = Boolean(row.actions && row.actions.length > 0);
        return (
          <div
            key={i}
            className={cx(
              'govuk-summary-list__row',
              anyActions && !hasActions && 'govuk-summary-list__row--no-actions',
            )}
          >
            <dt className="govuk-summary-list__key">{row.key}</dt>
            <dd className="govuk-summary-list__value">{row.value}</dd>
            {hasActions && (
              <dd className="govuk-summary-list__actions">
                {row.actions?.map((a) => (
                  <a key={a.href} className="govuk-link" href={a.href}>
                    {a.text}
                    {a.visuallyHiddenText && (
                      <span className="govuk-visually-hidden"> {a.visuallyHiddenText}</span>
                    )}
                  </a>
                ))}
              </dd>
            )}
          </div>
        );
      })}
    </dl>
  );
}
