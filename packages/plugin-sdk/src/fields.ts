// `@lip/plugin-sdk/fields`: a section's typed fields, declared once and shared by the server
// (GraphQL types, input validation, readiness checks) and the UI (labels, hints, form).
// Browser-safe: depends on zod only.
import { z } from 'zod';

export type FieldKind =
  | 'text'
  | 'longText'
  | 'url'
  | 'email'
  | 'integer'
  | 'decimal'
  | 'money'
  | 'date'
  | 'boolean'
  | 'choice'
  | 'group'
  | 'list'
  | 'metricTarget';

interface BaseOptions {
  /** Shown to people, e.g. "ICB executive lead for SEND". Also used in messages. */
  label: string;
  hint?: string;
  /** Null (not written) is refused with "Enter <label>". Default false. */
  required?: boolean;
  /**
   * Kept out of every published and exported version (HTML, DOCX, CSV, JSON), e.g. a named
   * officer's direct email. Members' own pages still show it. Default false.
   */
  notForPublication?: boolean;
}

/**
 * How a whole number is published. Every integer field says which (a test of each plugin fails
 * on one that does not):
 * - `count`: a count of children or young people, published under the partnership's disclosure
 *   rule ("c" below the small-number threshold, rounded to the rounding base, and secondary
 *   suppression within its count group);
 * - `public`: a figure about no child, published as written (places commissioned, a target in
 *   weeks, a count of staff).
 */
export type Publication = 'count' | 'public';

export interface TextOptions extends BaseOptions {
  /** For email: the example address in its message (default name@example.org). */
  example?: string;
  /** Maximum length in characters (default 200 for text, url and email; 5000 for longText). */
  max?: number;
  min?: number;
}
export interface NumberOptions extends BaseOptions {
  min?: number;
  max?: number;
  /** Noun phrase for messages, e.g. "Number of SENCos" (default: the label). */
  noun?: string;
}
export interface IntegerOptions extends NumberOptions {
  /** How it is published: a count of children under disclosure control, or a public figure. */
  publication?: Publication;
  /**
   * Counts published side by side whose total a reader may know (e.g. "send-social-care"): no
   * suppressed one may be worked out from the others. A list row's counts are always one group.
   */
  countGroup?: string;
}
/**
 * A section field that shows and edits the plan's target for one metric (issue 14, decision 027).
 * Its value is never stored with the section: it is read from, and written to, the plan's metric
 * target, so the section and the metrics dashboard can never disagree.
 */
export interface MetricTargetOptions extends NumberOptions {
  /** The metric's id in the catalogue or the plugin's pack, e.g. "EHC-01". */
  metric: string;
}
export interface ChoiceOption<V extends string = string> {
  value: V;
  label: string;
  hint?: string;
}
export interface ChoiceOptions<V extends string> extends BaseOptions {
  options: readonly ChoiceOption<V>[];
}
export interface GroupOptions<S extends FieldShape> extends BaseOptions {
  fields: S;
}
export interface ListOptions<S extends FieldShape> extends BaseOptions {
  fields: S;
  /** What one row is called, e.g. "Arrangement" (messages say "Arrangement 2: …"). */
  itemLabel: string;
  /** Most rows accepted (default 50). */
  maxItems?: number;
}

/** What a field says about itself, in its declaration and in its metadata alike. */
interface FieldFacts {
  kind: FieldKind;
  label: string;
  hint?: string;
  required: boolean;
  min?: number;
  max?: number;
  options?: readonly ChoiceOption[];
  itemLabel?: string;
  maxItems?: number;
  publication?: Publication;
  countGroup?: string;
  notForPublication?: boolean;
  /** metricTarget: the metric whose target the field shows and edits. */
  metric?: string;
}

