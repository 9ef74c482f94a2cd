import { MAX_INT } from './params.server.ts';

/**
 * The one way routes read a posted form. Browsers send what people typed (or nothing, for an
 * unticked box), so every read is total: a missing field is '' or [] and never throws (only a
 * version the page could not have written is refused, as a 400).
 */
export interface FormFields {
  /** The field's text, trimmed; '' when absent or a file. */
  text(name: string): string;
  /** The field's text, trimmed; undefined when absent or blank (for optional inputs). */
  optional(name: string): string | undefined;
  /** Every value of a repeated field (checkboxes, multi-selects), trimmed, blanks dropped. */
  all(name: string): string[];
  /** Whether a checkbox was ticked. */
  checked(name: string): boolean;
  /**
   * An optimistic-concurrency version the page rendered; NaN when missing (the API refuses it).
   * Anything but a whole number 0 … 2^31−1 was not sent by the page: a 400.
   */
  version(name?: string): number;
  /** The submit button's `intent` value, for pages with more than one action. */
  readonly intent: string;
  readonly data: FormData;
}

const STALE_FORM =
  'This form was not sent as the page wrote it: go back, reload the page and make your changes again';

export function formFields(data: FormData): FormFields {
  const text = (name: string) => {
    const value = data.get(name);
    return typeof value === 'string' ? value.trim() : '';
  };
  return {
    text,
    optional: (name) => text(name) || undefined,
    all: (name) =>
      data
        .getAll(name)
        .filter((v): v is string => typeof v === 'string')
        .map((v) => v.trim())
        .filter((v) => v !== ''),
    checked: (name) => data.has(name),
    version: (name = 'version') => {
      const raw = text(name);
      if (raw === '') return Number.NaN;
      const n = /^\d{1,10}$/.test(raw) ? Number(raw) : Number.NaN;
      if (Number.isNaN(n) || n > MAX_INT)
        throw new Response(STALE_FORM, { status: 400, statusText: 'Bad Request' });
      return n;
    },
    intent: text('intent'),
    data,
  };
}

/**
 * Reads the request's form once (a body can be read only once). A body that is no form (a broken
 * multipart body, another content type) is the request's fault: a 400, never a 500.
 */
export async function readForm(request: Request): Promise<FormFields> {
  let data: FormData;
  try {
    data = await request.formData();
  } catch {
    throw new Response('The form could not be read: go back and send it again', {
      status: 400,
      statusText: 'Bad Request',
    });
  }
  return formFields(data);
}
