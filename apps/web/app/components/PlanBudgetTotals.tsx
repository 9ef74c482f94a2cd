// The plan's budget totals on its overview (issue 16): its commitments' high-needs budget lines
// added up by section, block and financial year, with the financial sustainability (FIN) metrics
// from the plan's dashboard beside them.
import { Table, numericCell } from '@lip/ui';
import { FUNDING_BLOCK_LABELS, formatPounds } from '@lip/core/funding';
import { graphql, type ResultOf } from '../graphql.ts';
import { formatValue, periodLabel } from './metrics/labels.ts';

export const PLAN_BUDGET_FRAGMENT = graphql(`
  fragment PlanBudgetTotals on Plan {
    id
    budgetTotals {
      total
      bySection {
        sectionKey
        sectionTitle
        amount
      }
      byBlock {
        block
        amount
      }
      byYear {
        financialYearLabel
        amount
      }
    }
    financeFigures {
      metricId
      title
      unit
      decimals
      periodType
      period
      value
      symbol
    }
  }
`);

export function PlanBudgetTotals({ plan }: { plan: ResultOf<typeof PLAN_BUDGET_FRAGMENT> }) {
  const totals = plan.budgetTotals;
  const finance = plan.financeFigures;
  const table = (caption: string, first: string, rows: Array<[string, string]>) => (
    <Table
      caption={caption}
      captionSize="s"
      firstCellIsHeader
      head={[first, numericCell('Amount')]}
      rows={[
        ...rows.map(([label, amount]) => [label, numericCell(formatPounds(amount))]),
        ['Total', numericCell(formatPounds(totals.total))],
      ]}
    />
  );
  return (
    <section aria-labelledby="budget-totals">
      <h2 className="govuk-heading-m" id="budget-totals">
        Budget
      </h2>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {totals.bySection.length === 0 ? (
            <p className="govuk-body">No commitment has a budget line yet.</p>
          ) : (
            <>
              {table(
                'Budget lines by section',
                'Section',
                totals.bySection.map((s) => [s.sectionTitle, s.amount]),
              )}
              {table(
                'Budget lines by block',
                'Block',
                totals.byBlock.map((b) => [FUNDING_BLOCK_LABELS[b.block], b.amount]),
              )}
              {table(
                'Budget lines by financial year',
                'Financial year',
                totals.byYear.map((y) => [y.financialYearLabel, y.amount]),
              )}
            </>
          )}
        </div>
        <div className="govuk-grid-column-one-third">
          <h3 className="govuk-heading-s">Financial sustainability</h3>
          <p className="govuk-body-s">
            Latest figures for the area, from the{' '}
            <a className="govuk-link" href={`/plans/${encodeURIComponent(plan.id)}/dashboard`}>
              plan’s dashboard
            </a>
            .
          </p>
          {finance.length === 0 ? (
            <p className="govuk-body-s">No financial sustainability metrics in the catalogue.</p>
          ) : (
            <dl className="govuk-summary-list govuk-summary-list--no-border">
              {finance.map((f) => (
                <div className="govuk-summary-list__row" key={f.metricId}>
                  <dt className="govuk-summary-list__key govuk-!-font-size-16">{f.title}</dt>
                  <dd className="govuk-summary-list__value govuk-!-font-size-16">
                    {f.period
                      ? `${f.symbol ?? formatValue(f.value, f.unit, f.decimals)} (${periodLabel(f.periodType, f.period)})`
                      : 'No figures yet'}
                  </dd>
                </div>
              ))}
            </dl>
          )}
        </div>
      </div>
    </section>
  );
}
