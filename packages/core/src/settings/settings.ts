// The settings directory: importing the GIAS file (checked whole, then written in one transaction,
// or nothing written), settings added by hand, plugin fields, reading with filters, and each plan's
// tailored list. See docs/api-settings.md.
import { type Prisma, type Setting, type SettingCategory } from '@lip/db';
import type { RequestContext } from '../context.ts';
import { ForbiddenError, NotFoundError, ValidationError, type FieldError } from '../errors.ts';
import type { CoreHost } from '../host.ts';
import { idOf } from '../ids.ts';
import { MAX_IMPORT_BYTES, type ImportRowError } from '../metrics/import.ts';
import { appendAudit } from '../services/audit.ts';
import { authorizeSettings, CATEGORY_WORDS, editableCategories } from './access.ts';
import { isClosedStatus, readGiasFile, type GiasSetting } from './gias.ts';

export const NEED_AREA_CODES = ['CI', 'CL', 'SEMH', 'SP'] as const;

export type SettingsImportAction = 'ADD' | 'CHANGE' | 'UNCHANGED';

export interface SettingsImportRow {
  row: number;
  action: SettingsImportAction;
  urn: string;
  name: string;
  category: SettingCategory;
  /** What changed, e.g. "status, places". */
  changes: string | null;
}

export interface SettingsImportResult {
  fileName: string;
  /** Rows after the header. */
  totalRows: number;
  /** True when the file was written; false when it had problems (then nothing was written). */
  applied: boolean;
  added: number;
  changed: number;
  unchanged: number;
  /** Settings the file shows closed for the first time (kept, off the published list). */
  closed: number;
  errors: ImportRowError[];
  rows: SettingsImportRow[];
}

export interface UploadSettingsArgs {
  partnershipId: string;
  file?: File | null;
  fileName?: string | null;
  contentBase64?: string | null;
}

function partnershipIdOf(ctx: RequestContext, globalId: string): string {
  const id = idOf('Partnership', globalId);
  if (!id || !ctx.memberships.has(id)) throw new NotFoundError('Partnership');
  return id;
}

async function bytesOf(
  input: UploadSettingsArgs,
): Promise<{ bytes: Uint8Array; fileName: string }> {
  let bytes: Uint8Array;
  let fileName: string;
  const tooBig = () => ValidationError.field('file', 'The file must be smaller than 20 MB');
  if (input.file) {
    if (input.file.size > MAX_IMPORT_BYTES) throw tooBig();
    bytes = new Uint8Array(await input.file.arrayBuffer());
    fileName = input.fileName?.trim() || input.file.name || 'establishments.csv';
  } else if (input.contentBase64 != null) {
    if (input.contentBase64.length > Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 4) throw tooBig();
    bytes = Buffer.from(input.contentBase64, 'base64');
    fileName = input.fileName?.trim() || 'establishments.csv';
  } else {
    throw ValidationError.field('file', 'Select a CSV file');
  }
  if (bytes.length === 0) throw ValidationError.field('file', 'The selected file is empty');
  if (bytes.length > MAX_IMPORT_BYTES) throw tooBig();
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  fileName = fileName.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 200) || 'establishments.csv';
  return { bytes, fileName };
}

/** Values a plugin reads from the GIAS row (`fromGias`), checked by its own field definitions. */
function pluginValuesFromGias(
  host: CoreHost,
  setting: GiasSetting,
  existing: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...existing };
  for (const plugin of host.settingsPlugins) {
    const { fromGias, categories, validate } = plugin.settingsFields;
    if (!fromGias || !categories.includes(setting.category)) continue;
    const given = fromGias(setting.values);
    const checked = validate({ ...asRecord(existing[plugin.id]), ...given });
    if (checked.ok) out[plugin.id] = checked.values;
  }
  return out;
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** What a GIAS row sets on a setting, and what differs from the stored one. */
function giasData(s: GiasSetting) {
  return {
    name: s.name,
    establishmentType: s.establishmentType,
    phase: s.phase,
    laCode: s.laCode,
    postcode: s.postcode,
    status: s.status,
    category: s.category,
    needAreas: s.needAreas,
    ageLow: s.ageLow,
    ageHigh: s.ageHigh,
    places: s.places,
    openedOn: s.openedOn,
    closedOn: s.closedOn,
  };
}

