// A small in-process job runner for import checks and applies: the mutation starts the work and
// returns; the client polls the import's status and progress. Jobs live in this process only, so
// an import still CHECKING or APPLYING when no job here runs it (the server restarted) is marked
// FAILED when next read.
import type { ObservationImport, PrismaClient } from '@lip/db';

const running = new Map<string, Promise<void>>();

/** An import untouched this long while CHECKING/APPLYING, with no job here, was interrupted. */
export const INTERRUPTED_AFTER_MS = 60_000;

export const INTERRUPTED_MESSAGE =
  'The server restarted while this file was being processed: check the file again';

/**
 * Runs `work` in the background for the import; `onError` records a failure. An import's jobs run
 * one after another: the apply a person starts the moment the check says CHECKED waits for the
 * check's last bookkeeping, never is dropped (which left the import APPLYING until it was taken for
 * interrupted). Which job may start is decided by the import's versioned status, not here.
 */
export function startImportJob(
  id: string,
  work: () => Promise<void>,
  onError: (error: unknown) => Promise<void>,
): void {
  const previous = running.get(id);
  const entry: { job?: Promise<void> } = {};
  entry.job = (async () => {
    await previous; // also yields once, so `entry.job` is set before `finally` reads it
    try {
      await work();
    } catch (error) {
      await onError(error).catch(() => undefined);
    } finally {
      if (running.get(id) === entry.job) running.delete(id);
    }
  })();
  running.set(id, entry.job);
}

export function isImportJobRunning(id: string): boolean {
  return running.has(id);
}

/** Resolves when the import's job (if any) has finished: for a clean shutdown, and benchmarks. */
export async function importJobSettled(id: string): Promise<void> {
  await running.get(id);
}

/** Marks the import FAILED if it was left CHECKING/APPLYING by a process that is gone. */
export async function failIfInterrupted<T extends Omit<ObservationImport, 'content'>>(
  prisma: PrismaClient,
  imp: T,
): Promise<T> {
  if (imp.status !== 'CHECKING' && imp.status !== 'APPLYING') return imp;
  if (running.has(imp.id) || Date.now() - imp.updatedAt.getTime() < INTERRUPTED_AFTER_MS)
    return imp;
  const { count } = await prisma.observationImport.updateMany({
    where: { id: imp.id, version: imp.version, status: imp.status },
    data: {
      status: 'FAILED',
      version: { increment: 1 },
      errors: [{ row: 0, column: null, message: INTERRUPTED_MESSAGE }],
    },
  });
  if (count === 0) return imp;
  const now = await prisma.observationImport.findUniqueOrThrow({
    where: { id: imp.id },
    omit: { content: true },
  });
  return { ...imp, ...now };
}

/** At start: every import left mid-way by a process that is gone is marked FAILED. */
export async function failInterruptedImports(prisma: PrismaClient): Promise<number> {
  const { count } = await prisma.observationImport.updateMany({
    where: {
      status: { in: ['CHECKING', 'APPLYING'] },
      id: { notIn: [...running.keys()] },
      updatedAt: { lt: new Date(Date.now() - INTERRUPTED_AFTER_MS) },
    },
    data: {
      status: 'FAILED',
      version: { increment: 1 },
      errors: [{ row: 0, column: null, message: INTERRUPTED_MESSAGE }],
    },
  });
  return count;
}
