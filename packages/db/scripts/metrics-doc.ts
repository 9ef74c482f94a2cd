// pnpm metrics:doc: rewrites docs/metrics.md from the catalogue seed.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { metricsMarkdown } from '../src/seed/metrics-doc.ts';

const target = fileURLToPath(new URL('../../../docs/metrics.md', import.meta.url));
writeFileSync(target, metricsMarkdown());
console.log(`Wrote ${target}`);
