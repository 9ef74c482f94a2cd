// Writes packages/core/schema.graphql: the schema with the configured plugins, checked in so every
// schema change shows in review (test/schema-file.test.ts fails when it is stale).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { configuredPlugins } from './configured-plugins.ts';
import { schemaText } from './schema-text.ts';

const target = fileURLToPath(new URL('../schema.graphql', import.meta.url));
const plugins = await configuredPlugins();
writeFileSync(target, schemaText(plugins));
console.log(`Wrote ${target} (plugins: ${plugins.map((p) => p.id).join(', ') || 'none'})`);
