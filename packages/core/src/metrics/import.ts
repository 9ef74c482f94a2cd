// Observation CSV import (DfE tidy layout): read the file strictly as UTF-8 with a streaming
// parser, map its columns, check every row against the metrics and the figures already held
// (the dry run), then write what the dry run reported in one transaction.
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { Prisma, type DisclosureSymbol, type GeographyLevel, type Metric } from '@lip/db';
import type { ObservationLike } from '@lip/statistics';
import type { CoreHost } from '../host.ts';
import { ENGLAND_CODE } from './geography.ts';
import { combineMonth, parsePeriod, timeIdentifierFits } from './periods.ts';

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** How often (in rows) a running check records its progress. */
export const PROGRESS_EVERY = 2_000;
/** Row errors and report rows kept per action. */
export const KEEP = 1_000;
const YIELD_EVERY = 500;

export interface IndicatorMapping {
  indicator: string;
  metricId: string | null;
}

export interface ImportMapping {
  timePeriodColumn: string | null;
  timeIdentifierColumn: string | null;
  geographicLevelColumn: string | null;
  /** One column for every level; null: the DfE column for each row's level. */
  geographyCodeColumn: string | null;
  indicatorColumn: string | null;
  valueColumn: string | null;
  numeratorColumn: string | null;
  denominatorColumn: string | null;
  filterColumns: string[];
  /** Tidy layout: indicator values; wide layout (no indicator column): column names. */
  metricForIndicator: IndicatorMapping[];
}

export type ImportAction = 'ADD' | 'CHANGE' | 'UNCHANGED' | 'REFUSE';

export interface ImportRowError {
  row: number;
  column: string | null;
  message: string;
}

export interface ImportReportRow {
  row: number;
  action: ImportAction;
  metricId: string | null;
  geography: string | null;
  period: string | null;
  breakdown: string | null;
  before: string | null;
  after: string | null;
  reason: string | null;
}

/** What the `report` JSON column holds. */
export interface StoredReport {
  columns: string[];
  indicators: string[];
  rows: ImportReportRow[];
}

const LEVELS: Record<string, GeographyLevel> = {
  national: 'ENGLAND',
  england: 'ENGLAND',
  regional: 'REGION',
  region: 'REGION',
  'local authority': 'LOCAL_AUTHORITY',
  la: 'LOCAL_AUTHORITY',
  icb: 'ICB',
  'integrated care board': 'ICB',
  'sub-icb': 'SUB_ICB',
  'sub icb': 'SUB_ICB',
  'sub-icb location': 'SUB_ICB',
};

/** DfE's column for each level's code, in order of preference. */
const CODE_COLUMNS: Record<GeographyLevel, readonly string[]> = {
  ENGLAND: ['country_code'],
  REGION: ['region_code'],
  LOCAL_AUTHORITY: ['new_la_code', 'la_code'],
  ICB: ['icb_code'],
  SUB_ICB: ['sub_icb_code'],
};

const SYMBOLS: readonly DisclosureSymbol[] = ['z', 'x', 'c', 'low', 'u'];
const NUMBER = /^-?\d+(\.\d+)?$/;
/** Columns DfE files carry that are neither filters nor indicators. */
const KNOWN_COLUMNS = new Set([
  'time_period',
  'time_identifier',
  'geographic_level',
  'country_code',
  'country_name',
  'region_code',
  'region_name',
  'new_la_code',
  'la_code',
  'old_la_code',
  'la_name',
  'icb_code',
  'icb_name',
  'sub_icb_code',
  'sub_icb_name',
  'indicator',
  'measure',
  'value',
  'numerator',
  'denominator',
  'provisional',
  'revised',
  'release',
]);
/**
 * Breakdown columns DfE's SEND publications use (sen_phase_type_.csv's phase_type_grouping,
 * type_of_establishment, hospital_school; sen2's ehcp_or_statement, age, establishment_type...):
 * in a wide file, anything else is an indicator (sen_support_percent is one, so not every "sen_").
 */
