// The standards heat map as CSV: a row per partnership's plan, a column per standard area.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { csvResponse, heatMapCsv, oversightHeatMap } from '../lib/oversight.server.ts';

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { oversight } = await oversightHeatMap(request, context);
  return csvResponse('oversight-standards-heat-map.csv', heatMapCsv(oversight.heatMap));
}
