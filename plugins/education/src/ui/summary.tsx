/**
 * The education section read-only, by theme: ordinarily available provision as a table by phase,
 * specialist places as a table with totals, and the rest as summary lists. Reads much better than
 * the generic list of 16 rows with nested lists.
 */
import { ListTable, notGiven, showCount as count, showText as text } from '@lip/plugin-sdk/ui';
import { SummaryList, Table } from '@lip/ui';
import {
  PHASES,
  SPECIALIST_SETTING_KINDS,
  educationFields,
  type EducationFields,
} from '../fields.ts';

const label = (name: keyof EducationFields) => educationFields.shape[name].label;

const kindLabel = (value: string | null) =>
  SPECIALIST_SETTING_KINDS.find((k) => k.value === value)?.label ?? notGiven;

function sumOf(values: (number | null)[]): number {
  return values.reduce<number>((total, v) => total + (v ?? 0), 0);
}

export function EducationSummary({ section }: { section: Record<string, unknown> }) {
  const f = educationFields.read(section.education ?? {});
  const rows = f.specialistProvision;
  const npqShare =
    f.sencoCount !== null && f.npqSencoCount !== null && f.sencoCount > 0
      ? ` (${Math.round((f.npqSencoCount / f.sencoCount) * 100)}% of SENCos in post)`
      : '';

  return (
    <>
      <h3 className="govuk-heading-s">Ordinarily available provision</h3>
      <ListTable
        caption="What every setting provides without an EHC plan, by phase"
        head={['Phase', 'Guide', 'Summary']}
        entries={PHASES}
        row={(p) => {
          const { url, summary } = f[p.key];
          const phase = p.label.charAt(0).toUpperCase() + p.label.slice(1);
          return [
            phase,
            url ? (
              <a className="govuk-link" href={url}>
                Read the guide
                <span className="govuk-visually-hidden">
                  {' '}
                  to {p.label} ordinarily available provision
                </span>
              </a>
            ) : (
              notGiven
            ),
            text(summary),
          ];
        }}
      />

      <h3 className="govuk-heading-s">SEN support and EHC plans</h3>
      <SummaryList
        rows={[
          { key: label('senSupportSummary'), value: text(f.senSupportSummary) },
          { key: label('ehcTimelinessSummary'), value: text(f.ehcTimelinessSummary) },
          {
            key: 'Target for new EHC plans issued within 20 weeks',
            value:
              f.ehcTimelinessTarget === null
                ? notGiven
                : `${f.ehcTimelinessTarget}%, excluding exceptions`,
          },
          { key: label('ehcQualitySummary'), value: text(f.ehcQualitySummary) },
        ]}
      />

      <h3 className="govuk-heading-s">Specialist places and sufficiency</h3>
      {rows.length === 0 ? (
        <p className="govuk-body">
          <span className="govuk-hint">No specialist settings given yet</span>
        </p>
      ) : (
        <Table
          caption="Specialist places"
          captionSize="s"
          head={[
            'Setting',
            'Kind of provision',
            { content: 'Places now', numeric: true },
            { content: 'Additional planned', numeric: true },
          ]}
          rows={[
            ...rows.map((r) => [
              r.setting ?? notGiven,
              kindLabel(r.kind),
              { content: count(r.places), numeric: true },
              { content: count(r.additionalPlanned), numeric: true },
            ]),
            [
              <strong key="total">Total</strong>,
              '',
              {
                content: (
                  <strong>{sumOf(rows.map((r) => r.places)).toLocaleString('en-GB')}</strong>
                ),
                numeric: true,
              },
              {
                content: (
                  <strong>
                    {sumOf(rows.map((r) => r.additionalPlanned)).toLocaleString('en-GB')}
                  </strong>
                ),
                numeric: true,
              },
            ],
          ]}
        />
      )}
      <SummaryList
        rows={[{ key: label('sufficiencySummary'), value: text(f.sufficiencySummary) }]}
      />

      <h3 className="govuk-heading-s">SENCo workforce</h3>
      <SummaryList
        rows={[
          { key: label('sencoCount'), value: count(f.sencoCount) },
          {
            key: label('npqSencoCount'),
            value:
              f.npqSencoCount === null
                ? notGiven
                : `${f.npqSencoCount.toLocaleString('en-GB')}${npqShare}`,
          },
          { key: label('workforceSummary'), value: text(f.workforceSummary) },
        ]}
      />

      <h3 className="govuk-heading-s">Transitions and preparation for adulthood</h3>
      <SummaryList
        rows={[
          { key: label('commonTransferSummary'), value: text(f.commonTransferSummary) },
          { key: label('adjustmentPassportsSummary'), value: text(f.adjustmentPassportsSummary) },
          {
            key: label('preparingForAdulthoodSummary'),
            value: text(f.preparingForAdulthoodSummary),
          },
        ]}
      />
    </>
  );
}
