// What must be true before the social care section counts as complete. Each check answers true, or
// a message that tells a person what to do next. Pure functions of the section's fields, the
// standard areas its commitments are mapped to and today's date, so they are unit-tested directly.
import { govukDate, listPhrase, written } from '@lip/plugin-sdk/fields';
import type { CareFields } from './fields.ts';

export { govukDate, listPhrase };

export interface ReadinessInput {
  fields: CareFields;
  /** For each of the section's commitments, the codes of the standard areas it is mapped to. */
  commitmentStandards: readonly (readonly string[])[];
  /** Today (UTC); defaults to the current date. */
  today?: Date;
}

export interface CareReadinessCheck {
  id: string;
  title: string;
  /** The form field a person changes to pass it (a dotted path); none for commitment checks. */
  field?: string;
  check: (input: ReadinessInput) => true | string;
}

/** The date 12 months before `today` (UTC midnight). */
export function twelveMonthsBefore(today: Date): Date {
  const d = new Date(Date.UTC(today.getUTCFullYear() - 1, today.getUTCMonth(), today.getUTCDate()));
  return d;
}

function toDate(value: unknown): Date | null {
  if (value instanceof Date) return value;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) return null;
  const date = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

export const careReadiness: CareReadinessCheck[] = [
  {
    id: 'care.short-breaks-statement-linked',
    title: 'Short breaks services statement linked',
    field: 'shortBreaksStatementUrl',
    check: ({ fields }) =>
      written(fields.shortBreaksStatementUrl) ||
      'Add a link to the published short breaks services statement',
  },
  {
    id: 'care.short-breaks-statement-content',
    title: 'Short breaks range, eligibility and carers’ needs described',
    field: 'shortBreaksRange',
    check: ({ fields }) => {
      const missing = [
        written(fields.shortBreaksRange) ? null : 'the range of short breaks',
        written(fields.shortBreaksEligibility) ? null : 'who is eligible',
        written(fields.shortBreaksCarersNeeds) ? null : 'how they meet carers’ needs',
      ].filter((x): x is string => x !== null);
      return missing.length === 0 ? true : `Describe ${listPhrase(missing)}`;
    },
  },
  {
    id: 'care.short-breaks-reviewed-with-parents',
    title: 'Short breaks statement reviewed with parents in the last 12 months',
    field: 'shortBreaksLastReviewedWithParents',
    check: ({ fields, today = new Date() }) => {
      const reviewed = toDate(fields.shortBreaksLastReviewedWithParents);
      if (!reviewed)
        return 'Add the date the short breaks statement was last reviewed with parents';
      if (reviewed.getTime() < twelveMonthsBefore(today).getTime())
        return `The short breaks statement was last reviewed with parents on ${govukDate(reviewed)}, more than 12 months ago: review it with parents and update the date`;
      return true;
    },
  },
  {
    id: 'care.respite',
    title: 'Respite placements described',
    field: 'overnightRespitePlaces',
    check: ({ fields }) => {
      if (fields.overnightRespitePlaces == null)
        return 'Give the number of overnight respite places';
      return (
        written(fields.respiteSummary) ||
        'Describe the respite placements available and any plans to add places'
      );
    },
  },
  {
    id: 'care.family-hubs',
    title: 'Family hubs described',
    field: 'familyHubsSummary',
    check: ({ fields }) =>
      written(fields.familyHubsSummary) ||
      'Say what families of children with SEND can get from family hubs',
  },
  {
    id: 'care.children-in-need-and-looked-after',
    title: 'Children in need and looked after with SEND counted',
    field: 'childrenInNeedWithSend',
    check: ({ fields }) => {
      const missing = [
        fields.childrenInNeedWithSend == null ? 'children in need' : null,
        fields.childProtectionPlansWithSend == null ? 'children on a child protection plan' : null,
        fields.lookedAfterWithSend == null ? 'looked-after children' : null,
      ].filter((x): x is string => x !== null);
      if (missing.length > 0) return `Give the number of ${listPhrase(missing)} with SEND`;
      if (!toDate(fields.countsAsAt))
        return 'Add the date the counts of children with SEND were taken';
      return true;
    },
  },
  {
    id: 'care.commitment-sa-09',
    title: 'A commitment on the social care contribution',
    check: ({ commitmentStandards }) =>
      commitmentStandards.some((codes) => codes.includes('SA-09')) ||
      'Map at least one social care commitment to SA-09 (social care contribution: short breaks, family help, children in need and looked after with SEND)',
  },
];

/** Standard areas (lip-working-2026) social care commitments usually map to. */
export const careStandardsSuggestions = ['SA-09', 'SA-05', 'SA-06', 'SA-10', 'SA-12'];

/** The social care metric pack: catalogue ids seeded by @lip/db. */
export const careMetricIds = ['CSC-01', 'LOC-03'];
