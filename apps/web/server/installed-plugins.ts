/**
 * The plugins this process runs with: `lip.config.ts`, or the `LIP_PLUGINS` / `LIP_PLUGINS_OMIT`
 * override (see `selectPlugins`). Everything that needs the list (the server's composition root,
 * the Vite plugin that bundles the UI entries, the e2e suite) reads it from here.
 */
import { plugins as configuredPlugins } from '../lip.config.ts';
import { selectPlugins } from './plugin-registry.ts';

export const installedPlugins: readonly string[] = selectPlugins(configuredPlugins);
