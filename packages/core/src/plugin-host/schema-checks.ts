// Checks on the built schema: every field a plugin adds carries an auth rule, and every input
// object a plugin's field takes is validated. Core's own types and fields are what a schema built
// with no plugins has; everything else was added by a plugin.
import {
  getNamedType,
  isInputObjectType,
  isObjectType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { PluginError } from './host.ts';
import { pascalCase } from './naming.ts';
import type { LipPlugin } from './types.ts';

interface PothosExtensions {
  pothosOptions?: { authScopes?: unknown; validate?: unknown; skipTypeScopes?: boolean };
}

const optionsOf = (item: { extensions?: unknown }) =>
  (item.extensions as PothosExtensions | undefined)?.pothosOptions;

/** Type name → its field names, for the schema's object and input types (introspection left out). */
export function schemaShape(schema: GraphQLSchema): Map<string, Set<string>> {
  const shape = new Map<string, Set<string>>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    const fields = 'getFields' in type ? Object.keys(type.getFields()) : [];
    shape.set(type.name, new Set(fields));
  }
  return shape;
}

function ownerOf(plugins: readonly LipPlugin[], name: string, byType: boolean): LipPlugin | string {
  // The longest matching id wins ("alternative-provision" over a hypothetical "alternative").
  const matches = plugins
    .filter((p) =>
      byType
        ? name.includes(pascalCase(p.id))
        : name.toLowerCase().includes(pascalCase(p.id).toLowerCase()),
    )
    .sort((a, b) => b.id.length - a.id.length);
  return matches[0] ?? plugins.map((p) => p.id).join(', ');
}

// Result types the errors plugin generates for a mutation: their `data` is what the (auth-checked)
// mutation returned.
const GENERATED_RESULT = /^(Mutation|Query)[A-Z]\w*Success$/;

export function checkPluginSchema(
  schema: GraphQLSchema,
  core: Map<string, Set<string>>,
  plugins: readonly LipPlugin[],
): void {
  for (const type of Object.values(schema.getTypeMap()) as GraphQLNamedType[]) {
    if (type.name.startsWith('__') || !isObjectType(type)) continue;
    const coreFields = core.get(type.name);
    const typeAuth = coreFields === undefined && optionsOf(type)?.authScopes !== undefined;
    for (const [name, field] of Object.entries(type.getFields()) as [
      string,
      GraphQLField<unknown, unknown>,
    ][]) {
      if (coreFields?.has(name)) continue;
      const plugin = coreFields ? ownerOf(plugins, name, false) : ownerOf(plugins, type.name, true);
      const where = `${type.name}.${name}`;
      const options = optionsOf(field);
      if (
        options?.authScopes === undefined &&
        !typeAuth &&
        !(GENERATED_RESULT.test(type.name) && name === 'data')
      ) {
        throw new PluginError(
          plugin,
          `field "${where}" has no auth rule: give it \`authScopes\` (or its type, for fields of the plugin's own types)`,
        );
      }
      for (const arg of field.args) {
        const input = getNamedType(arg.type);
        if (!isInputObjectType(input)) continue;
        if (
          options?.validate === undefined &&
          optionsOf(input)?.validate === undefined &&
          optionsOf(arg)?.validate === undefined
        ) {
          throw new PluginError(
            plugin,
            `input "${input.name}" (argument "${arg.name}" of "${where}") has no validation: give it \`validate\` (a zod schema)`,
          );
        }
      }
    }
  }
}
