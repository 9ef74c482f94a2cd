import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { barChartSvg, lineChartSvg, type LineChartInput } from '../src/index.ts';

function parseSvg(svg: string) {
  const document = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const root = document.documentElement;
  if (!root || root.tagName.toLowerCase() !== 'svg')
    throw new Error(`Not an svg: ${svg.slice(0, 80)}`);
  return root;
}

/** Every attribute value in the document, for checking none is NaN, Infinity or "undefined". */
interface ElementLike {
  attributes: ArrayLike<{ value: string }>;
  children: ArrayLike<ElementLike>;
}
function attributeValues(element: ElementLike): string[] {
  return Array.from(element.attributes, (attribute) => attribute.value).concat(
    Array.from(element.children).flatMap(attributeValues),
  );
}

const chart: LineChartInput = {
  title: 'Pupils with an EHC plan',
  description:
    'The share of pupils with an EHC plan locally, in the region and in England, 2021 to 2024.',
  unit: 'percent',
  yLabel: 'Percentage of pupils',
  target: 4.5,
  series: [
    {
      name: 'Local',
      points: [
        { period: '2021', value: 3.1 },
        { period: '2022', value: null },
        { period: '2023', value: 4.2 },
        { period: '2024', value: 4.8 },
      ],
    },
    {
      name: 'Region',
      points: [
        { period: '2021', value: 3.4 },
        { period: '2022', value: 3.6 },
        { period: '2023', value: 3.9 },
        { period: '2024', value: 4.1 },
      ],
    },
    {
      name: 'England',
      points: [
        { period: '2021', value: 3.7 },
        { period: '2022', value: 4.0 },
        { period: '2023', value: 4.3 },
        { period: '2024', value: 4.8 },
      ],
    },
  ],
};

