// The alternative provision section's own fields, shared by the server (validation, GraphQL) and
// the UI (labels, hints). Browser-safe: it imports only the SDK's field builders.
//
// Pupil movements are aggregate counts per term only. There is deliberately no field that could
// hold a child's name, date of birth, school or any other detail of an individual pupil.
import { defineFields, field, type FieldValues } from '@lip/plugin-sdk/fields';

/** The three tiers of the AP model (SEND and AP improvement plan, 2023). */
export const AP_TIERS = [
  { key: 'tier1', tier: 1, title: 'Targeted support in mainstream schools' },
  { key: 'tier2', tier: 2, title: 'Time-limited placements aiming at a return to the same school' },
  {
    key: 'tier3',
    tier: 3,
    title: 'Transitional placements leading to a new school or post-16 destination',
  },
] as const;

/** The five outcomes of the AP performance framework. */
export const AP_OUTCOMES = [
  { key: 'apo1', code: 'APO-1', title: 'Effective outreach support' },
  { key: 'apo2', code: 'APO-2', title: 'Improved attendance' },
  { key: 'apo3', code: 'APO-3', title: 'Reintegration into mainstream' },
  { key: 'apo4', code: 'APO-4', title: 'Attainment, with a focus on English and maths' },
  { key: 'apo5', code: 'APO-5', title: 'Successful post-16 transitions' },
] as const;

const tier = (tierNumber: number, title: string) =>
  field.group({
    label: `Tier ${tierNumber}: ${title.charAt(0).toLowerCase()}${title.slice(1)}`,
    fields: {
      offer: field.longText({
        label: 'What is offered',
        hint: 'The support or placements at this tier, who they are for and for how long',
        max: 2000,
      }),
      providers: field.text({
        label: 'By whom',
        hint: 'The providers, and who commissions or arranges the places',
        max: 300,
      }),
    },
  });

// Each outcome has its own local metric (APO-1 to APO-5, metrics.ts): the outcome's target IS
// that metric's target in the plan (decision 027), so the dashboard rates the same figure. The
// measure stays words: how the partnership will know, never a second target.
const outcome = (code: string, title: string) =>
  field.group({
    label: `${code}: ${title}`,
    fields: {
      measure: field.text({
        label: 'Measure',
        hint: 'How the partnership will know: what is counted, by whom and how often',
        // Room for a target first written as words, kept here when targets moved to metrics.
        max: 600,
      }),
      target: field.metricTarget({
        label: 'Target (%)',
        metric: code,
        hint: `The percentage to reach by the end of the plan, for example 85. It is the plan’s ${code} target: the metrics dashboard shows and rates the same figure.`,
        min: 0,
        max: 100,
        noun: `The ${code} target`,
      }),
    },
  });

// Counts of pupils: published under the partnership's disclosure rule; a term's counts are one
// group, so a suppressed one cannot be worked out from the others.
const count = (label: string) =>
  field.integer({ label, min: 0, max: 100_000, publication: 'count' });

export const apFields = defineFields({
  tier1: tier(1, AP_TIERS[0].title),
  tier2: tier(2, AP_TIERS[1].title),
  tier3: tier(3, AP_TIERS[2].title),
  budget: field.group({
    label: 'Alternative provision budget',
    fields: {
      amount: field.money({
        label: 'Amount for the year',
        hint: 'In pounds, for example 6850000',
        min: 0,
        noun: 'The AP budget',
      }),
      note: field.longText({
        label: 'What the budget covers',
        hint: 'For example the funding block, the year, and what is excluded',
        max: 1000,
      }),
    },
  }),
  apo1: outcome(AP_OUTCOMES[0].code, AP_OUTCOMES[0].title),
  apo2: outcome(AP_OUTCOMES[1].code, AP_OUTCOMES[1].title),
  apo3: outcome(AP_OUTCOMES[2].code, AP_OUTCOMES[2].title),
  apo4: outcome(AP_OUTCOMES[3].code, AP_OUTCOMES[3].title),
  apo5: outcome(AP_OUTCOMES[4].code, AP_OUTCOMES[4].title),
  movements: field.list({
    label: 'Pupil movements into and out of alternative provision',
    hint: 'Numbers of pupils per term only. Never record names or other details of individual children.',
    itemLabel: 'Term',
    fields: {
      term: field.text({
        label: 'Term',
        hint: 'For example, Autumn 2025',
        max: 40,
        required: true,
      }),
      intoAp: count('Moved into alternative provision'),
      returnedToMainstream: count('Returned to mainstream school'),
      movedToSpecialSchool: count('Moved to a special school'),
      post16Destination: count('Moved on to a post-16 destination'),
    },
  }),
});

export type ApFields = FieldValues<typeof apFields>;

/** The three tiers of the AP model, as a setting on the tailored list offers them. */
export const AP_SETTING_TIERS = [
  { value: 'TIER_1', label: 'Tier 1: targeted support in mainstream schools' },
  { value: 'TIER_2', label: 'Tier 2: time-limited placements in AP' },
  { value: 'TIER_3', label: 'Tier 3: longer-term placements in AP' },
] as const;

/** What the AP plugin adds to each AP setting in the settings directory: its tier. */
export const apSettingsFields = defineFields({
  tier: field.choice({
    label: 'AP tier',
    hint: 'Which tier of the three-tier AP model this setting provides.',
    options: AP_SETTING_TIERS,
  }),
});
