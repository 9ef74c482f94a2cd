// The one package a plugin's server entry imports: the plugin contract and the core references it
// builds on. Fields live in `@lip/plugin-sdk/fields` (browser-safe), UI helpers in
// `@lip/plugin-sdk/ui`, the test harness in `@lip/plugin-sdk/testing`.
export { definePlugin, type PluginSection, type PluginDefinition } from './server/define-plugin.ts';
export { pascalCase, sectionNames } from './naming.ts';
export { publishFieldValues } from './server/sections.ts';
export { type PluginSettingsFields } from './server/settings-fields.ts';
export {
  defineFields,
  field,
  integerFieldsWithoutPublication,
  type FieldSet,
  type FieldValues,
  type FieldMeta,
  type FieldShape,
} from './fields.ts';
export {
  runPluginSeeds,
  ValidationError,
  NotFoundError,
  ForbiddenError,
  SectionConflictError,
  CommitmentConflictError,
  type LipPlugin,
  type SectionDefinition,
  type CoreRefs,
  type LipBuilder,
  type SectionView,
  type SectionData,
  type RequestContext,
  type FieldError,
  type ReadinessCheck,
  type ReadinessInput,
  type CommitmentSummary,
  type CommitmentsSummary,
  type MetricDefinition,
  type PluginMetrics,
  type PluginSeedContext,
  type DemoPlan,
  type SettingCategoryName,
  type SettingsFieldMeta,
  type SettingsFieldsDefinition,
} from '@lip/core';
