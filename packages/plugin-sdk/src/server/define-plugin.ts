// definePlugin: the plugin contract plus typed section fields. A section with `fields` gets its
// GraphQL generated (see sections.ts) and its readiness checks receive the typed values.
import type { CountProtector, LipPlugin, ReadinessCheck, SectionDefinition } from '@lip/core';
import type { FieldSet, FieldShape, ShapeValues } from '../fields.ts';
import { describeFieldValues, publishFieldValues, registerSectionFields } from './sections.ts';
import { settingsFieldsDefinition, type PluginSettingsFields } from './settings-fields.ts';

export interface PluginSection<S extends FieldShape = FieldShape> extends Omit<
  SectionDefinition,
  'readinessChecks' | 'readFields' | 'describeFields' | 'publishFields' | 'metricTargetFields'
> {
  /** The section's typed fields (`defineFields`): generates its GraphQL type, field, input and mutation. */
  fields?: FieldSet<S>;
  readinessChecks?: readonly ReadinessCheck<ShapeValues<S>>[];
}

export interface PluginDefinition<T extends readonly FieldShape[]> extends Omit<
  LipPlugin,
  'sections' | 'settingsFields'
> {
  sections?: { [K in keyof T]: PluginSection<T[K]> };
  /**
   * Fields the plugin adds to settings in the partnership's settings directory, with the same
   * field builders as its section (text, integer, boolean, choice), for the categories it names.
   */
  settingsFields?: PluginSettingsFields;
}

/** Gives a plugin definition its type and turns `sections[].fields` into GraphQL. */
export function definePlugin<const T extends readonly FieldShape[] = []>(
  plugin: PluginDefinition<T>,
): LipPlugin {
  const sections = (plugin.sections ?? []) as readonly PluginSection[];
  const ownRegister = plugin.register;
  const { settingsFields, ...rest } = plugin;
  return {
    ...rest,
    ...(settingsFields
      ? { settingsFields: settingsFieldsDefinition(plugin.id, settingsFields) }
      : {}),
    sections: sections.map(({ fields, readinessChecks, ...section }) => ({
      ...section,
      ...(readinessChecks ? { readinessChecks: readinessChecks as readonly ReadinessCheck[] } : {}),
      ...(fields
        ? {
            ...(fields.metricTargets.length > 0
              ? { metricTargetFields: fields.metricTargets }
              : {}),
            readFields: (data: Record<string, unknown>) => fields.read(data),
            describeFields: (data: Record<string, unknown>) =>
              describeFieldValues(fields.meta, fields.read(data)),
            publishFields: (data: Record<string, unknown>, protect: CountProtector) =>
              publishFieldValues(fields.meta, fields.read(data), protect),
          }
        : {}),
    })),
    register(builder, refs) {
      for (const section of sections)
        if (section.fields) registerSectionFields(builder, refs, section.key, section.fields);
      ownRegister?.(builder, refs);
    },
  };
}
