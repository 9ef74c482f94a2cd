// What must be true before the education section counts as complete. Each check answers true, or a
// message that tells a person what to do next. Pure functions of the section's fields and the
// standard areas its commitments are mapped to, so they are unit-tested without a database.
import { listPhrase, written } from '@lip/plugin-sdk/fields';
import { PHASES, type EducationFields } from './fields.ts';

export { listPhrase };

export interface ReadinessInput {
  fields: EducationFields;
  /** For each of the section's commitments, the codes of the standard areas it is mapped to. */
  commitmentStandards: readonly (readonly string[])[];
}

export interface EducationReadinessCheck {
  id: string;
  title: string;
  /** The form field a person changes to pass it (a dotted path); none for commitment checks. */
  field?: string | ((fields: EducationFields) => string | null);
  check: (input: ReadinessInput) => true | string;
}

const mapped = (input: ReadinessInput, code: string) =>
  input.commitmentStandards.some((codes) => codes.includes(code));

export const educationReadiness: EducationReadinessCheck[] = [
  {
    id: 'education.oap-linked-every-phase',
    title: 'Ordinarily available provision linked for every phase',
    field: (fields) =>
      `${PHASES.find((p) => !written(fields[p.key]?.url))?.key ?? PHASES[0].key}.url`,
    check: ({ fields }) => {
      const missing = PHASES.filter((p) => !written(fields[p.key]?.url)).map((p) => p.label);
      return missing.length === 0
        ? true
        : `Add a link to ordinarily available provision for every phase (missing: ${listPhrase(missing)})`;
    },
  },
  {
    id: 'education.oap-summarised-every-phase',
    title: 'Ordinarily available provision summarised for every phase',
    field: (fields) =>
      `${PHASES.find((p) => !written(fields[p.key]?.summary))?.key ?? PHASES[0].key}.summary`,
    check: ({ fields }) => {
      const missing = PHASES.filter((p) => !written(fields[p.key]?.summary)).map((p) => p.label);
      return missing.length === 0
        ? true
        : `Summarise what settings ordinarily provide in every phase (missing: ${listPhrase(missing)})`;
    },
  },
  {
    id: 'education.sen-support',
    title: 'SEN support described',
    field: 'senSupportSummary',
    check: ({ fields }) =>
      written(fields.senSupportSummary) ||
      'Describe how settings identify needs and provide SEN support',
  },
  {
    id: 'education.ehc-timeliness',
    title: 'EHC plan timeliness addressed',
    // The target is the plan's EHC-01 metric target, edited here too (decision 027).
    field: (fields) =>
      written(fields.ehcTimelinessSummary) && fields.ehcTimelinessTarget == null
        ? 'ehcTimelinessTarget'
        : 'ehcTimelinessSummary',
    check: ({ fields }) => {
      if (!written(fields.ehcTimelinessSummary))
        return 'Say how the plan will improve EHC plan timeliness';
      if (fields.ehcTimelinessTarget == null)
        return 'Set a target for the share of new EHC plans issued within 20 weeks';
      return true;
    },
  },
  {
    id: 'education.sufficiency',
    title: 'Specialist place sufficiency planned',
    field: 'specialistProvision',
    check: ({ fields }) => {
      if ((fields.specialistProvision ?? []).length === 0)
        return 'Add the specialist settings and their commissioned places';
      return (
        written(fields.sufficiencySummary) ||
        'Say how the partnership will make sure there are enough specialist places'
      );
    },
  },
  {
    id: 'education.senco-workforce',
    title: 'SENCo workforce recorded',
    field: 'sencoCount',
    check: ({ fields }) => {
      if (fields.sencoCount == null) return 'Give the number of SENCos in post';
      if (fields.npqSencoCount == null)
        return 'Give the number of SENCos holding the NPQ for SENCos';
      if (fields.npqSencoCount > fields.sencoCount)
        return 'The number of SENCos holding the NPQ cannot be more than the number of SENCos in post: check both numbers';
      return true;
    },
  },
  {
    id: 'education.transitions',
    title: 'Transitions and preparation for adulthood described',
    field: 'commonTransferSummary',
    check: ({ fields }) => {
      const missing = [
        written(fields.commonTransferSummary) ? null : 'phase transfer',
        written(fields.adjustmentPassportsSummary) ? null : 'adjustment passports',
        written(fields.preparingForAdulthoodSummary) ? null : 'preparation for adulthood',
      ].filter((x): x is string => x !== null);
      return missing.length === 0
        ? true
        : `Describe how transitions are supported (missing: ${listPhrase(missing)})`;
    },
  },
  {
    id: 'education.commitment-sa-02',
    title: 'A commitment on ordinarily available provision',
    check: (input) =>
      mapped(input, 'SA-02') ||
      'Map at least one education commitment to SA-02 (support ordinarily available in mainstream settings)',
  },
  {
    id: 'education.commitment-sa-04',
    title: 'A commitment on EHC plan timeliness and quality',
    check: (input) =>
      mapped(input, 'SA-04') ||
      'Map at least one education commitment to SA-04 (consistent processes, including EHC plan timeliness and quality)',
  },
];

/** Standard areas (lip-working-2026) education commitments usually map to. */
export const educationStandardsSuggestions = [
  'SA-01',
  'SA-02',
  'SA-03',
  'SA-04',
  'SA-06',
  'SA-11',
  'SA-12',
];

/** The education metric pack: catalogue ids seeded by @lip/db. */
export const educationMetricIds = [
  'EHC-01',
  'EHC-02',
  'EHC-03',
  'EHC-04',
  'EHC-05',
  'EHC-06',
  'EHC-07',
  'EHC-08',
  'EHC-09',
  'EHC-10',
  'EHC-11',
  'EHC-12',
  'EHC-13',
  'SEN-01',
  'SEN-02',
  'SEN-03',
  'PLC-01',
  'ABS-01',
  'ABS-02',
  'EXC-01',
  'EXC-02',
  'ATT-01',
  'ATT-02',
  'ATT-03',
  'ATT-04',
  'ATT-05',
  'ATT-06',
  'ATT-07',
  'ATT-08',
  'ATT-09',
  'ATT-10',
  'PFA-01',
  'PFA-02',
  'PFA-03',
  'PFA-04',
  'PFA-05',
  'PFA-06',
  'PFA-07',
];
