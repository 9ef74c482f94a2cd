// Benchmark: render the DOCX board pack of a 400-commitment plan N times; prints median and p95
// wall time and peak RSS. Target: about 1 s or less per render on the standard 2-core machine.
//   npx tsx bench/publish/docx.ts [runs=20] [commitments=400]
// Record results in docs/benchmarks.md.
import { cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { renderDocx } from '../../packages/publish/src/docx.ts';
import { generatePublication } from './generate.ts';

const runs = Number(process.argv[2] ?? 20);
const commitments = Number(process.argv[3] ?? 400);
const publication = generatePublication({ commitments });

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 5);

// One warm-up render (module loading and JIT), not counted.
const warm = await renderDocx(publication);
const timings: number[] = [];
for (let i = 0; i < runs; i++) {
  const start = performance.now();
  await renderDocx(publication);
  timings.push(performance.now() - start);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}
clearInterval(sampler);

timings.sort((a, b) => a - b);
const quantile = (q: number) =>
  timings[Math.min(timings.length - 1, Math.ceil(q * timings.length) - 1)]!;
const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
console.log(
  `DOCX board pack: ${commitments} commitments, ${publication.snapshot.metrics.length} metrics, ${runs} runs`,
);
console.log(`  output       ${(warm.length / 1024).toFixed(0)} KiB`);
console.log(`  median       ${quantile(0.5).toFixed(0)} ms`);
console.log(`  p95          ${quantile(0.95).toFixed(0)} ms`);
console.log(`  peak RSS     ${mib(peakRss)} MiB`);
console.log(
  `  machine      ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${mib(totalmem())} MiB, Node ${process.version}`,
);
