// The import's lifecycle: upload (bytes + sha256), check (mapping, dry run in the background),
// apply (one transaction, one audit entry). metrics:manage for every step.
import { createHash } from 'node:crypto';
import type { ObservationImport, Prisma } from '@lip/db';

/** An import without its file: the bytes are read only by the check and apply jobs. */
export type ImportRow = Omit<ObservationImport, 'content'>;
const omitContent = { content: true } as const;

/**
 * The last dry run's plan of each checked import, kept in this process so applying does not read
 * and check the file again, unless the partnership's figures changed since (then it is re-checked).
 */
const checkedPlans = new Map<string, { version: number; stamp: string; plan: CheckResult }>();

async function contentOf(host: CoreHost, id: string): Promise<Uint8Array> {
  return (
    await host.prisma.observationImport.findUniqueOrThrow({
      where: { id },
      select: { content: true },
    })
  ).content;
}
import { authorize, partnershipFacts } from '../auth/permissions.ts';
import { visiblePartnershipIds, type RequestContext } from '../context.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import type { CoreHost } from '../host.ts';
import type { JobAttempt } from '../jobs/queue.ts';
import { idOf } from '../ids.ts';
import { appendAudit, appendAuditBy, auditActor, type AuditActor } from '../services/audit.ts';
import {
  type CheckResult,
  checkImport,
  observationsStamp,
  FileProblem,
  type ImportMapping,
  MAX_IMPORT_BYTES,
  mappingOf,
  mappingProblems,
  reportOf,
  scanFile,
  suggestMapping,
  type MetricNames,
  writeObservations,
} from './import.ts';

/** An import of a partnership the viewer belongs to (another partnership's: NotFoundError). */
export async function visibleImport(
  host: CoreHost,
  ctx: RequestContext,
  globalId: string,
): Promise<ImportRow> {
  const id = idOf('ObservationImport', globalId);
  const imp = id
    ? await host.prisma.observationImport.findFirst({
        where: { id, partnershipId: { in: visiblePartnershipIds(ctx) } },
        omit: omitContent,
      })
    : null;
  if (!imp) throw new NotFoundError('Import');
  return imp;
}

function manage(ctx: RequestContext, partnershipId: string) {
  return authorize(ctx, 'metrics:manage', partnershipFacts(partnershipId));
}

/** The partnership's metrics by id, with the names DfE's files give each (see suggestMapping). */
async function metricIdsFor(host: CoreHost, partnershipId: string): Promise<MetricNames> {
  return host.prisma.metric.findMany({
    where: { OR: [{ partnershipId: null }, { partnershipId }] },
    select: { id: true, indicators: true },
  });
}

export interface UploadArgs {
  partnershipId: string;
  planId?: string | null;
  file?: File | null;
  fileName?: string | null;
  contentBase64?: string | null;
}