function changesOf(
  before: Setting,
  after: ReturnType<typeof giasData>,
  plugins: unknown,
): string[] {
  const changed: string[] = [];
  for (const [key, value] of Object.entries(after)) {
    const old = before[key as keyof Setting];
    const same =
      value instanceof Date || old instanceof Date
        ? day(value as Date | null) === day(old as Date | null)
        : JSON.stringify(value) === JSON.stringify(old);
    if (!same) changed.push(key);
  }
  if (JSON.stringify(plugins) !== JSON.stringify(before.pluginFields)) changed.push('pluginFields');
  return changed;
}

/**
 * Imports a GIAS establishment file: every row checked first (columns, URNs once each, the
 * partnership's local authorities, numbers and dates, the categories the viewer may change);
 * with any problem nothing is written and the result lists them by row. Otherwise settings are
 * added or updated by URN in one transaction and one audit entry. A closed establishment keeps its
 * setting (closedAt set), which leaves the published list.
 */
export async function importSettings(
  host: CoreHost,
  ctx: RequestContext,
  input: UploadSettingsArgs,
): Promise<SettingsImportResult> {
  const partnershipId = partnershipIdOf(ctx, input.partnershipId);
  const { membership, categories } = authorizeSettings(host, ctx, partnershipId);
  const { bytes, fileName } = await bytesOf(input);
  const partnership = await host.prisma.partnership.findUniqueOrThrow({
    where: { id: partnershipId },
    select: { name: true, localAuthorityCodes: true },
  });
  const file = await readGiasFile(bytes);
  const errors = [...file.errors];
  const areas = new Set(partnership.localAuthorityCodes.map((c) => c.toUpperCase()));
  for (const s of file.settings) {
    const inArea =
      (s.gssLaCode !== null && areas.has(s.gssLaCode.toUpperCase())) ||
      (s.laCode !== null && areas.has(s.laCode.toUpperCase()));
    if (!inArea)
      errors.push({
        row: s.row,
        column: s.gssLaCode !== null ? 'GSSLACode (name)' : 'LA (code)',
        message: `${s.name || `URN ${s.urn}`} is in local authority ${s.gssLaCode ?? s.laCode ?? '(none)'}, outside ${partnership.name} (${partnership.localAuthorityCodes.join(', ')}): download the file for your local authorities only`,
      });
    if (!categories.has(s.category))
      errors.push({
        row: s.row,
        column: 'TypeOfEstablishment (name)',
        message: `You cannot change ${CATEGORY_WORDS[s.category]} settings: ask the partnership lead`,
      });
  }
  errors.sort((a, b) => a.row - b.row);
  const empty = {
    fileName,
    totalRows: file.totalRows,
    added: 0,
    changed: 0,
    unchanged: 0,
    closed: 0,
  };
  if (errors.length) return { ...empty, applied: false, errors: errors.slice(0, 1000), rows: [] };
  if (file.settings.length === 0)
    return {
      ...empty,
      applied: false,
      errors: [{ row: 0, column: null, message: 'The file has no establishments in it' }],
      rows: [],
    };

  return host.prisma.$transaction(
    async (tx) => {
      const existing = await tx.setting.findMany({
        where: { partnershipId, urn: { in: file.settings.map((s) => s.urn) } },
      });
      const byUrn = new Map(existing.map((s) => [s.urn, s]));
      const rows: SettingsImportRow[] = [];
      const now = new Date();
      let closed = 0;
      for (const s of file.settings) {
        const data = giasData(s);
        const before = byUrn.get(s.urn);
        const plugins = pluginValuesFromGias(host, s, asRecord(before?.pluginFields));
        const isClosed = isClosedStatus(s.status);
        if (!before) {
          await tx.setting.create({
            data: {
              ...data,
              partnershipId,
              urn: s.urn,
              source: 'GIAS',
              closedAt: isClosed ? now : null,
              pluginFields: plugins as Prisma.InputJsonValue,
            },
          });
          if (isClosed) closed++;
          rows.push({
            row: s.row,
            action: 'ADD',
            urn: s.urn,
            name: s.name,
            category: s.category,
            changes: null,
          });
          continue;
        }
        const changes = changesOf(before, data, plugins);
        if (changes.length === 0) {
          rows.push({
            row: s.row,
            action: 'UNCHANGED',
            urn: s.urn,
            name: s.name,
            category: s.category,
            changes: null,
          });
          continue;
        }
        const closesNow = isClosed && before.closedAt === null;
        if (closesNow) closed++;
        await tx.setting.update({
          where: { id: before.id },
          data: {
            ...data,
            source: 'GIAS',
            pluginFields: plugins as Prisma.InputJsonValue,
            closedAt: isClosed ? (before.closedAt ?? now) : null,
            version: { increment: 1 },
          },
        });
        rows.push({
          row: s.row,
          action: 'CHANGE',
          urn: s.urn,
          name: s.name,
          category: s.category,
          changes: changes.join(', '),
        });
      }
      const count = (action: SettingsImportAction) =>
        rows.filter((r) => r.action === action).length;
      const result: SettingsImportResult = {
        fileName,
        totalRows: file.totalRows,
        applied: true,
        added: count('ADD'),
        changed: count('CHANGE'),
        unchanged: count('UNCHANGED'),
        closed,
        errors: [],
        rows,
      };
      await appendAudit(tx, ctx, membership, {
        partnershipId,
        planId: null,
        entityType: 'SettingsImport',
        entityId: partnershipId,
        action: 'import',
        after: { fileName, added: result.added, changed: result.changed, closed },
      });
      return result;
    },
    { timeout: 60_000 },
  );
}

