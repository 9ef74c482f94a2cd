import type { DateParts } from './DateInput.tsx';

/**
 * Binds a form's fields to the values it shows and the errors it reports, so a field names its
 * key once (`<Input {...field.text('title')} label="Title" />`) instead of repeating it in `id`,
 * `name`, `defaultValue` and `errorMessage`. The key is the posted name and the element id, which
 * is what the error summary links to.
 */
export interface BoundFields<K extends string> {
  /** An Input, Textarea or Select: `id`, `name`, `defaultValue`, `errorMessage`. */
  text(key: K): { id: K; name: K; defaultValue: string; errorMessage: string | undefined };
  /** Radios: `idPrefix`, `name`, `value`, `errorMessage`. */
  radios(key: K): { idPrefix: K; name: K; value: string; errorMessage: string | undefined };
  /** Checkboxes: `idPrefix`, `name`, `values`, `errorMessage`. */
  checkboxes(key: K): {
    idPrefix: K;
    name: K;
    values: readonly string[];
    errorMessage: string | undefined;
  };
  /** A DateInput: `id`, `value` (its parts), `errorMessage`. */
  date(key: K): { id: K; value: Partial<DateParts> | undefined; errorMessage: string | undefined };
}

type FieldValue = string | readonly string[] | Partial<DateParts> | null | undefined;

export function bindFields<V extends object>(
  values: V,
  errors: Readonly<Record<string, string | undefined>> = {},
): BoundFields<keyof V & string> {
  // Interfaces have no index signature; the keys are V's own, so the read is sound.
  const read = (key: string) => (values as Record<string, unknown>)[key] as FieldValue;
  const asText = (v: FieldValue) => (typeof v === 'string' ? v : '');
  return {
    text: (key) => ({
      id: key,
      name: key,
      defaultValue: asText(read(key)),
      errorMessage: errors[key],
    }),
    radios: (key) => ({
      idPrefix: key,
      name: key,
      value: asText(read(key)),
      errorMessage: errors[key],
    }),
    checkboxes: (key) => {
      const v = read(key);
      return {
        idPrefix: key,
        name: key,
        values: Array.isArray(v) ? v : [],
        errorMessage: errors[key],
      };
    },
    date: (key) => {
      const v = read(key);
      return {
        id: key,
        value:
          v && typeof v === 'object' && !Array.isArray(v) ? (v as Partial<DateParts>) : undefined,
        errorMessage: errors[key],
      };
    },
  };
}
