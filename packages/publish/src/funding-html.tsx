// The published plan's "Budget and tariffs" part (issue 16): budget totals by section, block and
// financial year, and the tariff in force (bands × types of provision) frozen with the version.
import { numericCell, Table } from '@lip/ui';
import { FUNDING_ANCHOR, type FundingView } from './funding.ts';

function Totals({
  caption,
  first,
  rows,
  total,
}: {
  caption: string;
  first: string;
  rows: Array<{ label: string; text: string }>;
  total: string;
}) {
  return (
    <Table
      caption={caption}
      captionSize="s"
      firstCellIsHeader
      head={[first, numericCell('Amount')]}
      rows={[...rows.map((r) => [r.label, numericCell(r.text)]), ['Total', numericCell(total)]]}
    />
  );
}

export function FundingPart({ funding }: { funding: FundingView }) {
  const { budget, tariffs } = funding;
  return (
    <section aria-labelledby={FUNDING_ANCHOR}>
      <h2 className="govuk-heading-l" id={FUNDING_ANCHOR}>
        Budget and tariffs
      </h2>
      <h3 className="govuk-heading-m">Budget totals</h3>
      {budget ? (
        <>
          <p className="govuk-body">
            What the plan’s commitments draw from the high-needs budget and other budgets, from
            their budget lines. Total: {budget.total.text}.
          </p>
          <Totals
            caption="Budget by section"
            first="Section"
            rows={budget.bySection}
            total={budget.total.text}
          />
          <Totals
            caption="Budget by block"
            first="Block"
            rows={budget.byBlock}
            total={budget.total.text}
          />
          <Totals
            caption="Budget by financial year"
            first="Financial year"
            rows={budget.byYear}
            total={budget.total.text}
          />
        </>
      ) : (
        <p className="govuk-body">No commitment in this version has a budget line.</p>
      )}
      <h3 className="govuk-heading-m">Tariffs in force</h3>
      {tariffs ? (
        <>
          <p className="govuk-body">
            The annual price of a place in each band, by type of provision, in force on{' '}
            {tariffs.inForceOn} when this version was frozen.
          </p>
          {tariffs.provisionTypes.length > 0 && (
            <Table
              caption="Annual price per place by band and type of provision"
              captionSize="s"
              region="Tariffs in force"
              firstCellIsHeader
              head={['Band', ...tariffs.provisionTypes.map((t) => numericCell(t.label))]}
              rows={tariffs.grid.map((row) => [
                row.band,
                ...row.prices.map((p) => numericCell(p || 'None')),
              ])}
            />
          )}
          <dl className="govuk-summary-list">
            {tariffs.bands.map((b) => (
              <div className="govuk-summary-list__row" key={b.name}>
                <dt className="govuk-summary-list__key">{b.name}</dt>
                <dd className="govuk-summary-list__value">
                  {b.descriptionOfNeed || 'No description'}
                </dd>
              </div>
            ))}
          </dl>
        </>
      ) : (
        <p className="govuk-body">No tariffs were frozen with this version.</p>
      )}
      <p className="govuk-body-s govuk-!-margin-top-4 govuk-!-margin-bottom-8">
        <a className="govuk-link" href="#contents">
          Back to contents
        </a>
      </p>
    </section>
  );
}
