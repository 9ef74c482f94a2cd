// What the lead sees of an invitation: its status, and its mail's delivery in plain words.
import type { EmailOutbox, Invitation } from '@lip/db';

export const INVITATION_STATUSES = ['PENDING', 'ACCEPTED', 'REVOKED', 'EXPIRED'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export function invitationStatus(
  invitation: Pick<Invitation, 'acceptedAt' | 'revokedAt' | 'expiresAt'>,
  now = Date.now(),
): InvitationStatus {
  if (invitation.acceptedAt) return 'ACCEPTED';
  if (invitation.revokedAt) return 'REVOKED';
  if (invitation.expiresAt.getTime() <= now) return 'EXPIRED';
  return 'PENDING';
}

export const DELIVERY_STATUSES = ['QUEUED', 'SENT', 'FAILED', 'NOT_SENT'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface DeliveryView {
  status: DeliveryStatus;
  /** Why it is not sent (yet), in plain words; null when nothing went wrong. */
  problem: string | null;
  sentAt: Date | null;
}

export type MailFacts = Pick<EmailOutbox, 'status' | 'lastError' | 'sentAt' | 'attempts'>;

/** Credentials in URLs (smtps://user:password@host) never reach a page. */
function withoutCredentials(text: string): string {
  return text
    .replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@]*@/gi, '$1')
    .replace(/\b(pass(word)?|pwd|secret|token)\s*[=:]\s*\S+/gi, '$1=…');
}

/** A transport's error message as a sentence a lead can act on, with the server's words after it. */
export function plainMailError(lastError: string | null): string {
  const raw = withoutCredentials((lastError ?? '').trim()).slice(0, 200);
  let sentence = 'The mail server did not accept the email';
  if (/ECONNREFUSED|ETIMEDOUT|ENOTFOUND|EHOSTUNREACH|ECONNRESET|Greeting never|timeout/i.test(raw))
    sentence = 'The service could not reach its mail server';
  else if (/Invalid login|EAUTH|\b535\b|\b530\b/i.test(raw))
    sentence = 'The mail server did not accept the service’s sign-in details';
  else if (/recipient|\b550\b|\b551\b|\b553\b|mailbox/i.test(raw))
    sentence = 'The mail server refused the email address';
  return raw ? `${sentence} (it said: “${raw}”)` : sentence;
}

const NO_MAIL_SERVER =
  'This service has no mail server set up, so no email was sent: copy the link and send it to them yourself';

export function deliveryOf(mail: MailFacts | null, delivers: boolean): DeliveryView {
  if (!delivers) return { status: 'NOT_SENT', problem: NO_MAIL_SERVER, sentAt: null };
  if (!mail) return { status: 'NOT_SENT', problem: 'No email was sent', sentAt: null };
  switch (mail.status) {
    case 'SENT':
      return { status: 'SENT', problem: null, sentAt: mail.sentAt };
    case 'FAILED':
      return { status: 'FAILED', problem: plainMailError(mail.lastError), sentAt: null };
    case 'EXPIRED':
      return { status: 'NOT_SENT', problem: 'The email was not sent in time', sentAt: null };
    default:
      return {
        status: 'QUEUED',
        problem:
          mail.attempts > 0 && mail.lastError
            ? `Not sent yet: the service will try again. ${plainMailError(mail.lastError)}`
            : null,
        sentAt: null,
      };
  }
}
