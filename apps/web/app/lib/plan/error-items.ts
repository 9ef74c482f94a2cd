import type { ErrorSummaryItem } from '@lip/ui';

/**
 * A form's errors as error summary items, in the page's field order: `targets` pairs each field
 * with the id of its input. Errors of other fields link to `otherHref`, or are left out without it.
 */
export function errorItems(
  errors: Readonly<Record<string, string | undefined>>,
  targets: ReadonlyArray<readonly [field: string, href: string]>,
  otherHref?: string,
): ErrorSummaryItem[] {
  const listed = targets.flatMap(([field, href]) => {
    const text = errors[field];
    return text ? [{ href, text }] : [];
  });
  if (otherHref === undefined) return listed;
  const known = new Set(targets.map(([field]) => field));
  const others = Object.entries(errors).flatMap(([field, text]) =>
    !known.has(field) && text ? [{ href: otherHref, text }] : [],
  );
  return [...listed, ...others];
}

/** Error summary targets of the evidence form's fields (its other errors link to the title). */
export const EVIDENCE_TARGETS = [
  ['title', 'title'],
  ['url', 'url'],
  ['note', 'note'],
] as const;
