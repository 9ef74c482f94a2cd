/**
 * Reading a posted body with a ceiling. `request.formData()` reads everything it is sent before
 * anyone can look at the size, so a 60 MB post was held in memory only to be refused at 20 MB.
 * Here a Content-Length over the limit is refused before a byte is read, and a body sent without
 * one (chunked) is counted as it streams and abandoned as soon as it passes the limit.
 */
import { readForm, type FormFields } from './form.server.ts';

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`The request body is larger than ${limit} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/** The declared length is over the limit (a missing or unreadable header says nothing). */
export function declaredTooLarge(request: Request, limit: number): boolean {
  const declared = request.headers.get('content-length');
  return declared !== null && /^\d+$/.test(declared) && Number(declared) > limit;
}

/**
 * The body as a stream that errors, and cancels its source, once more than `limit` bytes passed
 * (`onTooLarge` is told first, so a caller can tell this from a malformed body).
 */
export function limitedBody(
  body: ReadableStream<Uint8Array>,
  limit: number,
  onTooLarge: () => void = () => undefined,
): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let seen = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) {
        controller.close();
        return;
      }
      seen += value.byteLength;
      if (seen > limit) {
        const error = new BodyTooLargeError(limit);
        onTooLarge();
        await reader.cancel(error).catch(() => undefined);
        controller.error(error);
        return;
      }
      controller.enqueue(value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
}

/** The request's form, read with a ceiling: throws BodyTooLargeError past `limit` bytes. */
export async function readFormWithin(request: Request, limit: number): Promise<FormFields> {
  if (declaredTooLarge(request, limit)) throw new BodyTooLargeError(limit);
  if (!request.body) return readForm(request);
  let tooLarge = false;
  const limited = new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body: limitedBody(request.body, limit, () => (tooLarge = true)),
    // Node's fetch needs this for a streamed body; the DOM's RequestInit does not know it yet.
    duplex: 'half',
  } as RequestInit);
  try {
    return await readForm(limited);
  } catch (error) {
    if (tooLarge) throw new BodyTooLargeError(limit);
    throw error;
  }
}