describe('lineChartSvg', () => {
  it('is an image named by its title and described by its desc', () => {
    const svg = parseSvg(lineChartSvg(chart));
    expect(svg.getAttribute('role')).toBe('img');
    const title = svg.querySelector(`[id="${svg.getAttribute('aria-labelledby')}"]`);
    const desc = svg.querySelector(`[id="${svg.getAttribute('aria-describedby')}"]`);
    expect(title?.tagName.toLowerCase()).toBe('title');
    expect(title?.textContent).toBe(chart.title);
    expect(desc?.tagName.toLowerCase()).toBe('desc');
    expect(desc?.textContent).toBe(chart.description);
    expect(svg.firstElementChild).toBe(title);
  });

  it('has a fixed size with a viewBox, so it scales, and legible text', () => {
    const svg = parseSvg(lineChartSvg(chart));
    const [width, height] = [Number(svg.getAttribute('width')), Number(svg.getAttribute('height'))];
    expect(width).toBeGreaterThan(0);
    expect(svg.getAttribute('viewBox')).toBe(`0 0 ${width} ${height}`);
    expect(svg.getAttribute('style')).toContain('font-size:16px');
  });

  it('draws one path per series, each with its own dash pattern', () => {
    const svg = parseSvg(lineChartSvg(chart));
    const lines = [...svg.querySelectorAll('g.lip-chart-series')];
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line.querySelectorAll('path')).toHaveLength(1);
    const dashes = lines.map((line) => line.getAttribute('stroke-dasharray') ?? 'none');
    expect(new Set(dashes).size).toBe(3);
  });

  it('draws the target as a dashed rule and names it in the key', () => {
    const svg = parseSvg(lineChartSvg(chart));
    const rule = svg.querySelector('g.lip-chart-target');
    expect(rule?.getAttribute('stroke-dasharray')).toBeTruthy();
    expect(rule?.querySelectorAll('line')).toHaveLength(1);
    const key = [...svg.querySelectorAll('g.lip-chart-legend text')].map(
      (text) => text.textContent,
    );
    expect(key).toEqual(['Local', 'Region', 'England', 'Target: 4.5%']);
  });

  it('has no target rule without a target', () => {
    const svg = parseSvg(lineChartSvg({ ...chart, target: null }));
    expect(svg.querySelector('g.lip-chart-target')).toBeNull();
    expect(
      [...svg.querySelectorAll('g.lip-chart-legend text')].map((text) => text.textContent),
    ).toEqual(['Local', 'Region', 'England']);
  });

  it('leaves a gap at a null point and writes no NaN into any attribute', () => {
    const svg = parseSvg(lineChartSvg(chart));
    const localPath = svg.querySelector('g.lip-chart-series path')?.getAttribute('d') ?? '';
    // Two pieces: 2021 on its own, then 2023–2024.
    expect(localPath.match(/M/g)).toHaveLength(2);
    for (const value of attributeValues(svg)) expect(value).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('stays finite when a series has no figures at all', () => {
    const empty = lineChartSvg({
      ...chart,
      target: null,
      series: [{ name: 'Local', points: [{ period: '2024', value: null }] }],
    });
    for (const value of attributeValues(parseSvg(empty)))
      expect(value).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('escapes text and uses the given id', () => {
    const svg = parseSvg(
      lineChartSvg({ ...chart, id: 'ehc-chart', title: 'Pupils <with> "EHC" & plans' }),
    );
    expect(svg.getAttribute('id')).toBe('ehc-chart');
    expect(svg.querySelector('title')?.textContent).toBe('Pupils <with> "EHC" & plans');
    expect(svg.getAttribute('aria-labelledby')).toBe('ehc-chart-title');
    // ARIA prohibits aria-label inside role="img" (axe: aria-prohibited-attr).
    expect(svg.querySelectorAll('[aria-label]')).toHaveLength(0);
  });

  it('formats the y axis in the unit', () => {
    const labels = [...parseSvg(lineChartSvg(chart)).querySelectorAll('text')].map(
      (text) => text.textContent ?? '',
    );
    expect(labels).toContain('4%');
    expect(labels).toContain('Percentage of pupils');
  });
});

describe('barChartSvg', () => {
  it('draws a bar per figure, none for a null, with a target rule', () => {
    const svg = parseSvg(
      barChartSvg({
        title: 'EHC plans by primary need',
        description: 'Children with an EHC plan by primary need, January 2024.',
        unit: 'count',
        yLabel: 'Children',
        target: 120,
        bars: [
          { label: 'ASD', value: 150 },
          { label: 'SEMH', value: 90 },
          { label: 'SLCN', value: null },
          { label: 'MLD', value: 40 },
        ],
      }),
    );
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.querySelectorAll('g.lip-chart-bar rect')).toHaveLength(3);
    expect(svg.querySelector('g.lip-chart-target line')).not.toBeNull();
    const labels = [...svg.querySelectorAll('text')].map((text) => text.textContent);
    expect(labels).toContain('SLCN');
    for (const value of attributeValues(svg)) expect(value).not.toMatch(/NaN|Infinity|undefined/);
  });
});

describe('barChartSvg with long labels', () => {
  it('lays the bars down, one row each, so no two labels share a line', () => {
    const names = [
      'Northshire SEND and AP Partnership',
      'Southvale Local Partnership',
      'Westmere Inclusion Partnership',
      'North West',
      'England',
    ];
    const svg = parseSvg(
      barChartSvg({
        title: 'EHC plans issued within 20 weeks',
        description: 'The latest figure of each partnership, its region and England.',
        unit: 'percent',
        yLabel: 'Per cent',
        target: 60,
        bars: names.map((label, index) => ({ label, value: index === 1 ? null : 40 + index * 5 })),
      }),
    );
    const bars = [...svg.querySelectorAll('g.lip-chart-bar rect')];
    expect(bars).toHaveLength(4);
    // Horizontal: every bar starts at the same x and has its own row.
    expect(new Set(bars.map((bar) => bar.getAttribute('x'))).size).toBe(1);
    expect(new Set(bars.map((bar) => bar.getAttribute('y'))).size).toBe(4);
    const labels = [...svg.querySelectorAll('text')].map((text) => text.textContent ?? '');
    expect(labels).toContain('North West');
    expect(labels).toContain('Northshire SEND and AP Pa…');
    expect(labels.every((label) => label.length <= 26 || label.startsWith('Target'))).toBe(true);
    expect(svg.querySelector('g.lip-chart-target line')).not.toBeNull();
    for (const value of attributeValues(svg)) expect(value).not.toMatch(/NaN|Infinity|undefined/);
  });
});

describe('lineChartSvg with many periods', () => {
  it('labels only as many periods as fit, keeping the latest', () => {
    const months = Array.from(
      { length: 24 },
      (_, index) => `${2023 + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`,
    );
    const svg = parseSvg(
      lineChartSvg({
        ...chart,
        series: [
          { name: 'Local', points: months.map((period, index) => ({ period, value: index })) },
        ],
      }),
    );
    const labels = [...svg.querySelectorAll('g[data-mark="x-axis tick label"] text')].map(
      (text) => text.textContent,
    );
    expect(labels.length).toBeLessThan(months.length);
    expect(labels.length).toBeGreaterThan(3);
    expect(labels.at(-1)).toBe('2024-12');
    expect(svg.querySelectorAll('g.lip-chart-series path')).toHaveLength(1);
  });
});
