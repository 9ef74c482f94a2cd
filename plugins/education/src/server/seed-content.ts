// Demo content for Northshire's education section (fictional; numbers are plausible for a county
// of about 150,000 pupils, not real). Written once by the plugin's seed, only if the section has no data.
import type { EducationFields } from '../fields.ts';

export const northshireEducation: EducationFields = {
  oapEarlyYears: {
    url: 'https://www.northshire.example/local-offer/oap/early-years',
    summary:
      'Every early years setting uses the Northshire early identification toolkit at the two-year check, has a named SENCo with ' +
      'access to the Early Years Inclusion Fund, and can ask the area SENCo team for a visit within 15 working days.',
  },
  oapPrimary: {
    url: 'https://www.northshire.example/local-offer/oap/primary',
    summary:
      'Quality-first teaching with adaptations set out by need area (communication and interaction, cognition and learning, SEMH, ' +
      'sensory and physical), a graduated response record for every pupil on SEN support, and termly consultation with the ' +
      'inclusion support service.',
  },
  oapSecondary: {
    url: 'https://www.northshire.example/local-offer/oap/secondary',
    summary:
      'Adjustments every secondary school makes without an EHC plan: time-out and quiet space, exam access arrangements, ' +
      'key adult check-ins, reduced-timetable safeguards and a written reintegration plan after any suspension.',
  },
  oapPost16: {
    url: null,
    summary:
      'Draft agreed with Northshire College and the sixth form consortium: study programme adjustments, learning support ' +
      'assessment at enrolment and a named transition contact. Publication due spring 2027.',
  },
  senSupportSummary:
    '13.9% of Northshire pupils are on SEN support (January 2026), close to the national figure. Schools follow the graduated ' +
    'approach; the Inclusion Support Service offers targeted outreach for communication and interaction and SEMH, and each ' +
    'locality holds a monthly inclusion panel where SENCos can request time-limited top-up funding without an EHC plan.',
  ehcTimelinessSummary:
    'In 2025 38% of new EHC plans were issued within 20 weeks. The assessment pathway is being redesigned: weekly tracking of ' +
    'every request at weeks 6, 16 and 20, four additional case officers until the backlog is cleared, educational psychology ' +
    'advice commissioned from two additional providers, and health and care advice requested on day one through the DCO.',
  // Not stored with the section: it seeds the plan's EHC-01 target where it has none (decision 027).
  ehcTimelinessTarget: 70,
  ehcQualitySummary:
    'A multi-agency audit of 20 plans each term, with the parent carer forum, scored against the Northshire quality standard. ' +
    'Annual review outcomes are tracked against the 4-week duty and reported to the partnership board each quarter.',
  specialistProvision: [
    {
      setting: 'Northshire maintained special schools and special academies (9)',
      kind: 'SPECIAL_SCHOOL',
      places: 1420,
      additionalPlanned: 120,
    },
    {
      setting: 'Resourced provisions in mainstream schools (24)',
      kind: 'RESOURCED_PROVISION',
      places: 310,
      additionalPlanned: 160,
    },
    {
      setting: 'Independent and non-maintained special schools',
      kind: 'INDEPENDENT_SPECIAL',
      places: 265,
      additionalPlanned: 0,
    },
  ],
  sufficiencySummary:
    'The 2026 sufficiency review forecasts 9% growth in EHC plans a year to 2029, most in autism and SEMH. The capital programme ' +
    'adds 160 resourced provision places and a 120-place special free school in the east of the county, so that fewer children ' +
    'travel out of area and placements in independent special schools fall.',
  sencoCount: 312,
  npqSencoCount: 141,
  workforceSummary:
    'Every new SENCo is enrolled on the NPQ for SENCos within a year of appointment, with a locality SENCo network that meets ' +
    'each half term. The educational psychology service is recruiting three trainee places a year with the regional university.',
  commonTransferSummary:
    'Common transfer files carry the graduated response record between settings. Year 6 to 7 transition meetings are held by ' +
    'the end of the spring term for every pupil with an EHC plan, and the early years to reception handover uses a single form.',
  adjustmentPassportsSummary:
    'Piloting adjustment passports with Northshire College and two supported internship providers from September 2026, so ' +
    'young people keep the adjustments they need when they move into further education, apprenticeships and work.',
  preparingForAdulthoodSummary:
    'Preparation for adulthood is discussed at every annual review from year 9 and recorded against the four outcomes: ' +
    'employment, independent living, friends and community, and good health. Supported internships grow from 40 to 70 places.',
};
