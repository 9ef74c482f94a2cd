// Generates a section's GraphQL from its declared fields:
//   type <Pascal>Section { …fields }              (+ <Pascal>Section<Field> for groups, …Item for lists)
//   Section.<camelKey>: <Pascal>Section            (null on other sections)
//   input Update<Pascal>SectionInput { planId, version, …fields }   validated by fields.updateSchema
//   updateXSection(input) → MutationUpdate<Pascal>SectionResult      (section write errors)
import type {
  CoreRefs,
  CountProtector,
  LipBuilder,
  PublishedFieldText,
  SectionView,
} from '@lip/core';
import {
  govukDate,
  type Field,
  type FieldMeta,
  type FieldSet,
  type FieldShape,
} from '../fields.ts';
import { sectionNames } from '../naming.ts';
import { mergeSectionValues } from './merge.ts';

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

type Values = Record<string, unknown>;

// Pothos's field builders are typed per call site; these generated fields are dynamic (one per
// declared field), so the builder and refs are handled through this narrow untyped view.
/* eslint-disable @typescript-eslint/no-explicit-any -- dynamic Pothos types, see above */
type Loose = any;

const ENUM_VALUE = /^[A-Z][A-Z0-9_]*$/;

function scalarType(def: Field): string | null {
  switch (def.kind) {
    case 'integer':
      return 'Int';
    case 'decimal':
    case 'money':
    case 'metricTarget':
      return 'Float';
    case 'boolean':
      return 'Boolean';
    case 'group':
    case 'list':
    case 'choice':
      return null;
    default:
      return 'String';
  }
}

function describe(def: Field): string {
  const text = def.hint ? `${def.label}. ${def.hint}` : def.label;
  return def.kind === 'metricTarget'
    ? `${text} (The plan's target of metric ${def.metric ?? ''}: read from and written to the metric target.)`
    : text;
}

