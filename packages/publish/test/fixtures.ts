// A realistic published plan for Northshire: four sections, 40 commitments, coverage of six
// standard areas, three metrics (one with a suppressed "c" cell), co-production and sign-offs.
// Text includes commas, quotes and line breaks on purpose: the CSV must quote them.
import type { Publication, SnapshotCommitment, SnapshotSection } from '@lip/core/snapshot';

const organisations = [
  {
    id: 'org-la',
    name: 'Northshire County Council',
    typeCode: 'LA',
    typeTitle: 'Local authority',
    isSignatory: true,
  },
  {
    id: 'org-icb',
    name: 'NHS Northshire ICB',
    typeCode: 'ICB',
    typeTitle: 'Integrated care board',
    isSignatory: true,
  },
  {
    id: 'org-pcf',
    name: 'Northshire Parent Carer Forum',
    typeCode: 'PCF',
    typeTitle: 'Parent carer forum',
    isSignatory: false,
  },
  {
    id: 'org-ap',
    name: 'Northshire Learning Partnership',
    typeCode: 'AP',
    typeTitle: 'Alternative provision',
    isSignatory: true,
  },
];

const areas = [
  { id: 'area-1', code: 'S1', title: 'Identifying needs early', position: 1 },
  { id: 'area-2', code: 'S2', title: 'Inclusive mainstream provision', position: 2 },
  { id: 'area-3', code: 'S3', title: 'Specialist provision close to home', position: 3 },
  { id: 'area-4', code: 'S4', title: 'Preparing for adulthood', position: 4 },
  {
    id: 'area-5',
    code: 'S5',
    title: 'Alternative provision as a planned intervention',
    position: 5,
  },
  { id: 'area-6', code: 'S6', title: 'Accountability and co-production', position: 6 },
];

const sectionDefs: Array<{
  key: string;
  title: string;
  prefix: string;
  owner: string;
  easyRead: string | null;
}> = [
  {
    key: 'education',
    title: 'Education',
    prefix: 'ED',
    owner: 'org-la',
    easyRead:
      'Schools will get more help to support children with SEND. We will check that it works.',
  },
  {
    key: 'health',
    title: 'Health',
    prefix: 'HE',
    owner: 'org-icb',
    easyRead: 'Children will wait less time for speech therapy and autism assessments.',
  },
  { key: 'care', title: 'Social care', prefix: 'CA', owner: 'org-la', easyRead: null },
  {
    key: 'alternative-provision',
    title: 'Alternative provision',
    prefix: 'AP',
    owner: 'org-ap',
    easyRead: 'Some children learn away from their school for a while. We will help them go back.',
  },
];

const rags = ['GREEN', 'AMBER', 'RED', 'NOT_STARTED', 'COMPLETE'];
const phases = ['PRIMARY', 'SECONDARY', 'EARLY_YEARS', 'POST_16', 'ALL_AGES'];

/** Titles that must survive CSV quoting: commas, double quotes and a line break. */
export const TRICKY_TITLES = {
  comma: 'Train staff in speech, language and communication',
  quote: 'Publish the "Ordinarily Available" guide',
  newline: 'Agree the transport policy\nwith families',
};

function commitmentsFor(
  def: (typeof sectionDefs)[number],
  sectionIndex: number,
): SnapshotCommitment[] {
  return Array.from({ length: 10 }, (_, i) => {
    const n = i + 1;
    const reference = `${def.prefix}-${String(n).padStart(2, '0')}`;
    let title = `${def.title} commitment ${n}: improve support for children and young people`;
    if (sectionIndex === 0 && n === 1) title = TRICKY_TITLES.comma;
    if (sectionIndex === 0 && n === 2) title = TRICKY_TITLES.quote;
    if (sectionIndex === 2 && n === 3) title = TRICKY_TITLES.newline;
    const areaCodes = [
      areas[(sectionIndex + i) % 6]!.code,
      ...(i % 3 === 0 ? [areas[(sectionIndex + i + 2) % 6]!.code] : []),
    ];
    return {
      id: `c-${reference}`,
      reference,
      sectionKey: def.key,
      title,
      description: `What ${reference} will change, and how families will know it has worked.`,
      ownerOrganisationId: def.owner,
      ownerName: n % 4 === 0 ? null : `Owner ${reference}`,
      needAreas: i % 2 === 0 ? ['CI', 'SEMH'] : ['CL'],
      phase: phases[i % phases.length]!,
      supportLayer: i % 2 === 0 ? 'TARGETED' : null,
      ragStatus: rags[i % rags.length]!,
      startDate: `2026-0${(i % 9) + 1}-01`,
      dueDate: n === 10 ? null : `2027-0${(i % 9) + 1}-28`,
      budgetLine: i % 5 === 0 ? 'High needs block' : null,
      budgetAmount: i % 5 === 0 ? '12500.00' : null,
      standardAreaCodes: areaCodes,
      milestones:
        i === 0
          ? [{ title: 'Pilot in ten schools', dueDate: '2026-12-01', completedOn: null }]
          : [],
      evidence: evidenceFor(reference),
      fields:
        i === 0 ? [{ key: 'lead', label: 'Lead service', value: `${def.title} service` }] : [],
    };
  });
}

