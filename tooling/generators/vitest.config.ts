import { defineConfig } from 'vitest/config';

export default defineConfig({
  // One graphql module for everyone (else "Duplicate graphql modules").
  resolve: { alias: { graphql: 'graphql/index.js' } },
  test: {
    include: ['test/**/*.test.ts'],
    // Generates, installs, typechecks, lints and tests a whole plugin: minutes on 2 cores.
    testTimeout: 300_000,
    hookTimeout: 600_000,
    fileParallelism: false,
  },
});
