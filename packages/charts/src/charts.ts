import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

export interface ChartPoint {
  period: string;
  /** null where there is no figure (suppressed, not yet published): the line has a gap there. */
  value: number | null;
}

export interface ChartSeries {
  /** Shown in the key: "Local", "Region", "England". */
  name: string;
  points: ChartPoint[];
}

interface ChartCommon {
  title: string;
  /** A sentence or two saying what the chart shows; the figures belong in the table next to it. */
  description: string;
  /** The metric's unit ("percent", "count"...): percentages get a "%" on the axis. */
  unit: string;
  /** A dashed horizontal rule at the target, labelled. */
  target?: number | null;
  yLabel: string;
  /** The id of the svg (its title and desc ids derive from it); defaults to one made from the title. Give one when a page has two charts with the same title. */
  id?: string;
  width?: number;
  height?: number;
}

export interface LineChartInput extends ChartCommon {
  series: ChartSeries[];
}

export interface BarDatum {
  label: string;
  value: number | null;
}

export interface BarChartInput extends ChartCommon {
  bars: BarDatum[];
}

export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 400;

/** Line styles told apart by dash pattern and marker shape, not colour alone (WCAG 1.4.1). */
const SERIES_STYLES = [
  { stroke: '#1d70b8', dasharray: 'none', symbol: 'circle' },
  { stroke: '#0b0c0c', dasharray: '10,5', symbol: 'square' },
  { stroke: '#505a5f', dasharray: '2,4', symbol: 'triangle' },
  { stroke: '#4c2c92', dasharray: '12,4,2,4', symbol: 'diamond' },
  { stroke: '#00703c', dasharray: '6,3', symbol: 'cross' },
] as const;
const TARGET_COLOUR = '#d4351c';
const TARGET_DASHARRAY = '6,4';
const FONT = { fontFamily: '"GDS Transport", arial, sans-serif', fontSize: '16px' };
const LEGEND_ROW_HEIGHT = 26;
/** Roughly the width of a digit at 16px, for spacing axis labels. */
const APPROX_CHAR_WIDTH = 9;
const LEGEND_ITEMS_PER_ROW = 3;

/**
 * A line chart of one measure over time as an SVG string: one line per series (local, region,
 * England) with its own dash pattern and marker, a dashed target rule, a key, and `<title>` and
 * `<desc>` referenced by aria-labelledby/aria-describedby. Fixed width and height with a viewBox
 * so it scales. Server-only (it builds the SVG in linkedom's DOM).
 */
export function lineChartSvg(input: LineChartInput): string {
  const width = input.width ?? CHART_WIDTH;
  const periods = [
    ...new Set(input.series.flatMap((series) => series.points.map((point) => point.period))),
  ].sort();
  const values = input.series
    .flatMap((series) => series.points.map((point) => point.value))
    .filter(isFigure);
  const legend = legendEntries(input.series, input);

  const marks: Plot.Markish[] = [Plot.ruleY([0], { stroke: '#b1b4b6' })];
  input.series.forEach((series, index) => {
    const style = seriesStyle(index);
    // Nulls stay in the data (not filtered out) so the line breaks at them instead of joining across.
    const data = series.points.map((point) => ({
      period: point.period,
      value: isFigure(point.value) ? point.value : undefined,
    }));
    marks.push(
      Plot.line(data, {
        x: 'period',
        y: 'value',
        stroke: style.stroke,
        strokeWidth: 3,
        strokeDasharray: style.dasharray,
        className: 'lip-chart-series',
      }),
      Plot.dot(
        data.filter((point) => point.value !== undefined),
        {
          x: 'period',
          y: 'value',
          stroke: style.stroke,
          fill: style.stroke,
          symbol: style.symbol,
          r: 4,
        },
      ),
    );
  });
  marks.push(...targetMarks(input));
  const x: Plot.ScaleOptions = {
    type: 'point',
    domain: periods,
    label: null,
    padding: 0.3,
    ticks: periodTicks(periods, width),
  };
  return chartSvg(input, legend, x, values, marks);
}

