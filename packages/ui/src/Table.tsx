import type { ReactNode } from 'react';
import { cx } from './cx.ts';

export interface TableCell {
  content: ReactNode;
  numeric?: boolean;
}

export interface TableProps {
  caption?: ReactNode;
  captionSize?: 's' | 'm' | 'l' | 'xl';
  head: Array<ReactNode | TableCell>;
  rows: Array<Array<ReactNode | TableCell>>;
  /** Render the first cell of each row as a row header (<th scope="row">). */
  firstCellIsHeader?: boolean;
  /** React keys for the rows (defaults to the index). */
  rowKeys?: string[];
  /**
   * The accessible name of a scrolling region around the table: on a narrow screen a wide table
   * scrolls inside it (keyboard-focusable, announced by name) instead of the page scrolling sideways.
   */
  region?: string;
}

/**
 * A labelled, focusable region a wide table scrolls in on narrow screens (WCAG 1.4.10 reflow: the
 * page itself never scrolls sideways). Styled by `.lip-table-region` in the app's stylesheet.
 */
export function TableRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="lip-table-region" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

/** A numeric cell or header: right-aligned, as GOV.UK sets figures. */
export function numericCell(content: ReactNode): TableCell {
  return { content, numeric: true };
}

function isCell(value: ReactNode | TableCell): value is TableCell {
  return typeof value === 'object' && value !== null && 'content' in value;
}

function cell(value: ReactNode | TableCell): TableCell {
  return isCell(value) ? value : { content: value };
}

export function Table({
  caption,
  captionSize = 'm',
  head,
  rows,
  firstCellIsHeader,
  rowKeys,
  region,
}: TableProps) {
  const table = (
    <table className="govuk-table">
      {caption && (
        <caption className={cx('govuk-table__caption', `govuk-table__caption--${captionSize}`)}>
          {caption}
        </caption>
      )}
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          {head.map((h, i) => {
            const c = cell(h);
            return (
              <th
                key={i}
                scope="col"
                className={cx('govuk-table__header', c.numeric && 'govuk-table__header--numeric')}
              >
                {c.content}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map((row, r) => (
          <tr key={rowKeys?.[r] ?? r} className="govuk-table__row">
            {row.map((value, i) => {
              const c = cell(value);
              return i === 0 && firstCellIsHeader ? (
                <th key={i} scope="row" className="govuk-table__header">
                  {c.content}
                </th>
              ) : (
                <td
                  key={i}
                  className={cx('govuk-table__cell', c.numeric && 'govuk-table__cell--numeric')}
                >
                  {c.content}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return region ? <TableRegion label={region}>{table}</TableRegion> : table;
}
