// Runs `prisma generate` offline. Prisma 7's CLI tries to download a native schema engine before
// any command; generate never uses it, so pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing
// file skips the download (see docs/decisions/002-migrations-without-the-prisma-engine.md).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
  CHECKPOINT_DISABLE: '1',
};
const result = spawnSync('prisma', ['generate'], {
  cwd: fileURLToPath(new URL('..', import.meta.url)),
  env,
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
process.exit(result.status ?? 1);
