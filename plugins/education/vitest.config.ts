import { defineConfig } from 'vitest/config';

const postgres = Boolean(process.env.TEST_DATABASE_URL);

export default defineConfig({
  // One graphql module for everyone (else "Duplicate graphql modules").
  resolve: { alias: { graphql: 'graphql/index.js' } },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'pglite', env: { LIP_TEST_ENGINE: 'pglite' } } },
      ...(postgres
        ? [
            {
              extends: true as const,
              test: { name: 'postgres', env: { LIP_TEST_ENGINE: 'postgres' } },
            },
          ]
        : []),
    ],
  },
});
