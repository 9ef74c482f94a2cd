// The education section: ordinarily available provision by phase, SEN support, EHC needs
// assessment and plan timeliness, specialist places and sufficiency, the SENCo workforce and
// transitions. Owned by the council's education organisation: its section editors and the
// partnership lead edit it; everyone in the partnership reads it.
import { definePlugin, type ReadinessInput } from '@lip/plugin-sdk';
import pkg from '../../package.json' with { type: 'json' };
import { educationFields, educationSettingsFields, type EducationFields } from '../fields.ts';
import {
  educationMetricIds,
  educationReadiness,
  educationStandardsSuggestions,
} from '../readiness.ts';
import { northshireEducation } from './seed-content.ts';

export const EDUCATION_SECTION_KEY = 'education';

export default definePlugin({
  id: 'education',
  name: 'Education',
  version: pkg.version,
  coreRange: '^0.1.0',
  sections: [
    {
      key: EDUCATION_SECTION_KEY,
      title: 'Education',
      position: 10,
      ownerOrganisationTypes: ['local-authority-education'],
      fields: educationFields,
      readinessChecks: educationReadiness.map(({ id, title, field, check }) => ({
        id,
        title,
        ...(field ? { field } : {}),
        check: ({ fields, commitments }: ReadinessInput<EducationFields>) =>
          check({ fields, commitmentStandards: commitments.map((c) => c.standards) }),
      })),
      standardsSuggestions: educationStandardsSuggestions,
    },
  ],
  metrics: { uses: educationMetricIds, adds: [] },
  settingsFields: {
    categories: [
      'MAINSTREAM',
      'MAINSTREAM_WITH_RESOURCED_PROVISION_OR_SEN_UNIT',
      'SPECIAL',
      'INDEPENDENT_SPECIAL',
    ],
    fields: educationSettingsFields,
    fromGias: (row) => ({
      resourcedProvisionPlaces: row['ResourcedProvisionCapacity'] || null,
      senUnitPlaces: row['SenUnitCapacity'] || null,
    }),
  },
  async seed(ctx) {
    for (const plan of await ctx.demoPlans()) {
      if (plan.partnershipSlug === 'northshire') {
        await ctx.fillSectionData(plan.planId, EDUCATION_SECTION_KEY, northshireEducation);
      }
    }
  },
});
