import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { metrics } from '../src/seed/catalogue.ts';
import { metricsMarkdown } from '../src/seed/metrics-doc.ts';

const doc = readFileSync(new URL('../../../docs/metrics.md', import.meta.url), 'utf8');

describe('docs/metrics.md', () => {
  it('is up to date with the catalogue seed (run pnpm --filter @lip/db metrics:doc)', () => {
    expect(doc).toBe(metricsMarkdown());
  });

  it('lists every metric with its source, unit, polarity, period and decimals', () => {
    for (const metric of metrics) {
      const row = doc.split('\n').find((line) => line.startsWith(`| ${metric.id} |`));
      expect(row, metric.id).toBeDefined();
      const cells = row!.split(' | ');
      expect(cells[3]).toBe(metric.unit);
      expect(cells[6]).toBe(String(metric.decimals));
      expect(cells[7]).toContain(metric.source ?? '');
    }
  });
});