/**
 * A bar chart (e.g. one period across areas or breakdowns) as an SVG string, with the same
 * accessibility as lineChartSvg. A null value leaves its label with no bar. Server-only.
 * Short labels that fit under their bars get upright bars; otherwise (partnership names, many
 * bars) the bars lie horizontally, one row each with its label beside it, so no label runs into
 * the next.
 */
export function barChartSvg(input: BarChartInput): string {
  const labels = input.bars.map((bar) => bar.label);
  const values = input.bars.map((bar) => bar.value).filter(isFigure);
  const data = input.bars.flatMap((bar) =>
    isFigure(bar.value) ? [{ label: bar.label, value: bar.value }] : [],
  );
  const width = input.width ?? CHART_WIDTH;
  const band = (width - 64 - 24) / Math.max(1, labels.length);
  const longest = Math.max(1, ...labels.map((label) => label.length));
  if (longest * APPROX_CHAR_WIDTH <= band * 0.9) {
    return chartSvg(
      input,
      legendEntries([], input),
      { type: 'band', domain: labels, label: null, padding: 0.3 },
      values,
      [
        Plot.barY(data, {
          x: 'label',
          y: 'value',
          fill: SERIES_STYLES[0].stroke,
          className: 'lip-chart-bar',
        }),
        Plot.ruleY([0], { stroke: '#0b0c0c' }),
        ...targetMarks(input),
      ],
    );
  }
  return horizontalBarChartSvg(input, labels, values, data);
}

/** Longest label drawn in full beside a horizontal bar; longer ones end in "…" (the table has them). */
const MAX_BAR_LABEL_CHARACTERS = 26;
const BAR_ROW_HEIGHT = 30;

function horizontalBarChartSvg(
  input: BarChartInput,
  labels: string[],
  values: number[],
  data: { label: string; value: number }[],
): string {
  const width = input.width ?? CHART_WIDTH;
  const longest = Math.min(
    MAX_BAR_LABEL_CHARACTERS,
    Math.max(1, ...labels.map((label) => label.length)),
  );
  const marginLeft = Math.ceil(longest * APPROX_CHAR_WIDTH * 0.95) + 16;
  const legend = legendEntries([], input);
  const keyHeight = legendHeight(legend);
  const plotHeight = 30 + 56 + labels.length * BAR_ROW_HEIGHT;
  const { label: xLabel, ...valueScale } = yScale(input, values);
  const svg = plotSvg({
    width,
    height: plotHeight + keyHeight,
    marginTop: 30,
    marginLeft,
    marginRight: 24,
    marginBottom: 56 + keyHeight,
    style: FONT,
    y: { type: 'band', domain: labels, label: null, padding: 0.25, tickFormat: shortened },
    x: { ...valueScale, label: xLabel, labelAnchor: 'center', labelOffset: 44, ticks: 4 },
    marks: [
      Plot.barX(data, {
        y: 'label',
        x: 'value',
        fill: SERIES_STYLES[0].stroke,
        className: 'lip-chart-bar',
      }),
      Plot.ruleX([0], { stroke: '#0b0c0c' }),
      ...(isFigure(input.target)
        ? [
            Plot.ruleX([input.target], {
              stroke: TARGET_COLOUR,
              strokeWidth: 2,
              strokeDasharray: TARGET_DASHARRAY,
              className: 'lip-chart-target',
            }),
          ]
        : []),
    ],
  });
  addLegend(svg, legend, width, plotHeight);
  return finish(svg, input);
}

function shortened(label: string): string {
  return label.length > MAX_BAR_LABEL_CHARACTERS
    ? `${label.slice(0, MAX_BAR_LABEL_CHARACTERS - 1).trimEnd()}…`
    : label;
}

