// Demo metrics for Northshire: its ICB and sub-ICB location, targets for eight catalogue metrics
// tied to demo commitments (each with an owning organisation), and published-style figures for the
// county (HLT-02 for its sub-ICB location), the North West and England over several periods: some provisional, one suppressed ("c"), one metric
// broken down by SEN status. One target is red WITH its exception commentary and others amber, so
// the demo plan stays submittable (no red target without commentary). Invented figures.
// Idempotent: fixed ids, existing rows (and anyone's edits) left alone.
import type { DisclosureSymbol, GeographyLevel, PrismaClient } from '../generated/prisma/client.ts';

type Client = Pick<PrismaClient, 'partnership' | 'metricTarget' | 'metricObservation' | 'user'>;

const PARTNERSHIP = 'demo-partnership-northshire';
const PLAN = 'demo-plan-northshire-lip-2026';
const LA = 'E10000099';
const REGION = 'E12000002'; // North West
const ENGLAND = 'E92000001';
/** Northshire's ICB footprint (health metrics are measured over it). */
export const NORTHSHIRE_ICB_CODE = 'E54000099';
/**
 * The sub-ICB location covering Northshire (fictional, "NHS Northshire ICB - 99X"). HLT-02 is
 * published per sub-ICB location only (decision 022), so its demo figures are held there and the
 * dashboard rates it from this geography.
 */
export const NORTHSHIRE_SUB_ICB_CODES = ['E38000999'];

const NC_ED = 'demo-org-northshire-cc-education';
const N_ICB = 'demo-org-nhs-northshire-icb';
const N_AP = 'demo-org-northshire-ap-trust';

interface TargetSeed {
  metricId: string;
  commitment: string | null;
  owner: string;
  baseline: [period: string, value: string];
  target: [period: string, value: string];
  trajectory?: { period: string; value: string }[];
  commentary?: { by: string; text: string };
}

/** Expected ratings, from the figures below: EHC-01 red (explained), EHC-03/ABS-02/EXC-01/AP-04 amber, HLT-02/TRB-01 green, PFA-01 no data. */
export const demoTargets: readonly TargetSeed[] = [
  {
    metricId: 'EHC-01',
    commitment: 'ED-02',
    owner: NC_ED,
    baseline: ['2023', '38.2'],
    target: ['2028', '70'],
    trajectory: [
      { period: '2024', value: '50' },
      { period: '2025', value: '60' },
    ],
    commentary: {
      by: 'education@northshire.example',
      text:
        'Timeliness fell in 2024 while requests rose by a fifth and two educational psychologist posts were vacant. ' +
        'Both posts are filled from January, a locum team is clearing the backlog, and health advice now arrives within ' +
        'six weeks (HE-01). We expect to be back on the trajectory by the end of 2025.',
    },
  },
  {
    metricId: 'EHC-03',
    commitment: 'ED-03',
    owner: NC_ED,
    baseline: ['2023', '28.4'],
    target: ['2028', '20'],
  },
  {
    metricId: 'TRB-01',
    commitment: 'ED-03',
    owner: NC_ED,
    baseline: ['2023', '2.1'],
    target: ['2028', '1.5'],
  },
  {
    metricId: 'ABS-02',
    commitment: 'ED-01',
    owner: NC_ED,
    baseline: ['2022/23', '34'],
    target: ['2028/29', '25'],
  },
  {
    metricId: 'PFA-01',
    commitment: null,
    owner: NC_ED,
    baseline: ['2023/24', '31'],
    target: ['2028/29', '40'],
  },
  {
    metricId: 'HLT-02',
    commitment: 'HE-02',
    owner: N_ICB,
    baseline: ['2024-09', '45'],
    target: ['2027-03', '30'],
  },
  {
    metricId: 'EXC-01',
    commitment: 'AP-01',
    owner: N_AP,
    baseline: ['2022/23', '12.1'],
    target: ['2028/29', '9'],
  },
  {
    metricId: 'AP-04',
    commitment: 'AP-02',
    owner: N_AP,
    baseline: ['2024', '85'],
    target: ['2028', '60'],
  },
];

type Figure = string | DisclosureSymbol;
interface SeriesSeed {
  metricId: string;
  level: GeographyLevel;
  code: string;
  breakdown?: string;
  /** period → value or symbol; a trailing "p" marks a provisional figure. */
  points: Record<string, Figure>;
}

const SYMBOLS = new Set(['z', 'x', 'c', 'low', 'u']);

