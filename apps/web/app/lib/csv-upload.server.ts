/**
 * An uploaded CSV file, read the way every import page reads one: refused before reading when its
 * declared size is over the limit, abandoned as soon as it streams past it, and answered with the
 * message a person can act on (no file, not a CSV, too large). The page decides what to show.
 */
import { BodyTooLargeError, declaredTooLarge, readFormWithin } from './body-limit.server.ts';
import type { FormFields } from './form.server.ts';
import { MAX_UPLOAD_BODY_BYTES, UPLOAD_TOO_LARGE } from './metrics-import.server.ts';

export type CsvUpload =
  | { file: File; form: FormFields; problem?: never }
  | {
      file?: never;
      form?: never;
      problem: { message: string; status: 400 | 413; headers?: Record<string, string> };
    };

/** 413, and the connection closed rather than drained: the rest of the body is never read. */
const TOO_LARGE = {
  problem: { message: UPLOAD_TOO_LARGE, status: 413, headers: { Connection: 'close' } },
} as const;

/** Call before anything else reads the request: the size check needs the body unread. */
export function declaredUploadTooLarge(request: Request): CsvUpload | null {
  return declaredTooLarge(request, MAX_UPLOAD_BODY_BYTES) ? TOO_LARGE : null;
}

export async function readCsvUpload(request: Request): Promise<CsvUpload> {
  let form: FormFields;
  try {
    form = await readFormWithin(request, MAX_UPLOAD_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return TOO_LARGE;
    throw error;
  }
  const file = form.data.get('file');
  if (!(file instanceof File) || file.size === 0 || file.name === '')
    return { problem: { message: 'Select a CSV file', status: 400 } };
  if (!/\.csv$/i.test(file.name))
    return { problem: { message: 'The selected file must be a CSV', status: 400 } };
  return { file, form };
}
