// A large, realistic publication for the benchmarks: by default 400 commitments over eight
// sections, twelve standard areas, 30 metrics with breakdowns and comparators (some suppressed),
// co-production and sign-offs. Deterministic: the same arguments always give the same plan.
import type {
  Publication,
  SnapshotCommitment,
  SnapshotMetric,
  SnapshotObservation,
} from '../../packages/core/src/snapshot.ts';
import { seededText } from '../seeded.ts';

export interface GenerateOptions {
  commitments?: number;
  sections?: number;
  metrics?: number;
}

const SECTION_TITLES = [
  'Education',
  'Health',
  'Social care',
  'Alternative provision',
  'Preparing for adulthood',
  'Early years',
  'Workforce',
  'Governance and accountability',
];

export function generatePublication(options: GenerateOptions = {}): Publication {
  const commitmentCount = options.commitments ?? 400;
  const sectionCount = Math.min(options.sections ?? 8, SECTION_TITLES.length);
  const metricCount = options.metrics ?? 30;
  const { next, pick, sentence } = seededText(20261128);

  const organisations = [
    {
      id: 'org-la',
      name: 'Largeshire County Council',
      typeCode: 'LA',
      typeTitle: 'Local authority',
      isSignatory: true,
    },
    {
      id: 'org-icb',
      name: 'NHS Largeshire ICB',
      typeCode: 'ICB',
      typeTitle: 'Integrated care board',
      isSignatory: true,
    },
    {
      id: 'org-pcf',
      name: 'Largeshire Parent Carer Forum',
      typeCode: 'PCF',
      typeTitle: 'Parent carer forum',
      isSignatory: false,
    },
    {
      id: 'org-ap',
      name: 'Largeshire AP Partnership',
      typeCode: 'AP',
      typeTitle: 'Alternative provision',
      isSignatory: true,
    },
  ];
  const areas = Array.from({ length: 12 }, (_, i) => ({
    id: `area-${i + 1}`,
    code: `S${i + 1}`,
    title: sentence(3, 7).replace(/\.$/, ''),
    position: i + 1,
  }));
  const sections = SECTION_TITLES.slice(0, sectionCount).map((title, i) => ({
    key: title.toLowerCase().replace(/[^a-z]+/g, '-'),
    title,
    pluginId: `@lip/plugin-${i}`,
    position: i + 1,
    ownerOrganisationId: pick(organisations).id,
    status: 'COMPLETE',
    summary: Array.from({ length: 3 }, () => sentence(15, 40)).join('\n\n'),
    easyReadSummary: i % 3 === 2 ? null : sentence(10, 20),
    fields: [{ key: 'priority', label: 'Local priority', value: sentence(6, 12) }],
  }));

  const commitments: SnapshotCommitment[] = Array.from({ length: commitmentCount }, (_, i) => {
    const section = sections[i % sections.length]!;
    const reference = `${section.title.slice(0, 2).toUpperCase()}-${String(Math.floor(i / sections.length) + 1).padStart(3, '0')}`;
    const month = String((i % 12) + 1).padStart(2, '0');
    return {
      id: `c-${i}`,
      reference,
      sectionKey: section.key,
      title: sentence(6, 16),
      description: sentence(20, 60),
      ownerOrganisationId: pick(organisations).id,
      ownerName: next() < 0.8 ? `Service lead ${i}` : null,
      needAreas: [pick(['CI', 'CL', 'SEMH', 'SP'])],
      phase: pick(['EARLY_YEARS', 'PRIMARY', 'SECONDARY', 'POST_16', 'ALL_AGES']),
      supportLayer: pick(['UNIVERSAL', 'TARGETED', 'TARGETED_PLUS', 'SPECIALIST', null]),
      ragStatus: pick(['NOT_STARTED', 'RED', 'AMBER', 'GREEN', 'COMPLETE']),
      startDate: `2026-${month}-01`,
      dueDate: `2028-${month}-28`,
      budgetLine: next() < 0.3 ? 'High needs block' : null,
      budgetAmount: next() < 0.3 ? `${Math.floor(next() * 500000)}.00` : null,
      standardAreaCodes: [...new Set([pick(areas).code, pick(areas).code])],
      milestones:
        next() < 0.3
          ? [{ title: sentence(4, 8), dueDate: `2027-${month}-01`, completedOn: null }]
          : [],
      evidence:
        next() < 0.3
          ? [
              {
                title: sentence(4, 8),
                url: `https://example.org/evidence/${i}`,
                note: sentence(10, 30),
                addedOn: `2026-${month}-15`,
              },
            ]
          : [],
      fields: [],
    };
  }).sort((a, b) => a.reference.localeCompare(b.reference));

  const metrics: SnapshotMetric[] = Array.from({ length: metricCount }, (_, m) => {
    const observations: SnapshotObservation[] = [];
    for (const period of ['2023', '2024', '2025']) {
      for (const [level, code] of [
        ['LOCAL_AUTHORITY', 'E10000098'],
        ['ENGLAND', 'E92000001'],
      ] as const) {
        for (const breakdown of [
          '',
          'sen_status:EHC plan',
          'sen_status:SEN support',
          'primary_need:Visual impairment',
        ]) {
          const suppressed = breakdown.includes('Visual') && level === 'LOCAL_AUTHORITY';
          observations.push({
            geographyLevel: level,
            geographyCode: code,
            period,
            breakdown,
            value: suppressed ? null : (next() * 100).toFixed(1),
            numerator: null,
            denominator: null,
            symbol: suppressed ? 'c' : null,
            provisional: period === '2025',
            revised: false,
          });
        }
      }
    }
    return {
      targetId: `t-${m}`,
      metricId: `M-${String(m + 1).padStart(2, '0')}`,
      title: sentence(6, 12),
      theme: pick(['outcomes', 'experiences', 'identification-of-need']),
      unit: 'percent',
      polarity: 'HIGHER_BETTER',
      periodType: 'CALENDAR_YEAR',
      commitmentReference: pick(commitments).reference,
      ownerOrganisationId: pick(organisations).id,
      baseline: { value: '40.0', period: '2023' },
      target: { value: '60.0', period: '2028' },
      commentary: m % 4 === 0 ? sentence(10, 25) : null,
      rag: pick(['RED', 'AMBER', 'GREEN', 'NO_DATA']),
      observations,
    };
  });

  return {
    snapshot: {
      format: 2,
      takenAt: '2026-10-01T09:00:00.000Z',
      plan: {
        id: 'plan-bench',
        title: 'Largeshire Local SEND Reform Plan 2026 to 2029',
        kind: 'local-send-reform-plan',
        periodStart: '2026-04-01',
        periodEnd: '2029-03-31',
        versionNumber: 3,
      },
      partnership: {
        id: 'p-bench',
        slug: 'largeshire',
        name: 'Largeshire SEND and AP Partnership',
        localAuthorityCodes: ['E10000098'],
        region: 'E12000006',
        disclosure: { smallNumberThreshold: 5, roundingBase: null },
      },
      organisations,
      framework: { id: 'fw', title: 'National standards', status: 'CONFIRMED', areas },
      sections,
      commitments,
      coverage: areas.map((a) => ({
        areaCode: a.code,
        notApplicableReason: null,
        commitmentReferences: commitments
          .filter((c) => c.standardAreaCodes.includes(a.code))
          .map((c) => c.reference),
      })),
      metrics,
      coproduction: Array.from({ length: 10 }, (_, i) => ({
        id: `cp-${i}`,
        kind: pick(['WORKSHOP', 'FORUM', 'SURVEY', 'ROUND_TABLE']),
        title: sentence(3, 8),
        heldOn: `2026-0${(i % 9) + 1}-15`,
        audiences: ['Parents and carers'],
        chair: null,
        reached: Math.floor(next() * 200),
        heard: sentence(15, 40),
        responses: Array.from({ length: 3 }, () => ({
          youSaid: sentence(6, 15),
          weDid: sentence(8, 20),
          commitmentReferences: [pick(commitments).reference],
        })),
      })),
    },
    version: {
      number: 3,
      state: 'PUBLISHED',
      createdAt: '2026-10-01T09:00:00.000Z',
      publishedAt: '2026-11-01T09:00:00.000Z',
      publicPath: '/published/largeshire/plan-bench/3',
      signOffs: organisations.map((o) => ({
        organisationName: o.name,
        decision: o.isSignatory ? 'APPROVED' : 'ACKNOWLEDGED',
        conditions: null,
        signatoryName: `Signatory for ${o.name}`,
        signatoryRole: 'Director',
        forum: 'Board',
        decidedOn: '2026-10-20',
        concerns: o.isSignatory ? null : sentence(20, 60),
      })),
    },
  };
}
