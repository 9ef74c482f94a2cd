// Server-only: renders charts to SVG strings with Observable Plot and linkedom's DOM. Import it
// from server code (loaders, publish renderers), never from browser bundles.
export {
  lineChartSvg,
  barChartSvg,
  type LineChartInput,
  type BarChartInput,
  type ChartSeries,
  type ChartPoint,
  type BarDatum,
} from './charts.ts';
