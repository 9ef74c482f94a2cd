// The plugin host: checks plugin definitions, collects their sections, and lets each register
// its types through a builder that enforces the naming discipline.
import semver from 'semver';
import type { LipBuilder } from '../builder.ts';
import { CORE_VERSION } from '../version.ts';
import { pascalCase } from './naming.ts';
import type { InstalledSection, LipPlugin } from './types.ts';

export class PluginError extends Error {
  constructor(plugin: Pick<LipPlugin, 'id'> | string, message: string) {
    super(`Plugin "${typeof plugin === 'string' ? plugin : plugin.id}": ${message}`);
    this.name = 'PluginError';
  }
}

const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Checks every plugin and returns the installed sections. Throws PluginError naming the plugin. */
export function checkPlugins(
  plugins: readonly LipPlugin[],
  coreVersion = CORE_VERSION,
): InstalledSection[] {
  const ids = new Set<string>();
  const sections = new Map<string, InstalledSection>();
  for (const plugin of plugins) {
    const id = typeof plugin?.id === 'string' ? plugin.id : '(no id)';
    if (!KEBAB.test(id))
      throw new PluginError(
        id,
        'the id must be kebab-case, like "health" or "alternative-provision"',
      );
    if (ids.has(id)) throw new PluginError(id, 'is listed twice (plugin ids must be unique)');
    ids.add(id);
    if (!plugin.name) throw new PluginError(id, 'has no name');
    if (!semver.valid(plugin.version))
      throw new PluginError(id, `version "${plugin.version}" is not a semver version`);
    if (!semver.validRange(plugin.coreRange)) {
      throw new PluginError(id, `coreRange "${plugin.coreRange}" is not a semver range`);
    }
    if (!semver.satisfies(coreVersion, plugin.coreRange, { includePrerelease: true })) {
      throw new PluginError(
        id,
        `needs @lip/core ${plugin.coreRange}, but this is @lip/core ${coreVersion}`,
      );
    }
    for (const section of plugin.sections ?? []) {
      if (!KEBAB.test(section.key))
        throw new PluginError(id, `section key "${section.key}" must be kebab-case`);
      const clash = sections.get(section.key);
      if (clash)
        throw new PluginError(
          id,
          `section "${section.key}" is already defined by plugin "${clash.pluginId}"`,
        );
      if (!section.title) throw new PluginError(id, `section "${section.key}" has no title`);
      if (!Number.isFinite(section.position))
        throw new PluginError(id, `section "${section.key}" has no position`);
      if (section.ownerOrganisationTypes.length === 0) {
        throw new PluginError(id, `section "${section.key}" names no owner organisation types`);
      }
      const pack = new Set([
        ...(plugin.metrics?.uses ?? []),
        ...(plugin.metrics?.adds ?? []).map((m) => m.id),
      ]);
      for (const target of section.metricTargetFields ?? []) {
        if (!pack.has(target.metric))
          throw new PluginError(
            id,
            `section "${section.key}" field "${target.path}" is the target of metric "${target.metric}", which is not in the plugin's metrics (uses or adds)`,
          );
      }
      sections.set(section.key, { ...section, pluginId: id });
    }
  }
  return [...sections.values()];
}

const TYPE_METHODS = new Set([
  'objectType',
  'objectRef',
  'inputType',
  'inputRef',
  'interfaceType',
  'interfaceRef',
  'unionType',
  'enumType',
  'scalarType',
]);
const FIELD_METHODS = new Set(['queryField', 'mutationField', 'subscriptionField']);
const OBJECT_FIELD_METHODS = new Set(['objectField', 'interfaceField']);
const FIELDS_METHODS = new Set([
  'queryFields',
  'mutationFields',
  'subscriptionFields',
  'objectFields',
  'interfaceFields',
]);
const FORBIDDEN_METHODS = new Set([
  'queryType',
  'mutationType',
  'subscriptionType',
  'prismaObject',
  'prismaNode',
  'toSchema',
]);

function nameOf(first: unknown, options: unknown): string | undefined {
  if (
    options &&
    typeof options === 'object' &&
    'name' in options &&
    typeof options.name === 'string'
  )
    return options.name;
  if (typeof first === 'string') return first;
  if (first && typeof first === 'object' && 'name' in first && typeof first.name === 'string')
    return first.name;
  return undefined;
}

/**
 * The builder a plugin's `register` receives: the same builder, but every type name it adds must
 * contain the plugin's PascalCase id ("HealthSection") and every field it adds to a core type the
 * plugin's id ("health", "updateHealthSection"), so plugins cannot clash with core or each other.
 */
export function guardedBuilder(
  builder: LipBuilder,
  plugin: LipPlugin,
  typeOwners: Map<string, string> = new Map(),
): LipBuilder {
  const typePart = pascalCase(plugin.id);
  const fieldPart = typePart.toLowerCase();
  const checkType = (name: string | undefined) => {
    if (name === undefined) return;
    if (!name.includes(typePart)) {
      throw new PluginError(plugin, `type "${name}" must contain "${typePart}" in its name`);
    }
    const owner = typeOwners.get(name);
    if (owner !== undefined) {
      throw new PluginError(
        plugin,
        owner === plugin.id
          ? `defines type "${name}" twice`
          : `type "${name}" clashes with the type of the same name defined by plugin "${owner}"`,
      );
    }
    typeOwners.set(name, plugin.id);
  };
  const checkField = (name: string) => {
    if (!name.toLowerCase().includes(fieldPart)) {
      throw new PluginError(plugin, `field "${name}" must contain "${plugin.id}" in its name`);
    }
  };
  return new Proxy(builder, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || typeof property !== 'string') return value;
      const method = value as (...args: unknown[]) => unknown;
      if (FORBIDDEN_METHODS.has(property)) {
        return () => {
          throw new PluginError(
            plugin,
            `may not call builder.${property}; add types and fields instead`,
          );
        };
      }
      if (TYPE_METHODS.has(property)) {
        return (...args: unknown[]) => {
          checkType(nameOf(args[0], args[1]));
          return method.apply(target, args);
        };
      }
      if (FIELD_METHODS.has(property)) {
        return (...args: unknown[]) => {
          checkField(String(args[0]));
          return method.apply(target, args);
        };
      }
      if (OBJECT_FIELD_METHODS.has(property)) {
        return (...args: unknown[]) => {
          checkField(String(args[1]));
          return method.apply(target, args);
        };
      }
      if (FIELDS_METHODS.has(property)) {
        return (...args: unknown[]) => {
          const index = property.startsWith('object') || property.startsWith('interface') ? 1 : 0;
          const fieldsFn = args[index] as (t: unknown) => Record<string, unknown>;
          const wrapped = [...args];
          wrapped[index] = (t: unknown) => {
            const fields = fieldsFn(t);
            Object.keys(fields).forEach(checkField);
            return fields;
          };
          return method.apply(target, wrapped);
        };
      }
      return method.bind(target);
    },
  });
}
