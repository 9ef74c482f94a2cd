import type { StandardSchemaV1 } from '@pothos/plugin-validation';
import type { FieldError } from './errors.ts';

/** Standard-schema issues → field errors whose path is the input field name (the arg name dropped). */
export function fieldErrorsFromIssues(issues: readonly StandardSchemaV1.Issue[]): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const issue of issues) {
    const path = (issue.path ?? []).map((p) => String(typeof p === 'object' ? p.key : p));
    if (path[0] === 'input') path.shift();
    const key = path.join('.');
    if (seen.has(key)) continue; // one message per field, the first (most basic) one
    seen.add(key);
    out.push({ path, message: issue.message });
  }
  return out;
}
