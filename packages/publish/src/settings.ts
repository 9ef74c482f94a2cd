// The tailored list of settings as a published plan version froze it (PlanSnapshot.settings):
// filtering and grouping for the public page, and the open data files (settings.csv,
// setting_fields.csv and settings.json), documented in docs/open-data.md.
import type { Publication, SnapshotSetting } from '@lip/core/snapshot';
import { csvText, type CsvFile } from './csv.ts';

export const SETTING_CATEGORY_LABELS = {
  MAINSTREAM: 'Mainstream schools and colleges',
  MAINSTREAM_WITH_RESOURCED_PROVISION_OR_SEN_UNIT:
    'Mainstream schools with resourced provision or an SEN unit',
  SPECIAL: 'Special schools',
  INDEPENDENT_SPECIAL: 'Independent and non-maintained special schools',
  ALTERNATIVE_PROVISION: 'Alternative provision',
} as const;

export type SettingCategoryCode = keyof typeof SETTING_CATEGORY_LABELS;

export const NEED_AREA_LABELS = {
  CI: 'Communication and interaction',
  CL: 'Cognition and learning',
  SEMH: 'Social, emotional and mental health',
  SP: 'Sensory and/or physical',
} as const;

export type NeedAreaCode = keyof typeof NEED_AREA_LABELS;

export const settingCategoryLabel = (code: string): string =>
  SETTING_CATEGORY_LABELS[code as SettingCategoryCode] ?? code;
export const needAreaLabel = (code: string): string =>
  NEED_AREA_LABELS[code as NeedAreaCode] ?? code;

/** "4 to 11", "from 11", "up to 16"; "" when not known. */
export function ageRangeText(setting: Pick<SnapshotSetting, 'ageLow' | 'ageHigh'>): string {
  const { ageLow, ageHigh } = setting;
  if (ageLow !== null && ageHigh !== null) return `${ageLow} to ${ageHigh}`;
  if (ageLow !== null) return `from ${ageLow}`;
  if (ageHigh !== null) return `up to ${ageHigh}`;
  return '';
}

export interface SettingsFilter {
  category?: string | null;
  needArea?: string | null;
}

/** The version's list (null: a version published before the settings directory has none). */
export function settingsOf(publication: Publication): SnapshotSetting[] | null {
  return publication.snapshot.settings ?? null;
}

/** Settings matching the filter; unknown filter values match nothing rather than everything. */
export function filterSettings(
  settings: readonly SnapshotSetting[],
  filter: SettingsFilter,
): SnapshotSetting[] {
  return settings.filter(
    (s) =>
      (!filter.category || s.category === filter.category) &&
      (!filter.needArea || s.needAreas.includes(filter.needArea)),
  );
}

export interface SettingsGroup {
  category: string;
  label: string;
  settings: SnapshotSetting[];
}

/** Grouped by category, in the categories' order; empty groups left out. */
export function groupSettings(settings: readonly SnapshotSetting[]): SettingsGroup[] {
  return Object.entries(SETTING_CATEGORY_LABELS)
    .map(([category, label]) => ({
      category,
      label,
      settings: settings.filter((s) => s.category === category),
    }))
    .filter((g) => g.settings.length > 0);
}

const SETTINGS_COLUMNS: Array<[string, (s: SnapshotSetting) => string]> = [
  ['urn', (s) => s.urn ?? ''],
  ['name', (s) => s.name],
  ['category', (s) => s.category],
  ['category_label', (s) => settingCategoryLabel(s.category)],
  ['establishment_type', (s) => s.establishmentType ?? ''],
  ['phase', (s) => s.phase ?? ''],
  ['la_code', (s) => s.laCode ?? ''],
  ['postcode', (s) => s.postcode ?? ''],
  ['status', (s) => s.status],
  ['need_areas', (s) => s.needAreas.join('; ')],
  ['age_low', (s) => (s.ageLow === null ? '' : String(s.ageLow))],
  ['age_high', (s) => (s.ageHigh === null ? '' : String(s.ageHigh))],
  ['places', (s) => (s.places === null ? '' : String(s.places))],
  ['source', (s) => s.source],
];

/**
 * settings.csv (one row per setting on the list) and setting_fields.csv (one row per plugin field
 * with a value), each starting with partnership and plan_version like the plan's other files.
 */
export function renderSettingsCsv(
  publication: Publication,
  filter: SettingsFilter = {},
): CsvFile[] {
  const settings = filterSettings(settingsOf(publication) ?? [], filter);
  const partnership = publication.snapshot.partnership.name;
  const version = String(publication.snapshot.plan.versionNumber);
  return [
    {
      name: 'settings.csv',
      content: csvText([
        ['partnership', 'plan_version', ...SETTINGS_COLUMNS.map(([name]) => name)],
        ...settings.map((s) => [partnership, version, ...SETTINGS_COLUMNS.map(([, v]) => v(s))]),
      ]),
    },
    {
      name: 'setting_fields.csv',
      content: csvText([
        ['partnership', 'plan_version', 'urn', 'name', 'field_key', 'field_label', 'value'],
        ...settings.flatMap((s) =>
          s.fields.map((f) => [partnership, version, s.urn ?? '', s.name, f.key, f.label, f.value]),
        ),
      ]),
    },
  ];
}

/** settings.json: the plan it belongs to, and the list exactly as the version froze it. */
export function renderSettingsJson(publication: Publication, filter: SettingsFilter = {}): string {
  const { snapshot, version } = publication;
  const settings = filterSettings(settingsOf(publication) ?? [], filter);
  return `${JSON.stringify(
    {
      partnership: snapshot.partnership.name,
      partnershipSlug: snapshot.partnership.slug,
      plan: snapshot.plan.title,
      planVersion: snapshot.plan.versionNumber,
      publicPath: version.publicPath,
      filter: { category: filter.category ?? null, needArea: filter.needArea ?? null },
      settings: settings.map((s) => ({
        urn: s.urn,
        name: s.name,
        category: s.category,
        establishmentType: s.establishmentType,
        phase: s.phase,
        laCode: s.laCode,
        postcode: s.postcode,
        status: s.status,
        needAreas: s.needAreas,
        ageLow: s.ageLow,
        ageHigh: s.ageHigh,
        places: s.places,
        source: s.source,
        fields: s.fields.map((f) => ({ key: f.key, label: f.label, value: f.value })),
      })),
    },
    null,
    2,
  )}\n`;
}
