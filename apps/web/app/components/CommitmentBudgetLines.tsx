// A commitment's high-needs budget lines on its page (issue 16), with the link to change them.
import { Table, numericCell } from '@lip/ui';
import { FUNDING_BLOCK_LABELS, formatPounds } from '@lip/core/funding';
import { graphql, type ResultOf } from '../graphql.ts';

export const COMMITMENT_BUDGET_FRAGMENT = graphql(`
  fragment CommitmentBudget on Commitment {
    budgetLines {
      id
      name
      block
      amount
      financialYearLabel
    }
  }
`);

export function CommitmentBudgetLines({
  commitment,
  canEdit,
  commitmentUrl,
}: {
  commitment: ResultOf<typeof COMMITMENT_BUDGET_FRAGMENT>;
  canEdit: boolean;
  commitmentUrl: string;
}) {
  const lines = commitment.budgetLines;
  return (
    <>
      <h2 className="govuk-heading-m">Budget lines</h2>
      {lines.length === 0 ? (
        <p className="govuk-body">No budget lines.</p>
      ) : (
        <Table
          caption="Budget lines"
          captionSize="s"
          region="Budget lines"
          head={['What the money is for', 'Block', 'Financial year', numericCell('Amount')]}
          rowKeys={lines.map((l) => l.id)}
          rows={lines.map((l) => [
            l.name,
            FUNDING_BLOCK_LABELS[l.block],
            l.financialYearLabel,
            numericCell(formatPounds(l.amount)),
          ])}
        />
      )}
      {canEdit && (
        <p className="govuk-body">
          <a className="govuk-link" href={`${commitmentUrl}/budget`}>
            Change budget lines
          </a>
        </p>
      )}
    </>
  );
}
