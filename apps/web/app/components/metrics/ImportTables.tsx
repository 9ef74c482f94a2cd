import { numericCell, Table } from '@lip/ui';
import type { ImportReportRow, ImportRowError } from './fragments.ts';

export function RowErrorsTable({ errors }: { errors: ImportRowError[] }) {
  return (
    <Table
      caption={`Row errors (${errors.length.toLocaleString('en-GB')})`}
      captionSize="s"
      head={[numericCell('Row'), 'Column', 'Problem']}
      rowKeys={errors.map((e, i) => `${e.row}:${e.column ?? ''}:${i}`)}
      rows={errors.map((e) => [
        numericCell(e.row === 0 ? 'File' : e.row),
        e.column ?? 'Whole row',
        e.message,
      ])}
    />
  );
}

/** One action's rows of the dry-run report (the first 1,000 are kept). */
export function ImportReportTable({
  caption,
  rows,
  shownOf,
}: {
  caption: string;
  rows: ImportReportRow[];
  shownOf: number;
}) {
  return (
    <>
      <Table
        caption={caption}
        head={[
          numericCell('Row'),
          'Metric',
          'Geography',
          'Period',
          'Breakdown',
          numericCell('Before'),
          numericCell('After'),
          'Reason',
        ]}
        rowKeys={rows.map((r) => String(r.row))}
        rows={rows.map((r) => [
          numericCell(r.row),
          r.metricId ?? '',
          r.geography ?? '',
          r.period ?? '',
          r.breakdown || 'Total',
          numericCell(r.before ?? ''),
          numericCell(r.after ?? ''),
          r.reason ?? '',
        ])}
      />
      {shownOf > rows.length && (
        <p className="govuk-body-s">
          Showing the first {rows.length.toLocaleString('en-GB')} of{' '}
          {shownOf.toLocaleString('en-GB')} rows.
        </p>
      )}
    </>
  );
}