/**
 * Both charts' frame: margins, font, the y scale (over `values` and the target) and the key below
 * the plot, then the accessible title and description.
 */
function chartSvg(
  input: ChartCommon,
  legend: LegendEntry[],
  x: Plot.ScaleOptions,
  values: number[],
  marks: Plot.Markish[],
): string {
  const width = input.width ?? CHART_WIDTH;
  const height = input.height ?? CHART_HEIGHT;
  const keyHeight = legendHeight(legend);
  const svg = plotSvg({
    width,
    height: height + keyHeight,
    marginTop: 30,
    marginLeft: 64,
    marginRight: 24,
    marginBottom: 48 + keyHeight,
    style: FONT,
    x,
    y: yScale(input, values),
    marks,
  });
  addLegend(svg, legend, width, height - 10);
  return finish(svg, input);
}

/**
 * The periods to label on the x axis: all of them when they fit at 16px, else every nth, always
 * keeping the latest (monthly figures over two years would otherwise overlap).
 */
function periodTicks(periods: string[], width: number): string[] {
  const plotWidth = width - 64 - 24;
  const longest = Math.max(1, ...periods.map((period) => period.length));
  const fitting = Math.max(2, Math.floor(plotWidth / (longest * APPROX_CHAR_WIDTH + 16)));
  const step = Math.ceil(periods.length / fitting);
  return periods.filter((_, index) => (periods.length - 1 - index) % step === 0);
}

