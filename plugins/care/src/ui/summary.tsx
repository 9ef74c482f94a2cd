/**
 * The social care section read-only, by theme: the short breaks services statement (with when it
 * was last reviewed with parents, as a GOV.UK date), respite, family hubs, and the aggregate counts
 * of children with SEND as a table with the date they were taken.
 */
import { SummaryList, Table } from '@lip/ui';
import { careFields, type CareFields } from '../fields.ts';
import {
  govukDate,
  notGiven,
  showCount as count,
  showDate as date,
  showText as text,
} from '@lip/plugin-sdk/ui';

const label = (name: keyof CareFields) => careFields.shape[name].label;

export function CareSummary({ section }: { section: Record<string, unknown> }) {
  const f = careFields.read(section.care ?? {});
  return (
    <>
      <h3 className="govuk-heading-s">Short breaks services statement</h3>
      <SummaryList
        rows={[
          {
            key: 'Published statement',
            value: f.shortBreaksStatementUrl ? (
              <a className="govuk-link" href={f.shortBreaksStatementUrl}>
                Read the short breaks services statement
              </a>
            ) : (
              notGiven
            ),
          },
          { key: 'Last reviewed with parents', value: date(f.shortBreaksLastReviewedWithParents) },
          { key: label('shortBreaksRange'), value: text(f.shortBreaksRange) },
          { key: label('shortBreaksEligibility'), value: text(f.shortBreaksEligibility) },
          { key: label('shortBreaksCarersNeeds'), value: text(f.shortBreaksCarersNeeds) },
        ]}
      />

      <h3 className="govuk-heading-s">Respite and family hubs</h3>
      <SummaryList
        rows={[
          { key: label('overnightRespitePlaces'), value: count(f.overnightRespitePlaces) },
          { key: label('respiteSummary'), value: text(f.respiteSummary) },
          { key: label('familyHubCount'), value: count(f.familyHubCount) },
          { key: label('familyHubsSummary'), value: text(f.familyHubsSummary) },
        ]}
      />

      <h3 className="govuk-heading-s">Children in need and looked after with SEND</h3>
      <Table
        caption={
          f.countsAsAt
            ? `Aggregate counts for the area at ${govukDate(f.countsAsAt)}`
            : 'Aggregate counts for the area'
        }
        captionSize="s"
        head={['Children with SEND', { content: 'Number', numeric: true }]}
        firstCellIsHeader
        rows={[
          ['Children in need', { content: count(f.childrenInNeedWithSend), numeric: true }],
          [
            'On a child protection plan',
            { content: count(f.childProtectionPlansWithSend), numeric: true },
          ],
          ['Looked after', { content: count(f.lookedAfterWithSend), numeric: true }],
        ]}
      />
      <SummaryList
        rows={[{ key: label('socialCareSendSummary'), value: text(f.socialCareSendSummary) }]}
      />
    </>
  );
}
