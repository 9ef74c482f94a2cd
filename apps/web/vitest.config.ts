import { defineConfig } from 'vitest/config';

// Not vite.config.ts: unit tests need neither the Remix plugin nor the server build.
export default defineConfig({
  esbuild: { jsx: 'automatic' },
  test: { include: ['test/**/*.test.{ts,tsx}'], environment: 'node' },
});
