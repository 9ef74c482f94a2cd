/**
 * The health (ICB) section's UI: the generic summary and editor of its declared fields (the same
 * labels, hints and messages as the API), with the GraphQL documents the app runs.
 */
import { createSectionUi, definePluginUi } from '@lip/plugin-sdk/ui';
import { healthFields } from '../fields.ts';

export default definePluginUi({
  pluginId: 'health',
  sections: { health: createSectionUi({ sectionKey: 'health', fields: healthFields }) },
});