const KNOWN_FILTERS =
  /^(sen_status|sen_provision|sen_primary_need|sen_type|primary_need|phase|school_type|education_phase|type_of_establishment|hospital_school|ehcp_or_statement|enrolment_type|gender|sex|ethnicity|age$|age_|fsm|breakdown|establishment_type|characteristic)/;

const TOTAL = /^(total|all|)$/i;

export function emptyMapping(): ImportMapping {
  return {
    timePeriodColumn: null,
    timeIdentifierColumn: null,
    geographicLevelColumn: null,
    geographyCodeColumn: null,
    indicatorColumn: null,
    valueColumn: null,
    numeratorColumn: null,
    denominatorColumn: null,
    filterColumns: [],
    metricForIndicator: [],
  };
}

/** A metric id an indicator's name could mean: "EHC-01", "ehc_01" → "EHC-01". */
const asMetricId = (indicator: string) => indicator.trim().toUpperCase().replace(/_/g, '-');

/** Metrics with the names DfE's own files give them (Metric.indicators, e.g. "ass_refused_ehc_pc"). */
export type MetricNames = readonly { id: string; indicators: readonly string[] }[];

/**
 * The mapping DfE's standard column names suggest: indicators → metrics by the names DfE's files
 * give them (the catalogue's `indicators`, e.g. sen2_mi.csv's "ass_refused_ehc_pc" is EHC-04), or
 * by id where they match. In a wide file, the columns so named are the indicators, not filters.
 */
export function suggestMapping(
  columns: readonly string[],
  indicators: readonly string[],
  metrics: MetricNames,
): ImportMapping {
  const has = (name: string) => (columns.includes(name) ? name : null);
  const indicatorColumn = has('indicator') ?? has('measure');
  const ids = new Set(metrics.map((m) => m.id));
  const byName = new Map<string, string>();
  for (const metric of metrics)
    for (const name of metric.indicators) byName.set(name.toLowerCase(), metric.id);
  const metricFor = (indicator: string) =>
    byName.get(indicator.trim().toLowerCase()) ??
    (ids.has(asMetricId(indicator)) ? asMetricId(indicator) : null);
  const rest = columns.filter((c) => !KNOWN_COLUMNS.has(c));
  const filterColumns = indicatorColumn
    ? rest
    : rest.filter((c) => KNOWN_FILTERS.test(c) && !byName.has(c.toLowerCase()));
  return {
    timePeriodColumn: has('time_period'),
    timeIdentifierColumn: has('time_identifier'),
    geographicLevelColumn: has('geographic_level'),
    geographyCodeColumn: null,
    indicatorColumn,
    valueColumn: indicatorColumn ? has('value') : null,
    numeratorColumn: has('numerator'),
    denominatorColumn: has('denominator'),
    filterColumns,
    metricForIndicator: indicators.map((indicator) => ({
      indicator,
      metricId: metricFor(indicator),
    })),
  };
}

/** Reads a stored mapping (JSON) back, tolerating missing keys. */
export function mappingOf(json: Prisma.JsonValue | null): ImportMapping | null {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return null;
  return { ...emptyMapping(), ...(json as unknown as Partial<ImportMapping>) };
}

export function reportOf(json: Prisma.JsonValue | null): StoredReport {
  const value = (
    json && typeof json === 'object' && !Array.isArray(json) ? json : {}
  ) as Partial<StoredReport>;
  return {
    columns: value.columns ?? [],
    indicators: value.indicators ?? [],
    rows: value.rows ?? [],
  };
}

// ---- Reading the file ---------------------------------------------------------------------------

export class FileProblem extends Error {
  constructor(readonly rowError: ImportRowError) {
    super(rowError.message);
  }
}

/**
 * Refuses a NUL byte, naming its line: no spreadsheet writes one into a CSV file, and PostgreSQL
 * cannot hold one in text.
 */
