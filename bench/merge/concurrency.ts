// Benchmark: field-level merge under contention. N clients × M edits of one section and one
// commitment through core.execute (the workload of packages/plugin-sdk/test/concurrency.test.ts),
// on PostgreSQL (TEST_DATABASE_URL) or else PGlite. Prints edits/s, the conflict rate and the
// correctness counts (lost updates and other errors must be 0).
//   TEST_DATABASE_URL=postgresql://… npx tsx bench/merge/concurrency.ts [clients=20] [edits=50]
// Record results in docs/benchmarks.md.
import { cpus, loadavg } from 'node:os';
import { createTestHarness } from '../../packages/plugin-sdk/src/testing.ts';
import { runWorkload } from '../../packages/plugin-sdk/test/concurrency-workload.ts';
import sample from '../../packages/plugin-sdk/test/sample-plugin.ts';

const clients = Number(process.argv[2] ?? 20);
const edits = Number(process.argv[3] ?? 50);
process.env.LIP_TEST_ENGINE ??= process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

console.log(
  `Merge under contention on ${process.env.LIP_TEST_ENGINE}, ${clients} clients × ${edits} edits, ${cpus().length} CPUs, Node ${process.version}, load ${loadavg()[0]!.toFixed(1)}`,
);
const h = await createTestHarness({ plugins: [sample] });
try {
  const r = await runWorkload(h, 'lead@northshire.example', { clients, edits });
  const attempts = r.writes + r.conflicts;
  console.log(
    [
      `${r.writes} writes and ${r.conflicts} conflicts in ${r.seconds.toFixed(1)} s`,
      `${(r.writes / r.seconds).toFixed(1)} saved edits/s (${(attempts / r.seconds).toFixed(1)} attempts/s)`,
      `conflict rate ${((100 * r.conflicts) / attempts).toFixed(1)} % of attempts`,
      `conflicts by field ${JSON.stringify(r.conflictFields)}`,
      `lost updates ${r.lostUpdates.length}, 5xx ${r.serverErrors}, other errors ${r.otherErrors.length}, given up ${r.givenUp}`,
    ].join('\n'),
  );
  if (r.lostUpdates.length || r.otherErrors.length || r.strayShared.length) {
    console.error(r);
    process.exitCode = 1;
  }
} finally {
  await h.close();
}
