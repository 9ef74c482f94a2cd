import path from 'node:path';
import { defineConfig } from 'prisma/config';

// Prisma's CLI is used only for `prisma generate` (offline): migrations are our own SQL files,
// applied by src/migrate.ts. No datasource URL is needed to generate.
export default defineConfig({
  schema: path.join('prisma', 'schema'),
  migrations: { path: path.join('prisma', 'migrations') },
});
