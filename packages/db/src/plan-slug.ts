/**
 * A plan's part of its public address, from its period: "2026-29" for September 2026 to August
 * 2029, "2026" within one calendar year. The same rule as the migration that gave existing plans
 * theirs; a partnership's second plan over the same years takes "-2" (see `nextPlanSlug`).
 */
export function planSlugBase(periodStart: Date, periodEnd: Date): string {
  const start = periodStart.getUTCFullYear();
  const end = periodEnd.getUTCFullYear();
  return start === end ? String(start) : `${start}-${String(end).slice(-2)}`;
}

/** The first of base, base-2, base-3… not in `taken`. */
export function nextPlanSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