// ---- Settings added by hand --------------------------------------------------------------------

export interface SettingInput {
  urn?: string | null;
  name?: string | null;
  category?: SettingCategory | null;
  establishmentType?: string | null;
  phase?: string | null;
  postcode?: string | null;
  needAreas?: string[] | null;
  ageLow?: number | null;
  ageHigh?: number | null;
  places?: number | null;
  /** Closed: it stays in the directory and leaves the published list. */
  closed?: boolean | null;
  /** By plugin id: { "alternative-provision": { "tier": "2" } }. */
  pluginFields?: Record<string, unknown> | null;
}

const POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/;

function checkInput(
  host: CoreHost,
  input: SettingInput,
  category: SettingCategory,
  stored: Record<string, unknown>,
): { errors: FieldError[]; pluginFields: Record<string, unknown> } {
  const errors: FieldError[] = [];
  const at = (path: string, message: string) => errors.push({ path: [path], message });
  if (input.name !== undefined) {
    const name = input.name?.trim() ?? '';
    if (!name) at('name', 'Enter the name of the setting');
    else if (name.length > 200) at('name', 'The name must be 200 characters or fewer');
  }
  for (const [key, label] of [
    ['establishmentType', 'The type of provision'],
    ['phase', 'The phase'],
  ] as const)
    if ((input[key]?.trim().length ?? 0) > 200) at(key, `${label} must be 200 characters or fewer`);
  if (input.urn != null && input.urn.trim() !== '' && !/^\d{5,7}$/.test(input.urn.trim()))
    at('urn', 'The URN must be 5 to 7 digits, like 100000');
  if (input.postcode != null && input.postcode.trim() !== '') {
    if (!POSTCODE.test(input.postcode.trim().toUpperCase()))
      at('postcode', 'Enter a real postcode, like NS1 2AB');
  }
  for (const area of input.needAreas ?? [])
    if (!(NEED_AREA_CODES as readonly string[]).includes(area))
      at('needAreas', 'Choose areas of need from the list');
  for (const [key, label] of [
    ['ageLow', 'The lowest age'],
    ['ageHigh', 'The highest age'],
  ] as const) {
    const value = input[key];
    if (value != null && (!Number.isInteger(value) || value < 0 || value > 25))
      at(key, `${label} must be a whole number from 0 to 25`);
  }
  if (input.ageLow != null && input.ageHigh != null && input.ageLow > input.ageHigh)
    at('ageHigh', 'The highest age must be the same as or more than the lowest age');
  if (
    input.places != null &&
    (!Number.isInteger(input.places) || input.places < 0 || input.places > 100_000)
  )
    at('places', 'Places must be a whole number, 0 or more');
  const pluginFields: Record<string, unknown> = { ...stored };
  const given = input.pluginFields ?? {};
  for (const pluginId of Object.keys(given))
    if (!host.settingsPlugins.some((p) => p.id === pluginId))
      at(`pluginFields.${pluginId}`, `No installed plugin "${pluginId}" adds settings fields`);
  for (const plugin of host.settingsPlugins) {
    if (!(plugin.id in given)) continue;
    if (!plugin.settingsFields.categories.includes(category)) {
      at(
        `pluginFields.${plugin.id}`,
        `These fields are not asked for ${CATEGORY_WORDS[category]} settings`,
      );
      continue;
    }
    const checked = plugin.settingsFields.validate({
      ...asRecord(stored[plugin.id]),
      ...asRecord(given[plugin.id]),
    });
    if (checked.ok) pluginFields[plugin.id] = checked.values;
    else
      for (const e of checked.errors)
        errors.push({ path: ['pluginFields', plugin.id, ...e.path], message: e.message });
  }
  return { errors, pluginFields };
}

