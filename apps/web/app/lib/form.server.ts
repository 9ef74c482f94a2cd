/**
 * The one way routes read a posted form. Browsers send what people typed (or nothing, for an
 * unticked box), so every read is total: a missing field is '' or [] and never throws.
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
  /** An optimistic-concurrency version the page rendered; NaN when missing (the API refuses it). */
  version(name?: string): number;
  /** The submit button's `intent` value, for pages with more than one action. */
  readonly intent: string;
  readonly data: FormData;
}

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
    version: (name = 'version') => (text(name) === '' ? Number.NaN : Number(text(name))),
    intent: text('intent'),
    data,
  };
}

/** Reads the request's form once (a body can be read only once). */
export async function readForm(request: Request): Promise<FormFields> {
  return formFields(await request.formData());
}
