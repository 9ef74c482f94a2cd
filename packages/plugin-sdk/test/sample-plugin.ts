// A small plugin exercising every field kind, for the SDK's own tests.
import { definePlugin } from '../src/index.ts';
import { defineFields, field, type FieldValues } from '../src/fields.ts';

export const sampleFields = defineFields({
  localOfferUrl: field.url({ label: 'Local offer', hint: 'Link to the local offer page' }),
  contactEmail: field.email({ label: 'Contact email' }),
  npqSencoCount: field.integer({
    label: 'SENCos holding the NPQ for SENCos',
    noun: 'Number of SENCos',
    min: 0,
  }),
  ratio: field.decimal({ label: 'Ratio', min: 0, max: 1 }),
  budget: field.money({ label: 'Budget' }),
  reviewedOn: field.date({ label: 'Last reviewed' }),
  summary: field.longText({ label: 'Summary', max: 50 }),
  published: field.boolean({ label: 'Published' }),
  phase: field.choice({
    label: 'Phase',
    options: [
      { value: 'PRIMARY', label: 'Primary' },
      { value: 'SECONDARY', label: 'Secondary' },
    ],
  }),
  arrangements: field.list({
    label: 'Joint commissioning arrangements',
    itemLabel: 'Arrangement',
    fields: {
      what: field.text({ label: 'What is commissioned', required: true }),
      by: field.text({ label: 'By whom' }),
      budget: field.money({ label: 'From which budget', min: 0 }),
    },
  }),
  earlyYears: field.group({
    label: 'Early years',
    fields: { url: field.url({ label: 'Link' }), summary: field.longText({ label: 'Summary' }) },
  }),
});

export type SampleFields = FieldValues<typeof sampleFields>;

export default definePlugin({
  id: 'sample',
  name: 'Sample',
  version: '0.1.0',
  coreRange: '^0.1.0',
  sections: [
    {
      key: 'sample',
      title: 'Sample',
      position: 15,
      ownerOrganisationTypes: ['local-authority-education'],
      fields: sampleFields,
      readinessChecks: [
        {
          id: 'sample.local-offer',
          title: 'Local offer linked',
          check: ({ fields }) => (fields.localOfferUrl ? true : 'Add a link to the local offer'),
        },
        {
          id: 'sample.arrangements',
          title: 'Arrangements recorded',
          check: ({ fields, commitments }) =>
            fields.arrangements.length > 0 || commitments.count > 100
              ? true
              : 'Add a joint commissioning arrangement',
        },
      ],
      standardsSuggestions: ['SA-02', 'SA-03'],
    },
  ],
  metrics: {
    uses: ['EHC-01', 'SEN-01'],
    adds: [
      {
        id: 'SMP-1',
        theme: 'experiences',
        title: 'Sample measure',
        unit: 'percent',
        polarity: 'HIGHER_BETTER',
        periodType: 'ACADEMIC_YEAR',
        status: 'LOCAL',
      },
    ],
  },
  async seed(ctx) {
    for (const plan of await ctx.demoPlans()) {
      if (plan.partnershipSlug !== 'northshire') continue;
      await ctx.fillSectionData(plan.planId, 'sample', {
        summary: 'Seeded',
        arrangements: [{ what: 'Speech therapy', by: 'ICB', budget: 1000 }],
      });
    }
  },
});
