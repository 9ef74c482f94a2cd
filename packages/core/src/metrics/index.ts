// The metrics feature: GraphQL in schema.ts, logic in the other modules (docs/decisions/010).
export { addMetricsTypes } from './schema.ts';
export { unexplainedRedMetrics, type MetricException } from './exceptions.ts';
export { metricTypes } from './metric-type.ts';
export { defineImportJobs, IMPORT_JOB } from './import-jobs.ts';
