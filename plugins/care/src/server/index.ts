// The social care section: the short breaks services statement, respite placements, family hubs,
// and children in need and looked after with SEND (aggregate counts only, never a child's details).
// Owned by the council's children's social care organisation: its section editors and the
// partnership lead edit it; everyone in the partnership reads it.
import { definePlugin, type ReadinessInput } from '@lip/plugin-sdk';
import pkg from '../../package.json' with { type: 'json' };
import { careFields, type CareFields } from '../fields.ts';
import { careMetricIds, careReadiness, careStandardsSuggestions } from '../readiness.ts';
import { northshireCare } from './seed-content.ts';

export const CARE_SECTION_KEY = 'care';

export default definePlugin({
  id: 'care',
  name: 'Social care',
  version: pkg.version,
  coreRange: '^0.1.0',
  sections: [
    {
      key: CARE_SECTION_KEY,
      title: 'Social care',
      position: 30,
      ownerOrganisationTypes: ['local-authority-social-care'],
      fields: careFields,
      readinessChecks: careReadiness.map(({ id, title, field, check }) => ({
        id,
        title,
        ...(field ? { field } : {}),
        check: ({ fields, commitments }: ReadinessInput<CareFields>) =>
          check({ fields, commitmentStandards: commitments.map((c) => c.standards) }),
      })),
      standardsSuggestions: careStandardsSuggestions,
    },
  ],
  metrics: { uses: careMetricIds, adds: [] },
  async seed(ctx) {
    for (const plan of await ctx.demoPlans()) {
      if (plan.partnershipSlug === 'northshire') {
        await ctx.fillSectionData(plan.planId, CARE_SECTION_KEY, northshireCare());
      }
    }
  },
});
