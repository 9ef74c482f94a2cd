// The section's metric pack: the four national AP measures from the catalogue, and one local
// metric for each outcome of the AP performance framework (no national definition yet, so the
// partnership defines and collects them: status LOCAL).
export const USED_METRICS = ['AP-01', 'AP-02', 'AP-03', 'AP-04'] as const;

const local = {
  theme: 'alternative-provision',
  polarity: 'HIGHER_BETTER',
  periodType: 'ACADEMIC_YEAR',
  source: 'Local data (AP providers and the council)',
  status: 'LOCAL',
} as const;

export const OUTCOME_METRICS = [
  {
    ...local,
    id: 'APO-1',
    title: 'Pupils given tier 1 outreach who stay on roll at their mainstream school',
    unit: 'percent',
    numerator:
      'Pupils given tier 1 outreach still on roll at their school two terms after it started',
    denominator: 'Pupils given tier 1 outreach',
  },
  {
    ...local,
    id: 'APO-2',
    title: 'Attendance of pupils in alternative provision',
    unit: 'percent-of-sessions',
    numerator: 'Sessions attended by pupils in AP',
    denominator: 'Possible sessions of pupils in AP',
  },
  {
    ...local,
    id: 'APO-3',
    title: 'Time-limited (tier 2) placements ending in a sustained return to mainstream',
    unit: 'percent',
    numerator: 'Tier 2 placements ending in a return to mainstream lasting at least a term',
    denominator: 'Tier 2 placements ended',
  },
  {
    ...local,
    id: 'APO-4',
    title: 'Pupils leaving alternative provision with grade 4 or above in English and maths',
    unit: 'percent',
    numerator: 'Year 11 pupils in AP with grade 4 or above in both English and maths',
    denominator: 'Year 11 pupils in AP',
  },
  {
    ...local,
    id: 'APO-5',
    title: 'Alternative provision leavers in sustained post-16 education, employment or training',
    unit: 'percent',
    numerator: 'AP leavers in education, employment or training for two terms after leaving',
    denominator: 'AP leavers',
  },
] as const;
