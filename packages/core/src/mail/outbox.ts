// The mail outbox: whatever a mail tells about (a sign-in code, an invitation) is written in the
// same transaction as the mail, so a mail is never sent for a change that rolled back, nor lost to a
// crash between the two. The mailer (mailer.ts) sends what is due.
import type { Prisma } from '@lip/db';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** What kind of mail, e.g. "sign-in-code" or "invitation". */
  template: string;
  /** The text holds a secret (a code, a link that signs in): blanked once sent, failed or expired. */
  sensitive?: boolean;
  /** Not sent after this time. */
  discardAfter?: Date;
  /** Earlier unsent mails of this template to the same address are dropped (a newer code replaces them). */
  replacesEarlier?: boolean;
}

/** Queues a mail inside the caller's transaction. */
export async function enqueueMail(
  tx: Prisma.TransactionClient,
  mail: OutgoingMail,
): Promise<string> {
  if (mail.replacesEarlier)
    await tx.emailOutbox.updateMany({
      where: { to: mail.to, template: mail.template, status: 'PENDING' },
      data: { status: 'EXPIRED' },
    });
  const row = await tx.emailOutbox.create({
    data: {
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html ?? null,
      template: mail.template,
      sensitive: mail.sensitive ?? false,
      discardAfter: mail.discardAfter ?? null,
    },
    select: { id: true },
  });
  return row.id;
}
