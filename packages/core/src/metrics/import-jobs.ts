// The import's check and apply as durable jobs (docs/decisions/018): one queue, the import's id
// as singleton key, so an import's steps never run at once, on this instance or another.
import type { CoreHost } from '../host.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { IMPORT_JOB, importJobExhausted, runImportJob, type ImportJobData } from './imports.ts';

export { IMPORT_JOB };

export function defineImportJobs(queue: JobQueue, host: CoreHost): void {
  queue.define<ImportJobData>(IMPORT_JOB, {
    run: (data, attempt) => runImportJob(host, data, attempt),
    exhausted: (data) => importJobExhausted(host, data),
    retryLimit: 3,
  });
}
