// Shared flat config. Layer rules from ARCHITECTURE.md are enforced here, so a wrong import fails lint:
// core and the web app never name a plugin, a plugin never imports another plugin, the web app
// never imports Prisma.
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const ignores = {
  ignores: [
    '**/dist/**',
    '**/build/**',
    '**/generated/**',
    '**/node_modules/**',
    '**/.turbo/**',
    '**/public/build/**',
  ],
};

const typescript = tseslint.config(js.configs.recommended, ...tseslint.configs.recommended, {
  files: ['**/*.{ts,tsx,js,mjs}'],
  rules: {
    '@typescript-eslint/no-unused-vars': [
      'error',
      { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
    ],
    '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    '@typescript-eslint/no-explicit-any': 'error',
  },
});

const noPlugins = {
  group: ['@lip/plugin-*', '**/plugins/**'],
  message:
    'Core and the app never name a plugin: plugins are listed only in apps/web/lip.config.ts.',
};

const coreOrDatabase = ['@lip/core', '@lip/core/*', '@lip/db', '@lip/db/*', '@prisma/*'];

/** Lint errors for imports matching any of `patterns` (no-restricted-imports patterns). */
const restrictImports = (...patterns) => ({
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});

/**
 * No import cycle at run time (import-x/no-cycle skips `import type`; packages/core's
 * test/import-cycles.test.ts counts those too).
 */
export const noCycle = [
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver()],
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
];

/** For packages/core, packages/db, packages/ui, packages/plugin-sdk. */
export const core = [ignores, ...typescript, ...noCycle, restrictImports(noPlugins)];

/**
 * For packages/charts and packages/statistics: pure packages that core and the publish renderers
 * depend on, so they depend on neither core nor the database.
 */
export const pure = [
  ignores,
  ...typescript,
  ...noCycle,
  restrictImports(noPlugins, {
    group: coreOrDatabase,
    message: 'A pure package: no core, no database (core depends on it).',
  }),
];

/** For apps/web: no plugin by name (outside lip.config.ts) and no Prisma. */
export const web = [
  ignores,
  ...typescript,
  restrictImports(noPlugins, {
    group: ['@lip/db', '@lip/db/*', '@prisma/*', '**/generated/prisma/**'],
    message: 'The web app reads and writes only through the GraphQL core.',
  }),
  { files: ['lip.config.ts'], rules: { 'no-restricted-imports': 'off' } },
];

/** For plugins/<id>: only the SDK (and @lip/ui for UI), never another plugin, core internals or Prisma. */
export function plugin(_id) {
  return [
    ignores,
    ...typescript,
    restrictImports(
      {
        // `../../package.json` from src/server is the plugin's own manifest (its version).
        group: [
          '@lip/plugin-*',
          '!@lip/plugin-sdk',
          '!@lip/plugin-sdk/*',
          '../../*',
          '!../../package.json',
        ],
        message: 'A plugin never imports another plugin.',
      },
      {
        group: coreOrDatabase,
        message: 'Plugins reach core only through @lip/plugin-sdk.',
      },
    ),
  ];
}

export default core;
