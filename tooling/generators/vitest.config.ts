import { defineConfig } from 'vitest/config';

export default defineConfig({
  // One graphql module for everyone (else "Duplicate graphql modules").
  resolve: { alias: { graphql: 'graphql/index.js' } },
  test: {
    include: ['test/**/*.test.ts'],
    // Generates, installs, typechecks, lints and tests a whole plugin: minutes on 2 cores.
    testTimeout: 240_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
