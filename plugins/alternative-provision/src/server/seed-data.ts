// The Northshire demo's alternative provision section (fictional).
export const NORTHSHIRE_AP = {
  tier1: {
    offer:
      'Outreach from specialist AP teachers into every Northshire secondary school and the 12 primary schools with the highest suspension rates: ' +
      'advice on classroom strategies, staff training, and up to 12 weeks of one-to-one and small-group work while the pupil stays in their class.',
    providers:
      'Northshire AP Academy Trust outreach team, commissioned by Northshire County Council',
  },
  tier2: {
    offer:
      'Placements of up to two terms at the Kingsford and Ashby learning centres, with a plan to return to the home school agreed from the first day. ' +
      'Pupils stay on the roll of their home school (dual registration).',
    providers:
      'Northshire AP Academy Trust; places arranged by schools through the Fair Access panel',
  },
  tier3: {
    offer:
      'Transitional placements for pupils who cannot return to their previous school: a planned move to a new mainstream or special school, ' +
      'or a supported move to a post-16 destination with a key worker until the end of the autumn term after leaving.',
    providers:
      'Northshire AP Academy Trust with Northshire College; places commissioned by Northshire County Council',
  },
  budget: {
    amount: 6_850_000,
    note: 'High needs block allocation for alternative provision in 2026 to 2027, including £1.2 million for tier 1 outreach. School-funded placements are not included.',
  },
  apo1: {
    measure: 'Pupils given tier 1 outreach who are still on roll at their school two terms later',
    target: 85,
  },
  apo2: {
    measure:
      'Attendance in AP compared with the pupil’s attendance in the term before the placement: up by 15 percentage points on average',
    target: 80,
  },
  apo3: {
    measure: 'Tier 2 placements ending in a return to the home school that lasts at least a term',
    target: 70,
  },
  apo4: {
    measure: 'Year 11 leavers from AP with grade 4 or above in English and maths (11% in 2025)',
    target: 25,
  },
  // No target agreed yet: the section is still in progress in the demo.
  apo5: {
    measure: 'AP leavers in sustained education, employment or training two terms after leaving',
    target: null,
  },
  movements: [
    {
      term: 'Autumn 2025',
      intoAp: 64,
      returnedToMainstream: 21,
      movedToSpecialSchool: 6,
      post16Destination: 0,
    },
    {
      term: 'Spring 2026',
      intoAp: 58,
      returnedToMainstream: 27,
      movedToSpecialSchool: 4,
      post16Destination: 0,
    },
    {
      term: 'Summer 2026',
      intoAp: 41,
      returnedToMainstream: 19,
      movedToSpecialSchool: 5,
      post16Destination: 38,
    },
  ],
};
