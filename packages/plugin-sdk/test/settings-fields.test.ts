// settingsFields in definePlugin: the field builders become what core asks of settings fields
// (form metadata, validation with the fields' own messages, labelled text, values from GIAS).
import { describe, expect, test } from 'vitest';
import { definePlugin } from '../src/index.ts';
import { defineFields, field } from '../src/fields.ts';

const plugin = definePlugin({
  id: 'ap-like',
  name: 'AP like',
  version: '0.1.0',
  coreRange: '^0.1.0',
  settingsFields: {
    categories: ['ALTERNATIVE_PROVISION'],
    fields: defineFields({
      tier: field.choice({
        label: 'AP tier',
        options: [
          { value: 'TIER_1', label: 'Tier 1' },
          { value: 'TIER_2', label: 'Tier 2' },
        ],
      }),
      places: field.integer({ label: 'Places', publication: 'public', min: 0, max: 99 }),
    }),
    fromGias: (row) => ({ places: row['SchoolCapacity'] || null }),
  },
});

describe('settingsFields', () => {
  const fields = plugin.settingsFields!;

  test('gives core the categories and each field for forms', () => {
    expect(fields.categories).toEqual(['ALTERNATIVE_PROVISION']);
    expect(fields.meta.map((m) => [m.key, m.kind, m.label])).toEqual([
      ['tier', 'choice', 'AP tier'],
      ['places', 'integer', 'Places'],
    ]);
    expect(fields.meta[0]!.options).toEqual([
      { value: 'TIER_1', label: 'Tier 1' },
      { value: 'TIER_2', label: 'Tier 2' },
    ]);
  });

  test('validates posted values with the fields’ own rules', () => {
    expect(fields.validate({ tier: 'TIER_2', places: '12' })).toEqual({
      ok: true,
      values: { tier: 'TIER_2', places: 12 },
    });
    const bad = fields.validate({ tier: 'TIER_9', places: '120' });
    expect(bad.ok).toBe(false);
    expect(bad.ok ? [] : bad.errors.map((e) => e.path)).toEqual([['tier'], ['places']]);
  });

  test('describes stored values as text and reads GIAS rows', () => {
    expect(fields.describe({ tier: 'TIER_1', places: 7 })).toEqual([
      { key: 'tier', label: 'AP tier', value: 'Tier 1' },
      { key: 'places', label: 'Places', value: '7' },
    ]);
    expect(fields.fromGias?.({ SchoolCapacity: '30' })).toEqual({ places: '30' });
  });

  test('refuses fields a settings form cannot show', () => {
    expect(() =>
      definePlugin({
        id: 'grouped',
        name: 'Grouped',
        version: '0.1.0',
        coreRange: '^0.1.0',
        settingsFields: {
          categories: ['SPECIAL'],
          fields: defineFields({
            g: field.group({ label: 'G', fields: { a: field.text({ label: 'A' }) } }),
          }),
        },
      }),
    ).toThrow(/settings fields are text, integer, boolean or choice/);
  });
});