export async function createSetting(
  host: CoreHost,
  ctx: RequestContext,
  globalPartnershipId: string,
  input: SettingInput,
): Promise<Setting> {
  const partnershipId = partnershipIdOf(ctx, globalPartnershipId);
  if (!input.category) throw ValidationError.field('category', 'Choose the kind of setting');
  const { membership } = authorizeSettings(host, ctx, partnershipId, input.category);
  const { errors, pluginFields } = checkInput(
    host,
    { ...input, name: input.name ?? '' },
    input.category,
    {},
  );
  if (errors.length) throw new ValidationError(errors);
  const urn = input.urn?.trim() || null;
  return host.prisma.$transaction(async (tx) => {
    if (urn && (await tx.setting.findFirst({ where: { partnershipId, urn } })))
      throw ValidationError.field('urn', `A setting with URN ${urn} is already in the directory`);
    const setting = await tx.setting.create({
      data: {
        partnershipId,
        urn,
        name: (input.name ?? '').trim(),
        category: input.category!,
        establishmentType: input.establishmentType?.trim() || null,
        phase: input.phase?.trim() || null,
        postcode: input.postcode?.trim().toUpperCase() || null,
        status: input.closed ? 'Closed' : 'Open',
        closedAt: input.closed ? new Date() : null,
        needAreas: input.needAreas ?? [],
        ageLow: input.ageLow ?? null,
        ageHigh: input.ageHigh ?? null,
        places: input.places ?? null,
        source: 'MANUAL',
        pluginFields: pluginFields as Prisma.InputJsonValue,
      },
    });
    await appendAudit(tx, ctx, membership, {
      partnershipId,
      planId: null,
      entityType: 'Setting',
      entityId: setting.id,
      action: 'create',
      after: setting,
    });
    return setting;
  });
}

async function visibleSetting(host: CoreHost, ctx: RequestContext, globalId: string) {
  const id = idOf('Setting', globalId);
  const setting = id
    ? await host.prisma.setting.findFirst({
        where: { id, partnershipId: { in: [...ctx.memberships.keys()] } },
      })
    : null;
  if (!setting) throw new NotFoundError('Setting');
  return setting;
}

export class SettingConflictError extends ForbiddenError {}

