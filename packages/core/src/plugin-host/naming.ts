// Names derived from a plugin id or section key. Dependency-free and browser-safe, so the host,
// the SDK (server and UI, through `@lip/core/naming` and `@lip/plugin-sdk/naming`) and the plugin
// generator all use this one implementation.

/** "alternative-provision" → "AlternativeProvision": every GraphQL type a plugin adds contains it. */
export function pascalCase(id: string): string {
  return id
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}
