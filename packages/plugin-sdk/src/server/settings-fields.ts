// A plugin's settings fields (`settingsFields` in definePlugin): the same field builders as its
// section, turned into what core asks of them (form metadata, validation, labelled text).
import type { SettingCategoryName, SettingsFieldMeta, SettingsFieldsDefinition } from '@lip/core';
import type { FieldSet, FieldShape } from '../fields.ts';
import { describeFieldValues } from './sections.ts';

export interface PluginSettingsFields<S extends FieldShape = FieldShape> {
  /** The categories of setting these fields are asked for, e.g. ['ALTERNATIVE_PROVISION']. */
  categories: readonly SettingCategoryName[];
  /** `defineFields({...})` of text, integer, boolean and choice fields (no groups or lists). */
  fields: FieldSet<S>;
  /** Values read from a row of the GIAS establishment file, by its column headers. */
  fromGias?: (row: Readonly<Record<string, string>>) => Record<string, unknown>;
}

const KINDS = new Set(['text', 'integer', 'boolean', 'choice']);

export function settingsFieldsDefinition(
  pluginId: string,
  { categories, fields, fromGias }: PluginSettingsFields,
): SettingsFieldsDefinition {
  for (const meta of fields.meta)
    if (!KINDS.has(meta.kind))
      throw new Error(
        `Plugin "${pluginId}": settings field "${meta.name}" is a ${meta.kind}; settings fields are text, integer, boolean or choice`,
      );
  const meta: SettingsFieldMeta[] = fields.meta.map((m) => ({
    key: m.name,
    label: m.label,
    kind: m.kind as SettingsFieldMeta['kind'],
    ...(m.hint !== undefined ? { hint: m.hint } : {}),
    ...(m.options ? { options: m.options.map((o) => ({ value: o.value, label: o.label })) } : {}),
    ...(m.min !== undefined ? { min: m.min } : {}),
    ...(m.max !== undefined ? { max: m.max } : {}),
  }));
  return {
    categories,
    meta,
    validate(data) {
      const parsed = fields.schema.safeParse(data ?? {});
      if (parsed.success) return { ok: true, values: parsed.data as Record<string, unknown> };
      return {
        ok: false,
        errors: parsed.error.issues.map((issue) => ({
          path: issue.path.map(String),
          message: issue.message,
        })),
      };
    },
    describe: (data) => describeFieldValues(fields.meta, fields.read(data)),
    ...(fromGias ? { fromGias } : {}),
  };
}