export async function updateSetting(
  host: CoreHost,
  ctx: RequestContext,
  globalId: string,
  version: number,
  input: SettingInput,
): Promise<Setting> {
  const before = await visibleSetting(host, ctx, globalId);
  const { membership } = authorizeSettings(host, ctx, before.partnershipId, before.category);
  const category = input.category ?? before.category;
  if (category !== before.category) authorizeSettings(host, ctx, before.partnershipId, category);
  if (before.source === 'GIAS') {
    // What GIAS says is changed by importing its file again: only plugin fields are ours.
    const giasOwned = (
      [
        'urn',
        'name',
        'category',
        'establishmentType',
        'phase',
        'postcode',
        'ageLow',
        'ageHigh',
        'places',
        'closed',
      ] as const
    ).filter((k) => input[k] !== undefined && input[k] !== null);
    if (giasOwned.length)
      throw ValidationError.field(
        giasOwned[0]!,
        'This setting comes from Get Information about Schools: import the new GIAS file to change it',
      );
  }
  const { errors, pluginFields } = checkInput(host, input, category, asRecord(before.pluginFields));
  if (errors.length) throw new ValidationError(errors);
  return host.prisma.$transaction(async (tx) => {
    const urn = input.urn === undefined ? undefined : input.urn?.trim() || null;
    if (
      urn &&
      urn !== before.urn &&
      (await tx.setting.findFirst({ where: { partnershipId: before.partnershipId, urn } }))
    )
      throw ValidationError.field('urn', `A setting with URN ${urn} is already in the directory`);
    const closed = input.closed == null ? undefined : input.closed;
    const result = await tx.setting.updateMany({
      where: { id: before.id, version },
      data: {
        ...(urn !== undefined ? { urn } : {}),
        ...(input.name != null ? { name: input.name.trim() } : {}),
        category,
        ...(input.establishmentType !== undefined
          ? { establishmentType: input.establishmentType?.trim() || null }
          : {}),
        ...(input.phase !== undefined ? { phase: input.phase?.trim() || null } : {}),
        ...(input.postcode !== undefined
          ? { postcode: input.postcode?.trim().toUpperCase() || null }
          : {}),
        ...(input.needAreas != null ? { needAreas: input.needAreas } : {}),
        ...(input.ageLow !== undefined ? { ageLow: input.ageLow } : {}),
        ...(input.ageHigh !== undefined ? { ageHigh: input.ageHigh } : {}),
        ...(input.places !== undefined ? { places: input.places } : {}),
        ...(closed !== undefined
          ? {
              status: closed ? 'Closed' : 'Open',
              closedAt: closed ? (before.closedAt ?? new Date()) : null,
            }
          : {}),
        pluginFields: pluginFields as Prisma.InputJsonValue,
        version: { increment: 1 },
      },
    });
    if (result.count === 0)
      throw new SettingConflictError(
        'Someone else changed this setting while you were editing it: check it and try again',
      );
    const after = await tx.setting.findUniqueOrThrow({ where: { id: before.id } });
    await appendAudit(tx, ctx, membership, {
      partnershipId: before.partnershipId,
      planId: null,
      entityType: 'Setting',
      entityId: before.id,
      action: 'update',
      before,
      after,
    });
    return after;
  });
}

/** Removes a setting added by hand. A GIAS setting stays (closed when GIAS says so). */
export async function removeSetting(
  host: CoreHost,
  ctx: RequestContext,
  globalId: string,
): Promise<{ partnershipId: string }> {
  const before = await visibleSetting(host, ctx, globalId);
  const { membership } = authorizeSettings(host, ctx, before.partnershipId, before.category);
  if (before.source === 'GIAS')
    throw new ForbiddenError(
      'Settings from Get Information about Schools stay in the directory: when GIAS shows one closed, it leaves the published list',
    );
  await host.prisma.$transaction(async (tx) => {
    await tx.setting.delete({ where: { id: before.id } });
    await appendAudit(tx, ctx, membership, {
      partnershipId: before.partnershipId,
      planId: null,
      entityType: 'Setting',
      entityId: before.id,
      action: 'remove',
      before,
    });
  });
  return { partnershipId: before.partnershipId };
}

// ---- Reading -----------------------------------------------------------------------------------

