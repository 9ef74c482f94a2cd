// The alternative provision section: the three-tier AP model, the AP budget, the five outcomes of
// the AP performance framework and aggregate pupil movements into and out of AP. Written by the
// AP organisation and the council's education service (and the partnership lead); everyone in the
// partnership reads it.
import { definePlugin } from '@lip/plugin-sdk';
import pkg from '../../package.json' with { type: 'json' };
import { apFields, apSettingsFields } from '../fields.ts';
import {
  budgetStated,
  outcomeToMeasure,
  outcomesMeasured,
  tierToDescribe,
  tiersDescribed,
} from '../readiness.ts';
import { OUTCOME_METRICS, USED_METRICS } from './metrics.ts';
import { NORTHSHIRE_AP } from './seed-data.ts';

export const AP_SECTION_KEY = 'alternative-provision';

export default definePlugin({
  id: 'alternative-provision',
  name: 'Alternative provision',
  version: pkg.version,
  coreRange: '^0.1.0',
  settingsFields: { categories: ['ALTERNATIVE_PROVISION'], fields: apSettingsFields },
  sections: [
    {
      key: AP_SECTION_KEY,
      title: 'Alternative provision',
      position: 40,
      // An AP organisation writes it; where the council runs its own AP the lead can name its
      // education service instead (the plan says which, per section).
      ownerOrganisationTypes: ['alternative-provision', 'local-authority-education'],
      fields: apFields,
      readinessChecks: [
        {
          id: 'alternative-provision.tiers-described',
          title: 'Every tier described',
          field: tierToDescribe,
          check: ({ fields }) => tiersDescribed(fields),
        },
        {
          id: 'alternative-provision.outcomes-measured',
          title: 'Each outcome has a measure and a target',
          field: outcomeToMeasure,
          check: ({ fields }) => outcomesMeasured(fields),
        },
        {
          id: 'alternative-provision.budget-stated',
          title: 'Budget stated',
          field: 'budget.amount',
          check: ({ fields }) => budgetStated(fields),
        },
      ],
      standardsSuggestions: ['SA-07', 'SA-10'],
    },
  ],
  metrics: { uses: [...USED_METRICS], adds: OUTCOME_METRICS.map((m) => ({ ...m })) },
  async seed(ctx) {
    for (const plan of await ctx.demoPlans()) {
      if (plan.partnershipSlug === 'northshire')
        await ctx.fillSectionData(plan.planId, AP_SECTION_KEY, NORTHSHIRE_AP);
    }
  },
});
