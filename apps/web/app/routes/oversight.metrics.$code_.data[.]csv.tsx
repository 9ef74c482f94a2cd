// One metric across the partnerships in scope, with region and England figures, as CSV.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { csvResponse, metricCsv, oversightMetric } from '../lib/oversight.server.ts';

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { metric } = await oversightMetric(request, context, params.code ?? '');
  const name = metric.code.replace(/[^A-Za-z0-9-]+/g, '-');
  return csvResponse(`oversight-metric-${name}.csv`, metricCsv(metric));
}
