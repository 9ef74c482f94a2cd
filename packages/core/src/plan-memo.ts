// Work shared by the fields of one plan within one GraphQL execution: the plan page asks for every
// section's readiness, summary and blockers, and each would otherwise load the same rows again.
// Keyed by the parent Plan row object, which one execution resolves once and hands to every field
// below it (a later execution loads a new object, so nothing is served stale across requests).
const memos = new WeakMap<object, Map<string, Promise<unknown>>>();

/** `compute()` once per plan object and key; a failure is not kept (the next caller retries). */
export function memoForPlan<T>(plan: object, key: string, compute: () => Promise<T>): Promise<T> {
  let byKey = memos.get(plan);
  if (!byKey) memos.set(plan, (byKey = new Map()));
  const hit = byKey.get(key) as Promise<T> | undefined;
  if (hit) return hit;
  const pending = compute();
  byKey.set(key, pending);
  pending.catch(() => byKey.delete(key));
  return pending;
}
