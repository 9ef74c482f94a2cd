/**
 * The installed plugins, by package name: the only place the app names a plugin. The server loads
 * `<name>/server` into the GraphQL core; the UI bundle gets `<name>/ui` through `virtual:lip-plugins`.
 * Remove a line and the plugin is gone everywhere. (`LIP_PLUGINS` / `LIP_PLUGINS_OMIT` override
 * this list for one build and run: see README.md.)
 */
export const plugins: readonly string[] = [
  '@lip/plugin-education',
  '@lip/plugin-health',
  '@lip/plugin-care',
  '@lip/plugin-alternative-provision',
];