export interface SettingsFilter {
  category?: SettingCategory | null;
  needArea?: string | null;
  /** Part of the name, URN or postcode. */
  search?: string | null;
  includeClosed?: boolean | null;
  /** Only those on (true) or off (false) this plan's tailored list. */
  planId?: string | null;
  onTailoredList?: boolean | null;
}

export function settingsWhere(
  partnershipId: string,
  filter: SettingsFilter,
): Prisma.SettingWhereInput {
  const search = filter.search?.trim();
  return {
    partnershipId,
    ...(filter.category ? { category: filter.category } : {}),
    ...(filter.needArea ? { needAreas: { has: filter.needArea } } : {}),
    ...(filter.includeClosed ? {} : { closedAt: null }),
    ...(search
      ? {
          OR: [
            { name: { contains: search, mode: 'insensitive' } },
            { urn: search },
            { postcode: { startsWith: search.toUpperCase() } },
          ],
        }
      : {}),
    ...(filter.planId && filter.onTailoredList != null
      ? {
          onPlans: filter.onTailoredList
            ? { some: { planId: filter.planId } }
            : { none: { planId: filter.planId } },
        }
      : {}),
  };
}

export const SETTINGS_ORDER: Prisma.SettingOrderByWithRelationInput[] = [
  { category: 'asc' },
  { name: 'asc' },
  { id: 'asc' },
];

// ---- The tailored list -------------------------------------------------------------------------

/**
 * Puts settings on a plan's tailored list or takes them off, while the plan is a draft (its
 * published versions keep the list they froze). Each setting must be the plan's partnership's
 * and of a category the viewer may change.
 */
export async function setTailoredList(
  host: CoreHost,
  ctx: RequestContext,
  input: { planId: string; add: readonly string[]; remove: readonly string[] },
) {
  const planId = idOf('Plan', input.planId);
  const plan = planId
    ? await host.prisma.plan.findFirst({
        where: { id: planId, partnershipId: { in: [...ctx.memberships.keys()] } },
      })
    : null;
  if (!plan) throw new NotFoundError('Plan');
  const membership = ctx.memberships.get(plan.partnershipId);
  const categories = editableCategories(host, membership);
  if (categories.size === 0)
    throw new ForbiddenError('You can view the tailored list but you cannot change it');
  if (plan.archivedAt) throw new ForbiddenError('This plan is archived, so it cannot be changed');
  if (plan.state !== 'DRAFT')
    throw new ForbiddenError(
      'This plan is no longer a draft, so its tailored list cannot be changed: start a revision first',
    );
  const ids = (list: readonly string[]) =>
    list.map((g) => {
      const id = idOf('Setting', g);
      if (!id) throw ValidationError.field('settingIds', 'Choose settings from the directory');
      return id;
    });
  const add = ids(input.add);
  const remove = ids(input.remove);
  const settings = await host.prisma.setting.findMany({
    where: { id: { in: [...add, ...remove] }, partnershipId: plan.partnershipId },
    select: { id: true, category: true, closedAt: true, name: true },
  });
  if (settings.length !== new Set([...add, ...remove]).size)
    throw ValidationError.field('settingIds', 'Choose settings from this partnership’s directory');
  for (const s of settings)
    if (!categories.has(s.category))
      throw new ForbiddenError(`You cannot change ${CATEGORY_WORDS[s.category]} settings`);
  const closed = settings.find((s) => add.includes(s.id) && s.closedAt);
  if (closed) throw ValidationError.field('settingIds', `${closed.name} is closed`);
  await host.prisma.$transaction(async (tx) => {
    await tx.planSetting.deleteMany({ where: { planId: plan.id, settingId: { in: remove } } });
    await tx.planSetting.createMany({
      data: add.map((settingId) => ({ planId: plan.id, settingId })),
      skipDuplicates: true,
    });
    await appendAudit(tx, ctx, membership, {
      partnershipId: plan.partnershipId,
      planId: plan.id,
      entityType: 'TailoredList',
      entityId: plan.id,
      action: 'update',
      after: { added: add, removed: remove },
    });
  });
  return plan;
}