export function assertNoNul(bytes: Uint8Array): void {
  const at = bytes.indexOf(0);
  if (at < 0) return;
  let line = 1;
  for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
  throw new FileProblem({
    row: line,
    column: null,
    message:
      'This row contains a NUL character, which is not text: save the file as "CSV UTF-8" and upload it again',
  });
}

/** Refuses bytes that are not UTF-8, naming the first line that is not. A BOM is fine. */
export function assertUtf8(bytes: Uint8Array): void {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    let line = 1;
    let start = 0;
    for (let i = 0; i <= bytes.length; i++) {
      if (i === bytes.length || bytes[i] === 0x0a) {
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start, i));
        } catch {
          break;
        }
        line++;
        start = i + 1;
      }
    }
    throw new FileProblem({
      row: line,
      column: null,
      message: 'This row is not UTF-8 text: save the file as "CSV UTF-8" and upload it again',
    });
  }
}

export interface CsvRecord {
  /** The row number as in the file (1 is the header). */
  row: number;
  values: string[];
}

/** The file's records, streamed (the bytes are decoded strictly as UTF-8 first). */
export async function* readCsv(bytes: Uint8Array): AsyncGenerator<CsvRecord> {
  assertUtf8(bytes);
  assertNoNul(bytes);
  const parser = Readable.from(chunks(bytes)).pipe(
    parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true, trim: false }),
  );
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      yield { row: info.lines, values: record };
    }
  } catch (error) {
    const lines = (error as { lines?: number }).lines;
    throw new FileProblem({
      row: lines ?? 0,
      column: null,
      message: `The file is not valid CSV: ${(error as Error).message}`,
    });
  }
}

function* chunks(bytes: Uint8Array): Generator<Buffer> {
  const size = 256 * 1024;
  for (let offset = 0; offset < bytes.length; offset += size) {
    yield Buffer.from(
      bytes.buffer,
      bytes.byteOffset + offset,
      Math.min(size, bytes.length - offset),
    );
  }
}

/** Header and the distinct values of an indicator column (or, for a wide file, its indicator columns). */
export async function scanFile(
  bytes: Uint8Array,
  indicatorColumn: string | null,
): Promise<{ columns: string[]; indicators: string[] }> {
  let columns: string[] = [];
  const indicators = new Set<string>();
  let index = -1;
  for await (const { row, values } of readCsv(bytes)) {
    if (row === 1 || columns.length === 0) {
      columns = values.map((c) => c.trim());
      index = indicatorColumn ? columns.indexOf(indicatorColumn) : -1;
      if (index < 0) break;
      continue;
    }
    const value = values[index]?.trim();
    if (value) indicators.add(value);
  }
  if (!indicatorColumn || index < 0) {
    return {
      columns,
      indicators: columns.filter((c) => !KNOWN_COLUMNS.has(c) && !KNOWN_FILTERS.test(c)),
    };
  }
  return { columns, indicators: [...indicators].sort() };
}

// ---- Checking -----------------------------------------------------------------------------------

/** One observation as it would be written. */
export interface PlannedObservation extends ObservationLike {
  metricId: string;
  geographyLevel: GeographyLevel;
  symbol: DisclosureSymbol | null;
}

/** A stored observation as read back: its symbol is whatever the column holds. */
interface HeldRow extends Omit<PlannedObservation, 'symbol'> {
  id: string;
  createdAt: Date;
  symbol: string | null;
}

interface ExistingObservation {
  id: string;
  createdAt: Date;
  signature: string;
}

export interface CheckResult {
  totalRows: number;
  addedRows: number;
  changedRows: number;
  unchangedRows: number;
  refusedRows: number;
  errors: ImportRowError[];
  report: ImportReportRow[];
  /** Only when asked for (apply): the observations to insert, and those replacing existing rows. */
  adds: PlannedObservation[];
  changes: (PlannedObservation & { id: string; createdAt: Date })[];
}

