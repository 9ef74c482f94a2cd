// The generator's naming rules agree with the host's and the SDK's.
import { sectionNames } from '@lip/plugin-sdk';
import { describe, expect, test } from 'vitest';
import {
  ORGANISATION_TYPES,
  camelCase,
  demoEditorFor,
  pascalCase,
  validatePluginId,
  validatePluginName,
} from '../plugin-naming.ts';

describe('plugin ids', () => {
  test.each(['health', 'alternative-provision', 'early-years', 'ks4-outcomes'])(
    '"%s" is accepted',
    (id) => {
      expect(validatePluginId(id)).toBe(true);
    },
  );

  test.each([
    ['', 'Enter a plugin id'],
    ['Early-Years', 'not kebab-case'],
    ['early_years', 'not kebab-case'],
    ['early--years', 'not kebab-case'],
    ['-early', 'not kebab-case'],
    ['4-early', 'not kebab-case'],
    ['core', 'reserved'],
    ['a'.repeat(41), '40 characters or fewer'],
  ])('"%s" is refused: %s', (id, message) => {
    expect(validatePluginId(id)).toContain(message);
  });

  test('an id whose folder exists is refused', () => {
    expect(validatePluginId('health', (id) => id === 'health')).toBe(
      'plugins/health already exists; choose another id',
    );
  });

  test('names that would break the generated code are refused', () => {
    expect(validatePluginName('Early years')).toBe(true);
    expect(validatePluginName("Children's services")).toContain('cannot contain quotes');
    expect(validatePluginName('  ')).toBe('Enter a name, like "Early years"');
  });
});

describe('derived names', () => {
  test.each(['health', 'alternative-provision', 'zz-scaffold-test-abc', 'ks4-outcomes'])(
    '"%s" matches the SDK',
    (id) => {
      const names = sectionNames(id);
      expect(`${pascalCase(id)}Section`).toBe(names.type);
      expect(camelCase(id)).toBe(names.field);
      expect(`update${pascalCase(id)}Section`).toBe(names.mutation);
    },
  );
});

describe('organisation types', () => {
  test('the 15 of the catalogue, each once', () => {
    const ids = ORGANISATION_TYPES.map((t) => t.id);
    expect(new Set(ids).size).toBe(15);
    expect(ids).toContain('integrated-care-board');
    expect(ids).toContain('dfe-regions-group');
  });

  test('the demo editor of a type: its member, else the partnership lead', () => {
    expect(demoEditorFor('integrated-care-board')).toBe('icb@northshire.example');
    expect(demoEditorFor('sendiass')).toBe('lead@northshire.example');
  });
});
