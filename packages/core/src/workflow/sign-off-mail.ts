// When a plan is submitted, each signatory of each signing organisation (and of the parent carer
// forum) is told by email that their decision is waited for, with a link to record it. Queued in the
// submission's transaction, so a submission that rolls back sends nothing.
import type { Plan, Prisma } from '@lip/db';
import type { RequestContext } from '../context.ts';
import { govukDate } from '../dates.ts';
import type { CoreHost } from '../host.ts';
import { encodeGlobalId } from '../ids.ts';
import { linkOrigin } from '../invitations/links.ts';
import { SERVICE_NAME } from '../invitations/mail.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { expectedSignatories } from './signatories.ts';

export const SIGN_OFF_REQUEST_TEMPLATE = 'sign-off-request';

export interface SignOffRequestFacts {
  planTitle: string;
  partnershipName: string;
  versionNumber: number;
  organisationName: string;
  kind: 'SIGN_OFF' | 'ACKNOWLEDGEMENT';
  submittedBy: string;
  submittedOn: Date;
  /** The lead's note sent with the version, when there is one. */
  note?: string | null;
  link: string;
}

export function signOffRequestMail(facts: SignOffRequestFacts): { subject: string; text: string } {
  const asked =
    facts.kind === 'ACKNOWLEDGEMENT'
      ? `the acknowledgement of ${facts.organisationName}`
      : `${facts.organisationName}’s sign-off decision`;
  return {
    subject: `${facts.planTitle}: ${facts.kind === 'ACKNOWLEDGEMENT' ? 'acknowledgement' : 'sign-off'} requested`,
    text:
      `${facts.submittedBy} submitted version ${facts.versionNumber} of ${facts.planTitle} ` +
      `(${facts.partnershipName}) for partner review on ${govukDate(facts.submittedOn)}.\n\n` +
      (facts.note ? `Note from the partnership lead:\n${facts.note}\n\n` : '') +
      `It is waiting for ${asked}. Read the version and record it:\n${facts.link}\n\n` +
      `You are receiving this because you are a signatory for ${facts.organisationName} on ${SERVICE_NAME}.\n`,
  };
}

/** Queues one mail per signatory member of each organisation expected to decide. */
export async function queueSignOffRequests(
  tx: Prisma.TransactionClient,
  host: CoreHost,
  ctx: RequestContext,
  plan: Plan,
  versionNumber: number,
  note: string | null = null,
): Promise<number> {
  const [expected, partnership, members] = await Promise.all([
    expectedSignatories(tx, plan.partnershipId),
    tx.partnership.findUniqueOrThrow({ where: { id: plan.partnershipId } }),
    tx.member.findMany({
      where: { partnershipId: plan.partnershipId, roles: { has: 'SIGNATORY' } },
      include: { user: { select: { email: true } } },
      orderBy: { id: 'asc' },
    }),
  ]);
  const origin = linkOrigin(host.publicUrl, ctx);
  const planId = encodeGlobalId('Plan', plan.id);
  const submittedOn = new Date();
  let queued = 0;
  for (const { organisation, kind } of expected) {
    const link = `${origin}/plans/${encodeURIComponent(planId)}/sign-off/${encodeURIComponent(
      encodeGlobalId('Organisation', organisation.id),
    )}`;
    for (const member of members.filter((m) => m.organisationId === organisation.id)) {
      await enqueueMail(tx, {
        to: member.user.email,
        ...signOffRequestMail({
          planTitle: plan.title,
          partnershipName: partnership.name,
          versionNumber,
          organisationName: organisation.name,
          kind,
          submittedBy: ctx.user?.name ?? 'The partnership lead',
          submittedOn,
          note,
          link,
        }),
        template: SIGN_OFF_REQUEST_TEMPLATE,
      });
      queued += 1;
    }
  }
  return queued;
}