const keyOf = (
  o: Pick<
    PlannedObservation,
    'metricId' | 'geographyLevel' | 'geographyCode' | 'period' | 'breakdown'
  >,
) =>
  `${o.metricId}\u0000${o.geographyLevel}\u0000${o.geographyCode}\u0000${o.period}\u0000${o.breakdown}`;

const canonicalNumber = (text: string | null) =>
  text === null ? null : new Prisma.Decimal(text).toDecimalPlaces(4).toString();

/** What makes two observations the same figure (compared to decide ADD / CHANGE / UNCHANGED). */
function signatureOf(o: {
  value: string | null;
  numerator: string | null;
  denominator: string | null;
  symbol: string | null;
  provisional: boolean;
  revised: boolean;
}): string {
  return [
    canonicalNumber(o.value),
    canonicalNumber(o.numerator),
    canonicalNumber(o.denominator),
    o.symbol,
    o.provisional,
    o.revised,
  ].join('|');
}

const describe = (o: PlannedObservation) =>
  o.symbol ??
  (o.value === null ? '' : canonicalNumber(o.value)!) + (o.provisional ? ' (provisional)' : '');

/** The mapping problems that stop a check before it starts (field errors for the form). */
export function mappingProblems(
  mapping: ImportMapping,
  columns: readonly string[],
): { path: string[]; message: string }[] {
  const problems: { path: string[]; message: string }[] = [];
  const need = (field: keyof ImportMapping, label: string) => {
    const column = mapping[field] as string | null;
    if (!column)
      problems.push({ path: [field], message: `Choose the column that holds the ${label}` });
  };
  const exists = (field: string, column: string | null) => {
    if (column && !columns.includes(column))
      problems.push({ path: [field], message: `The file has no column called "${column}"` });
  };
  need('timePeriodColumn', 'time period');
  need('geographicLevelColumn', 'geographic level');
  if (mapping.indicatorColumn) need('valueColumn', 'values');
  for (const field of [
    'timePeriodColumn',
    'timeIdentifierColumn',
    'geographicLevelColumn',
    'geographyCodeColumn',
    'indicatorColumn',
    'valueColumn',
    'numeratorColumn',
    'denominatorColumn',
  ] as const) {
    exists(field, mapping[field]);
  }
  for (const column of mapping.filterColumns) exists('filterColumns', column);
  if (!mapping.indicatorColumn) {
    for (const { indicator, metricId } of mapping.metricForIndicator)
      if (metricId) exists('metricForIndicator', indicator);
  }
  if (!mapping.metricForIndicator.some((m) => m.metricId)) {
    problems.push({
      path: ['metricForIndicator'],
      message: 'Choose the metric for at least one indicator',
    });
  }
  return problems;
}

const truthy = (text: string | undefined) =>
  /^(true|yes|y|1|provisional|revised)$/i.test(text?.trim() ?? '');

/**
 * The dry run: every row of the file against the mapping, the metrics and the figures the
 * partnership already holds. `keepPlan` keeps every observation to write (for apply).
 */
