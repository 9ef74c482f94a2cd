/**
 * Words and tags for invitations, shared by the invitations pages, the invite form and the
 * administrator's "Create a partnership" confirmation.
 */
import type { TagColour } from '@lip/ui';

export const INVITATION_STATUS: Record<string, { text: string; colour: TagColour }> = {
  PENDING: { text: 'Waiting', colour: 'blue' },
  ACCEPTED: { text: 'Accepted', colour: 'green' },
  REVOKED: { text: 'Revoked', colour: 'grey' },
  EXPIRED: { text: 'Expired', colour: 'orange' },
};

export const DELIVERY_STATUS: Record<string, { text: string; colour: TagColour }> = {
  QUEUED: { text: 'Sending', colour: 'light-blue' },
  SENT: { text: 'Sent', colour: 'green' },
  FAILED: { text: 'Not delivered', colour: 'red' },
  NOT_SENT: { text: 'Not sent', colour: 'yellow' },
};

/** The roles a lead can give, with what each lets a person do (the invite form's hints). */
export const ROLE_CHOICES: ReadonlyArray<{ value: string; text: string; hint: string }> = [
  {
    value: 'PARTNERSHIP_LEAD',
    text: 'Partnership lead',
    hint: 'Manages the partnership: its organisations, members, invitations and plans',
  },
  {
    value: 'SECTION_EDITOR',
    text: 'Section editor',
    hint: 'Writes the sections of the plan that their organisation owns',
  },
  {
    value: 'CONTRIBUTOR',
    text: 'Contributor',
    hint: 'Comments on the plan and records co-production',
  },
  { value: 'SIGNATORY', text: 'Signatory', hint: 'Signs off the plan for their organisation' },
  { value: 'VIEWER', text: 'Viewer', hint: 'Reads the plan' },
];

/** Email addresses typed into a textarea: one per line, or separated by commas or semicolons. */
export function splitEmails(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((e) => e.trim())
    .filter(Boolean);
}
