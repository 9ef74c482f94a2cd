import type { AnySectionUi } from '@lip/ui';
import { pluginUis } from 'virtual:lip-plugins';

/** The UI a plugin provides for a section, if its plugin is installed. */
export function sectionUi(pluginId: string, sectionKey: string): AnySectionUi | undefined {
  return pluginUis.find((p) => p.pluginId === pluginId)?.sections[sectionKey];
}
