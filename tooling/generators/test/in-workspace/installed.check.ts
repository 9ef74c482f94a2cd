/**
 * Run only inside the scaffold test's workspace copy (LIP_SCAFFOLD_ID names the generated plugin),
 * by that copy's vitest, so the harness, the plugins and graphql are all the copy's own modules.
 * The generated plugin, added to the app's plugin list (apps/web/lip.config.ts) and loaded the way
 * the app loads plugins, shows its section and field in the schema and the API beside every
 * installed plugin, and its UI entry renders its field (react-dom/server).
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createTestHarness, type TestHarness } from '@lip/plugin-sdk/testing';
import { printSchema } from 'graphql';
import { createElement, type ComponentType } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pascalCase, camelCase } from '../../plugin-naming.ts';

const id = process.env.LIP_SCAFFOLD_ID;
if (!id)
  throw new Error('LIP_SCAFFOLD_ID names the scaffolded plugin (see test/scaffold.test.ts).');
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const dir = path.join(root, 'plugins', id);
const packageName = `@lip/plugin-${id}`;
const typePrefix = pascalCase(id);
const fieldName = camelCase(id);

interface SectionUi {
  query: string;
  mutation: string;
  Summary: ComponentType<{ section: Record<string, unknown> }>;
  Editor: ComponentType<{ values: Record<string, string>; errors: Record<string, string> }>;
}

describe('the scaffold installed in the app', () => {
  let h: TestHarness;
  let installed: readonly string[];

  beforeAll(async () => {
    // The app's loader: a package name from lip.config.ts to its ./server and ./ui files.
    const registry = (await import(
      pathToFileURL(path.join(root, 'apps/web/server/plugin-registry.ts')).href
    )) as {
      resolvePluginEntry(name: string, entry: 'server' | 'ui'): string;
    };
    const load = async (name: string) =>
      (
        (await import(pathToFileURL(registry.resolvePluginEntry(name, 'server')).href)) as {
          default: Parameters<typeof createTestHarness>[0]['plugins'][number];
        }
      ).default;
    // The config line the generator printed, added to the app's list.
    installed = (
      (await import(pathToFileURL(path.join(root, 'apps/web/lip.config.ts')).href)) as {
        plugins: readonly string[];
      }
    ).plugins;
    const plugins = await Promise.all([...installed, packageName].map(load));
    h = await createTestHarness({ plugins });
  });
  afterAll(() => h?.close());

  test('the schema has its section type, field and mutation beside the installed plugins', () => {
    const schema = printSchema(h.core.schema);
    expect(schema).toContain(`type ${typePrefix}Section`);
    expect(schema).toMatch(new RegExp(`${fieldName}: ${typePrefix}Section\\b`));
    expect(schema).toContain(`update${typePrefix}Section(`);
    expect(h.core.plugins).toHaveLength(installed.length + 1);
    expect(h.core.plugins.at(-1)?.id).toBe(id);
    expect(h.core.sections.map((s) => s.key)).toContain(id);
  });

  test('the API serves its section and field to the partnership', async () => {
    const result = await h.execute<{
      plan: { section: { key: string; title: string } & Record<string, unknown> };
    }>({
      document: `query ($planId: ID!) { plan(id: $planId) { section(key: "${id}") { key title ${fieldName} { summary } } } }`,
      variables: { planId: await h.planId('lead@northshire.example') },
      context: await h.contextFor('viewer@northshire.example'),
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.plan.section).toEqual({
      key: id,
      title: 'Scaffold test',
      [fieldName]: { summary: null },
    });
  });

  test('its UI entry renders the field', async () => {
    const ui = (await import(pathToFileURL(path.join(dir, 'src/ui/index.tsx')).href)) as {
      default: { pluginId: string; sections: Record<string, SectionUi | undefined> };
    };
    expect(ui.default.pluginId).toBe(id);
    const section = ui.default.sections[id];
    if (!section) throw new Error(`the UI entry has no "${id}" section`);
    expect(section.query).toContain(`section(key: "${id}")`);

    const summary = renderToStaticMarkup(
      createElement(section.Summary, {
        section: { version: 1, [fieldName]: { summary: 'Our plan' } },
      }),
    );
    expect(summary).toContain('Summary');
    expect(summary).toContain('Our plan');

    const editor = renderToStaticMarkup(
      createElement(section.Editor, { values: { summary: 'A draft' }, errors: {} }),
    );
    expect(editor).toContain('name="summary"');
    expect(editor).toContain('A draft');
  });
});