function isFigure(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function seriesStyle(index: number) {
  // More series than styles should not happen (local, region, England); wrap rather than fail.
  return SERIES_STYLES[index % SERIES_STYLES.length] ?? SERIES_STYLES[0];
}

function isPercent(unit: string): boolean {
  return /^(%|percent|percentage)$/i.test(unit.trim());
}

function formatNumber(value: number, unit: string): string {
  const number = value.toLocaleString('en-GB', { maximumFractionDigits: 2 });
  return isPercent(unit) ? `${number}%` : number;
}

function yScale(input: ChartCommon, values: number[]): Plot.ScaleOptions {
  const target = isFigure(input.target) ? [input.target] : [];
  const all = [...values, ...target];
  // With nothing to plot, an explicit domain keeps the axis (and every coordinate) finite.
  const domain = all.length === 0 ? [0, 1] : undefined;
  return {
    label: input.yLabel,
    labelArrow: 'none',
    grid: true,
    nice: true,
    zero: all.every((value) => value >= 0),
    domain,
    tickFormat: (value: number) => formatNumber(value, input.unit),
    ticks: 6,
  };
}

function targetMarks(input: ChartCommon): Plot.Markish[] {
  if (!isFigure(input.target)) return [];
  return [
    Plot.ruleY([input.target], {
      stroke: TARGET_COLOUR,
      strokeWidth: 2,
      strokeDasharray: TARGET_DASHARRAY,
      className: 'lip-chart-target',
    }),
  ];
}

function plotSvg(options: Plot.PlotOptions): SVGSVGElement {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  // linkedom's Document implements the parts of the DOM that Plot uses, but not the whole lib.dom type.
  const plot = Plot.plot({ ...options, document: document as unknown as Document });
  return plot as SVGSVGElement;
}

interface LegendEntry {
  name: string;
  stroke: string;
  dasharray: string;
  symbol?: keyof typeof MARKER_PATHS;
}

function legendEntries(series: ChartSeries[], input: ChartCommon): LegendEntry[] {
  const lines = series.map((entry, index) => ({ name: entry.name, ...seriesStyle(index) }));
  const target = isFigure(input.target)
    ? [
        {
          name: `Target: ${formatNumber(input.target, input.unit)}`,
          stroke: TARGET_COLOUR,
          dasharray: TARGET_DASHARRAY,
        },
      ]
    : [];
  return [...lines, ...target];
}

function legendHeight(entries: LegendEntry[]): number {
  return Math.ceil(entries.length / LEGEND_ITEMS_PER_ROW) * LEGEND_ROW_HEIGHT;
}

/** A key below the plot: a sample of each line (dash and marker) and its name. */
function addLegend(svg: SVGSVGElement, entries: LegendEntry[], width: number, top: number): void {
  if (entries.length === 0) return;
  const legend = svgElement(svg, 'g', { class: 'lip-chart-legend', 'text-anchor': 'start' });
  const itemWidth = Math.floor((width - 64) / LEGEND_ITEMS_PER_ROW);
  entries.forEach((entry, index) => {
    const x = 64 + (index % LEGEND_ITEMS_PER_ROW) * itemWidth;
    const y =
      top + LEGEND_ROW_HEIGHT / 2 + Math.floor(index / LEGEND_ITEMS_PER_ROW) * LEGEND_ROW_HEIGHT;
    legend.append(
      svgElement(svg, 'line', {
        x1: x,
        x2: x + 44,
        y1: y,
        y2: y,
        stroke: entry.stroke,
        'stroke-width': 3,
        'stroke-dasharray': entry.dasharray,
      }),
    );
    if (entry.symbol) {
      legend.append(
        svgElement(svg, 'path', {
          d: MARKER_PATHS[entry.symbol],
          transform: `translate(${x + 22},${y})`,
          fill: entry.stroke,
          stroke: entry.stroke,
          'stroke-width': 1.5,
        }),
      );
    }
    const label = svgElement(svg, 'text', { x: x + 52, y, dy: '0.32em' });
    label.textContent = entry.name;
    legend.append(label);
  });
  svg.append(legend);
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The legend's copies of Plot's dot symbols at r = 4 (as Plot draws them). */
const MARKER_PATHS = {
  circle: 'M4,0A4,4,0,1,1,-4,0A4,4,0,1,1,4,0Z',
  square: 'M-3.545,-3.545h7.09v7.09h-7.09Z',
  triangle: 'M0,-6.22L5.387,3.11L-5.387,3.11Z',
  diamond: 'M0,-6.2L3.58,0L0,6.2L-3.58,0Z',
  cross:
    'M-5.4,-1.8L-1.8,-1.8L-1.8,-5.4L1.8,-5.4L1.8,-1.8L5.4,-1.8L5.4,1.8L1.8,1.8L1.8,5.4L-1.8,5.4L-1.8,1.8L-5.4,1.8Z',
} as const;

function svgElement(
  svg: SVGSVGElement,
  name: string,
  attributes: Record<string, string | number>,
): SVGElement {
  const element = svg.ownerDocument.createElementNS(SVG_NS, name);
  for (const [attribute, value] of Object.entries(attributes))
    element.setAttribute(attribute, String(value));
  return element;
}

function finish(svg: SVGSVGElement, input: ChartCommon): string {
  const document = svg.ownerDocument;
  const id = input.id ?? `chart-${slug(input.title)}`;
  const title = document.createElementNS(SVG_NS, 'title');
  title.setAttribute('id', `${id}-title`);
  title.textContent = input.title;
  const desc = document.createElementNS(SVG_NS, 'desc');
  desc.setAttribute('id', `${id}-desc`);
  desc.textContent = input.description;
  svg.prepend(title, desc);
  // Plot labels its marks' groups (aria-label="line"...), which ARIA prohibits inside role="img"
  // (axe: aria-prohibited-attr). The chart is one image described by its title and desc.
  // The names stay as data-mark for styling and tests.
  for (const labelled of svg.querySelectorAll('[aria-label]')) {
    labelled.setAttribute('data-mark', labelled.getAttribute('aria-label') ?? '');
    labelled.removeAttribute('aria-label');
  }
  svg.setAttribute('id', id);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-labelledby', `${id}-title`);
  svg.setAttribute('aria-describedby', `${id}-desc`);
  svg.setAttribute('focusable', 'false');
  return svg.outerHTML;
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'untitled'
  );
}
