// Installing plugins changes the schema only where they add: every core type and field is the same
// with and without the configured plugins, and everything added carries a plugin's prefix or id.
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isUnionType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '@lip/db';
import { createTestDatabase } from '@lip/db/testing';
import { configuredPlugins } from '../scripts/configured-plugins.ts';
import { createCore, pascalCase, type LipPlugin } from '../src/index.ts';

/** A comparable description of each named type: its fields with types and arguments, enum values, members. */
function shape(type: GraphQLNamedType): Record<string, string> {
  if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields()).map((field) => {
        const args = isInputObjectType(type)
          ? ''
          : (field as GraphQLField<unknown, unknown>).args
              .map((a) => `${a.name}: ${String(a.type)}`)
              .join(', ');
        return [field.name, `(${args}): ${String(field.type)} ${field.description ?? ''}`];
      }),
    );
  }
  if (isEnumType(type))
    return Object.fromEntries(type.getValues().map((v) => [v.name, v.description ?? '']));
  if (isUnionType(type)) return Object.fromEntries(type.getTypes().map((t) => [t.name, '']));
  return { scalar: type.description ?? '' };
}

function types(schema: GraphQLSchema): Map<string, GraphQLNamedType> {
  return new Map(
    Object.values(schema.getTypeMap())
      .filter((t) => !t.name.startsWith('__'))
      .map((t) => [t.name, t]),
  );
}

let db: Database;
let plugins: LipPlugin[];
let bare: Map<string, GraphQLNamedType>;
let full: Map<string, GraphQLNamedType>;

beforeAll(async () => {
  db = await createTestDatabase({ seed: 'none' });
  plugins = await configuredPlugins();
  bare = types(createCore({ db, plugins: [] }).schema);
  full = types(createCore({ db, plugins }).schema);
});
afterAll(() => db?.close());

describe('the schema with the configured plugins', () => {
  test('has at least one plugin to compare with', () => {
    expect(plugins.length).toBeGreaterThan(0);
  });

  test('keeps every core type and field exactly as it is without plugins', () => {
    for (const [name, type] of bare) {
      const installed = full.get(name);
      expect(installed, `core type ${name}`).toBeDefined();
      const before = shape(type);
      const after = shape(installed!);
      for (const [field, signature] of Object.entries(before))
        expect(after[field], `${name}.${field}`).toBe(signature);
    }
  });

  test("adds only types named with a plugin's PascalCase id", () => {
    const prefixes = plugins.map((p) => pascalCase(p.id));
    const added = [...full.keys()].filter((name) => !bare.has(name));
    expect(added.length).toBeGreaterThan(0);
    for (const name of added)
      expect(
        prefixes.some((prefix) => name.includes(prefix)),
        `type ${name}`,
      ).toBe(true);
  });

  test("adds to core types only fields named with a plugin's id", () => {
    const ids = plugins.map((p) => pascalCase(p.id).toLowerCase());
    for (const [name, type] of bare) {
      const before = shape(type);
      const added = Object.keys(shape(full.get(name)!)).filter((field) => !(field in before));
      // Union members added by a plugin are its own types (checked above).
      if (isUnionType(type)) continue;
      for (const field of added)
        expect(
          ids.some((id) => field.toLowerCase().includes(id)),
          `${name}.${field}`,
        ).toBe(true);
    }
  });
});