/** One declared field. `V` is the type of its value when written (null when not written). */
export interface Field<K extends FieldKind = FieldKind, V = unknown> extends FieldFacts {
  kind: K;
  fields?: FieldShape;
  noun?: string;
  example?: string;
  /** Phantom: the value type (never set). */
  readonly __value?: V;
}

export type FieldShape = { readonly [name: string]: Field };

type ValueOfField<F> =
  F extends Field<'group', infer V>
    ? V
    : F extends Field<'list', infer V>
      ? V
      : F extends Field<FieldKind, infer V>
        ? V | null
        : never;

/** The values of a field shape (what a readiness check and the section's GraphQL type see). */
export type ShapeValues<S extends FieldShape> = { [K in keyof S]: ValueOfField<S[K]> };

const f = <K extends FieldKind, V>(kind: K, options: BaseOptions & Partial<Field>): Field<K, V> => {
  const {
    label,
    hint,
    required,
    min,
    max,
    options: choices,
    fields,
    itemLabel,
    maxItems,
    noun,
    example,
    publication,
    countGroup,
    notForPublication,
    metric,
  } = options;
  const out: Field<K, V> = { kind, label, required: required ?? false };
  if (hint !== undefined) out.hint = hint;
  if (min !== undefined) out.min = min;
  if (max !== undefined) out.max = max;
  if (choices !== undefined) out.options = choices;
  if (fields !== undefined) out.fields = fields;
  if (itemLabel !== undefined) out.itemLabel = itemLabel;
  if (maxItems !== undefined) out.maxItems = maxItems;
  if (noun !== undefined) out.noun = noun;
  if (example !== undefined) out.example = example;
  if (publication !== undefined) out.publication = publication;
  if (countGroup !== undefined) out.countGroup = countGroup;
  if (notForPublication) out.notForPublication = true;
  if (metric !== undefined) out.metric = metric;
  return out;
};

/** The field kinds. Every field is optional (null = not written) unless `required: true`. */
export const field = {
  text: (o: TextOptions) => f<'text', string>('text', o),
  longText: (o: TextOptions) => f<'longText', string>('longText', o),
  /** An https:// web address. */
  url: (o: TextOptions) => f<'url', string>('url', o),
  email: (o: TextOptions) => f<'email', string>('email', o),
  /** A whole number; say how it is published (`publication: 'count'` for children, or 'public'). */
  integer: (o: IntegerOptions) => f<'integer', number>('integer', o),
  decimal: (o: NumberOptions) => f<'decimal', number>('decimal', o),
  /** An amount in pounds (2 decimal places at most). */
  money: (o: NumberOptions) => f<'money', number>('money', o),
  /** A real date, stored as "YYYY-MM-DD". */
  date: (o: BaseOptions) => f<'date', string>('date', o),
  boolean: (o: BaseOptions) => f<'boolean', boolean>('boolean', o),
  choice: <const V extends string>(o: ChoiceOptions<V>) => f<'choice', V>('choice', o),
  /** A fixed nested group of fields (always present; its fields may be null). */
  group: <const S extends FieldShape>(o: GroupOptions<S>) => f<'group', ShapeValues<S>>('group', o),
  /** Repeating rows of the same fields ([] when none). */
  list: <const S extends FieldShape>(o: ListOptions<S>) => f<'list', ShapeValues<S>[]>('list', o),
  /**
   * The plan's target for a metric of the plugin's pack, e.g. `field.metricTarget({ label:
   * 'Target (%)', metric: 'EHC-01', min: 0, max: 100 })`: a number read from and written to the
   * metric target (never stored with the section; not in lists). Writing it through the section
   * needs permission to write the section; a new target's period is the plan's last.
   */
  metricTarget: (o: MetricTargetOptions) => f<'metricTarget', number>('metricTarget', o),
};

// ------------------------------------------------------------------------------------- metadata

export interface FieldMeta extends FieldFacts {
  name: string;
  /** For group and list: the nested fields. */
  fields?: FieldMeta[];
}

