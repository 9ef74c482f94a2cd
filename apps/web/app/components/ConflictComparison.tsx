import { NotificationBanner, Tag } from '@lip/ui';

export interface ComparisonRow {
  label: string;
  yours: string;
  saved: string;
  /** You and someone else both changed it: the field the save was refused for. */
  changedByBoth?: boolean;
}

/**
 * A stale edit: both versions side by side, field by field, so nothing is lost. The form below it
 * holds the person's changes re-applied onto the saved version.
 */
export function ConflictComparison({
  what,
  rows,
  savedBy,
}: {
  what: string;
  rows: ComparisonRow[];
  savedBy?: string;
}) {
  const differing = rows.filter((r) => r.yours !== r.saved).length;
  return (
    <>
      <NotificationBanner
        title="Important"
        heading={`Someone else saved changes to this ${what} while you were editing it`}
        id="conflict-banner"
      >
        {rows.some((r) => r.changedByBoth) && (
          <p className="govuk-body" id="conflict-fields">
            You both changed:{' '}
            {rows
              .filter((r) => r.changedByBoth)
              .map((r) => r.label)
              .join(', ')}
            .
          </p>
        )}
        <p className="govuk-body">
          Your changes have not been saved yet. Compare your version with the one saved
          {savedBy ? ` ${savedBy}` : ''}. The form below now holds the saved version with your
          changes applied on top: check it and save again.
        </p>
      </NotificationBanner>
      <table className="govuk-table" id="conflict-comparison">
        <caption className="govuk-table__caption govuk-table__caption--m">
          Your version and the saved version ({differing}{' '}
          {differing === 1 ? 'difference' : 'differences'})
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Field
            </th>
            <th scope="col" className="govuk-table__header">
              Your version
            </th>
            <th scope="col" className="govuk-table__header">
              Saved version
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {rows.map((r) => {
            const differs = r.yours !== r.saved;
            return (
              <tr
                key={r.label}
                className={differs ? 'govuk-table__row lip-diff-row' : 'govuk-table__row'}
              >
                <th scope="row" className="govuk-table__header">
                  {r.label}
                  {r.changedByBoth ? (
                    <>
                      {' '}
                      <Tag colour="red">Changed by both</Tag>
                    </>
                  ) : (
                    differs && (
                      <>
                        {' '}
                        <Tag colour="yellow">Different</Tag>
                      </>
                    )
                  )}
                </th>
                <td className="govuk-table__cell">
                  {r.yours || <span className="govuk-hint">(empty)</span>}
                </td>
                <td className="govuk-table__cell">
                  {r.saved || <span className="govuk-hint">(empty)</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
