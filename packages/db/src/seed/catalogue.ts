// lip's own catalogue seed data, copied from the domain facts gathered for the project (public
// sources: DfE, NHS England, Green Paper 2022, Improvement Plan 2023, White Paper 2026). Edit here;
// seedCatalogue() upserts it, so re-running a seed updates titles and adds new entries.
import type { CatalogueStatus, PeriodType, Polarity } from '../generated/prisma/enums.ts';

export const planKinds: ReadonlyArray<{ id: string; title: string; status: CatalogueStatus; note: string | null }> = [
  {
    id: "local-inclusion-plan",
    title: "Local inclusion plan",
    status: "PROPOSED",
    note: "Proposed by the 2022 Green Paper; how the local area will meet the national standards."
  },
  {
    id: "local-area-inclusion-plan",
    title: "Local area inclusion plan (Change Programme template)",
    status: "TESTED",
    note: "Tested by 32 councils in the Change Programme from Oct 2023 on a national template."
  },
  {
    id: "local-send-reform-plan",
    title: "Local SEND reform plan",
    status: "CONFIRMED",
    note: "Requested of every area by DfE and NHS England from Dec 2025; scored against a quality framework with four ratings."
  },
  {
    id: "priority-action-plan",
    title: "Priority action plan",
    status: "CONFIRMED",
    note: "Required after an area SEND inspection with outcome 3 (widespread or systemic failings)."
  },
  {
    id: "strategic-plan",
    title: "Post-inspection strategic plan",
    status: "CONFIRMED",
    note: "Partnerships update and publish their strategic plan after each area SEND inspection."
  },
  {
    id: "ap-plan",
    title: "Alternative provision plan",
    status: "PROPOSED",
    note: null
  }
];

export interface FrameworkSeed {
  id: string;
  title: string;
  status: CatalogueStatus;
  effectiveFrom: string;
  areas: ReadonlyArray<{ code: string; title: string; correspondsTo: readonly string[] }>;
}

export const standardsFrameworks: readonly FrameworkSeed[] = [
  {
    id: "gp-2022",
    title: "National SEND and AP standards: Green Paper scope (2022)",
    status: "PROPOSED",
    effectiveFrom: "2022-03-29",
    areas: [
      {
        code: "GP-1",
        title: "How needs are identified and assessed",
        correspondsTo: []
      },
      {
        code: "GP-2",
        title: "Appropriate provision for different types of need and setting",
        correspondsTo: []
      },
      {
        code: "GP-3",
        title: "Standardised processes for accessing and reviewing support",
        correspondsTo: []
      },
      {
        code: "GP-4",
        title: "Co-producing and communicating with children, young people, parents and carers",
        correspondsTo: []
      },
      {
        code: "GP-5",
        title: "Transitions",
        correspondsTo: []
      }
    ]
  },
  {
    id: "lip-working-2026",
    title: "Working catalogue for 2026 plans (Green Paper scope plus Improvement Plan and 2026 White Paper themes)",
    status: "PROPOSED",
    effectiveFrom: "2026-01-01",
    areas: [
      {
        code: "SA-01",
        title: "Early identification and assessment of need",
        correspondsTo: [
          "GP-1"
        ]
      },
      {
        code: "SA-02",
        title: "Support ordinarily available in mainstream settings, by phase",
        correspondsTo: [
          "GP-2"
        ]
      },
      {
        code: "SA-03",
        title: "Targeted and specialist provision, and when an EHC plan or specialist place is needed",
        correspondsTo: [
          "GP-2"
        ]
      },
      {
        code: "SA-04",
        title: "Consistent processes to access and review support, including EHC plan timeliness and quality",
        correspondsTo: [
          "GP-3"
        ]
      },
      {
        code: "SA-05",
        title: "Co-production and communication with children, young people and families",
        correspondsTo: [
          "GP-4"
        ]
      },
      {
        code: "SA-06",
        title: "Transitions and preparation for adulthood (early years to school, phase transfer, post-16, 19 to 25)",
        correspondsTo: [
          "GP-5"
        ]
      },
      {
        code: "SA-07",
        title: "Alternative provision focused on early intervention, in three tiers",
        correspondsTo: [
          "GP-2"
        ]
      },
      {
        code: "SA-08",
        title: "Health contribution: therapies, mental health, neurodevelopmental pathways",
        correspondsTo: [
          "GP-1",
          "GP-2"
        ]
      },
      {
        code: "SA-09",
        title: "Social care contribution: short breaks, family help, children in need and looked after with SEND",
        correspondsTo: [
          "GP-2"
        ]
      },
      {
        code: "SA-10",
        title: "Clarity on who provides and who funds what (high needs block, ICB, social care)",
        correspondsTo: []
      },
      {
        code: "SA-11",
        title: "Workforce capability (SENCos, training, educational psychology and therapy capacity)",
        correspondsTo: []
      },
      {
        code: "SA-12",
        title: "Sufficiency and place planning",
        correspondsTo: []
      }
    ]
  }
];

