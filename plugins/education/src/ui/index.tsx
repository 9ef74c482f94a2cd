/**
 * The education section's UI: the generic GOV.UK summary and editor built from the typed fields
 * (one fieldset per phase of ordinarily available provision, a row per specialist setting).
 */
import { createSectionUi, definePluginUi } from '@lip/plugin-sdk/ui';
import { educationFields } from '../fields.ts';

export default definePluginUi({
  pluginId: 'education',
  sections: { education: createSectionUi({ sectionKey: 'education', fields: educationFields }) },
});