/**
 * Evidence on two commitments: ED-01 has a link and a note (the note with a comma, a quote and a
 * line break), ED-02 a note only; the rest none.
 */
export const EVIDENCE: Record<string, SnapshotCommitment['evidence']> = {
  'ED-01': [
    {
      title: 'Termly inclusion audit, summer 2026',
      url: 'https://example.org/northshire/inclusion-audit',
      note: 'Ten schools audited, "good" in eight;\nfollow-up visits booked.',
      addedOn: '2026-07-14',
    },
    {
      title: '=HYPERLINK("https://evil.example")',
      url: null,
      note: 'A title a spreadsheet would run as a formula.',
      addedOn: '2026-07-20',
    },
  ],
  'ED-02': [
    {
      title: 'Headteacher survey results',
      url: null,
      note: 'Held by the inclusion team; summary in the board papers for July.',
      addedOn: '2026-08-02',
    },
  ],
};

function evidenceFor(reference: string): SnapshotCommitment['evidence'] {
  return EVIDENCE[reference] ?? [];
}

/** What the parent carer forum asked to be recorded with its acknowledgement. */
export const FORUM_CONCERNS =
  'Families want the waiting-well offer reviewed after six months.\nWe are worried that "specialist" places, in practice, means out of county.';

/** A section field whose counts core published under the disclosure rule: one term, both "c". */
export const PLUGIN_COUNTS = {
  key: 'movements',
  label: 'Pupil movements',
  value:
    'Term: Autumn 2025\nInto AP: c\nReturned: c\n\nTerm: Spring 2026\nInto AP: 20\nReturned: 10',
  symbol: 'c' as const,
};

const sections: SnapshotSection[] = sectionDefs.map((def, index) => ({
  key: def.key,
  title: def.title,
  pluginId: `@lip/plugin-${def.key}`,
  position: index + 1,
  ownerOrganisationId: def.owner,
  status: 'COMPLETE',
  summary: `How the partnership will improve ${def.title.toLowerCase()} for children with SEND.`,
  easyReadSummary: def.easyRead,
  fields: [
    { key: 'priority', label: 'Local priority', value: `${def.title} priority for 2026 to 2029` },
    { key: 'empty', label: 'Not given', value: '' },
    // A plugin's counts of children after disclosure control (core did it when freezing).
    ...(index === 0 ? [PLUGIN_COUNTS] : []),
  ],
}));

const commitments = sectionDefs
  .flatMap(commitmentsFor)
  .sort((a, b) => a.reference.localeCompare(b.reference));

const coverage = areas.map((area) => ({
  areaCode: area.code,
  notApplicableReason: null as string | null,
  commitmentReferences: commitments
    .filter((c) => c.standardAreaCodes.includes(area.code))
    .map((c) => c.reference),
}));

/** The suppressed cell: a breakdown with fewer children than the threshold. */
export const SUPPRESSED = {
  metricId: 'EHC-01',
  period: '2025',
  breakdown: 'primary_need:Visual impairment',
};

