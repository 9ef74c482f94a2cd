import { defineConfig } from 'vitest/config';

// Not vite.config.ts: unit tests need neither the Remix plugin nor the server build.
export default defineConfig({
  esbuild: { jsx: 'automatic' },
  // One graphql module for everyone (else "Duplicate graphql modules").
  resolve: { alias: { graphql: 'graphql/index.js' } },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
