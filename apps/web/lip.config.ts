/**
 * The installed plugins, by package name: the only place the app names a plugin. The server loads
 * `<name>/server` into the GraphQL core; the UI bundle gets `<name>/ui` through `virtual:lip-plugins`.
 * Remove a line and the plugin is gone everywhere.
 */
export const plugins: readonly string[] = ['@lip/plugin-health'];
