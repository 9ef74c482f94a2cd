// The education section's typed fields, shared by the server (validation, GraphQL) and the UI
// (labels, hints, messages). Browser-safe: only the SDK's field helpers. Every field is optional
// (null = not written yet); readiness checks say what must be written before the section is complete.
import { defineFields, field, type FieldValues } from '@lip/plugin-sdk/fields';

/** The four phases ordinarily available provision is described for, in order. */
export const PHASES = [
  { key: 'oapEarlyYears', label: 'early years' },
  { key: 'oapPrimary', label: 'primary' },
  { key: 'oapSecondary', label: 'secondary' },
  { key: 'oapPost16', label: 'post-16' },
] as const;

const oapPhase = (phase: string, hint: string) =>
  field.group({
    label: `Ordinarily available provision: ${phase}`,
    hint,
    fields: {
      url: field.url({
        label: `Link to the ${phase} ordinarily available provision guide`,
        hint: 'The published page or document settings and families use, starting https://',
      }),
      summary: field.longText({
        label: `Summary of ${phase} ordinarily available provision`,
        hint: 'What every setting in this phase provides without an EHC plan, in plain English.',
        max: 3000,
      }),
    },
  });

export const SPECIALIST_SETTING_KINDS = [
  { value: 'SPECIAL_SCHOOL', label: 'Maintained special school or special academy' },
  { value: 'RESOURCED_PROVISION', label: 'Resourced provision in a mainstream school' },
  { value: 'SEN_UNIT', label: 'SEN unit in a mainstream school' },
  { value: 'INDEPENDENT_SPECIAL', label: 'Independent or non-maintained special school' },
  { value: 'POST_16_SPECIALIST', label: 'Specialist post-16 institution' },
] as const;

export const educationFields = defineFields({
  // Ordinarily available provision, one group per phase (standard area SA-02).
  oapEarlyYears: oapPhase(
    'early years',
    'Nurseries, pre-schools, childminders and school nursery classes.',
  ),
  oapPrimary: oapPhase('primary', 'Reception to year 6.'),
  oapSecondary: oapPhase('secondary', 'Years 7 to 11.'),
  oapPost16: oapPhase(
    'post-16',
    'School sixth forms, further education colleges and training providers.',
  ),

  // SEN support (SA-01, SA-02).
  senSupportSummary: field.longText({
    label: 'SEN support',
    hint: 'How settings identify needs early and run the assess, plan, do, review cycle, and the targeted support they can call on.',
    max: 5000,
  }),

  // EHC needs assessment and plans (SA-04).
  ehcTimelinessSummary: field.longText({
    label: 'How the plan will improve EHC plan timeliness',
    hint: 'What will change so that more new EHC plans are issued within 20 weeks of the request, and how progress is tracked at weeks 6, 16 and 20.',
    max: 5000,
  }),
  // The plan's EHC-01 target itself (decision 027): stored once, as the metric target.
  ehcTimelinessTarget: field.metricTarget({
    label: 'Target: new EHC plans issued within 20 weeks (%)',
    metric: 'EHC-01',
    hint: 'Excluding exceptions, as reported in SEN2 (metric EHC-01). A number from 0 to 100. It is the plan’s EHC-01 target: the metrics dashboard shows and rates the same figure.',
    min: 0,
    max: 100,
    noun: 'The 20-week target',
  }),
  ehcQualitySummary: field.longText({
    label: 'EHC plan quality and annual reviews',
    hint: 'How plans are quality assured, and how annual review outcomes reach families within 4 weeks.',
    max: 5000,
  }),

  // Specialist places and sufficiency (SA-03, SA-12).
  specialistProvision: field.list({
    label: 'Specialist places',
    hint: 'Commissioned places in specialist settings now, and the extra places planned over the plan period.',
    itemLabel: 'Specialist setting',
    fields: {
      setting: field.text({ label: 'Setting or group of settings', max: 200 }),
      kind: field.choice({ label: 'Kind of provision', options: SPECIALIST_SETTING_KINDS }),
      places: field.integer({
        label: 'Commissioned places now',
        publication: 'public',
        noun: 'The number of places',
        min: 0,
        max: 100000,
      }),
      additionalPlanned: field.integer({
        label: 'Additional places planned',
        publication: 'public',
        noun: 'The number of additional places',
        min: 0,
        max: 100000,
      }),
    },
  }),
  sufficiencySummary: field.longText({
    label: 'Sufficiency of specialist places',
    hint: 'How the partnership forecasts demand and makes sure there are enough local places, so fewer children travel out of area.',
    max: 5000,
  }),

  // SENCo workforce (SA-11).
  sencoCount: field.integer({
    label: 'SENCos in post',
    publication: 'public',
    hint: 'Special educational needs co-ordinators in the area’s schools and settings.',
    noun: 'The number of SENCos in post',
    min: 0,
    max: 100000,
  }),
  npqSencoCount: field.integer({
    label: 'SENCos holding the NPQ for SENCos',
    publication: 'public',
    hint: 'The national professional qualification for SENCos (it replaced the NASENCO award from September 2024).',
    noun: 'The number of SENCos holding the NPQ',
    min: 0,
    max: 100000,
  }),
  workforceSummary: field.longText({
    label: 'SENCo and workforce development',
    hint: 'Training, supervision and network support for SENCos, and educational psychology capacity.',
    max: 5000,
  }),

  // Transitions (SA-06).
  commonTransferSummary: field.longText({
    label: 'Phase transfer and the common transfer file',
    hint: 'How information on needs and support moves with a child between settings and phases.',
    max: 5000,
  }),
  adjustmentPassportsSummary: field.longText({
    label: 'Adjustment passports',
    hint: 'How young people record the adjustments they need and take them into further education, apprenticeships and work.',
    max: 5000,
  }),
  preparingForAdulthoodSummary: field.longText({
    label: 'Preparation for adulthood',
    hint: 'Employment, independent living, friends and community, and good health: from year 9 onwards and to age 25.',
    max: 5000,
  }),
});

export type EducationFields = FieldValues<typeof educationFields>;

/**
 * What education adds to each school in the settings directory: its SEN unit and resourced
 * provision places (read from the GIAS file on import) and the places the council commissions.
 */
export const educationSettingsFields = defineFields({
  resourcedProvisionPlaces: field.integer({
    label: 'Resourced provision places',
    hint: 'Places in the school’s resourced provision (GIAS: ResourcedProvisionCapacity).',
    publication: 'public',
    min: 0,
    max: 1000,
  }),
  senUnitPlaces: field.integer({
    label: 'SEN unit places',
    hint: 'Places in the school’s SEN unit (GIAS: SenUnitCapacity).',
    publication: 'public',
    min: 0,
    max: 1000,
  }),
  commissionedPlaces: field.integer({
    label: 'Places commissioned by the council',
    hint: 'Specialist places the council commissions here this year.',
    publication: 'public',
    min: 0,
    max: 5000,
  }),
});
