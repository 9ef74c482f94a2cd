// Shared by the partnership management pages (organisations, members, plans).

export const partnershipPath = (slug: string, rest = '') =>
  `/partnerships/${encodeURIComponent(slug)}${rest}`;

/** "3 December 2026", or "Never". */
export function lastSignedIn(iso: string | null | undefined): string {
  if (!iso) return 'Never';
  return new Date(iso).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/London',
  });
}
