// The alternative provision section, read-only: the three tiers, the budget, the five outcomes and
// the pupil movements (aggregate counts per term) as GOV.UK tables and summary lists.
import {
  ListTable,
  notGiven,
  showMoney as money,
  showText as text,
  type GenericSection,
} from '@lip/plugin-sdk/ui';
import { SummaryList, Table } from '@lip/ui';
import { AP_OUTCOMES, AP_TIERS, apFields, type ApFields } from '../fields.ts';

const count = (value: number | null | undefined) => ({ content: value ?? '–', numeric: true });

const targetText = (value: number | null) =>
  value === null ? notGiven : `${value.toLocaleString('en-GB')}%`;

export function ApSummary({ section }: { section: GenericSection }) {
  const ap = apFields.read(section.alternativeProvision ?? {}) as ApFields;
  return (
    <>
      <h3 className="govuk-heading-s">The three tiers</h3>
      <ListTable
        caption="What is offered at each tier, and by whom"
        head={['Tier', 'What is offered', 'By whom']}
        entries={AP_TIERS}
        row={(t) => [
          `Tier ${t.tier}: ${t.title}`,
          text(ap[t.key].offer),
          text(ap[t.key].providers),
        ]}
      />

      <h3 className="govuk-heading-s">Budget</h3>
      <SummaryList
        rows={[
          { key: 'Alternative provision budget for the year', value: money(ap.budget.amount) },
          { key: 'What it covers', value: text(ap.budget.note) },
        ]}
      />

      <h3 className="govuk-heading-s">Outcomes</h3>
      <ListTable
        caption="The five outcomes of the AP performance framework"
        head={['Outcome', 'Measure', 'Target']}
        entries={AP_OUTCOMES}
        row={(o) => [
          `${o.code}: ${o.title}`,
          text(ap[o.key].measure),
          // The plan's target of the outcome's metric (decision 027).
          targetText(ap[o.key].target),
        ]}
      />

      <h3 className="govuk-heading-s">Pupil movements</h3>
      {ap.movements.length === 0 ? (
        <p className="govuk-body">No pupil movements given yet.</p>
      ) : (
        <Table
          caption="Pupils moving into and out of alternative provision, by term (numbers of pupils)"
          captionSize="s"
          head={[
            'Term',
            { content: 'Into AP', numeric: true },
            { content: 'Returned to mainstream', numeric: true },
            { content: 'Moved to a special school', numeric: true },
            { content: 'Post-16 destination', numeric: true },
          ]}
          firstCellIsHeader
          rowKeys={ap.movements.map((m, i) => `${i}:${m.term}`)}
          rows={ap.movements.map((m) => [
            m.term,
            count(m.intoAp),
            count(m.returnedToMainstream),
            count(m.movedToSpecialSchool),
            count(m.post16Destination),
          ])}
        />
      )}
    </>
  );
}
