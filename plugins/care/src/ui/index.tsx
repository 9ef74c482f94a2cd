/**
 * The social care section's UI: the SDK's generic GOV.UK editor built from the typed fields, and a
 * summary by theme (short breaks statement, respite and family hubs, aggregate counts as a table).
 */
import { createSectionUi, definePluginUi } from '@lip/plugin-sdk/ui';
import { careFields } from '../fields.ts';
import { CareSummary } from './summary.tsx';

export default definePluginUi({
  pluginId: 'care',
  sections: {
    care: createSectionUi({ sectionKey: 'care', fields: careFields, Summary: CareSummary }),
  },
});
