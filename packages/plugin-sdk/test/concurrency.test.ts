// The concurrency suite (PostgreSQL only): 20 clients × 50 edits over HTTP (core's /graphql
// handler) of one section and one commitment, mixed owned and shared fields (test/concurrency-workload.ts). Every owner's last
// successful write is what is stored (0 lost updates), every refused write is the typed conflict,
// and nothing else fails. Figures: bench/merge/concurrency.ts, docs/benchmarks.md.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestHarness, type TestHarness } from '../src/testing.ts';
import { runWorkload } from './concurrency-workload.ts';
import sample from './sample-plugin.ts';

// PostgreSQL only: PGlite is one connection, so its writers never overlap.
const postgres = process.env.LIP_TEST_ENGINE === 'postgres';
let h: TestHarness;

beforeAll(async () => {
  if (postgres) h = await createTestHarness({ plugins: [sample] });
});
afterAll(() => h?.close());

test.skipIf(!postgres)(
  '20 clients × 50 edits over HTTP: 0 lost updates, every stale write a typed conflict, 0 5xx',
  { timeout: 170_000 },
  async () => {
    const report = await runWorkload(h, 'lead@northshire.example', { clients: 20, edits: 50 });
    console.log(
      `concurrency: ${report.writes} writes, ${report.conflicts} conflicts in ${report.seconds.toFixed(1)} s`,
      report.conflictFields,
    );
    expect(report.serverErrors).toBe(0);
    expect(report.otherErrors).toEqual([]);
    expect(report.lostUpdates).toEqual([]);
    expect(report.strayShared).toEqual([]);
    expect(report.givenUp).toBe(0);
    expect(report.writes).toBeGreaterThanOrEqual(20 * 50);
    expect(report.conflicts).toBeGreaterThan(0);
  },
);
