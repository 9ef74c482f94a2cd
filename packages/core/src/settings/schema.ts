// The settings directory's GraphQL: Partnership.settings (filters, paging), the GIAS import, settings
// added by hand, plugin settings fields and each plan's tailored list. See docs/api-settings.md.
import { SettingCategory, SettingSource, type Setting } from '@lip/db';
import type { LipBuilder } from '../builder.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import type { CoreHost } from '../host.ts';
import { idOf } from '../ids.ts';
import type { ImportRowError } from '../metrics/import.ts';
import type { SettingsFieldMeta } from '../plugin-host/types.ts';
import type { CoreTypeRefs } from '../schema/type-refs.ts';
import { editableCategories } from './access.ts';
import {
  createSetting,
  importSettings,
  removeSetting,
  setTailoredList,
  settingsWhere,
  SETTINGS_ORDER,
  updateSetting,
  type SettingInput,
  type SettingsImportResult,
  type SettingsImportRow,
} from './settings.ts';

interface PluginFieldsView {
  pluginId: string;
  pluginName: string;
  fields: Array<{ key: string; label: string; value: string }>;
}

interface PluginFieldsDefinitionView {
  pluginId: string;
  pluginName: string;
  categories: readonly SettingCategory[];
  fields: readonly SettingsFieldMeta[];
}

