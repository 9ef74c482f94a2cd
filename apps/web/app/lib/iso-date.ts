import type { DateParts } from '@lip/ui';

/** "1", "9", "2026" → "2026-09-01"; null when the parts are not a real date. */
export function isoDate(parts: DateParts): string | null {
  const [d, m, y] = [parts.day, parts.month, parts.year].map((p) => p.trim());
  if (!/^\d{1,2}$/.test(d ?? '') || !/^\d{1,2}$/.test(m ?? '') || !/^\d{4}$/.test(y ?? ''))
    return null;
  const iso = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : null;
}
