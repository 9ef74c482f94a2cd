// Benchmark: the observations import on PGlite (the demo database), for a national DfE-style file
// of about 50,000 and 200,000 rows. Prints parse, check (dry run) and apply seconds and peak RSS.
//   npx tsx bench/import/observations.ts [sizes=50k,200k]
// Record results in docs/benchmarks.md.
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createTestDatabase } from '../../packages/db/src/testing.ts';
import { createHost } from '../../packages/core/src/host.ts';
import {
  checkImport,
  readCsv,
  suggestMapping,
  scanFile,
  writeObservations,
} from '../../packages/core/src/metrics/import.ts';
import {
  generateObservationsCsv,
  JANUARY_METRICS,
  YEAR_METRICS,
} from '../../packages/core/test/fixtures/metrics/generate.ts';

const SIZES: Record<string, { years: number; metrics: readonly string[] }> = {
  // 163 geographies × 4 SEN statuses × 8 metrics × 10 years = 52,160 rows
  '50k': { years: 10, metrics: YEAR_METRICS },
  // × 16 metrics × 20 years = 208,640 rows
  '200k': { years: 20, metrics: [...new Set([...YEAR_METRICS, ...JANUARY_METRICS])] },
};
const sizes = (process.argv[2] ?? '50k,200k').split(',');

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 20);
const seconds = (from: number) => ((performance.now() - from) / 1000).toFixed(1);
const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

console.log(`Observations import on PGlite, ${cpus().length} CPUs, Node ${process.version}`);
for (const size of sizes) {
  const spec = SIZES[size];
  if (!spec) throw new Error(`Unknown size ${size}: use ${Object.keys(SIZES).join(', ')}`);
  const { csv, rows } = generateObservationsCsv(spec);
  const content = Buffer.from(csv, 'utf8');
  const db = await createTestDatabase({ seed: 'demo' });
  const host = createHost(db.prisma, []);
  const partnershipId = 'demo-partnership-northshire';
  peakRss = process.memoryUsage().rss;

  let start = performance.now();
  let records = 0;
  for await (const _record of readCsv(content)) records++;
  const parse = seconds(start);

  const { columns } = await scanFile(content, null);
  const { indicators } = await scanFile(content, 'indicator');
  const metricIds = new Set(
    (await db.prisma.metric.findMany({ select: { id: true } })).map((m) => m.id),
  );
  const mapping = suggestMapping(columns, indicators, metricIds);

  start = performance.now();
  const dryRun = await checkImport(host, { partnershipId, content }, mapping, { keepPlan: false });
  const check = seconds(start);

  start = performance.now();
  const plan = await checkImport(host, { partnershipId, content }, mapping, { keepPlan: true });
  await db.prisma.$transaction((tx) => writeObservations(tx, partnershipId, 'bench', plan), {
    timeout: 30 * 60_000,
  });
  const apply = seconds(start);

  start = performance.now();
  const again = await checkImport(host, { partnershipId, content }, mapping, { keepPlan: false });
  const recheck = seconds(start);

  console.log(
    `${size}: ${rows} rows (${mib(content.length)} MiB), ${records - 1} read, ${dryRun.addedRows} to add, ${dryRun.refusedRows} refused`,
  );
  console.log(`  parse        ${parse} s`);
  console.log(`  check        ${check} s   (dry run against an empty partnership)`);
  console.log(`  apply        ${apply} s   (check again + write in one transaction)`);
  console.log(`  re-check     ${recheck} s   (${again.unchangedRows} unchanged)`);
  console.log(`  peak RSS     ${mib(peakRss)} MiB`);
  await db.close();
}
clearInterval(sampler);