function metaOf(shape: FieldShape): FieldMeta[] {
  return Object.entries(shape).map(([name, def]) => {
    const meta: FieldMeta = { name, kind: def.kind, label: def.label, required: def.required };
    if (def.hint !== undefined) meta.hint = def.hint;
    if (def.min !== undefined) meta.min = def.min;
    if (def.max !== undefined) meta.max = def.max;
    if (def.options !== undefined) meta.options = def.options;
    if (def.itemLabel !== undefined) meta.itemLabel = def.itemLabel;
    if (def.maxItems !== undefined) meta.maxItems = def.maxItems;
    if (def.publication !== undefined) meta.publication = def.publication;
    if (def.countGroup !== undefined) meta.countGroup = def.countGroup;
    if (def.notForPublication) meta.notForPublication = true;
    if (def.metric !== undefined) meta.metric = def.metric;
    if (def.fields) meta.fields = metaOf(def.fields);
    return meta;
  });
}

// ------------------------------------------------------------------------------------- schemas

/** "Local offer" → "local offer"; acronyms stay: "DCO/DMO name", "ICB lead". */
const lowerFirst = (s: string) =>
  /^[A-Z][A-Z0-9]/.test(s) ? s : s.charAt(0).toLowerCase() + s.slice(1);

/** Blank strings (after trimming) are "not written". */
const blankToNull = (value: unknown) => {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  }
  return value;
};

const toNumber = (value: unknown) => {
  const v = blankToNull(value);
  if (typeof v === 'string') {
    const cleaned = v.replace(/[£,\s]/g, '');
    const n = Number(cleaned);
    return cleaned !== '' && Number.isFinite(n) ? n : v;
  }
  return v;
};

const toBoolean = (value: unknown) => {
  const v = blankToNull(value);
  if (v === 'true' || v === 'yes' || v === 'on') return true;
  if (v === 'false' || v === 'no') return false;
  return v;
};

