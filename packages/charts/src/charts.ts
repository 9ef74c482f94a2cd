import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

export interface ChartPoint {
  period: string;
  value: number | null;
}

export interface ChartSeries {
  /** Shown in the legend and the line's label: "Local", "Region", "England". */
  name: string;
  points: ChartPoint[];
}

export interface LineChartInput {
  title: string;
  /** A sentence or two saying what the chart shows; put the figures in the table next to it. */
  description: string;
  /** The metric's unit ("percent", "count"...), for the y axis tick format. */
  unit: string;
  series: ChartSeries[];
  target?: number | null;
  yLabel: string;
}

export interface BarDatum {
  label: string;
  value: number | null;
}

export interface BarChartInput {
  title: string;
  description: string;
  unit: string;
  bars: BarDatum[];
  target?: number | null;
  yLabel: string;
}

export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 360;

export function lineChartSvg(input: LineChartInput): string {
  void input;
  throw new Error('not yet');
}

export function barChartSvg(input: BarChartInput): string {
  void input;
  void Plot;
  void parseHTML;
  throw new Error('not yet');
}
