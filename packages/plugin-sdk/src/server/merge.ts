// Field-level three-way merge of a section update (docs/decisions/020-field-level-merge.md).
// For every field the update sends: if the stored value equals the new one, or the new one equals
// the client's base (what it read), nothing to do; if the stored value equals the base, the new
// one applies; otherwise someone else changed it too: a conflict naming the field. Groups merge
// field by field; lists item by item, by id.
import { randomUUID } from 'node:crypto';
import {
  listItemId,
  normaliseGiven,
  type Field,
  type FieldSet,
  type FieldShape,
} from '../fields.ts';

type Values = Record<string, unknown>;

const isRecord = (v: unknown): v is Values =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Values compared as stored: key order and a list item's id do not matter. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (isRecord(value))
    return Object.fromEntries(
      Object.keys(value)
        .filter((k) => k !== 'id' && value[k] !== undefined)
        .sort()
        .map((k) => [k, canonical(value[k])]),
    );
  return value ?? null;
}
const same = (a: unknown, b: unknown) =>
  JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

interface Merge {
  conflicts: string[];
}

function mergeShape(
  m: Merge,
  shape: FieldShape,
  stored: Values,
  update: Values,
  base: Values | undefined,
  path: string[],
): Values {
  const out: Values = { ...stored };
  for (const [name, def] of Object.entries(shape)) {
    if (!(name in update) || update[name] === undefined) continue;
    const here = [...path, name];
    const given = base !== undefined && name in base;
    const b = given ? base[name] : undefined;
    if (def.kind === 'group') {
      out[name] = mergeShape(
        m,
        def.fields ?? {},
        isRecord(stored[name]) ? stored[name] : {},
        isRecord(update[name]) ? update[name] : {},
        given ? (isRecord(b) ? b : {}) : undefined,
        here,
      );
    } else if (def.kind === 'list') {
      out[name] = mergeList(
        m,
        def,
        Array.isArray(stored[name]) ? (stored[name] as Values[]) : [],
        Array.isArray(update[name]) ? (update[name] as Values[]) : [],
        given ? (Array.isArray(b) ? (b as Values[]) : []) : undefined,
        here,
      );
    } else {
      const next = update[name];
      // Already stored, or not changed by this client (it sent what it read): nothing to do.
      if (same(stored[name], next) || (given && same(next, b))) continue;
      if (given && same(stored[name], b)) out[name] = next;
      else m.conflicts.push(here.join('.'));
    }
  }
  return out;
}

function mergeList(
  m: Merge,
  def: Field,
  stored: Values[],
  update: Values[],
  base: Values[] | undefined,
  path: string[],
): Values[] {
  const fields = def.fields ?? {};
  const withIds = stored.map((row, i) => ({ ...row, id: listItemId(row, i) }));
  if (base === undefined) {
    // Nothing to compare with: the whole list, and only if it is not what is stored already.
    if (!same(withIds, update)) m.conflicts.push(path.join('.'));
    return withIds;
  }
  const baseById = new Map<string, Values>();
  base.forEach((row, i) => baseById.set(listItemId(row, i), row));
  const updateById = new Map<string, Values>();
  for (const row of update)
    if (typeof row.id === 'string' && baseById.has(row.id)) updateById.set(row.id, row);
  const storedIds = new Set(withIds.map((row) => row.id));

  const out: Values[] = [];
  for (const row of withIds) {
    const was = baseById.get(row.id);
    const mine = updateById.get(row.id);
    if (!was)
      out.push(row); // added by someone else (or not seen by this client): kept
    else if (mine) {
      const { id: _ignored, ...values } = mine;
      out.push({ ...mergeShape(m, fields, row, values, was, [...path, row.id]), id: row.id });
    } else if (same(row, was)) {
      // deleted by this client, untouched since: gone
    } else {
      m.conflicts.push([...path, row.id].join('.'));
      out.push(row);
    }
  }
  for (const [id, was] of baseById) {
    // Deleted by someone else: fine unless this client changed it.
    if (storedIds.has(id)) continue;
    const mine = updateById.get(id);
    if (mine && !same(mine, was)) m.conflicts.push([...path, id].join('.'));
  }
  for (const row of update) {
    const known = typeof row.id === 'string' && baseById.has(row.id);
    if (!known) out.push({ ...row, id: randomUUID() });
  }
  const max = def.maxItems ?? 50;
  if (out.length > max) m.conflicts.push(path.join('.'));
  return out;
}

/**
 * Merges a parsed update into a section's stored data. `base` is what the client read (the whole
 * stored data when it is still at the client's version); a field the update sends without a base
 * is applied only if the stored value is already the new one.
 */
export function mergeSectionValues(
  fields: FieldSet<FieldShape>,
  stored: Values,
  update: Values,
  base: Values | undefined,
): { data: Values } | { conflicts: string[] } {
  const m: Merge = { conflicts: [] };
  const given = base === undefined ? undefined : normaliseGiven(fields.shape, base);
  const data = mergeShape(m, fields.shape, stored, update, given, []);
  return m.conflicts.length > 0 ? { conflicts: m.conflicts } : { data };
}