function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function scalarSchema(def: Field): z.ZodType {
  const label = def.label;
  const noun = def.noun ?? label;
  switch (def.kind) {
    case 'text':
    case 'longText': {
      const max = def.max ?? (def.kind === 'text' ? 200 : 5000);
      let s = z
        .string({ error: `Enter ${lowerFirst(label)}` })
        .max(max, `${label} must be ${max} characters or fewer`);
      if (def.min !== undefined)
        s = s.min(def.min, `${label} must be ${def.min} characters or more`);
      return s;
    }
    case 'url': {
      const max = def.max ?? 2000;
      const message = 'Enter a real web address starting with https://';
      return z
        .string({ error: message })
        .max(max, `${label} must be ${max} characters or fewer`)
        .refine((v) => {
          if (!/^https:\/\/[^\s]+$/i.test(v)) return false;
          try {
            const url = new URL(v);
            return url.protocol === 'https:' && url.hostname.includes('.');
          } catch {
            return false;
          }
        }, message);
    }
    case 'email': {
      const max = def.max ?? 320;
      const message = `Enter ${lowerFirst(label)} in the correct format, like ${def.example ?? 'name@example.org'}`;
      return z
        .string({ error: message })
        .max(max, message)
        .refine((v) => z.email().safeParse(v).success, message);
    }
    case 'integer':
    case 'decimal':
    case 'money':
    case 'metricTarget': {
      const what =
        def.kind === 'money'
          ? `${noun} in pounds, like 1250.50`
          : `${lowerFirst(noun)} as a number`;
      let s = z.number({
        error: def.kind === 'money' ? `Enter ${lowerFirst(what)}` : `Enter ${what}`,
      });
      if (def.kind === 'integer') s = s.int(`${noun} must be a whole number`);
      if (def.kind === 'money') {
        s = s.refine(
          (v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6,
          `${noun} must be in pounds and pence, like 1250.50`,
        ) as unknown as z.ZodNumber;
      }
      if (def.min !== undefined) s = s.min(def.min, `${noun} must be ${def.min} or more`);
      if (def.max !== undefined) s = s.max(def.max, `${noun} must be ${def.max} or less`);
      return s;
    }
    case 'date':
      return z
        .string({ error: `${label} must be a real date` })
        .refine(isRealDate, `${label} must be a real date, like 2026-03-31`);
    case 'boolean':
      return z.boolean({ error: `Select yes or no for ${lowerFirst(label)}` });
    case 'choice': {
      const values = (def.options ?? []).map((o) => o.value);
      return z
        .string({ error: `Select ${lowerFirst(label)}` })
        .refine((v) => values.includes(v), `Select ${lowerFirst(label)}`);
    }
    default:
      throw new Error(`Field kind "${def.kind}" is not a scalar`);
  }
}

function preprocessFor(kind: FieldKind): (value: unknown) => unknown {
  if (kind === 'integer' || kind === 'decimal' || kind === 'money' || kind === 'metricTarget')
    return toNumber;
  if (kind === 'boolean') return toBoolean;
  return blankToNull;
}

/** The schema of one field's stored value (null allowed unless required). */
function fieldSchema(def: Field): z.ZodType {
  if (def.kind === 'group') {
    const inner = shapeSchema(def.fields ?? {});
    return z.preprocess((v) => (v === null || v === undefined ? {} : v), inner);
  }
  if (def.kind === 'list') {
    const item = itemSchema(def.fields ?? {});
    const itemLabel = def.itemLabel ?? 'Row';
    const maxItems = def.maxItems ?? 50;
    return z.preprocess(
      (v) => (v === null || v === undefined ? [] : v),
      z
        .array(z.unknown(), { error: `${def.label} must be a list` })
        .max(maxItems, `${def.label} can have ${maxItems} rows at most`)
        .transform((rows, ctx) => {
          const out: unknown[] = [];
          rows.forEach((row, index) => {
            const parsed = item.safeParse(row);
            if (parsed.success) out.push(parsed.data);
            else
              for (const issue of parsed.error.issues)
                ctx.addIssue({
                  code: 'custom',
                  path: [index, ...issue.path],
                  message: `${itemLabel} ${index + 1}: ${issue.message}`,
                });
          });
          return out;
        }),
    );
  }
  const scalar = scalarSchema(def);
  // Required: null (blank) fails with the kind's own message ("Enter …").
  return z.preprocess(preprocessFor(def.kind), def.required ? scalar : scalar.nullable());
}

function shapeSchema(shape: FieldShape): z.ZodType {
  const entries = Object.entries(shape).map(([name, def]) => {
    const s = fieldSchema(def);
    // An omitted field is "not written": null (group: all null, list: []).
    return [
      name,
      def.kind === 'group' || def.kind === 'list'
        ? s
        : z.preprocess((v) => (v === undefined ? null : v), s),
    ] as const;
  });
  return z.object(Object.fromEntries(entries));
}

/** A list item: its fields, and the stable id that names it in merges (absent on a new item). */
function itemSchema(shape: FieldShape): z.ZodType {
  return z.intersection(
    shapeSchema(shape),
    z.object({ id: z.string().trim().min(1).max(64).optional() }),
  );
}

/** A partial update: omitted fields (also inside groups) are unchanged; list items are whole. */
function partialShape(shape: FieldShape): Record<string, z.ZodType> {
  return Object.fromEntries(
    Object.entries(shape).map(([name, def]) => {
      if (def.kind === 'group')
        return [
          name,
          z
            .preprocess((v) => (v === null ? {} : v), z.object(partialShape(def.fields ?? {})))
            .optional(),
        ] as const;
      return [name, fieldSchema(def).optional()] as const;
    }),
  );
}

function updateShapeSchema(shape: FieldShape): z.ZodType {
  // Other keys (planId, version, base) pass through untouched.
  return z.looseObject(partialShape(shape));
}

export interface FieldSet<S extends FieldShape = FieldShape> {
  /** The declared fields. */
  shape: S;
  /** Parses a whole stored value: omitted fields become null ([] for lists). */
  schema: z.ZodType<ShapeValues<S>>;
  /**
   * Parses a partial update: an omitted field is unchanged (absent from the output), null or blank
   * clears it; other keys pass through.
   */
  updateSchema: z.ZodType<Partial<ShapeValues<S>> & Record<string, unknown>>;
  /** Labels, hints, kinds and limits, in declaration order (for generic UI and docs). */
  meta: FieldMeta[];
  /**
   * Stored data (possibly from an older version) as values: fields that do not parse become null.
   * Metric target fields are never stored with a section: on the server the core fills them in
   * from the plan's metric targets; a client reads them as the API gave them.
   */
  read(data: unknown): ShapeValues<S>;
  /** The metric target fields, at any depth (decision 027). */
  metricTargets: MetricTargetField[];
}

/** The values of a field set: `type HealthFields = FieldValues<typeof healthFields>`. */
export type FieldValues<T> =
  T extends FieldSet<infer S> ? ShapeValues<S> : T extends FieldShape ? ShapeValues<T> : never;

function emptyOf(def: Field): unknown {
  if (def.kind === 'group')
    return Object.fromEntries(Object.entries(def.fields ?? {}).map(([n, d]) => [n, emptyOf(d)]));
  if (def.kind === 'list') return [];
  return null;
}

// Building a zod schema costs far more than using one, and reads parse every scalar: one per field.
const lenient = new WeakMap<Field, z.ZodType>();
function lenientSchema(def: Field): z.ZodType {
  let schema = lenient.get(def);
  if (!schema) {
    schema = fieldSchema({ ...def, required: false });
    lenient.set(def, schema);
  }
  return schema;
}

/**
 * Values a client read, normalised like stored ones (blank → null, "12" → 12), keeping only the
 * keys given: what a merge compares with the stored values.
 */
export function normaliseGiven(shape: FieldShape, data: unknown): Record<string, unknown> {
  const record =
    data && typeof data === 'object' && !Array.isArray(data)
      ? (data as Record<string, unknown>)
      : {};
  const out: Record<string, unknown> = {};
  for (const [name, def] of Object.entries(shape)) {
    if (!(name in record) || record[name] === undefined) continue;
    const value = record[name];
    if (def.kind === 'group') out[name] = normaliseGiven(def.fields ?? {}, value);
    else if (def.kind === 'list')
      out[name] = Array.isArray(value)
        ? value.map((row: unknown, index) => ({
            ...readShape(def.fields ?? {}, row),
            id: listItemId(row, index),
          }))
        : [];
    else {
      const parsed = lenientSchema(def).safeParse(value);
      out[name] = parsed.success ? (parsed.data ?? null) : value;
    }
  }
  return out;
}

/**
 * A stored list item's id. Items saved before ids existed get their position ("item-0"): stable
 * until the list's first merged write, which stores every item with the id it was read with.
 */
export function listItemId(row: unknown, index: number): string {
  const id = row && typeof row === 'object' ? (row as Record<string, unknown>).id : undefined;
  return typeof id === 'string' && id !== '' ? id : `item-${index}`;
}

function readShape(shape: FieldShape, data: unknown): Record<string, unknown> {
  const record =
    data && typeof data === 'object' && !Array.isArray(data)
      ? (data as Record<string, unknown>)
      : {};
  const out: Record<string, unknown> = {};
  for (const [name, def] of Object.entries(shape)) {
    const value = record[name];
    if (def.kind === 'group') {
      out[name] = readShape(def.fields ?? {}, value);
    } else if (def.kind === 'list') {
      out[name] = Array.isArray(value)
        ? value.map((row: unknown, index) => ({
            ...readShape(def.fields ?? {}, row),
            id: listItemId(row, index),
          }))
        : [];
    } else {
      const parsed = lenientSchema(def).safeParse(value);
      out[name] = parsed.success ? (parsed.data ?? null) : emptyOf(def);
    }
  }
  return out;
}

const hasMetricTarget = (def: Field): boolean =>
  def.kind === 'metricTarget' || Object.values(def.fields ?? {}).some(hasMetricTarget);

/** A metric target field of a section: where it sits (a dotted path) and the metric it edits. */
export interface MetricTargetField {
  path: string;
  metric: string;
  label: string;
}

/** The metric target fields of a shape, at any depth ("ehcTimelinessTarget", "apo1.target"). */
export function metricTargetFields(shape: FieldShape, prefix = ''): MetricTargetField[] {
  return Object.entries(shape).flatMap(([name, def]) => {
    if (def.kind === 'metricTarget')
      return [{ path: `${prefix}${name}`, metric: def.metric ?? '', label: def.label }];
    if (def.kind === 'group') return metricTargetFields(def.fields ?? {}, `${prefix}${name}.`);
    return [];
  });
}

/** Declares a section's fields: `defineFields({ dcoName: field.text({ label: 'DCO/DMO name' }) })`. */
export function defineFields<const S extends FieldShape>(shape: S): FieldSet<S> {
  for (const name of Object.keys(shape)) {
    if (!/^[a-z][a-zA-Z0-9]*$/.test(name))
      throw new Error(`defineFields: field name "${name}" must be camelCase`);
    if (name === 'planId' || name === 'version' || name === 'base')
      throw new Error(`defineFields: "${name}" is reserved`);
    const def = shape[name]!;
    if (def.kind === 'list' && def.fields && 'id' in def.fields)
      throw new Error(`defineFields: "${name}.id" is reserved (a list item's id)`);
    if (def.kind === 'list' && Object.values(def.fields ?? {}).some(hasMetricTarget))
      throw new Error(
        `defineFields: "${name}" is a list; a metric target field cannot be in a list (a plan has one target per metric)`,
      );
  }
  const targets = metricTargetFields(shape);
  const seen = new Set<string>();
  for (const t of targets) {
    if (seen.has(t.metric))
      throw new Error(`defineFields: metric "${t.metric}" has more than one target field`);
    seen.add(t.metric);
  }
  return {
    shape,
    schema: shapeSchema(shape) as z.ZodType<ShapeValues<S>>,
    updateSchema: updateShapeSchema(shape) as z.ZodType<
      Partial<ShapeValues<S>> & Record<string, unknown>
    >,
    meta: metaOf(shape),
    read: (data) => readShape(shape, data) as ShapeValues<S>,
    metricTargets: targets,
  };
}

/** "2026-03-14" (or a Date) → "14 March 2026", the GOV.UK date style (for summaries and messages). */
export { govukDate } from '@lip/core/dates';

// ------------------------------------------------------------------------- readiness messages

/** Whether a text value has something written in it (not null, not blank). */
export const written = (value: string | null | undefined): boolean =>
  typeof value === 'string' && value.trim() !== '';

/** "early years", "early years and post-16", "early years, primary and post-16". */
export function listPhrase(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

// ------------------------------------------------------------------------- publication

/**
 * Integer fields (at any depth, as "group.field") that do not say how they are published: neither
 * `publication: 'count'` (a count of children, under disclosure control) nor 'public'. Each
 * plugin's tests expect none; published, such a field is treated as a count.
 */
export function integerFieldsWithoutPublication(meta: readonly FieldMeta[], prefix = ''): string[] {
  return meta.flatMap((m) => {
    if (m.fields) return integerFieldsWithoutPublication(m.fields, `${prefix}${m.name}.`);
    return m.kind === 'integer' && m.publication === undefined ? [`${prefix}${m.name}`] : [];
  });
}
