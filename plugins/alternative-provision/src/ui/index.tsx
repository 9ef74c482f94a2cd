/**
 * The alternative provision section's UI: the SDK's generic GOV.UK summary and editor, generated
 * from the section's fields (tiers, budget and outcomes as groups; pupil movements as rows).
 */
import { createSectionUi, definePluginUi } from '@lip/plugin-sdk/ui';
import { apFields } from '../fields.ts';

export default definePluginUi({
  pluginId: 'alternative-provision',
  sections: {
    'alternative-provision': createSectionUi({ sectionKey: 'alternative-provision', fields: apFields }),
  },
});