export async function uploadObservations(
  host: CoreHost,
  ctx: RequestContext,
  input: UploadArgs,
): Promise<ImportRow> {
  const partnershipId = idOf('Partnership', input.partnershipId);
  if (!partnershipId || !ctx.memberships.has(partnershipId)) throw new NotFoundError('Partnership');
  const membership = manage(ctx, partnershipId);
  let planId: string | null = null;
  if (input.planId) {
    const id = idOf('Plan', input.planId);
    const plan = id ? await host.prisma.plan.findFirst({ where: { id, partnershipId } }) : null;
    if (!plan) throw ValidationError.field('planId', 'Choose a plan of this partnership');
    planId = plan.id;
  }
  let bytes: Uint8Array;
  let fileName: string;
  if (input.file) {
    if (input.file.size > MAX_IMPORT_BYTES)
      throw ValidationError.field('file', 'The file must be smaller than 20 MB');
    bytes = new Uint8Array(await input.file.arrayBuffer());
    fileName = input.fileName?.trim() || input.file.name || 'observations.csv';
  } else if (input.contentBase64 != null) {
    // base64 is 4/3 of the bytes: refuse before decoding anything too big.
    if (input.contentBase64.length > Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 4) {
      throw ValidationError.field('file', 'The file must be smaller than 20 MB');
    }
    bytes = Buffer.from(input.contentBase64, 'base64');
    fileName = input.fileName?.trim() || 'observations.csv';
  } else {
    throw ValidationError.field('file', 'Select a CSV file');
  }
  if (bytes.length === 0) throw ValidationError.field('file', 'The selected file is empty');
  if (bytes.length > MAX_IMPORT_BYTES)
    throw ValidationError.field('file', 'The file must be smaller than 20 MB');
  // A file's name is shown and stored as text: control characters (NUL above all) have no place in it.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  fileName = fileName.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 200) || 'observations.csv';

  // The header and indicator values give the form its choices; a file we cannot read still
  // uploads, and its check reports why.
  let scanned: { columns: string[]; indicators: string[] } = { columns: [], indicators: [] };
  let problem: FileProblem | null = null;
  try {
    const { columns } = await scanFile(bytes, null);
    const guess = suggestMapping(columns, [], []);
    scanned = await scanFile(bytes, guess.indicatorColumn);
  } catch (error) {
    if (!(error instanceof FileProblem)) throw error;
    problem = error;
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return host.prisma.$transaction(async (tx) => {
    const created = await tx.observationImport.create({
      omit: omitContent,
      data: {
        partnershipId,
        planId,
        fileName,
        fileSha256: sha256,
        content: bytes as Uint8Array<ArrayBuffer>,
        status: problem ? 'FAILED' : 'UPLOADED',
        errors: problem ? [{ ...problem.rowError }] : undefined,
        report: { columns: scanned.columns, indicators: scanned.indicators, rows: [] },
        createdById: ctx.user?.id ?? null,
      },
    });
    await appendAudit(tx, ctx, membership, {
      partnershipId,
      planId,
      entityType: 'ObservationImport',
      entityId: created.id,
      action: 'observations.upload',
      after: { fileName, sha256, bytes: bytes.length },
    });
    return created;
  });
}

/** The mapping in force, else the one the file's columns suggest. */
export async function mappingInForce(host: CoreHost, imp: ImportRow): Promise<ImportMapping> {
  const saved = mappingOf(imp.mapping);
  if (saved) return saved;
  const { columns, indicators } = reportOf(imp.report);
  return suggestMapping(columns, indicators, await metricIdsFor(host, imp.partnershipId));
}

function stale(): ValidationError {
  return ValidationError.field(
    'version',
    'Someone else changed this import while you were looking at it: look at it again',
  );
}

/** The queue an import's check and apply run on; the import's id is the singleton key. */
export const IMPORT_JOB = 'observation-import';

/**
 * A job's data: which step of which import, at the version the step was started at. The import's
 * versioned status decides whether the step may (still) run; the job only carries it out.
 */
export type ImportJobData =
  | { step: 'check'; importId: string; version: number }
  | { step: 'apply'; importId: string; version: number; actor: AuditActor };

const UNEXPECTED_FAILURE = 'The file could not be processed: try again, or ask for help';

/** Marks the import FAILED, if it is still at the step's version (a newer step is left alone). */
async function recordFailure(
  host: CoreHost,
  job: Pick<ImportJobData, 'importId' | 'version'>,
  rowError: { row: number; column: string | null; message: string },
) {
  await host.prisma.observationImport.updateMany({
    where: { id: job.importId, version: job.version, status: { in: ['CHECKING', 'APPLYING'] } },
    data: { status: 'FAILED', version: { increment: 1 }, errors: [{ ...rowError }] },
  });
}

/** The step's last try failed, or its worker died on it: say so rather than leave it spinning. */
export async function importJobExhausted(host: CoreHost, job: ImportJobData): Promise<void> {
  await recordFailure(host, job, {
    row: 0,
    column: null,
    message:
      job.step === 'check'
        ? 'The file could not be checked after several tries: check it again, or ask for help'
        : 'The file could not be imported after several tries: check it again, or ask for help',
  });
}

async function sendImportJob(host: CoreHost, data: ImportJobData): Promise<void> {
  if (!host.jobs) throw new Error('No job queue: createCore gives the core one');
  try {
    await host.jobs.send(IMPORT_JOB, data, { singletonKey: data.importId });
  } catch (error) {
    await recordFailure(host, data, { row: 0, column: null, message: UNEXPECTED_FAILURE });
    throw error;
  }
}

export async function checkObservationImport(
  host: CoreHost,
  ctx: RequestContext,
  input: { id: string; version: number; mapping: ImportMapping },
): Promise<ImportRow> {
  const imp = await visibleImport(host, ctx, input.id);
  const membership = manage(ctx, imp.partnershipId);
  if (imp.status === 'CHECKING' || imp.status === 'APPLYING' || imp.status === 'APPLIED') {
    throw ValidationError.field(
      'id',
      imp.status === 'APPLIED'
        ? 'This file has already been imported'
        : 'This file is being processed: wait for it to finish',
    );
  }
  if (imp.version !== input.version) throw stale();
  const { columns } = reportOf(imp.report);
  const mapping: ImportMapping = {
    ...input.mapping,
    filterColumns: [...new Set(input.mapping.filterColumns)],
    metricForIndicator: input.mapping.metricForIndicator.map((m) => ({
      indicator: m.indicator,
      metricId: m.metricId || null,
    })),
  };
  const problems = mappingProblems(mapping, columns);
  if (problems.length > 0) throw new ValidationError(problems);
  // The indicators offered for mapping follow the indicator column chosen.
  const content = await contentOf(host, imp.id);
  const { indicators } = await scanFile(content, mapping.indicatorColumn).catch(() => ({
    indicators: reportOf(imp.report).indicators,
  }));

  // The mapping chosen is a decision about the figures: saved with its audit entry, or not at all.
  await host.prisma.$transaction(async (tx) => {
    const { count } = await tx.observationImport.updateMany({
      where: { id: imp.id, version: input.version },
      data: {
        mapping: mapping as unknown as Prisma.InputJsonValue,
        status: 'CHECKING',
        version: { increment: 1 },
        processedRows: 0,
        addedRows: 0,
        changedRows: 0,
        unchangedRows: 0,
        refusedRows: 0,
        errors: [],
        report: { columns, indicators, rows: [] },
      },
    });
    if (count === 0) throw stale();
    await appendAudit(tx, ctx, membership, {
      partnershipId: imp.partnershipId,
      planId: imp.planId,
      entityType: 'ObservationImport',
      entityId: imp.id,
      action: 'observations.check',
      before: imp.mapping ?? undefined,
      after: { fileName: imp.fileName, mapping },
    });
  });
  await sendImportJob(host, { step: 'check', importId: imp.id, version: input.version + 1 });
  return host.prisma.observationImport.findUniqueOrThrow({
    where: { id: imp.id },
    omit: omitContent,
  });
}

/** A check run by an import job: keeps what to write, and records its progress on the import. */
function checkInJob(
  host: CoreHost,
  imp: { id: string; partnershipId: string; version: number },
  content: Uint8Array,
  mapping: ImportMapping,
): Promise<CheckResult> {
  return checkImport(host, { partnershipId: imp.partnershipId, content }, mapping, {
    keepPlan: true,
    onProgress: (processedRows) =>
      host.prisma.observationImport
        .updateMany({ where: { id: imp.id, version: imp.version }, data: { processedRows } })
        .then(() => undefined),
  });
}

/**
 * Runs one attempt of an import job. Idempotent: a step no longer current (the import moved on,
 * or another attempt finished it) does nothing; a retried check starts again from the stored
 * file; an apply writes the figures and its APPLIED status in one transaction, so a retried or
 * concurrent apply finds the status changed and writes nothing twice. A file that cannot be read
 * fails the import at once (retrying cannot help); anything else is thrown to be retried.
 */
export async function runImportJob(
  host: CoreHost,
  job: ImportJobData,
  _attempt?: JobAttempt,
): Promise<void> {
  const expected = job.step === 'check' ? 'CHECKING' : 'APPLYING';
  const imp = await host.prisma.observationImport.findFirst({
    where: { id: job.importId, version: job.version, status: expected },
    omit: omitContent,
  });
  if (!imp) return;
  const mapping = mappingOf(imp.mapping);
  if (!mapping) {
    await recordFailure(host, job, { row: 0, column: null, message: UNEXPECTED_FAILURE });
    return;
  }
  try {
    if (job.step === 'check') await runCheck(host, imp, mapping);
    else await runApply(host, imp, mapping, job.actor);
  } catch (error) {
    if (!(error instanceof FileProblem)) throw error;
    await recordFailure(host, job, error.rowError);
  }
}

async function runCheck(host: CoreHost, imp: ImportRow, mapping: ImportMapping): Promise<void> {
  checkedPlans.delete(imp.id);
  const stamp = await observationsStamp(host, imp.partnershipId);
  const result = await checkInJob(host, imp, await contentOf(host, imp.id), mapping);
  const { columns, indicators } = reportOf(imp.report);
  const { count } = await host.prisma.observationImport.updateMany({
    where: { id: imp.id, version: imp.version, status: 'CHECKING' },
    data: {
      status: 'CHECKED',
      version: { increment: 1 },
      totalRows: result.totalRows,
      processedRows: result.totalRows,
      addedRows: result.addedRows,
      changedRows: result.changedRows,
      unchangedRows: result.unchangedRows,
      refusedRows: result.refusedRows,
      errors: result.errors.map((e) => ({ ...e })),
      report: { columns, indicators, rows: result.report.map((r) => ({ ...r })) },
    },
  });
  if (count === 1 && result.refusedRows === 0)
    checkedPlans.set(imp.id, { version: imp.version + 1, stamp, plan: result });
}

async function runApply(
  host: CoreHost,
  imp: ImportRow,
  mapping: ImportMapping,
  actor: AuditActor,
): Promise<void> {
  // Checked again against the figures held now: someone may have imported since the dry run. The
  // plan this process kept from the check is used only if nothing changed since (and it is ours).
  const cached = checkedPlans.get(imp.id);
  checkedPlans.delete(imp.id);
  const reusable =
    cached &&
    cached.version === imp.version - 1 &&
    cached.stamp === (await observationsStamp(host, imp.partnershipId));
  const plan = reusable
    ? cached.plan
    : await checkInJob(host, imp, await contentOf(host, imp.id), mapping);
  if (plan.refusedRows > 0) {
    await host.prisma.observationImport.updateMany({
      where: { id: imp.id, version: imp.version, status: 'APPLYING' },
      data: {
        status: 'FAILED',
        version: { increment: 1 },
        refusedRows: plan.refusedRows,
        errors: plan.errors.map((e) => ({ ...e })),
      },
    });
    return;
  }
  await host.prisma.$transaction(
    async (tx) => {
      // The status first: it locks the import's row, so a second apply waits here, then finds
      // the import APPLIED and writes nothing.
      const { count } = await tx.observationImport.updateMany({
        where: { id: imp.id, version: imp.version, status: 'APPLYING' },
        data: {
          status: 'APPLIED',
          version: { increment: 1 },
          appliedAt: new Date(),
          processedRows: plan.totalRows,
          addedRows: plan.addedRows,
          changedRows: plan.changedRows,
          unchangedRows: plan.unchangedRows,
        },
      });
      if (count === 0) return;
      await writeObservations(tx, imp.partnershipId, imp.id, plan);
      await appendAuditBy(tx, actor, {
        partnershipId: imp.partnershipId,
        planId: imp.planId,
        entityType: 'ObservationImport',
        entityId: imp.id,
        action: 'observations.import',
        after: {
          fileName: imp.fileName,
          sha256: imp.fileSha256,
          totalRows: plan.totalRows,
          added: plan.addedRows,
          changed: plan.changedRows,
          unchanged: plan.unchangedRows,
        },
      });
    },
    { timeout: 10 * 60_000, maxWait: 60_000 },
  );
}

export async function applyObservationImport(
  host: CoreHost,
  ctx: RequestContext,
  input: { id: string; version: number },
): Promise<ImportRow> {
  const imp = await visibleImport(host, ctx, input.id);
  const membership = manage(ctx, imp.partnershipId);
  if (imp.status !== 'CHECKED') {
    throw ValidationError.field(
      'id',
      imp.status === 'APPLIED'
        ? 'This file has already been imported'
        : 'Check the file before importing it',
    );
  }
  if (imp.refusedRows > 0) {
    throw ValidationError.field(
      'id',
      `${imp.refusedRows} ${imp.refusedRows === 1 ? 'row was' : 'rows were'} refused: correct the file and upload it again`,
    );
  }
  if (imp.version !== input.version) throw stale();
  const mapping = mappingOf(imp.mapping);
  if (!mapping) throw ValidationError.field('mapping', 'Check the file before importing it');
  const { count } = await host.prisma.observationImport.updateMany({
    where: { id: imp.id, version: input.version, status: 'CHECKED' },
    data: { status: 'APPLYING', version: { increment: 1 }, processedRows: 0 },
  });
  if (count === 0) throw stale();
  await sendImportJob(host, {
    step: 'apply',
    importId: imp.id,
    version: input.version + 1,
    actor: auditActor(ctx, membership),
  });
  return host.prisma.observationImport.findUniqueOrThrow({
    where: { id: imp.id },
    omit: omitContent,
  });
}
