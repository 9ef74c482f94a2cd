import { govukTime } from '@lip/core/dates';

/** Display text for the workflow enums. */
export const DECISIONS: Record<string, string> = {
  APPROVED: 'Approved',
  APPROVED_WITH_CONDITIONS: 'Approved with conditions',
  REJECTED: 'Rejected',
  ACKNOWLEDGED: 'Acknowledged',
};

export const CHANGE_KINDS: Record<string, string> = {
  ADDED: 'Added',
  REMOVED: 'Removed',
  CHANGED: 'Changed',
};

/** "2026-11-28T03:01:00.000Z" → "28 November 2026 at 3:01am" (GOV.UK style, UK time). */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const date = d.toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/London',
  });
  return `${date} at ${govukTime(d)}`;
}

/** The lead's note sent with a submitted version, as the sign-off and version pages title it. */
export const LEAD_NOTE = 'Note from the partnership lead';

/** What the parent carer forum records with its acknowledgement. */
export const FORUM_CONCERNS = 'Concerns the forum wants recorded';