/** Adds the generated GraphQL of one section. */
export function registerSectionFields(
  builder: LipBuilder,
  refs: CoreRefs,
  sectionKey: string,
  fields: FieldSet<FieldShape>,
): void {
  const b = builder as Loose;
  const names = sectionNames(sectionKey);
  // Which partnership a value belongs to, for the types' auth rule.
  const owner = new WeakMap<object, string>();
  const tag = (value: Values, partnershipId: string): Values => {
    owner.set(value, partnershipId);
    for (const v of Object.values(value)) {
      if (Array.isArray(v))
        v.forEach((row) => row && typeof row === 'object' && tag(row as Values, partnershipId));
      else if (v && typeof v === 'object') tag(v as Values, partnershipId);
    }
    return value;
  };
  const authScopes = (value: object) => ({ member: owner.get(value) ?? '' });

  const enums = new Map<string, unknown>();
  const choiceType = (typeName: string, name: string, def: Field): unknown => {
    const options = def.options ?? [];
    if (!options.every((o) => ENUM_VALUE.test(o.value))) return 'String';
    const enumName = `${typeName}${upperFirst(name)}`;
    if (!enums.has(enumName)) {
      enums.set(
        enumName,
        b.enumType(enumName, {
          description: def.label,
          values: Object.fromEntries(
            options.map((o) => [o.value, { value: o.value, description: o.label }]),
          ),
        }),
      );
    }
    return enums.get(enumName);
  };

  const objectType = (
    typeName: string,
    shape: FieldShape,
    description: string,
    item = false,
  ): unknown =>
    b.objectRef(typeName).implement({
      description,
      authScopes,
      fields: (t: Loose) => ({
        ...(item
          ? {
              id: t.id({
                description: "The item's stable id (what a merge names it by).",
                resolve: (parent: Values) => parent['id'],
              }),
            }
          : {}),
        ...Object.fromEntries(
          Object.entries(shape).map(([name, def]) => {
            const resolve = (parent: Values) => parent[name];
            if (def.kind === 'group') {
              const ref = objectType(`${typeName}${upperFirst(name)}`, def.fields ?? {}, def.label);
              return [name, t.field({ type: ref, description: describe(def), resolve })];
            }
            if (def.kind === 'list') {
              const ref = objectType(
                `${typeName}${upperFirst(name)}Item`,
                def.fields ?? {},
                def.itemLabel ?? def.label,
                true,
              );
              return [name, t.field({ type: [ref], description: describe(def), resolve })];
            }
            const type = def.kind === 'choice' ? choiceType(typeName, name, def) : scalarType(def);
            return [name, t.field({ type, nullable: true, description: describe(def), resolve })];
          }),
        ),
      }),
    });

  // Nested input types (groups, list items) are shared by the update and its base values.
  const nested = new Map<string, unknown>();
  const inputFields = (t: Loose, prefix: string, shape: FieldShape, item: boolean) => ({
    ...(item
      ? {
          id: t.id({
            description: "The item's id as read; omit it on a new item (the server gives one).",
          }),
        }
      : {}),
    ...Object.fromEntries(
      Object.entries(shape).map(([name, def]) => {
        if (def.kind === 'group') {
          const ref = nestedInput(`${prefix}${upperFirst(name)}Input`, def.fields ?? {}, false);
          return [name, t.field({ type: ref, description: describe(def) })];
        }
        if (def.kind === 'list') {
          const ref = nestedInput(`${prefix}${upperFirst(name)}ItemInput`, def.fields ?? {}, true);
          return [name, t.field({ type: [ref], description: describe(def) })];
        }
        const type = def.kind === 'choice' ? choiceType(prefix, name, def) : scalarType(def);
        return [name, t.field({ type, description: describe(def) })];
      }),
    ),
  });
  const nestedInput = (typeName: string, shape: FieldShape, item: boolean): unknown => {
    if (!nested.has(typeName)) {
      nested.set(typeName, null);
      const prefix = typeName.replace(/Input$/, '');
      nested.set(
        typeName,
        b.inputType(typeName, { fields: (t: Loose) => inputFields(t, prefix, shape, item) }),
      );
    }
    return nested.get(typeName);
  };

  const inputType = (typeName: string): unknown =>
    b.inputType(typeName, {
      description:
        'An omitted field (also inside a group) is unchanged; null or blank clears it. A list is sent whole, its items with the ids they were read with.',
      validate: fields.updateSchema,
      fields: (t: Loose) => ({
        planId: t.id({ required: true }),
        version: t.int({
          required: true,
          description: "The section's version the client read (0 if never written).",
        }),
        base: t.field({
          type: BaseInput,
          description:
            'The values the client read of the fields it changes. With it a stale version still saves the fields nobody else changed since; without it a stale version saves only values already stored.',
        }),
        ...inputFields(t, names.type, fields.shape, false),
      }),
    });

  // Choice enums are named after the output type's field; make the output first.
  const SectionType = objectType(
    names.type,
    fields.shape,
    `The ${sectionKey} section's own fields.`,
  );

  builder.objectField(refs.SectionRef, names.field, (t) =>
    (t as Loose).field({
      type: SectionType,
      nullable: true,
      description: `The ${sectionKey} section's fields; null on other sections.`,
      authScopes: (section: SectionView) => ({ member: section.plan.partnershipId }),
      resolve: async (section: SectionView) =>
        section.definition.key === sectionKey
          ? tag(
              await refs.withMetricTargets(section, fields.read(refs.readSectionData(section))),
              section.plan.partnershipId,
            )
          : null,
    }),
  );

  const BaseInput = b.inputType(`${names.type}ValuesInput`, {
    description: `The ${sectionKey} section's values as a client read them (the base of a merge).`,
    fields: (t: Loose) => inputFields(t, names.type, fields.shape, false),
  });

  const Input = inputType(names.input);
  const shapeKeys = Object.keys(fields.shape);

  builder.mutationField(names.mutation, (t) =>
    (t as Loose).field({
      type: refs.SectionRef,
      description: `Changes the ${sectionKey} section's fields, if \`version\` is current.`,
      // Signed in to try; writeSectionData then checks the section's owners and the plan state.
      authScopes: { signedIn: true },
      errors: { types: refs.sectionWriteErrors },
      args: { input: (t as Loose).arg({ type: Input, required: true }) },
      resolve: async (_root: unknown, { input }: { input: Values }, ctx: Loose) => {
        // Validated input (blank → null, numbers parsed): keep only the declared fields given.
        const parsed = fields.updateSchema.parse(input) as Values;
        const data: Values = {};
        for (const key of shapeKeys) if (parsed[key] !== undefined) data[key] = parsed[key];
        // Metric target fields go to the plan's metric targets, never into the section's data.
        const targets = takeTargets(fields, data);
        const base = input.base as Values | null | undefined;
        return refs.writeSectionData(ctx, {
          planId: String(input.planId),
          sectionKey,
          version: Number(input.version),
          data,
          ...(Object.keys(targets).length > 0 ? { targets } : {}),
          mergeInto: (saved, atVersion) => {
            // Stored values as read (lists with their ids), beside any keys no longer declared.
            const stored = { ...saved, ...fields.read(saved) };
            const merged = mergeSectionValues(
              fields,
              stored,
              data,
              atVersion ? stored : (base ?? undefined),
            );
            // Metric target fields (read as null) are never stored with the section.
            if ('data' in merged) takeTargets(fields, merged.data);
            return merged;
          },
        });
      },
    }),
  );
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/**
 * Takes the metric target fields' values out of a parsed update (changing `data`): by dotted path,
 * those given only. A group left with no field is dropped.
 */
function takeTargets(fields: FieldSet<FieldShape>, data: Values): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const { path } of fields.metricTargets) {
    const parts = path.split('.');
    const holders: Values[] = [data];
    for (const part of parts.slice(0, -1)) {
      const next = holders[holders.length - 1]![part];
      if (!next || typeof next !== 'object' || Array.isArray(next)) break;
      holders.push(next as Values);
    }
    if (holders.length !== parts.length) continue;
    const holder = holders[holders.length - 1]!;
    const last = parts[parts.length - 1]!;
    if (holder[last] === undefined) continue;
    const value = holder[last];
    out[path] = typeof value === 'number' ? value : null;
    delete holder[last];
    if (parts.length > 1 && Object.keys(holder).length === 0) {
      const parent = holders[holders.length - 2]!;
      delete parent[parts[parts.length - 2]!];
    }
  }
  return out;
}