export function fixturePublication(): Publication {
  return {
    snapshot: {
      format: 2,
      takenAt: '2026-10-14T09:30:00.000Z',
      plan: {
        id: 'plan-1',
        title: 'Northshire Local SEND Reform Plan 2026 to 2029',
        kind: 'local-send-reform-plan',
        periodStart: '2026-04-01',
        periodEnd: '2029-03-31',
        versionNumber: 2,
      },
      partnership: {
        id: 'partnership-1',
        slug: 'northshire',
        name: 'Northshire SEND and AP Partnership',
        localAuthorityCodes: ['E10000099'],
        region: 'E12000002',
        disclosure: { smallNumberThreshold: 5, roundingBase: null },
      },
      organisations,
      framework: { id: 'fw-1', title: 'National standards (2026)', status: 'CONFIRMED', areas },
      sections,
      commitments,
      coverage,
      metrics: [
        {
          targetId: 't-1',
          metricId: 'EHC-01',
          title: 'New EHC plans issued within 20 weeks, excluding exceptions',
          theme: 'experiences',
          unit: 'percent',
          polarity: 'HIGHER_BETTER',
          periodType: 'CALENDAR_YEAR',
          commitmentReference: 'ED-03',
          ownerOrganisationId: 'org-la',
          baseline: { value: '41.2', period: '2024' },
          target: { value: '60.0', period: '2027' },
          commentary: 'Below trajectory: two educational psychologists joined in September.',
          rag: 'RED',
          observations: [
            obs('LOCAL_AUTHORITY', 'E10000099', '2024', '', '41.2'),
            obs('LOCAL_AUTHORITY', 'E10000099', '2025', '', '47.9'),
            obs('ENGLAND', 'E92000001', '2025', '', '46.4'),
            obs(
              'LOCAL_AUTHORITY',
              'E10000099',
              '2025',
              'primary_need:Autistic spectrum disorder',
              '39.0',
            ),
            {
              ...obs('LOCAL_AUTHORITY', 'E10000099', '2025', SUPPRESSED.breakdown, null),
              symbol: 'c',
            },
          ],
        },
        {
          targetId: 't-2',
          metricId: 'AP-03',
          title: 'Pupils in alternative provision returning to mainstream, within a year',
          theme: 'alternative-provision',
          unit: 'count',
          polarity: 'HIGHER_BETTER',
          periodType: 'ACADEMIC_YEAR',
          commitmentReference: 'AP-01',
          ownerOrganisationId: 'org-ap',
          baseline: { value: '18', period: '202324' },
          target: { value: '30', period: '202627' },
          commentary: null,
          rag: 'AMBER',
          observations: [
            { ...obs('LOCAL_AUTHORITY', 'E10000099', '202425', '', '23'), provisional: true },
            {
              ...obs('LOCAL_AUTHORITY', 'E10000099', '202425', 'phase:Primary', null),
              symbol: 'low',
            },
          ],
        },
        {
          targetId: 't-3',
          metricId: 'HE-02',
          title: 'Children waiting over 18 weeks for speech and language therapy',
          theme: 'experiences',
          unit: 'count',
          polarity: 'LOWER_BETTER',
          periodType: 'MONTHLY',
          commitmentReference: null,
          ownerOrganisationId: 'org-icb',
          baseline: { value: null, period: null },
          target: { value: '50', period: '2027-03' },
          commentary: null,
          rag: 'NO_DATA',
          observations: [{ ...obs('ICB', 'E54000099', '2026-08', '', null), symbol: 'x' }],
        },
      ],
      coproduction: [
        {
          id: 'cp-1',
          kind: 'WORKSHOP',
          title: 'Parent carer workshop on waiting times',
          heldOn: '2026-05-12',
          audiences: ['Parents and carers'],
          chair: 'Northshire Parent Carer Forum',
          reached: 64,
          heard: 'Families wait too long, and hear nothing while they wait.',
          responses: [
            {
              youSaid: 'Tell us where we are on the waiting list.',
              weDid: 'Monthly waiting-list letters from January 2027 (HE-02).',
              commitmentReferences: ['HE-02'],
            },
          ],
        },
        {
          id: 'cp-2',
          kind: 'FORUM',
          title: 'Young people’s forum',
          heldOn: '2026-06-20',
          audiences: ['Young people'],
          chair: null,
          reached: 22,
          heard: 'School transport is stressful, and changes at short notice.',
          responses: [
            {
              youSaid: 'Give us the same driver.',
              weDid: 'Transport policy agreed with families (CA-03).',
              commitmentReferences: ['CA-03'],
            },
          ],
        },
      ],
    },
    version: {
      number: 2,
      state: 'PUBLISHED',
      createdAt: '2026-10-14T09:30:00.000Z',
      publishedAt: '2026-11-02T10:00:00.000Z',
      publicPath: '/published/northshire/plan-1/2',
      signOffs: [
        {
          organisationName: 'Northshire County Council',
          decision: 'APPROVED',
          conditions: null,
          signatoryName: 'Jo Adams',
          signatoryRole: 'Director of Children’s Services',
          forum: 'Cabinet',
          decidedOn: '2026-10-20',
          concerns: null,
        },
        {
          organisationName: 'NHS Northshire ICB',
          decision: 'APPROVED_WITH_CONDITIONS',
          conditions: 'Review therapy capacity in April 2027.',
          signatoryName: 'Sam Patel',
          signatoryRole: 'Chief Nursing Officer',
          forum: 'ICB Board',
          decidedOn: '2026-10-22',
          concerns: null,
        },
        {
          organisationName: 'Northshire Parent Carer Forum',
          decision: 'ACKNOWLEDGED',
          conditions: null,
          signatoryName: 'Alex Green',
          signatoryRole: 'Chair',
          forum: 'Forum steering group',
          decidedOn: '2026-10-23',
          concerns: FORUM_CONCERNS,
        },
      ],
    },
  };
}

function obs(
  geographyLevel: 'LOCAL_AUTHORITY' | 'ICB' | 'SUB_ICB' | 'REGION' | 'ENGLAND',
  geographyCode: string,
  period: string,
  breakdown: string,
  value: string | null,
) {
  return {
    geographyLevel,
    geographyCode,
    period,
    breakdown,
    value,
    numerator: null,
    denominator: null,
    symbol: null as string | null,
    provisional: false,
    revised: false,
  };
}