export async function checkImport(
  host: CoreHost,
  imp: { partnershipId: string; content: Uint8Array },
  mapping: ImportMapping,
  options: { keepPlan: boolean; onProgress?: (processedRows: number) => Promise<void> },
): Promise<CheckResult> {
  const metricIds = [
    ...new Set(mapping.metricForIndicator.flatMap((m) => (m.metricId ? [m.metricId] : []))),
  ];
  const metrics = new Map<string, Metric>(
    (
      await host.prisma.metric.findMany({
        where: {
          id: { in: metricIds },
          OR: [{ partnershipId: null }, { partnershipId: imp.partnershipId }],
        },
      })
    ).map((m) => [m.id, m]),
  );
  const existing = new Map<string, ExistingObservation>();
  // Raw SQL with numbers as text: tens of thousands of rows without building a Decimal for each.
  const held =
    metrics.size === 0
      ? []
      : await host.prisma.$queryRaw<HeldRow[]>`
    SELECT id, "createdAt", "metricId", "geographyLevel"::text AS "geographyLevel", "geographyCode", period, breakdown,
      value::text AS value, numerator::text AS numerator, denominator::text AS denominator, symbol::text AS symbol,
      provisional, revised
    FROM "MetricObservation"
    WHERE "partnershipId" = ${imp.partnershipId} AND "metricId" = ANY(${[...metrics.keys()]}::text[])`;
  for (const o of held) {
    existing.set(keyOf(o), { id: o.id, createdAt: o.createdAt, signature: signatureOf(o) });
  }
  const metricFor = new Map(mapping.metricForIndicator.map((m) => [m.indicator, m.metricId]));

  const result: CheckResult = {
    totalRows: 0,
    addedRows: 0,
    changedRows: 0,
    unchangedRows: 0,
    refusedRows: 0,
    errors: [],
    report: [],
    adds: [],
    changes: [],
  };
  const kept: Record<ImportAction, number> = { ADD: 0, CHANGE: 0, UNCHANGED: 0, REFUSE: 0 };
  const keepRow = (row: ImportReportRow) => {
    if (kept[row.action] < KEEP) {
      kept[row.action]++;
      result.report.push(row);
    }
  };
  const seen = new Map<string, number>();

  let header: string[] | null = null;
  let col: (name: string | null) => number = () => -1;
  for await (const { row, values } of readCsv(imp.content)) {
    if (!header) {
      header = values.map((v) => v.trim());
      const positions = new Map(header.map((name, i) => [name, i]));
      col = (name) => (name === null ? -1 : (positions.get(name) ?? -1));
      continue;
    }
    result.totalRows++;
    if (options.onProgress && result.totalRows % PROGRESS_EVERY === 0)
      await options.onProgress(result.totalRows);
    // Let the server answer other requests (and progress polls) while a big file is checked.
    if (result.totalRows % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
    const cell = (index: number) => (index < 0 ? undefined : values[index]?.trim());
    const rowErrors: ImportRowError[] = [];
    const refuse = (column: string | null, message: string) =>
      rowErrors.push({ row, column, message });
    const planned: PlannedObservation[] = [];

    if (values.length !== header.length) {
      refuse(
        null,
        `This row has ${values.length} values but the header has ${header.length} columns`,
      );
    } else {
      const levelText = cell(col(mapping.geographicLevelColumn)) ?? '';
      const level = LEVELS[levelText.toLowerCase()];
      let code: string | undefined;
      if (!level) refuse(mapping.geographicLevelColumn, `Unknown geographic level "${levelText}"`);
      else {
        const codeColumn =
          mapping.geographyCodeColumn ?? CODE_COLUMNS[level].find((c) => cell(col(c)));
        code = codeColumn ? cell(col(codeColumn)) : undefined;
        if (!code && level === 'ENGLAND') code = ENGLAND_CODE;
        if (!code)
          refuse(
            mapping.geographyCodeColumn ?? CODE_COLUMNS[level][0]!,
            `Enter the ${levelText.toLowerCase()} code`,
          );
      }
      const breakdown = mapping.filterColumns
        .map((c) => [c, cell(col(c)) ?? ''] as const)
        .filter(([, v]) => !TOTAL.test(v))
        .map(([c, v]) => `${c}:${v}`)
        .join('|');
      const periodText = cell(col(mapping.timePeriodColumn)) ?? '';
      const identifier = cell(col(mapping.timeIdentifierColumn));
      const provisional = truthy(cell(col('provisional')));
      const revised = truthy(cell(col('revised')));

      // Tidy layout: one indicator per row; wide: one per mapped column.
      const entries: { indicator: string; column: string | null; valueColumn: string | null }[] =
        mapping.indicatorColumn
          ? [
              {
                indicator: cell(col(mapping.indicatorColumn)) ?? '',
                column: mapping.indicatorColumn,
                valueColumn: mapping.valueColumn,
              },
            ]
          : mapping.metricForIndicator
              .filter((m) => m.metricId)
              .map((m) => ({
                indicator: m.indicator,
                column: m.indicator,
                valueColumn: m.indicator,
              }));
      for (const entry of entries) {
        const metricId = metricFor.get(entry.indicator);
        const metric = metricId ? metrics.get(metricId) : undefined;
        if (!metric) {
          refuse(
            entry.column,
            metricId
              ? `Unknown metric "${metricId}"`
              : `Unknown indicator "${entry.indicator}": map it to a metric`,
          );
          continue;
        }
        const period = parsePeriod(
          metric.periodType,
          combineMonth(metric.periodType, periodText, identifier),
        );
        if (!period.ok || !timeIdentifierFits(metric.periodType, identifier)) {
          refuse(
            mapping.timePeriodColumn,
            `The period "${[periodText, identifier].filter(Boolean).join(' ')}" does not match ${metric.id}'s period type: ${period.ok ? metric.periodType.toLowerCase().replace(/_/g, ' ') : period.message.replace(/^Enter /, '')}`,
          );
          continue;
        }
        const number = (column: string | null, required: boolean) => {
          const text = cell(col(column)) ?? '';
          if (text === '') {
            if (required) refuse(column, 'Enter a number or a disclosure symbol (z, x, c, low, u)');
            return { value: null, symbol: null };
          }
          if ((SYMBOLS as readonly string[]).includes(text))
            return { value: null, symbol: text as DisclosureSymbol };
          const plain = text.replace(/,/g, '');
          if (NUMBER.test(plain)) {
            // Observations are Decimal(18, 4): 14 digits before the point.
            if (/^-?0*\d{1,14}(\.|$)/.test(plain)) return { value: plain, symbol: null };
            refuse(
              column,
              `"${text}" is too large: figures can have at most 14 digits before the point`,
            );
            return { value: null, symbol: null };
          }
          refuse(column, `"${text}" is not a number or a disclosure symbol (z, x, c, low, u)`);
          return { value: null, symbol: null };
        };
        const main = number(entry.valueColumn, true);
        const numerator = number(mapping.numeratorColumn, false);
        const denominator = number(mapping.denominatorColumn, false);
        if (!level || !code) continue;
        planned.push({
          metricId: metric.id,
          geographyLevel: level,
          geographyCode: code,
          period: period.period,
          breakdown,
          value: main.value,
          symbol: main.symbol,
          numerator: numerator.value,
          denominator: denominator.value,
          provisional,
          revised,
        });
      }
      for (const o of planned) {
        const key = keyOf(o);
        const first = seen.get(key);
        if (first !== undefined)
          refuse(null, `The same metric, geography, period and breakdown as row ${first}`);
        else seen.set(key, row);
      }
    }

    if (rowErrors.length > 0) {
      result.refusedRows++;
      for (const error of rowErrors) if (result.errors.length < KEEP) result.errors.push(error);
      keepRow({
        row,
        action: 'REFUSE',
        metricId: planned[0]?.metricId ?? null,
        geography: planned[0]?.geographyCode ?? null,
        period: planned[0]?.period ?? null,
        breakdown: planned[0]?.breakdown ?? null,
        before: null,
        after: null,
        reason: rowErrors.map((e) => e.message).join('; '),
      });
      continue;
    }
    for (const o of planned) {
      const before = existing.get(keyOf(o));
      const action: ImportAction = !before
        ? 'ADD'
        : before.signature === signatureOf(o)
          ? 'UNCHANGED'
          : 'CHANGE';
      if (action === 'ADD') {
        result.addedRows++;
        if (options.keepPlan) result.adds.push(o);
      } else if (action === 'CHANGE') {
        result.changedRows++;
        if (options.keepPlan)
          result.changes.push({ ...o, id: before!.id, createdAt: before!.createdAt });
      } else result.unchangedRows++;
      keepRow({
        row,
        action,
        metricId: o.metricId,
        geography: `${o.geographyLevel}:${o.geographyCode}`,
        period: o.period,
        breakdown: o.breakdown,
        before: before
          ? before.signature.split('|')[0] || before.signature.split('|')[3] || null
          : null,
        after: describe(o),
        reason: null,
      });
    }
  }
  if (!header)
    throw new FileProblem({
      row: 1,
      column: null,
      message: 'The file is empty: it needs a header row and at least one row of figures',
    });
  if (result.totalRows === 0)
    throw new FileProblem({
      row: 2,
      column: null,
      message: 'The file has a header row but no figures',
    });
  return result;
}

// ---- Applying -----------------------------------------------------------------------------------

const BATCH = 10_000;

/** Changes whenever the partnership's observations do: a dry run's plan is only reused while it holds. */
export async function observationsStamp(host: CoreHost, partnershipId: string): Promise<string> {
  const [row] = await host.prisma.$queryRaw<{ stamp: string }[]>`
    SELECT count(*)::text || '|' || coalesce(max("updatedAt")::text, '') AS stamp
    FROM "MetricObservation" WHERE "partnershipId" = ${partnershipId}`;
  return row?.stamp ?? '';
}

/**
 * Writes the planned observations in one transaction: changed rows are replaced (same id and
 * createdAt), new rows added. One INSERT ... SELECT FROM unnest(arrays) per batch: a dozen array
 * parameters instead of one parameter per value, which is what makes 50,000 rows quick on PGlite.
 */
export async function writeObservations(
  tx: Prisma.TransactionClient,
  partnershipId: string,
  importId: string,
  plan: Pick<CheckResult, 'adds' | 'changes'>,
): Promise<void> {
  const now = new Date().toISOString();
  for (let i = 0; i < plan.changes.length; i += BATCH) {
    const ids = plan.changes.slice(i, i + BATCH).map((c) => c.id);
    await tx.$executeRaw`DELETE FROM "MetricObservation" WHERE "partnershipId" = ${partnershipId} AND id = ANY(${ids}::text[])`;
  }
  const rows: (PlannedObservation & { id: string; createdAt: string })[] = [
    ...plan.changes.map((c) => ({ ...c, createdAt: c.createdAt.toISOString() })),
    ...plan.adds.map((a) => ({ ...a, id: randomUUID(), createdAt: now })),
  ];
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    const column = <K extends keyof (typeof batch)[number]>(key: K) => batch.map((row) => row[key]);
    await tx.$executeRaw`
      INSERT INTO "MetricObservation" (id, "partnershipId", "metricId", "geographyLevel", "geographyCode", period, breakdown,
        value, numerator, denominator, symbol, provisional, revised, "importId", "createdAt", "updatedAt")
      SELECT id, ${partnershipId}, metric, level::"GeographyLevel", code, period, breakdown,
        value::numeric, numerator::numeric, denominator::numeric, symbol::"DisclosureSymbol", provisional, revised,
        ${importId}, created::timestamp(3), ${now}::timestamp(3)
      FROM unnest(
        ${column('id')}::text[], ${column('metricId')}::text[], ${column('geographyLevel')}::text[], ${column('geographyCode')}::text[],
        ${column('period')}::text[], ${column('breakdown')}::text[], ${column('value')}::text[], ${column('numerator')}::text[],
        ${column('denominator')}::text[], ${column('symbol')}::text[], ${column('provisional')}::boolean[], ${column('revised')}::boolean[],
        ${column('createdAt')}::text[]
      ) AS t(id, metric, level, code, period, breakdown, value, numerator, denominator, symbol, provisional, revised, created)`;
  }
}
