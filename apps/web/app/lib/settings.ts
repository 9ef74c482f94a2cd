// The settings directory's words and shapes shared by its pages and their loaders and actions.
import { NEED_AREA_LABELS, SETTING_CATEGORY_LABELS, ageRangeText } from '@lip/publish/settings';

export { NEED_AREA_LABELS, SETTING_CATEGORY_LABELS, ageRangeText };

export const SETTING_CATEGORIES = [
  'MAINSTREAM',
  'MAINSTREAM_WITH_RESOURCED_PROVISION_OR_SEN_UNIT',
  'SPECIAL',
  'INDEPENDENT_SPECIAL',
  'ALTERNATIVE_PROVISION',
] as const;
export type SettingCategory = (typeof SETTING_CATEGORIES)[number];

export const NEED_AREA_CODES = ['CI', 'CL', 'SEMH', 'SP'] as const;
export type NeedAreaCode = (typeof NEED_AREA_CODES)[number];

export const asCategory = (value: string | null | undefined): SettingCategory | null =>
  SETTING_CATEGORIES.find((c) => c === value) ?? null;
export const asNeedArea = (value: string | null | undefined): NeedAreaCode | null =>
  NEED_AREA_CODES.find((c) => c === value) ?? null;

export interface PluginFieldDefinition {
  pluginId: string;
  pluginName: string;
  categories: readonly string[];
  fields: ReadonlyArray<{
    key: string;
    label: string;
    hint: string | null;
    kind: string;
    options: ReadonlyArray<{ value: string; label: string }>;
  }>;
}

export interface SettingFormValues {
  name: string;
  urn: string;
  category: string;
  establishmentType: string;
  phase: string;
  postcode: string;
  ageLow: string;
  ageHigh: string;
  places: string;
  needAreas: string[];
  closed: string;
  /** By "<plugin id>.<key>". */
  plugin: Record<string, string>;
}

export const categoryOptions = () =>
  SETTING_CATEGORIES.map((value) => ({ value, text: SETTING_CATEGORY_LABELS[value] }));
export const needAreaOptions = () =>
  NEED_AREA_CODES.map((value) => ({ value, text: NEED_AREA_LABELS[value] }));
