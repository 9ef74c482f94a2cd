/**
 * The alternative provision section's UI: the SDK's generic GOV.UK editor generated from the
 * section's fields (tiers, budget and outcomes as fieldsets; pupil movements as rows), and a
 * summary of its own (tiers, outcomes and movements as tables).
 */
import { createSectionUi, definePluginUi } from '@lip/plugin-sdk/ui';
import { apFields } from '../fields.ts';
import { ApSummary } from './summary.tsx';

export default definePluginUi({
  pluginId: 'alternative-provision',
  sections: {
    'alternative-provision': createSectionUi({
      sectionKey: 'alternative-provision',
      fields: apFields,
      Summary: ApSummary,
    }),
  },
});
