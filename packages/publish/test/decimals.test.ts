// Each metric's published decimal places, on every page and export of a published version.
import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { PublishedPlan, buildPlanView, renderCsv, renderJson } from '../src/index.ts';
import { formatFigure, toPlaces } from '../src/labels.ts';
import { parseCsv } from './csv-parse.ts';
import { fixturePublication } from './fixtures.ts';

describe('toPlaces', () => {
  it('rounds half away from zero on the digits and pads to the places asked for', () => {
    expect(toPlaces('38.25', 1)).toBe('38.3');
    expect(toPlaces('40', 1)).toBe('40.0');
    expect(toPlaces('99.96', 1)).toBe('100.0');
    expect(toPlaces('0.125', 2)).toBe('0.13');
    expect(toPlaces('1234.5', 0)).toBe('1235');
    expect(toPlaces('-2.349', 2)).toBe('-2.35');
    expect(toPlaces('-0.04', 1)).toBe('0.0');
    expect(toPlaces('c', 1)).toBe('c');
  });

  it('formats a figure in its unit to its places', () => {
    expect(formatFigure('12.1', 'percent', 2)).toBe('12.10%');
    expect(formatFigure('1520.4', 'gbp', 0)).toBe('£1,520');
    expect(formatFigure('38.25', 'percent')).toBe('38.25%');
  });
});

describe('a published version with decimal places recorded', () => {
  const publication = fixturePublication();
  const ehc01 = publication.snapshot.metrics.find((m) => m.metricId === 'EHC-01')!;
  ehc01.decimals = 2;
  ehc01.observations[0]!.value = '41.234';

  it('shows baseline, target and figures to those places on the page', () => {
    const metric = buildPlanView(publication).metrics.find((m) => m.metricId === 'EHC-01')!;
    expect(metric.baseline.text).toBe('41.20%');
    expect(metric.target.text).toBe('60.00%');
    expect(metric.observations[0]!.figure).toMatchObject({ text: '41.23%', value: '41.23' });
    const html = renderToStaticMarkup(createElement(PublishedPlan, { publication }));
    expect(html).toContain('41.23%');
    expect(html).not.toContain('41.234');
  });

  it('writes the same digits to the open data CSV and keeps them in the JSON', () => {
    const { files } = renderCsv(publication);
    const all = files.map((f) => f.content).join('\n');
    expect(all).toContain('41.23');
    expect(all).not.toContain('41.234');
    const rows = files.flatMap((f) => parseCsv(f.content));
    expect(rows.some((r) => r.includes('60.00'))).toBe(true);
    const json = JSON.parse(renderJson(publication)) as {
      snapshot: { metrics: { metricId: string; decimals?: number }[] };
    };
    expect(json.snapshot.metrics.find((m) => m.metricId === 'EHC-01')!.decimals).toBe(2);
  });

  it('leaves figures as published in versions frozen before decimals were recorded', () => {
    const old = fixturePublication();
    const metric = buildPlanView(old).metrics.find((m) => m.metricId === 'EHC-01')!;
    expect(metric.baseline.text).toBe('41.2%');
  });
});