export const organisationTypes: ReadonlyArray<{ code: string; title: string }> = [
  {
    code: "local-authority-education",
    title: "Local authority (education and SEND)"
  },
  {
    code: "local-authority-social-care",
    title: "Local authority (children's social care)"
  },
  {
    code: "integrated-care-board",
    title: "Integrated care board (ICB)"
  },
  {
    code: "nhs-provider",
    title: "NHS provider trust"
  },
  {
    code: "public-health",
    title: "Public health"
  },
  {
    code: "early-years",
    title: "Early years provider"
  },
  {
    code: "school-or-trust",
    title: "School or multi-academy trust"
  },
  {
    code: "special-school",
    title: "Special school"
  },
  {
    code: "alternative-provision",
    title: "Alternative provision"
  },
  {
    code: "further-education",
    title: "Further education college"
  },
  {
    code: "parent-carer-forum",
    title: "Parent carer forum"
  },
  {
    code: "young-people-forum",
    title: "Young people's forum"
  },
  {
    code: "sendiass",
    title: "SEND information, advice and support service (SENDIASS)"
  },
  {
    code: "voluntary-sector",
    title: "Voluntary and community sector"
  },
  {
    code: "dfe-regions-group",
    title: "DfE Regions Group"
  }
];

export interface MetricSeed {
  id: string;
  theme: string;
  title: string;
  numerator: string | null;
  denominator: string | null;
  unit: string;
  polarity: Polarity;
  periodType: PeriodType;
  source: string | null;
  status: CatalogueStatus;
}

