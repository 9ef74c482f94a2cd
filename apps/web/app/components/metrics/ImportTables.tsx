import type { ImportReportRow, ImportRowError } from './fragments.ts';

export function RowErrorsTable({ errors }: { errors: ImportRowError[] }) {
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--s">
        Row errors ({errors.length.toLocaleString('en-GB')})
      </caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header govuk-table__header--numeric">
            Row
          </th>
          <th scope="col" className="govuk-table__header">
            Column
          </th>
          <th scope="col" className="govuk-table__header">
            Problem
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {errors.map((e, i) => (
          <tr key={`${e.row}:${e.column ?? ''}:${i}`} className="govuk-table__row">
            <td className="govuk-table__cell govuk-table__cell--numeric">
              {e.row === 0 ? 'File' : e.row}
            </td>
            <td className="govuk-table__cell">{e.column ?? 'Whole row'}</td>
            <td className="govuk-table__cell">{e.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
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
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Row
            </th>
            <th scope="col" className="govuk-table__header">
              Metric
            </th>
            <th scope="col" className="govuk-table__header">
              Geography
            </th>
            <th scope="col" className="govuk-table__header">
              Period
            </th>
            <th scope="col" className="govuk-table__header">
              Breakdown
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              Before
            </th>
            <th scope="col" className="govuk-table__header govuk-table__header--numeric">
              After
            </th>
            <th scope="col" className="govuk-table__header">
              Reason
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {rows.map((r) => (
            <tr key={r.row} className="govuk-table__row">
              <td className="govuk-table__cell govuk-table__cell--numeric">{r.row}</td>
              <td className="govuk-table__cell">{r.metricId ?? ''}</td>
              <td className="govuk-table__cell">{r.geography ?? ''}</td>
              <td className="govuk-table__cell">{r.period ?? ''}</td>
              <td className="govuk-table__cell">{r.breakdown || 'Total'}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{r.before ?? ''}</td>
              <td className="govuk-table__cell govuk-table__cell--numeric">{r.after ?? ''}</td>
              <td className="govuk-table__cell">{r.reason ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {shownOf > rows.length && (
        <p className="govuk-body-s">
          Showing the first {rows.length.toLocaleString('en-GB')} of{' '}
          {shownOf.toLocaleString('en-GB')} rows.
        </p>
      )}
    </>
  );
}