// ------------------------------------------------------------------------- frozen versions' text

function describeValue(meta: FieldMeta, value: unknown): string {
  if (value === null || value === undefined) return '';
  switch (meta.kind) {
    case 'boolean':
      return value === true ? 'Yes' : value === false ? 'No' : '';
    case 'date':
      return typeof value === 'string' || value instanceof Date ? govukDate(value) : '';
    case 'money': {
      const n = Number(value);
      return Number.isFinite(n)
        ? `£${n.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`
        : '';
    }
    case 'choice':
      return meta.options?.find((o) => o.value === value)?.label ?? String(value);
    case 'group': {
      const record = value as Values;
      return (meta.fields ?? [])
        .map((f) => [f.label, describeValue(f, record[f.name])] as const)
        .filter(([, text]) => text !== '')
        .map(([label, text]) => `${label}: ${text}`)
        .join('\n');
    }
    // One "Label: value" per line and a blank line between rows: readers (and the published
    // page, which keeps the breaks) see each part on its own, not run together as prose.
    case 'list':
      return Array.isArray(value)
        ? value
            .map((row) => describeValue({ ...meta, kind: 'group' }, row))
            .filter((t) => t !== '')
            .join('\n\n')
        : '';
    default:
      return String(value);
  }
}

/** A section's values as labelled text a person reads, in declaration order (what a version freezes). */
export function describeFieldValues(
  meta: readonly FieldMeta[],
  values: Values,
): Array<{ key: string; label: string; value: string }> {
  return withoutTargets(meta).map((m) => ({
    key: m.name,
    label: m.label,
    value: describeValue(m, values[m.name]),
  }));
}

