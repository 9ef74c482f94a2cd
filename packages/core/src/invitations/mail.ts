// The invitation mail, GOV.UK Notify style: who invited you, to what, as what, and what to do.
import type { MemberRole } from '@lip/db';
import { govukDate } from '../dates.ts';
import { ROLE_LABELS } from '../partnerships/rules.ts';

export const INVITATION_TEMPLATE = 'invitation';
export const SERVICE_NAME = 'Local Inclusion Plan Builder';

/** ["SECTION_EDITOR", "SIGNATORY"] → "a section editor and signatory". */
export function rolesInWords(roles: readonly MemberRole[]): string {
  const words = roles.map((r) => ROLE_LABELS[r].toLowerCase());
  if (words.length === 0) return 'a member';
  const list =
    words.length === 1 ? words[0]! : `${words.slice(0, -1).join(', ')} and ${words.at(-1)!}`;
  return `a ${list}`;
}

export interface InvitationMailFacts {
  inviterName: string;
  /** The inviter's organisation; null for a service administrator. */
  inviterOrganisation: string | null;
  partnershipName: string;
  organisationName: string;
  roles: readonly MemberRole[];
  link: string;
  expiresAt: Date;
}

export function invitationMail(facts: InvitationMailFacts): { subject: string; text: string } {
  const inviter = `${facts.inviterName} (${facts.inviterOrganisation ?? `${SERVICE_NAME} service administrator`})`;
  return {
    subject: `You have been invited to join ${facts.partnershipName} on ${SERVICE_NAME}`,
    text:
      `${inviter} has invited you to join ${facts.partnershipName} on ${SERVICE_NAME} as ` +
      `${rolesInWords(facts.roles)} for ${facts.organisationName}.\n\n` +
      `Accept the invitation:\n${facts.link}\n\n` +
      `The link works once and expires on ${govukDate(facts.expiresAt)}.\n\n` +
      `If you were not expecting this email, you can ignore it.\n`,
  };
}