function storedOf(setting: Setting): Record<string, unknown> {
  const v = setting.pluginFields;
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

export function addSettingsTypes(builder: LipBuilder, host: CoreHost, types: CoreTypeRefs): void {
  const CategoryEnum = builder.enumType(SettingCategory, {
    name: 'SettingCategory',
    description:
      'Mainstream; mainstream with resourced provision or an SEN unit; special; independent (or non-maintained) special; alternative provision.',
  });
  const SourceEnum = builder.enumType(SettingSource, {
    name: 'SettingSource',
    description: 'GIAS: from the Get Information about Schools download; MANUAL: added by hand.',
  });
  const { NeedAreaEnum } = types.enums;

  const FieldValueRef = builder
    .objectRef<{ key: string; label: string; value: string }>('SettingFieldValue')
    .implement({
      fields: (t) => ({
        key: t.exposeString('key'),
        label: t.exposeString('label'),
        value: t.exposeString('value', { description: 'As text; "" when not given.' }),
      }),
    });
  const PluginFieldsRef = builder.objectRef<PluginFieldsView>('SettingPluginFields').implement({
    description: 'The fields one plugin adds to a setting, with their values.',
    fields: (t) => ({
      pluginId: t.exposeString('pluginId'),
      pluginName: t.exposeString('pluginName'),
      fields: t.field({ type: [FieldValueRef], resolve: (x) => x.fields }),
    }),
  });
  const OptionRef = builder
    .objectRef<{ value: string; label: string }>('SettingsFieldOption')
    .implement({
      fields: (t) => ({ value: t.exposeString('value'), label: t.exposeString('label') }),
    });
  const FieldMetaRef = builder.objectRef<SettingsFieldMeta>('SettingsFieldDefinition').implement({
    fields: (t) => ({
      key: t.exposeString('key'),
      label: t.exposeString('label'),
      hint: t.exposeString('hint', { nullable: true }),
      kind: t.exposeString('kind', { description: 'text, integer, boolean or choice.' }),
      options: t.field({ type: [OptionRef], resolve: (x) => [...(x.options ?? [])] }),
      min: t.exposeInt('min', { nullable: true }),
      max: t.exposeInt('max', { nullable: true }),
    }),
  });
  const PluginFieldsDefinitionRef = builder
    .objectRef<PluginFieldsDefinitionView>('SettingsPluginFieldsDefinition')
    .implement({
      description: 'Fields a plugin adds to settings of some categories.',
      fields: (t) => ({
        pluginId: t.exposeString('pluginId'),
        pluginName: t.exposeString('pluginName'),
        categories: t.field({ type: [CategoryEnum], resolve: (x) => [...x.categories] }),
        fields: t.field({ type: [FieldMetaRef], resolve: (x) => [...x.fields] }),
      }),
    });
  const definitions = (): PluginFieldsDefinitionView[] =>
    host.settingsPlugins.map((p) => ({
      pluginId: p.id,
      pluginName: p.name,
      categories: p.settingsFields.categories,
      fields: p.settingsFields.meta,
    }));

  const SettingRef = builder.prismaNode('Setting', {
    id: { field: 'id' },
    findUnique: (id, ctx) => ({ id, partnershipId: { in: [...ctx.memberships.keys()] } }),
    authScopes: (setting) => ({ member: setting.partnershipId }),
    description: 'A school, college or provider in the partnership’s settings directory.',
    fields: (t) => ({
      urn: t.exposeString('urn', {
        nullable: true,
        description: 'DfE’s unique reference number; null for settings added by hand without one.',
      }),
      name: t.exposeString('name'),
      category: t.expose('category', { type: CategoryEnum }),
      establishmentType: t.exposeString('establishmentType', { nullable: true }),
      phase: t.exposeString('phase', { nullable: true }),
      laCode: t.exposeString('laCode', { nullable: true }),
      postcode: t.exposeString('postcode', { nullable: true }),
      status: t.exposeString('status', {
        description: 'GIAS establishment status: "Open", "Closed", "Open, but proposed to close"…',
      }),
      closed: t.boolean({
        description: 'Closed settings stay in the directory but leave the published list.',
        resolve: (s) => s.closedAt !== null,
      }),
      closedAt: t.expose('closedAt', { type: 'DateTime', nullable: true }),
      needAreas: t.field({
        type: [NeedAreaEnum],
        resolve: (s) => s.needAreas.filter((a) => ['CI', 'CL', 'SEMH', 'SP'].includes(a)) as never,
      }),
      ageLow: t.exposeInt('ageLow', { nullable: true }),
      ageHigh: t.exposeInt('ageHigh', { nullable: true }),
      places: t.exposeInt('places', { nullable: true }),
      source: t.expose('source', { type: SourceEnum }),
      version: t.exposeInt('version'),
      pluginFields: t.field({
        type: [PluginFieldsRef],
        description: 'Fields plugins add to settings of this category, in the config’s order.',
        resolve: (s) =>
          host.settingsPlugins
            .filter((p) => p.settingsFields.categories.includes(s.category))
            .map((p) => ({
              pluginId: p.id,
              pluginName: p.name,
              fields: p.settingsFields.describe(storedOf(s)[p.id] ?? {}),
            })),
      }),
      pluginFieldValues: t.field({
        type: [FieldValueRef],
        description:
          'The stored plugin values as a form fills them in: key "<plugin id>.<field>", value as typed ("" when not given).',
        resolve: (s) =>
          host.settingsPlugins
            .filter((p) => p.settingsFields.categories.includes(s.category))
            .flatMap((p) => {
              const stored = storedOf(s)[p.id];
              const values =
                stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
              return p.settingsFields.meta.map((m) => ({
                key: `${p.id}.${m.key}`,
                label: m.label,
                value: values[m.key] == null ? '' : String(values[m.key]),
              }));
            }),
      }),
      viewerCanEdit: t.boolean({
        resolve: (s, _args, ctx) =>
          editableCategories(host, ctx.memberships.get(s.partnershipId)).has(s.category),
      }),
      onTailoredList: t.boolean({
        description: 'Whether it is on this plan’s tailored list.',
        args: { planId: t.arg.id({ required: true }) },
        resolve: async (s, { planId }) => {
          const id = idOf('Plan', String(planId));
          if (!id) return false;
          return (
            (await host.prisma.planSetting.count({ where: { planId: id, settingId: s.id } })) > 0
          );
        },
      }),
    }),
  });

  const whereOf = (
    partnershipId: string,
    args: {
      category?: SettingCategory | null;
      needArea?: string | null;
      search?: string | null;
      includeClosed?: boolean | null;
      planId?: string | number | null;
      onTailoredList?: boolean | null;
    },
  ) =>
    settingsWhere(partnershipId, {
      category: args.category ?? null,
      needArea: args.needArea ?? null,
      search: args.search?.slice(0, 100) ?? null,
      includeClosed: args.includeClosed ?? false,
      planId: args.planId ? idOf('Plan', String(args.planId)) : null,
      onTailoredList: args.onTailoredList ?? null,
    });

  builder.prismaObjectFields('Partnership', (t) => ({
    settings: t.prismaConnection(
      {
        type: 'Setting',
        cursor: 'id',
        description:
          'The settings directory, by category then name: open settings unless includeClosed. Every member reads it.',
        args: {
          category: t.arg({ type: CategoryEnum }),
          needArea: t.arg({ type: NeedAreaEnum }),
          search: t.arg.string({
            description: 'Part of the name, the URN or the postcode’s start.',
          }),
          includeClosed: t.arg.boolean(),
          planId: t.arg.id({
            description: 'With onTailoredList: only those on (or off) this plan’s list.',
          }),
          onTailoredList: t.arg.boolean(),
        },
        totalCount: (partnership, args) =>
          host.prisma.setting.count({ where: whereOf(partnership.id, args) }),
        resolve: (query, partnership, args) =>
          host.prisma.setting.findMany({
            ...query,
            where: whereOf(partnership.id, args),
            orderBy: SETTINGS_ORDER,
          }),
      },
      { name: 'SettingConnection' },
    ),
    viewerSettingsCategories: t.field({
      type: [CategoryEnum],
      description:
        'The categories of setting the viewer may change: all for the partnership lead; for section editors, those of the plugins whose sections their organisation owns.',
      resolve: (p, _args, ctx) => [...editableCategories(host, ctx.memberships.get(p.id))],
    }),
    settingsFieldDefinitions: t.field({
      type: [PluginFieldsDefinitionRef],
      description: 'The fields installed plugins add to settings.',
      resolve: () => definitions(),
    }),
  }));

  builder.prismaObjectField('Plan', 'tailoredList', (t) =>
    t.prismaField({
      type: ['Setting'],
      description:
        'The open settings on this plan’s tailored list now, by category then name (a published version shows the list it froze).',
      resolve: (query, plan) =>
        host.prisma.setting.findMany({
          ...query,
          where: { onPlans: { some: { planId: plan.id } }, closedAt: null },
          orderBy: SETTINGS_ORDER,
        }),
    }),
  );

  // ---- Import ------------------------------------------------------------------------------------
  const ActionEnum = builder.enumType('SettingsImportAction', {
    values: ['ADD', 'CHANGE', 'UNCHANGED'] as const,
  });
  const RowErrorRef = builder.objectRef<ImportRowError>('SettingsImportRowError').implement({
    description: 'A problem with one row of the file, as ImportRowError for observation imports.',
    fields: (t) => ({
      row: t.exposeInt('row', {
        description: 'The row number as in the file (1 is the header; 0: the whole file).',
      }),
      column: t.exposeString('column', { nullable: true }),
      message: t.exposeString('message'),
    }),
  });
  const RowRef = builder.objectRef<SettingsImportRow>('SettingsImportRow').implement({
    fields: (t) => ({
      row: t.exposeInt('row'),
      action: t.field({ type: ActionEnum, resolve: (x) => x.action }),
      urn: t.exposeString('urn'),
      name: t.exposeString('name'),
      category: t.field({ type: CategoryEnum, resolve: (x) => x.category }),
      changes: t.exposeString('changes', { nullable: true }),
    }),
  });
  const ResultRef = builder.objectRef<SettingsImportResult>('SettingsImport').implement({
    description:
      'What importing a GIAS file did: with any row error nothing was written (applied false) and errors says why, row by row.',
    fields: (t) => ({
      fileName: t.exposeString('fileName'),
      applied: t.exposeBoolean('applied'),
      totalRows: t.exposeInt('totalRows'),
      added: t.exposeInt('added'),
      changed: t.exposeInt('changed'),
      unchanged: t.exposeInt('unchanged'),
      closed: t.exposeInt('closed', {
        description:
          'Settings the file shows closed for the first time: kept, off the published list.',
      }),
      errors: t.field({ type: [RowErrorRef], resolve: (x) => x.errors }),
      rows: t.field({ type: [RowRef], resolve: (x) => x.rows }),
    }),
  });

  const ImportSettingsInput = builder.inputType('ImportSettingsInput', {
    description:
      'The GIAS establishment download (CSV) as a multipart `file`, or (in process) as `contentBase64`. At most 20 MB.',
    fields: (t) => ({
      partnershipId: t.id({ required: true }),
      file: t.field({ type: 'File' }),
      contentBase64: t.string(),
      fileName: t.string(),
    }),
  });
  const PluginFieldInput = builder.inputType('SettingPluginFieldInput', {
    fields: (t) => ({
      key: t.string({
        required: true,
        description: '"<plugin id>.<field>", e.g. "alternative-provision.tier".',
      }),
      value: t.string({ description: 'As typed; blank or null clears it.' }),
    }),
  });
  const settingFields = (t: Parameters<Parameters<typeof builder.inputType>[1]['fields']>[0]) => ({
    urn: t.string(),
    name: t.string(),
    category: t.field({ type: CategoryEnum }),
    establishmentType: t.string(),
    phase: t.string(),
    postcode: t.string(),
    needAreas: t.field({ type: [NeedAreaEnum] }),
    ageLow: t.int(),
    ageHigh: t.int(),
    places: t.int(),
    closed: t.boolean(),
    pluginFields: t.field({ type: [PluginFieldInput] }),
  });
  const CreateSettingInput = builder.inputType('CreateSettingInput', {
    description:
      'A setting added by hand: independent special schools and AP outside the GIAS file.',
    fields: (t) => ({ partnershipId: t.id({ required: true }), ...settingFields(t) }),
  });
  const UpdateSettingInput = builder.inputType('UpdateSettingInput', {
    description:
      'Omitted fields are unchanged. A setting from GIAS takes only plugin fields here: its own facts change when its file is imported again.',
    fields: (t) => ({
      id: t.id({ required: true }),
      version: t.int({ required: true }),
      ...settingFields(t),
    }),
  });
  const RemoveSettingInput = builder.inputType('RemoveSettingInput', {
    fields: (t) => ({ id: t.id({ required: true }) }),
  });
  const SetTailoredListInput = builder.inputType('SetTailoredListInput', {
    fields: (t) => ({
      planId: t.id({ required: true }),
      add: t.idList({ description: 'Settings to put on the list.' }),
      remove: t.idList({ description: 'Settings to take off it.' }),
    }),
  });

  type RawInput = {
    urn?: string | null;
    name?: string | null;
    category?: SettingCategory | null;
    establishmentType?: string | null;
    phase?: string | null;
    postcode?: string | null;
    needAreas?: readonly string[] | null;
    ageLow?: number | null;
    ageHigh?: number | null;
    places?: number | null;
    closed?: boolean | null;
    pluginFields?: ReadonlyArray<{ key: string; value?: string | null }> | null;
  };
  const inputOf = (raw: RawInput): SettingInput => {
    const pluginFields: Record<string, Record<string, unknown>> = {};
    for (const { key, value } of raw.pluginFields ?? []) {
      const dot = key.lastIndexOf('.');
      if (dot <= 0)
        throw ValidationError.field('pluginFields', `"${key}" is not "<plugin>.<field>"`);
      (pluginFields[key.slice(0, dot)] ??= {})[key.slice(dot + 1)] = value ?? null;
    }
    const { pluginFields: _given, needAreas, ...rest } = raw;
    void _given;
    return {
      ...rest,
      ...(needAreas != null ? { needAreas: [...needAreas] } : {}),
      ...(raw.pluginFields ? { pluginFields } : {}),
    };
  };

  const common = [ValidationError, NotFoundError, ForbiddenError];
  builder.mutationFields((t) => ({
    importSettings: t.field({
      type: ResultRef,
      description:
        'Import the GIAS establishment download: settings added or updated by URN, never duplicated. A file with any problem writes nothing and reports each row.',
      errors: { types: common },
      args: { input: t.arg({ type: ImportSettingsInput, required: true }) },
      resolve: (_root, { input }, ctx) =>
        importSettings(host, ctx, { ...input, partnershipId: String(input.partnershipId) }),
    }),
    createSetting: t.field({
      type: SettingRef,
      errors: { types: common },
      args: { input: t.arg({ type: CreateSettingInput, required: true }) },
      resolve: (_root, { input }, ctx) => {
        const { partnershipId, ...rest } = input;
        return createSetting(host, ctx, String(partnershipId), inputOf(rest));
      },
    }),
    updateSetting: t.field({
      type: SettingRef,
      errors: { types: common },
      args: { input: t.arg({ type: UpdateSettingInput, required: true }) },
      resolve: (_root, { input }, ctx) => {
        const { id, version, ...rest } = input;
        return updateSetting(host, ctx, String(id), version, inputOf(rest));
      },
    }),
    removeSetting: t.field({
      type: types.PartnershipRef,
      description:
        'Remove a setting added by hand (settings from GIAS stay; closed ones leave the published list).',
      errors: { types: common },
      args: { input: t.arg({ type: RemoveSettingInput, required: true }) },
      resolve: async (_root, { input }, ctx) => {
        const { partnershipId } = await removeSetting(host, ctx, String(input.id));
        return host.prisma.partnership.findUniqueOrThrow({ where: { id: partnershipId } });
      },
    }),
    setTailoredList: t.field({
      type: types.PlanRef,
      description:
        'Put settings on the plan’s tailored list, or take them off, while the plan is a draft: publishing a version freezes the list with it.',
      errors: { types: common },
      args: { input: t.arg({ type: SetTailoredListInput, required: true }) },
      resolve: (_root, { input }, ctx) =>
        setTailoredList(host, ctx, {
          planId: String(input.planId),
          add: (input.add ?? []).map(String),
          remove: (input.remove ?? []).map(String),
        }),
    }),
  }));
}
