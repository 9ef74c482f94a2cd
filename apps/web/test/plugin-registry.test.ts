import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { plugins } from '../lip.config.ts';
import {
  resolvePluginEntries,
  resolvePluginEntry,
  selectPlugins,
} from '../server/plugin-registry.ts';

describe('plugins listed in lip.config.ts', () => {
  it('resolve to the files of their server and ui entry points in the workspace', () => {
    for (const entry of ['server', 'ui'] as const) {
      for (const file of resolvePluginEntries(plugins, entry)) expect(existsSync(file)).toBe(true);
    }
  });

  it('say clearly when a listed plugin does not exist', () => {
    expect(() => resolvePluginEntry('@lip/plugin-nowhere', 'ui')).toThrow(
      /lip\.config\.ts.*not found/,
    );
  });
});

describe('LIP_PLUGINS and LIP_PLUGINS_OMIT', () => {
  const configured = ['@lip/plugin-a', '@lip/plugin-b', '@lip/plugin-c'];
  it('default to lip.config.ts', () => {
    expect(selectPlugins(configured, {})).toEqual(configured);
  });
  it('LIP_PLUGINS replaces the list; empty means no plugins', () => {
    expect(selectPlugins(configured, { LIP_PLUGINS: ' @lip/plugin-c , @lip/plugin-a' })).toEqual([
      '@lip/plugin-c',
      '@lip/plugin-a',
    ]);
    expect(selectPlugins(configured, { LIP_PLUGINS: '' })).toEqual([]);
  });
  it('LIP_PLUGINS_OMIT leaves plugins out', () => {
    expect(selectPlugins(configured, { LIP_PLUGINS_OMIT: '@lip/plugin-b' })).toEqual([
      '@lip/plugin-a',
      '@lip/plugin-c',
    ]);
    expect(
      selectPlugins(configured, {
        LIP_PLUGINS: '@lip/plugin-a,@lip/plugin-b',
        LIP_PLUGINS_OMIT: '@lip/plugin-a',
      }),
    ).toEqual(['@lip/plugin-b']);
  });
});
