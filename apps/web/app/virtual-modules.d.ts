declare module 'virtual:lip-plugins' {
  import type { PluginUi } from '@lip/ui';
  /** The `./ui` entries of the plugins listed in lip.config.ts. */
  export const pluginUis: readonly PluginUi[];
}
