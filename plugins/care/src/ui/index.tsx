/**
 * The social care section's UI: the generic GOV.UK summary and editor built from the typed fields.
 */
import { createSectionUi, definePluginUi } from '@lip/plugin-sdk/ui';
import { careFields } from '../fields.ts';

export default definePluginUi({
  pluginId: 'care',
  sections: { care: createSectionUi({ sectionKey: 'care', fields: careFields }) },
});
