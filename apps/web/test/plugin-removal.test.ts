// Removing any plugin from lip.config.ts leaves a working product without its section.
//
// For each configured plugin, the core is built with that plugin left out, through the same
// composition code the server runs (server/compose.ts), over a database seeded as `--demo` does.
// The schema must lack the plugin's types and its section, and everything that remains must still
// work: every other plugin's UI documents (what the app runs on the section page) execute cleanly.
import { printSchema } from 'graphql';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Core } from '@lip/core';
import type { PluginUi } from '@lip/ui';
import { plugins as configured } from '../lip.config.ts';
import {
  compose,
  coreWith,
  loadServerPlugins,
  type Composition,
  type CorePlugin,
} from '../server/compose.ts';
import { resolvePluginEntry } from '../server/plugin-registry.ts';

const LEAD = 'lead@northshire.example';

/** "alternative-provision" → "AlternativeProvision": the prefix of a plugin's GraphQL type names. */
const pascal = (id: string) =>
  id.replace(/(^|-)([a-z0-9])/g, (_m, _d, c: string) => c.toUpperCase());

let full: Composition;
const uis = new Map<string, PluginUi>();

beforeAll(async () => {
  process.env.LIP_DATA_DIR = 'memory';
  delete process.env.DATABASE_URL;
  full = await compose({ demo: true, plugins: configured });
  for (const name of configured) {
    const mod = (await import(pathToFileURL(resolvePluginEntry(name, 'ui')).href)) as {
      default: PluginUi;
    };
    uis.set(name, mod.default);
  }
}, 180_000);
afterAll(() => full?.close());

async function asLead(core: Core) {
  const signIn = await core.execute<{ signIn: { data?: { token: string } } }>({
    document: `mutation SignIn($input: SignInInput!) { signIn(input: $input) { ... on MutationSignInSuccess { data { token } } } }`,
    variables: { input: { email: LEAD, password: 'lip-demo-2026' } },
    context: await core.contextForSession(undefined),
  });
  const token = signIn.data?.signIn.data?.token;
  expect(token).toBeTruthy();
  return core.contextForSession(token);
}

async function plan(core: Core) {
  const context = await asLead(core);
  const ids = await core.execute<{
    partnerships: { edges: { node: { plans: { edges: { node: { id: string } }[] } } }[] };
  }>({
    document:
      '{ partnerships(first: 1) { edges { node { plans(first: 1) { edges { node { id } } } } } } }',
    context,
  });
  expect(ids.errors).toBeUndefined();
  const planId = ids.data!.partnerships.edges[0]!.node.plans.edges[0]!.node.id;
  const result = await core.execute<{
    plan: { sections: { key: string; pluginId: string; commitments: { edges: unknown[] } }[] };
  }>({
    document: `query Plan($planId: ID!) { plan(id: $planId) { sections { key pluginId title version viewerCanEdit isReady readiness { id passed message } metrics { code } suggestedStandards { code }
      commitments(first: 20) { edges { node { id reference } } } } } }`,
    variables: { planId },
    context,
  });
  expect(result.errors).toBeUndefined();
  return { context, planId, sections: result.data!.plan.sections };
}

/** Every section UI of the plugins given runs its query against the core without errors. */
async function expectUisWork(
  core: Core,
  names: readonly string[],
  planId: string,
  context: Awaited<ReturnType<typeof asLead>>,
) {
  for (const name of names) {
    for (const [key, ui] of Object.entries(uis.get(name)!.sections)) {
      const result = await core.execute<{ plan: { section: { version: number } | null } | null }>({
        document: ui.query,
        variables: { planId },
        context,
      });
      expect(result.errors, `${name} section ${key}`).toBeUndefined();
      expect(result.data?.plan?.section, `${name} section ${key}`).toBeTruthy();
      expect(ui.toValues(result.data!.plan!.section!)).toBeTypeOf('object');
    }
  }
}

describe('the full configuration', () => {
  test('has every configured plugin’s sections, and each plugin UI reads its section', async () => {
    const { planId, sections, context } = await plan(full.core);
    const keys = full.plugins.flatMap((p) => (p.sections ?? []).map((s) => s.key));
    expect(sections.map((s) => s.key).sort()).toEqual([...keys].sort());
    await expectUisWork(full.core, configured, planId, context);
  });
});

describe.each(configured.map((name, i) => [name, i] as const))('without %s', (name, index) => {
  let core: Core;
  let removed: CorePlugin;
  const rest = configured.filter((n) => n !== name);

  beforeAll(async () => {
    removed = full.plugins[index]!;
    core = coreWith(full.db, await loadServerPlugins(rest));
  });

  test('the schema has none of its types or fields', () => {
    const printed = printSchema(core.schema);
    const prefix = pascal(removed.id);
    const types = Object.keys(core.schema.getTypeMap());
    expect(types.filter((t) => t.startsWith(prefix))).toEqual([]);
    expect(printed).not.toMatch(new RegExp(`\\bupdate${prefix}`));
    expect(core.plugins.map((p) => p.id)).not.toContain(removed.id);
    // Every other plugin's types are still there.
    for (const other of core.plugins) {
      if (other.sections?.length)
        expect(
          types.some((t) => t.startsWith(pascal(other.id))),
          other.id,
        ).toBe(true);
    }
  });

  test('the plan lists every other section, and not its own', async () => {
    const { sections } = await plan(core);
    const removedKeys = (removed.sections ?? []).map((s) => s.key);
    for (const key of removedKeys) expect(sections.map((s) => s.key)).not.toContain(key);
    expect(sections.map((s) => s.key)).toEqual(core.sections.map((s) => s.key));
    expect(sections.length).toBe(
      full.plugins.flatMap((p) => p.sections ?? []).length - removedKeys.length,
    );
  });

  test('every other plugin’s section UI still works; its own documents no longer validate', async () => {
    const { planId, context } = await plan(core);
    await expectUisWork(core, rest, planId, context);
    for (const ui of Object.values(uis.get(name)!.sections)) {
      const result = await core.execute({ document: ui.query, variables: { planId }, context });
      expect(result.errors?.length ?? 0).toBeGreaterThan(0);
    }
  });
});

test('with no plugins at all the product still answers, with no sections', async () => {
  const core = coreWith(full.db, []);
  const { sections } = await plan(core);
  expect(sections).toEqual([]);
});