// ------------------------------------------------------------------------- published versions' text

/** Whether a field's value is published under disclosure control (integers not marked public). */
const isCount = (meta: FieldMeta): boolean =>
  meta.kind === 'integer' && meta.publication !== 'public';

/**
 * Without metric target fields, at any depth: a version and a publication give each target once,
 * from the plan's metric targets (decision 027), not again as section text.
 */
function withoutTargets(meta: readonly FieldMeta[]): FieldMeta[] {
  return meta
    .filter((m) => m.kind !== 'metricTarget')
    .map((m) => (m.fields ? { ...m, fields: withoutTargets(m.fields) } : m));
}

/** The fields as published: without not-for-publication fields, at any depth. */
function publishedMeta(meta: readonly FieldMeta[]): FieldMeta[] {
  return withoutTargets(meta)
    .filter((m) => !m.notForPublication)
    .map((m) => (m.fields ? { ...m, fields: publishedMeta(m.fields) } : m));
}

interface CountCell {
  holder: Values;
  name: string;
}

/**
 * A section's values as they may be published, in declaration order: not-for-publication fields
 * left out, and counts of children through `protect`, one call per count group (a list row's
 * counts; fields sharing a `countGroup`; any other count on its own). An integer field not marked
 * `public` is treated as a count. Pure: `values` is not changed.
 */
export function publishFieldValues(
  meta: readonly FieldMeta[],
  values: Values,
  protect: CountProtector,
): PublishedFieldText[] {
  const copy = structuredClone(values);
  const shown = publishedMeta(meta);
  const groups = new Map<string, CountCell[]>();
  const add = (key: string, cell: CountCell) => groups.set(key, [...(groups.get(key) ?? []), cell]);
  const visit = (
    fields: readonly FieldMeta[],
    holder: Values,
    path: string,
    row: string | null,
  ) => {
    for (const m of fields) {
      const value = holder[m.name];
      if (m.kind === 'group' && value && typeof value === 'object')
        visit(m.fields ?? [], value as Values, `${path}${m.name}.`, row);
      else if (m.kind === 'list' && Array.isArray(value))
        value.forEach((item: Values, index) =>
          visit(m.fields ?? [], item, `${path}${m.name}[${index}].`, `${path}${m.name}[${index}]`),
        );
      else if (isCount(m)) {
        const cell = { holder, name: m.name };
        if (row !== null) add(`row:${row}`, cell);
        else if (m.countGroup) add(`group:${m.countGroup}`, cell);
        else add(`field:${path}${m.name}`, cell);
      }
    }
  };
  visit(shown, copy, '', null);
  const suppressedIn = new Set<Values>();
  for (const cells of groups.values()) {
    const counts = cells.map(({ holder, name }) => {
      const value = holder[name];
      return typeof value === 'number' ? value : null;
    });
    protect(counts).forEach((published, index) => {
      const { holder, name } = cells[index]!;
      holder[name] = published;
      if (published === 'c') suppressedIn.add(holder);
    });
  }
  return shown.map((m) => {
    const field: PublishedFieldText = {
      key: m.name,
      label: m.label,
      value: describeValue(m, copy[m.name]),
    };
    if (containsSuppressed(copy[m.name], suppressedIn) || (isCount(m) && copy[m.name] === 'c'))
      field.symbol = 'c';
    return field;
  });
}

function containsSuppressed(value: unknown, suppressedIn: Set<Values>): boolean {
  if (Array.isArray(value)) return value.some((v) => containsSuppressed(v, suppressedIn));
  if (value && typeof value === 'object') {
    if (suppressedIn.has(value as Values)) return true;
    return Object.values(value).some((v) => containsSuppressed(v, suppressedIn));
  }
  return false;
}
