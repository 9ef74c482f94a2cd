// The plugin host refuses bad plugins with a message naming the plugin.
import { afterAll, beforeAll, describe, expect, expectTypeOf, test } from 'vitest';
import type { Database } from '@lip/db';
import { createTestDatabase } from '@lip/db/testing';
import {
  checkPlugins,
  createCore,
  type CoreRefs,
  type LipBuilder,
  type LipPlugin,
} from '../src/index.ts';
import { CORE_VERSION } from '../src/version.ts';
import pkg from '../package.json' with { type: 'json' };

const plugin = (overrides: Partial<LipPlugin> = {}): LipPlugin => ({
  id: 'sample',
  name: 'Sample',
  version: '1.0.0',
  coreRange: '*',
  ...overrides,
});

describe('checkPlugins', () => {
  const cases: [string, LipPlugin[], RegExp][] = [
    [
      'a non-kebab id',
      [plugin({ id: 'Sample_Plugin' })],
      /Plugin "Sample_Plugin": the id must be kebab-case/,
    ],
    ['a duplicate id', [plugin(), plugin()], /Plugin "sample": is listed twice/],
    [
      'a core range that does not match',
      [plugin({ coreRange: '^9.0.0' })],
      /Plugin "sample": needs @lip\/core \^9\.0\.0, but this is @lip\/core/,
    ],
    [
      'an invalid core range',
      [plugin({ coreRange: 'soon' })],
      /Plugin "sample": coreRange "soon" is not a semver range/,
    ],
    [
      'an invalid version',
      [plugin({ version: 'one' })],
      /Plugin "sample": version "one" is not a semver version/,
    ],
    [
      'a section key already taken',
      [
        plugin({
          sections: [
            {
              key: 'health',
              title: 'Health',
              position: 1,
              ownerOrganisationTypes: ['integrated-care-board'],
            },
          ],
        }),
        plugin({
          id: 'other',
          sections: [
            { key: 'health', title: 'Health 2', position: 2, ownerOrganisationTypes: ['x'] },
          ],
        }),
      ],
      /Plugin "other": section "health" is already defined by plugin "sample"/,
    ],
    [
      'a section no organisation owns',
      [
        plugin({
          sections: [{ key: 'orphan', title: 'Orphan', position: 1, ownerOrganisationTypes: [] }],
        }),
      ],
      /Plugin "sample": section "orphan" names no owner organisation types/,
    ],
  ];
  for (const [name, plugins, message] of cases) {
    test(`refuses ${name}`, () => {
      expect(() => checkPlugins(plugins)).toThrow(message);
    });
  }

  test('CORE_VERSION is the package version', () => {
    expect(CORE_VERSION).toBe(pkg.version);
  });
});

describe('registering types', () => {
  test('register receives the core builder and references (the contract module names neither)', () => {
    expectTypeOf<Parameters<NonNullable<LipPlugin['register']>>>().toEqualTypeOf<
      [LipBuilder, CoreRefs]
    >();
  });

  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase({ seed: 'none' });
  });
  afterAll(() => db?.close());

  test('a type name without the plugin prefix is refused', () => {
    const bad = plugin({
      register(builder) {
        builder
          .objectRef<{ a: string }>('Widget')
          .implement({ fields: (t) => ({ a: t.exposeString('a') }) });
      },
    });
    expect(() => createCore({ db, plugins: [bad] })).toThrow(
      'Plugin "sample": type "Widget" must contain "Sample" in its name',
    );
  });

  test('a field name without the plugin id is refused', () => {
    const bad = plugin({
      register(builder) {
        builder.queryField('widgets', (t) => t.string({ resolve: () => 'x' }));
      },
    });
    expect(() => createCore({ db, plugins: [bad] })).toThrow(
      'Plugin "sample": field "widgets" must contain "sample" in its name',
    );
  });

  test('redefining core types is refused', () => {
    const bad = plugin({
      register(builder) {
        builder.queryType({});
      },
    });
    expect(() => createCore({ db, plugins: [bad] })).toThrow(
      /Plugin "sample": may not call builder.queryType/,
    );
  });

  test('two plugins defining the same type name are refused', () => {
    const define = (id: string) =>
      plugin({
        id,
        register(builder) {
          builder.objectRef<{ a: string }>('SampleTwoThing').implement({
            authScopes: { signedIn: true },
            fields: (t) => ({ a: t.exposeString('a') }),
          });
        },
      });
    expect(() => createCore({ db, plugins: [define('sample'), define('sample-two')] })).toThrow(
      'Plugin "sample-two": type "SampleTwoThing" clashes with the type of the same name defined by plugin "sample"',
    );
  });

  test('a query or mutation field without an auth rule is refused', () => {
    const bad = plugin({
      register(builder) {
        builder.queryField('sampleSecret', (t) => t.string({ resolve: () => 'x' }));
      },
    });
    expect(() => createCore({ db, plugins: [bad] })).toThrow(
      'Plugin "sample": field "Query.sampleSecret" has no auth rule',
    );
  });

  test('a field on a core type without an auth rule is refused, even when the core type has one', () => {
    const bad = plugin({
      register(builder, refs) {
        builder.objectField(refs.SectionRef, 'sampleNote', (t) => t.string({ resolve: () => 'x' }));
      },
    });
    expect(() => createCore({ db, plugins: [bad] })).toThrow(
      'Plugin "sample": field "Section.sampleNote" has no auth rule',
    );
  });

  test("a field of the plugin's own type without an auth rule (on it or its type) is refused", () => {
    const bad = plugin({
      register(builder) {
        const Thing = builder
          .objectRef<{ a: string }>('SampleThing')
          .implement({ fields: (t) => ({ a: t.exposeString('a') }) });
        builder.queryField('sampleThing', (t) =>
          t.field({ type: Thing, authScopes: { signedIn: true }, resolve: () => ({ a: 'x' }) }),
        );
      },
    });
    expect(() => createCore({ db, plugins: [bad] })).toThrow(
      'Plugin "sample": field "SampleThing.a" has no auth rule',
    );
  });

  test('an input without validation is refused', () => {
    const bad = plugin({
      register(builder) {
        const Input = builder.inputType('SampleInput', { fields: (t) => ({ name: t.string() }) });
        builder.mutationField('sampleDo', (t) =>
          t.string({
            authScopes: { signedIn: true },
            args: { input: t.arg({ type: Input, required: true }) },
            resolve: () => 'x',
          }),
        );
      },
    });
    expect(() => createCore({ db, plugins: [bad] })).toThrow(
      'Plugin "sample": input "SampleInput" (argument "input" of "Mutation.sampleDo") has no validation',
    );
  });

  test('a well-behaved plugin adds its types; with no plugins there are no sections', () => {
    const good = plugin({
      register(builder) {
        builder.queryField('sampleGreeting', (t) =>
          t.string({ authScopes: { signedIn: true }, resolve: () => 'hello' }),
        );
      },
    });
    expect(
      createCore({ db, plugins: [good] })
        .schema.getQueryType()
        ?.getFields()['sampleGreeting'],
    ).toBeDefined();
    expect(createCore({ db, plugins: [] }).sections).toEqual([]);
  });
});