export const demoSeries: readonly SeriesSeed[] = [
  {
    metricId: 'EHC-01',
    level: 'LOCAL_AUTHORITY',
    code: LA,
    points: { '2022': '41', '2023': '38.2', '2024': '36.5p' },
  },
  {
    metricId: 'EHC-01',
    level: 'REGION',
    code: REGION,
    points: { '2022': '52.3', '2023': '49.8', '2024': '46.1p' },
  },
  {
    metricId: 'EHC-01',
    level: 'ENGLAND',
    code: ENGLAND,
    points: { '2022': '49.2', '2023': '50.3', '2024': '46.4p' },
  },
  {
    metricId: 'EHC-03',
    level: 'LOCAL_AUTHORITY',
    code: LA,
    points: { '2022': '27.9', '2023': '28.4', '2024': '25.1' },
  },
  {
    metricId: 'EHC-03',
    level: 'ENGLAND',
    code: ENGLAND,
    points: { '2023': '24.1', '2024': '24.9' },
  },
  {
    metricId: 'TRB-01',
    level: 'LOCAL_AUTHORITY',
    code: LA,
    points: { '2023': '2.1', '2024': '1.4' },
  },
  { metricId: 'TRB-01', level: 'ENGLAND', code: ENGLAND, points: { '2023': '1.9', '2024': '2' } },
  {
    metricId: 'ABS-02',
    level: 'LOCAL_AUTHORITY',
    code: LA,
    points: { '2022/23': '34', '2023/24': '31.2' },
  },
  {
    metricId: 'ABS-02',
    level: 'LOCAL_AUTHORITY',
    code: LA,
    breakdown: 'sen_status:EHC plan',
    points: { '2022/23': '41.5', '2023/24': '39.8' },
  },
  {
    metricId: 'ABS-02',
    level: 'LOCAL_AUTHORITY',
    code: LA,
    breakdown: 'sen_status:SEN support',
    points: { '2022/23': '38.2', '2023/24': '35.9' },
  },
  {
    metricId: 'ABS-02',
    level: 'LOCAL_AUTHORITY',
    code: LA,
    breakdown: 'sen_status:No identified SEN',
    points: { '2022/23': '18.7', '2023/24': '17.4' },
  },
  {
    metricId: 'ABS-02',
    level: 'REGION',
    code: REGION,
    points: { '2022/23': '22.9', '2023/24': '21.6' },
  },
  {
    metricId: 'ABS-02',
    level: 'ENGLAND',
    code: ENGLAND,
    points: { '2022/23': '21.2', '2023/24': '20' },
  },
  {
    metricId: 'HLT-02',
    level: 'SUB_ICB',
    code: NORTHSHIRE_SUB_ICB_CODES[0]!,
    points: {
      '2024-10': '44',
      '2024-11': '41.5',
      '2024-12': '38',
      '2025-01': '35',
      '2025-02': '31.2',
      '2025-03': '29.4p',
    },
  },
  {
    metricId: 'HLT-02',
    level: 'ENGLAND',
    code: ENGLAND,
    points: { '2025-01': '39', '2025-02': '38.5', '2025-03': '38.1p' },
  },
  {
    metricId: 'EXC-01',
    level: 'LOCAL_AUTHORITY',
    code: LA,
    points: { '2022/23': '12.1', '2023/24': '11.4' },
  },
  {
    metricId: 'EXC-01',
    level: 'REGION',
    code: REGION,
    points: { '2022/23': '10.2', '2023/24': '10.8' },
  },
  {
    metricId: 'EXC-01',
    level: 'ENGLAND',
    code: ENGLAND,
    points: { '2022/23': '9.3', '2023/24': '10.5' },
  },
  // 2023's count was small enough to suppress.
  {
    metricId: 'AP-04',
    level: 'LOCAL_AUTHORITY',
    code: LA,
    points: { '2023': 'c', '2024': '85', '2025': '78p' },
  },
  { metricId: 'AP-04', level: 'REGION', code: REGION, points: { '2024': '1210', '2025': '1185' } },
];

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export async function seedDemoMetrics(prisma: Client): Promise<void> {
  await prisma.partnership.updateMany({
    where: { id: PARTNERSHIP, icbCode: null },
    data: { icbCode: NORTHSHIRE_ICB_CODE },
  });
  await prisma.partnership.updateMany({
    where: { id: PARTNERSHIP, subIcbCodes: { isEmpty: true } },
    data: { subIcbCodes: NORTHSHIRE_SUB_ICB_CODES },
  });
  // Earlier demo seeds held HLT-02 at the ICB, where the NHS does not publish it; an ICB series
  // would be preferred over the sub-ICB one, so those invented rows go (only the seed's own ids).
  await prisma.metricObservation.deleteMany({
    where: {
      id: { startsWith: 'demo-obs-hlt-02-icb-' },
      partnershipId: PARTNERSHIP,
      metricId: 'HLT-02',
      geographyLevel: 'ICB',
    },
  });

  const authors = await prisma.user.findMany({
    where: { email: { in: demoTargets.flatMap((t) => (t.commentary ? [t.commentary.by] : [])) } },
    select: { id: true, email: true },
  });
  const authorId = new Map(authors.map((user) => [user.email, user.id]));
  await prisma.metricTarget.createMany({
    data: demoTargets.map((t) => ({
      id: `demo-target-${slug(t.metricId)}`,
      planId: PLAN,
      metricId: t.metricId,
      commitmentId: t.commitment ? `${PLAN}.${t.commitment}` : null,
      ownerOrganisationId: t.owner,
      baselinePeriod: t.baseline[0],
      baselineValue: t.baseline[1],
      targetPeriod: t.target[0],
      targetValue: t.target[1],
      trajectory: t.trajectory ?? undefined,
      commentary: t.commentary?.text ?? null,
      commentaryById: t.commentary ? (authorId.get(t.commentary.by) ?? null) : null,
      commentaryAt: t.commentary ? new Date('2026-11-20T10:00:00Z') : null,
    })),
    skipDuplicates: true,
  });

  await prisma.metricObservation.createMany({
    data: demoSeries.flatMap((series) =>
      Object.entries(series.points).map(([period, raw]) => {
        const provisional = raw.endsWith('p');
        const figure = provisional ? raw.slice(0, -1) : raw;
        const symbol = SYMBOLS.has(figure) ? (figure as DisclosureSymbol) : null;
        const breakdown = series.breakdown ?? '';
        return {
          id: `demo-obs-${slug(`${series.metricId}-${series.level}-${period}-${breakdown}`)}`,
          partnershipId: PARTNERSHIP,
          metricId: series.metricId,
          geographyLevel: series.level,
          geographyCode: series.code,
          period,
          breakdown,
          value: symbol ? null : figure,
          symbol,
          provisional,
          release: 'Demo figures (invented)',
        };
      }),
    ),
    skipDuplicates: true,
  });
}
