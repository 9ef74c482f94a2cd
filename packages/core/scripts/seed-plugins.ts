// Runs the configured plugins' seeds after the core seed (`pnpm --filter @lip/core seed:plugins [--demo]`):
// their metric packs, and with --demo their demo content. Idempotent.
import { createDatabase } from '@lip/db';
import { runPluginSeeds } from '../src/index.ts';
import { configuredPlugins } from './configured-plugins.ts';

const demo = process.argv.includes('--demo');
const db = await createDatabase();
try {
  const plugins = await configuredPlugins();
  await runPluginSeeds(db, plugins, { demo });
  console.log(
    `Seeded plugins: ${plugins.map((p) => p.id).join(', ') || 'none'}${demo ? ' (with demo content)' : ''}`,
  );
} finally {
  await db.close();
}
