/**
 * The education section's UI: the SDK's generic GOV.UK editor built from the typed fields (one
 * fieldset per phase of ordinarily available provision, a row per specialist setting), and a
 * summary by theme with tables for the phases and the specialist places.
 */
import { createSectionUi, definePluginUi } from '@lip/plugin-sdk/ui';
import { educationFields } from '../fields.ts';
import { EducationSummary } from './summary.tsx';

export default definePluginUi({
  pluginId: 'education',
  sections: {
    education: createSectionUi({
      sectionKey: 'education',
      fields: educationFields,
      Summary: EducationSummary,
    }),
  },
});
