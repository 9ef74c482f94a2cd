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

function ActionLink({ action }: { action: SummaryListAction }) {
  return (
    <a className="govuk-link" href={action.href}>
      {action.text}
      {action.visuallyHiddenText && (
        <span className="govuk-visually-hidden"> {action.visuallyHiddenText}</span>
      )}
    </a>
  );
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
                {row.actions && row.actions.length > 1 ? (
                  // Several actions: a list, so they are spaced and separated (GOV.UK markup).
                  <ul className="govuk-summary-list__actions-list">
                    {row.actions.map((a) => (
                      <li key={a.href} className="govuk-summary-list__actions-list-item">
                        <ActionLink action={a} />
                      </li>
                    ))}
                  </ul>
                ) : (
                  row.actions?.map((a) => <ActionLink key={a.href} action={a} />)
                )}
              </dd>
            )}
          </div>
        );
      })}
    </dl>
  );
}
