import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { plugins } from '../lip.config.ts';
import { resolvePluginEntries, resolvePluginEntry } from '../server/plugin-registry.ts';

describe('plugins listed in lip.config.ts', () => {
  it('resolve to the files of their server and ui entry points in the workspace', () => {
    for (const entry of ['server', 'ui'] as const) {
      for (const file of resolvePluginEntries(plugins, entry)) expect(existsSync(file)).toBe(true);
    }
  });

  it('say clearly when a listed plugin does not exist', () => {
    expect(() => resolvePluginEntry('@lip/plugin-nowhere', 'ui')).toThrow(/lip\.config\.ts.*not found/);
  });
});
