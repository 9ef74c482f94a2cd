/**
 * A form's error summary: its fields' errors in the order the fields come on the page (each links to
 * the field of the same id), then the form's own error (`_form`), which links to the first field.
 */
export function errorsInFieldOrder(fields: readonly string[], errors: Record<string, string>) {
  const entries = fields.flatMap((field) => {
    const text = errors[field];
    return text ? [{ href: field, text }] : [];
  });
  return errors._form ? [...entries, { href: fields[0] ?? '', text: errors._form }] : entries;
}
