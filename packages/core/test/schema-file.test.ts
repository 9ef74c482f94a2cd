// schema.graphql is checked in so every schema change shows in review; it must be current.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { configuredPlugins } from '../scripts/configured-plugins.ts';
import { schemaText } from '../scripts/schema-text.ts';

test('schema.graphql is up to date (run `pnpm schema:print`)', async () => {
  const checkedIn = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');
  expect(
    checkedIn,
    'packages/core/schema.graphql is stale: run `pnpm schema:print` and commit it',
  ).toBe(schemaText(await configuredPlugins()));
});
