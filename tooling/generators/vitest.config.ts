import { defineConfig } from 'vitest/config';

export default defineConfig({
  // One graphql module for everyone (else "Duplicate graphql modules").
  resolve: { alias: { graphql: 'graphql/index.js' } },
  test: {
    // The in-workspace checks run only in the scaffold test's workspace copy, which names the plugin.
    include: process.env.LIP_SCAFFOLD_ID ? ['test/in-workspace/*.check.ts'] : ['test/**/*.test.ts'],
    // Copies the workspace, generates, installs, typechecks, lints and tests a whole plugin:
    // minutes on 2 cores, several more while another heavy process loads the machine.
    testTimeout: 600_000,
    hookTimeout: 600_000,
    fileParallelism: false,
  },
});
