import { defineConfig } from 'vitest/config';

// No database here: renderers are pure functions of a Publication.
export default defineConfig({
  test: { include: ['test/**/*.test.{ts,tsx}'], environment: 'node', testTimeout: 60_000 },
});
