// The health (ICB) section: the ICB executive lead for SEND, the designated clinical or medical
// officer (DCO/DMO), joint commissioning arrangements (Children and Families Act 2014 s26),
// therapies, and the mental health and neurodevelopmental pathways. Only the ICB's section editors
// and the partnership lead edit it (the section is owned by the integrated-care-board organisation
// type); everyone in the partnership reads it. Its GraphQL (HealthSection, Section.health,
// UpdateHealthSectionInput, updateHealthSection) is generated from the fields.
import { definePlugin } from '@lip/plugin-sdk';
import pkg from '../../package.json' with { type: 'json' };
import { healthFields } from '../fields.ts';
import { northshireHealth } from './seed-data.ts';

export const HEALTH_SECTION_KEY = 'health';

export default definePlugin({
  id: 'health',
  name: 'Health (ICB)',
  version: pkg.version,
  coreRange: '^0.1.0',
  sections: [
    {
      key: HEALTH_SECTION_KEY,
      title: 'Health',
      position: 20,
      ownerOrganisationTypes: ['integrated-care-board'],
      fields: healthFields,
      readinessChecks: [
        {
          id: 'health.executive-lead-named',
          title: 'ICB executive lead for SEND named',
          field: 'icbExecutiveLead',
          check: ({ fields }) =>
            fields.icbExecutiveLead ? true : 'Name the ICB executive lead for SEND',
        },
        {
          id: 'health.dco-named',
          title: 'DCO/DMO named',
          field: 'dcoName',
          check: ({ fields }) =>
            fields.dcoName ? true : 'Name the designated clinical or medical officer (DCO/DMO)',
        },
        {
          id: 'health.joint-commissioning',
          title: 'Joint commissioning arrangements recorded',
          field: 'jointCommissioning',
          check: ({ fields }) =>
            fields.jointCommissioning.length > 0
              ? true
              : 'Record at least one joint commissioning arrangement (what, by whom, from which budget)',
        },
        {
          id: 'health.pathways-described',
          title: 'Mental health and neurodevelopmental pathways described',
          field: 'mentalHealth.summary',
          check: ({ fields }) => {
            const missing = [
              !fields.mentalHealth.summary && 'mental health',
              !fields.neurodevelopmental.summary && 'neurodevelopmental',
            ].filter(Boolean);
            return missing.length === 0
              ? true
              : `Describe the ${missing.join(' and ')} pathway${missing.length > 1 ? 's' : ''}`;
          },
        },
        {
          id: 'health.commitment-mapped',
          title: 'At least one health commitment mapped to a standard',
          check: ({ commitments }) =>
            commitments.some((c) => c.standards.length > 0)
              ? true
              : 'Add a health commitment and map it to a standard area',
        },
      ],
      standardsSuggestions: ['SA-08', 'SA-10'],
    },
  ],
  metrics: { uses: ['HLT-01', 'HLT-02', 'HLT-03'] },
  async seed(ctx) {
    for (const plan of await ctx.demoPlans()) {
      if (plan.partnershipSlug === 'northshire')
        await ctx.fillSectionData(plan.planId, HEALTH_SECTION_KEY, northshireHealth);
    }
  },
});