export const metrics: readonly MetricSeed[] = [
  {
    id: "EHC-01",
    theme: "experiences",
    title: "New EHC plans issued within 20 weeks, excluding exceptions",
    numerator: "new plans issued within 20 weeks (exceptions excluded)",
    denominator: "new plans issued (exceptions excluded)",
    unit: "percent",
    polarity: "HIGHER_BETTER",
    periodType: "CALENDAR_YEAR",
    source: "DfE Education, health and care plans (SEN2)",
    status: "CONFIRMED"
  },
  {
    id: "EHC-02",
    theme: "experiences",
    title: "New EHC plans issued within 20 weeks, including exceptions",
    numerator: null,
    denominator: null,
    unit: "percent",
    polarity: "HIGHER_BETTER",
    periodType: "CALENDAR_YEAR",
    source: "DfE Education, health and care plans (SEN2)",
    status: "CONFIRMED"
  },
  {
    id: "EHC-03",
    theme: "experiences",
    title: "Mean weeks from request to final EHC plan",
    numerator: null,
    denominator: null,
    unit: "weeks",
    polarity: "LOWER_BETTER",
    periodType: "CALENDAR_YEAR",
    source: "DfE timeliness of new EHC plans",
    status: "CONFIRMED"
  },
  {
    id: "EHC-04",
    theme: "identification-of-need",
    title: "Initial requests for EHC assessment refused",
    numerator: "initial requests refused",
    denominator: "initial requests decided",
    unit: "percent",
    polarity: "CONTEXT",
    periodType: "CALENDAR_YEAR",
    source: "DfE Education, health and care plans (SEN2)",
    status: "CONFIRMED"
  },
  {
    id: "EHC-05",
    theme: "identification-of-need",
    title: "EHC plans maintained (January snapshot)",
    numerator: null,
    denominator: null,
    unit: "count",
    polarity: "CONTEXT",
    periodType: "JANUARY_SNAPSHOT",
    source: "DfE Education, health and care plans (SEN2)",
    status: "CONFIRMED"
  },
  {
    id: "EHC-06",
    theme: "experiences",
    title: "Annual review outcomes communicated within 4 weeks",
    numerator: null,
    denominator: null,
    unit: "percent",
    polarity: "HIGHER_BETTER",
    periodType: "CALENDAR_YEAR",
    source: "DfE Education, health and care plans (SEN2)",
    status: "CONFIRMED"
  },
  {
    id: "EHC-07",
    theme: "outcomes",
    title: "EHC plans ceased because needs were met without a plan",
    numerator: null,
    denominator: null,
    unit: "count",
    polarity: "CONTEXT",
    periodType: "CALENDAR_YEAR",
    source: "DfE Education, health and care plans (SEN2)",
    status: "CONFIRMED"
  },
  {
    id: "TRB-01",
    theme: "experiences",
    title: "SEND Tribunal appeal rate",
    numerator: "appeals registered",
    denominator: "appealable decisions (refused requests + assessed but not issued + plans in January + plans ceased as needs met)",
    unit: "percent",
    polarity: "LOWER_BETTER",
    periodType: "CALENDAR_YEAR",
    source: "HMCTS Tribunal Statistics (SEND annual)",
    status: "CONFIRMED"
  },
  {
    id: "SEN-01",
    theme: "identification-of-need",
    title: "Pupils on SEN support",
    numerator: null,
    denominator: null,
    unit: "percent",
    polarity: "CONTEXT",
    periodType: "JANUARY_SNAPSHOT",
    source: "DfE Special educational needs in England (school census)",
    status: "CONFIRMED"
  },
  {
    id: "SEN-02",
    theme: "identification-of-need",
    title: "Pupils with an EHC plan",
    numerator: null,
    denominator: null,
    unit: "percent",
    polarity: "CONTEXT",
    periodType: "JANUARY_SNAPSHOT",
    source: "DfE Special educational needs in England (school census)",
    status: "CONFIRMED"
  },
  {
    id: "SEN-03",
    theme: "identification-of-need",
    title: "Pupils by primary type of need",
    numerator: null,
    denominator: null,
    unit: "count",
    polarity: "CONTEXT",
    periodType: "JANUARY_SNAPSHOT",
    source: "DfE Special educational needs in England (school census)",
    status: "CONFIRMED"
  },
  {
    id: "PLC-01",
    theme: "identification-of-need",
    title: "Pupils with an EHC plan in specialist settings",
    numerator: null,
    denominator: null,
    unit: "percent",
    polarity: "CONTEXT",
    periodType: "JANUARY_SNAPSHOT",
    source: "DfE Special educational needs in England",
    status: "CONFIRMED"
  },
  {
    id: "ABS-01",
    theme: "outcomes",
    title: "Overall absence of pupils with SEN",
    numerator: null,
    denominator: null,
    unit: "percent-of-sessions",
    polarity: "LOWER_BETTER",
    periodType: "ACADEMIC_YEAR",
    source: "DfE Pupil absence in schools in England",
    status: "CONFIRMED"
  },
  {
    id: "ABS-02",
    theme: "outcomes",
    title: "Persistent absence (10% or more of sessions) of pupils with SEN",
    numerator: null,
    denominator: null,
    unit: "percent-of-pupils",
    polarity: "LOWER_BETTER",
    periodType: "ACADEMIC_YEAR",
    source: "DfE Pupil absence in schools in England",
    status: "CONFIRMED"
  },
  {
    id: "EXC-01",
    theme: "outcomes",
    title: "Suspension rate of pupils with SEN",
    numerator: null,
    denominator: null,
    unit: "rate-per-100",
    polarity: "LOWER_BETTER",
    periodType: "ACADEMIC_YEAR",
    source: "DfE Suspensions and permanent exclusions (termly)",
    status: "CONFIRMED"
  },
  {
    id: "EXC-02",
    theme: "outcomes",
    title: "Permanent exclusion rate of pupils with SEN",
    numerator: null,
    denominator: null,
    unit: "rate-per-100",
    polarity: "LOWER_BETTER",
    periodType: "ACADEMIC_YEAR",
    source: "DfE Suspensions and permanent exclusions (termly)",
    status: "CONFIRMED"
  },
  {
    id: "ATT-01",
    theme: "outcomes",
    title: "Early years foundation stage: good level of development, children with SEN",
    numerator: null,
    denominator: null,
    unit: "percent",
    polarity: "HIGHER_BETTER",
    periodType: "ACADEMIC_YEAR",
    source: "DfE EYFS profile results",
    status: "CONFIRMED"
  },
  {
    id: "ATT-02",
    theme: "outcomes",
    title: "Year 1 phonics: meeting the expected standard, pupils with SEN",
    numerator: null,
    denominator: null,
    unit: "percent",
    polarity: "HIGHER_BETTER",
    periodType: "ACADEMIC_YEAR",
    source: "DfE Key stage 1 and phonics",
    status: "CONFIRMED"
  },
  {
    id: "ATT-03",
    theme: "outcomes",
    title: "Key stage 2: reading, writing and maths at the expected standard, by SEN status",
    numerator: null,
    denominator: null,
    unit: "percent",
    polarity: "HIGHER_BETTER",
    periodType: "ACADEMIC_YEAR",
    source: "DfE Key stage 2 attainment",
    status: "CONFIRMED"
  },
  {
    id: "ATT-04",
    theme: "outcomes",
    title: "Key stage 4: Attainment 8 score, by SEN status",
    numerator: null,
    denominator: null,
    unit: "score",
    polarity: "HIGHER_BETTER",
    periodType: "ACADEMIC_YEAR",
    source: "DfE Key stage 4 performance",
    status: "CONFIRMED"
  },
  {
    id: "PFA-01",
    theme: "outcomes",
    title: "Key stage 4 leavers in sustained education, employment or training, by SEN status",
    numerator: null,
    denominator: null,
    unit: "percent",
    polarity: "HIGHER_BETTER",
    periodType: "ACADEMIC_YEAR",
    source: "DfE Key stage 4 destination measures",
    status: "CONFIRMED"
  },
  {
    id: "PFA-02",
    theme: "outcomes",
    title: "16 to 18 leavers with SEN or learning difficulties in sustained destinations",
    numerator: null,
    denominator: null,
    unit: "percent",
    polarity: "HIGHER_BETTER",
    periodType: "ACADEMIC_YEAR",
    source: "DfE 16-18 destination measures",
    status: "CONFIRMED"
  },
  {
    id: "PFA-03",
    theme: "outcomes",
    title: "16 and 17 year olds with SEN in education or training",
    numerator: null,
    denominator: null,
    unit: "percent",
    polarity: "HIGHER_BETTER",
    periodType: "FINANCIAL_YEAR",
    source: "DfE NEET and participation",
    status: "CONFIRMED"
  },
  {
    id: "HLT-01",
    theme: "outcomes",
    title: "Children and young people with at least one contact with NHS-funded mental health services in the last 12 months",
    numerator: null,
    denominator: null,
    unit: "count",
    polarity: "CONTEXT",
    periodType: "ROLLING_12_MONTHS",
    source: "NHS Mental Health Services Data Set",
    status: "CONFIRMED"
  },
  {
    id: "HLT-02",
    theme: "experiences",
    title: "Open suspected-autism referrals waiting 13 weeks or more",
    numerator: null,
    denominator: null,
    unit: "percent",
    polarity: "LOWER_BETTER",
    periodType: "MONTHLY",
    source: "NHS autism statistics (experimental)",
    status: "CONFIRMED"
  },
  {
    id: "HLT-03",
    theme: "experiences",
    title: "Children and young people waiting more than 18 weeks for community health services",
    numerator: null,
    denominator: null,
    unit: "percent",
    polarity: "LOWER_BETTER",
    periodType: "MONTHLY",
    source: "NHS England community health services waiting lists (management information)",
    status: "CONFIRMED"
  },
  {
    id: "FIN-01",
    theme: "financial-sustainability",
    title: "Dedicated schools grant cumulative balance as a share of the grant",
    numerator: null,
    denominator: null,
    unit: "percent",
    polarity: "HIGHER_BETTER",
    periodType: "FINANCIAL_YEAR",
    source: "DfE LA and school expenditure; DSG allocations",
    status: "CONFIRMED"
  },
  {
    id: "FIN-02",
    theme: "financial-sustainability",
    title: "High needs spend per head on independent and non-maintained special school placements",
    numerator: null,
    denominator: null,
    unit: "gbp-per-head",
    polarity: "CONTEXT",
    periodType: "FINANCIAL_YEAR",
    source: "DfE high needs benchmarking tool",
    status: "CONFIRMED"
  },
  {
    id: "CSC-01",
    theme: "identification-of-need",
    title: "Children in need, on protection plans or looked after who have SEN",
    numerator: null,
    denominator: null,
    unit: "percent",
    polarity: "CONTEXT",
    periodType: "MARCH_SNAPSHOT",
    source: "DfE Outcomes for children in need",
    status: "CONFIRMED"
  },
  {
    id: "AP-01",
    theme: "alternative-provision",
    title: "Pupils in state-funded alternative provision",
    numerator: null,
    denominator: null,
    unit: "count",
    polarity: "CONTEXT",
    periodType: "JANUARY_SNAPSHOT",
    source: "DfE school census",
    status: "CONFIRMED"
  },
  {
    id: "AP-02",
    theme: "alternative-provision",
    title: "School-arranged alternative provision placements",
    numerator: null,
    denominator: null,
    unit: "count",
    polarity: "CONTEXT",
    periodType: "JANUARY_SNAPSHOT",
    source: "DfE school census",
    status: "CONFIRMED"
  },
  {
    id: "AP-03",
    theme: "alternative-provision",
    title: "Local-authority-funded alternative provision placements",
    numerator: null,
    denominator: null,
    unit: "count",
    polarity: "CONTEXT",
    periodType: "JANUARY_SNAPSHOT",
    source: "DfE alternative provision census",
    status: "CONFIRMED"
  },
  {
    id: "AP-04",
    theme: "alternative-provision",
    title: "Placements in unregistered alternative provision (settings without a URN)",
    numerator: null,
    denominator: null,
    unit: "count",
    polarity: "LOWER_BETTER",
    periodType: "JANUARY_SNAPSHOT",
    source: "DfE alternative provision census",
    status: "CONFIRMED"
  },
  {
    id: "INS-01",
    theme: "outcomes",
    title: "Latest area SEND inspection outcome (1, 2 or 3)",
    numerator: null,
    denominator: null,
    unit: "category",
    polarity: "LOWER_BETTER",
    periodType: "EVENT",
    source: "Ofsted and CQC area SEND inspections",
    status: "CONFIRMED"
  },
  {
    id: "LOC-01",
    theme: "experiences",
    title: "Parent carer experience rating",
    numerator: null,
    denominator: null,
    unit: "score",
    polarity: "HIGHER_BETTER",
    periodType: "LOCAL",
    source: "local survey",
    status: "LOCAL"
  },
  {
    id: "LOC-02",
    theme: "financial-sustainability",
    title: "Out-of-area placements",
    numerator: null,
    denominator: null,
    unit: "count",
    polarity: "LOWER_BETTER",
    periodType: "LOCAL",
    source: "local data",
    status: "LOCAL"
  },
  {
    id: "LOC-03",
    theme: "experiences",
    title: "Short breaks uptake",
    numerator: null,
    denominator: null,
    unit: "count",
    polarity: "HIGHER_BETTER",
    periodType: "LOCAL",
    source: "local data",
    status: "LOCAL"
  },
  {
    id: "LOC-04",
    theme: "experiences",
    title: "Co-production reach (people engaged)",
    numerator: null,
    denominator: null,
    unit: "count",
    polarity: "HIGHER_BETTER",
    periodType: "LOCAL",
    source: "local data",
    status: "LOCAL"
  }
];
