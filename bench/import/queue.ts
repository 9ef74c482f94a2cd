// Benchmark: an observations import through the API and the durable job queue (pg-boss), as the
// app runs it: upload, check (a job; polled until CHECKED), apply (a job; polled until APPLIED).
// Prints the wall time of each step from the mutation to the status, on PGlite, or on PostgreSQL
// with LIP_TEST_ENGINE=postgres and TEST_DATABASE_URL.
//   npx tsx bench/import/queue.ts [rows=10k]
// Record results in docs/benchmarks.md.
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createTestCore } from '../../packages/core/src/testing.ts';
import { encodeGlobalId, type RequestContext } from '../../packages/core/src/index.ts';
import {
  generateObservationsCsv,
  YEAR_METRICS,
} from '../../packages/core/test/fixtures/metrics/generate.ts';

const NORTHSHIRE = encodeGlobalId('Partnership', 'demo-partnership-northshire');
// 163 geographies × 4 SEN statuses × 8 metrics × 2 years = 10,432 rows
const SIZES: Record<string, { years: number }> = { '10k': { years: 2 }, '50k': { years: 10 } };
const size = process.argv[2] ?? '10k';
const spec = SIZES[size];
if (!spec) throw new Error(`Unknown size ${size}: use ${Object.keys(SIZES).join(', ')}`);

const engine = process.env.LIP_TEST_ENGINE === 'postgres' ? 'PostgreSQL' : 'PGlite';
console.log(
  `Observations import through the job queue on ${engine}, ${cpus().length} CPUs, Node ${process.version}`,
);
const { csv, rows } = generateObservationsCsv({ years: spec.years, metrics: YEAR_METRICS });
const t = await createTestCore({ plugins: [] });
const ctx = await t.signIn('lead@northshire.example');
const FIELDS =
  'id status version refusedRows addedRows mapping { timePeriodColumn timeIdentifierColumn geographicLevelColumn geographyCodeColumn indicatorColumn valueColumn numeratorColumn denominatorColumn filterColumns metricForIndicator { indicator metricId } }';

interface View {
  id: string;
  status: string;
  version: number;
  refusedRows: number;
  addedRows: number;
  mapping: Record<string, unknown>;
}

async function run(context: RequestContext, document: string, variables: object): Promise<View> {
  const result = await t.core.execute<Record<string, { data?: View; message?: string }>>({
    document,
    variables: variables as Record<string, unknown>,
    context,
  });
  const answer = Object.values(result.data ?? {})[0];
  if (!answer?.data) throw new Error(JSON.stringify(result));
  return answer.data;
}

async function until(id: string, status: string): Promise<View> {
  for (;;) {
    const result = await t.core.execute<{ observationImport: View }>({
      document: `query($id: ID!) { observationImport(id: $id) { ${FIELDS} } }`,
      variables: { id },
      context: ctx,
    });
    const view = result.data!.observationImport;
    if (view.status === status) return view;
    if (view.status === 'FAILED') throw new Error(JSON.stringify(view));
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const seconds = (from: number) => ((performance.now() - from) / 1000).toFixed(1);
let start = performance.now();
const uploaded = await run(
  ctx,
  `mutation($input: UploadObservationsInput!) { r: uploadObservations(input: $input) {
    ... on MutationUploadObservationsSuccess { data { ${FIELDS} } } ... on Error { message } } }`,
  { input: { partnershipId: NORTHSHIRE, contentBase64: Buffer.from(csv).toString('base64') } },
);
const upload = seconds(start);

start = performance.now();
await run(
  ctx,
  `mutation($input: CheckObservationImportInput!) { r: checkObservationImport(input: $input) {
    ... on MutationCheckObservationImportSuccess { data { ${FIELDS} } } ... on Error { message } } }`,
  { input: { id: uploaded.id, version: uploaded.version, mapping: uploaded.mapping } },
);
const checked = await until(uploaded.id, 'CHECKED');
const check = seconds(start);

start = performance.now();
await run(
  ctx,
  `mutation($input: ApplyObservationImportInput!) { r: applyObservationImport(input: $input) {
    ... on MutationApplyObservationImportSuccess { data { ${FIELDS} } } ... on Error { message } } }`,
  { input: { id: checked.id, version: checked.version } },
);
await until(uploaded.id, 'APPLIED');
const apply = seconds(start);

console.log(`${size}: ${rows} rows, ${checked.addedRows} to add, ${checked.refusedRows} refused`);
console.log(`  upload       ${upload} s`);
console.log(`  check        ${check} s   (mutation until CHECKED, through the queue)`);
console.log(`  apply        ${apply} s   (mutation until APPLIED, through the queue)`);
await t.close();
