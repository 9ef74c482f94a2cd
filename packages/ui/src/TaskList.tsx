import type { ReactNode } from 'react';
import { cx } from './cx.ts';

export interface TaskListItem {
  title: ReactNode;
  href?: string;
  hint?: ReactNode;
  /** Usually a <Tag>, or plain text such as "Completed". */
  status: ReactNode;
}

export function TaskList({
  items,
  idPrefix = 'task-list',
}: {
  items: TaskListItem[];
  idPrefix?: string;
}) {
  return (
    <ul className="govuk-task-list">
      {items.map((item, i) => {
        const n = i + 1;
        const hintId = item.hint ? `${idPrefix}-${n}-hint` : undefined;
        const statusId = `${idPrefix}-${n}-status`;
        return (
          <li
            key={n}
            className={cx('govuk-task-list__item', item.href && 'govuk-task-list__item--with-link')}
          >
            <div className="govuk-task-list__name-and-hint">
              {item.href ? (
                <a
                  className="govuk-link govuk-task-list__link"
                  href={item.href}
                  aria-describedby={cx(hintId, statusId)}
                >
                  {item.title}
                </a>
              ) : (
                <div>{item.title}</div>
              )}
              {item.hint && (
                <div id={hintId} className="govuk-task-list__hint">
                  {item.hint}
                </div>
              )}
            </div>
            <div className="govuk-task-list__status" id={statusId}>
              {item.status}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
