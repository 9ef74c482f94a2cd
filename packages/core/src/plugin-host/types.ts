// The plugin contract. Declared in core (the SDK re-exports it) so there is no core ⇄ SDK cycle.
import type { LipBuilder } from '../builder.ts';
import type { CoreRefs } from './refs.ts';

export interface SectionDefinition {
  /** Unique across all plugins, kebab-case: "health". */
  key: string;
  /** Shown to people: "Health". */
  title: string;
  /** Order of the section in a plan. */
  position: number;
  /** Organisation type codes whose section editors write this section, e.g. ["integrated-care-board"]. */
  ownerOrganisationTypes: string[];
}

/** A permission a plugin declares; ids carry the plugin id as prefix: "health.section.edit". */
export interface PluginPermission {
  id: string;
  title: string;
  description?: string;
}

export interface LipPlugin {
  /** kebab-case, unique; prefixes the plugin's type names (PascalCase) and data namespace. */
  id: string;
  name: string;
  version: string;
  /** semver range of @lip/core this plugin works with, e.g. "^0.1.0". */
  coreRange: string;
  sections?: SectionDefinition[];
  permissions?: PluginPermission[];
  /** Adds types and fields to the core's builder through the references core exports. */
  register?: (builder: LipBuilder, refs: CoreRefs) => void;
}

/** Identity function that gives a plugin definition its type. */
export function definePlugin<const P extends LipPlugin>(plugin: P): P {
  return plugin;
}

export interface InstalledSection extends SectionDefinition {
  pluginId: string;
}
