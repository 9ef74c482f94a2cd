// Reminders for sign-off decisions that have waited too long: once a day (a scheduled job), each
// signatory of an organisation that has not yet decided on a version in partner review for more
// than REMIND_AFTER_DAYS gets a reminder through the outbox. At most one a day for each request:
// the outbox row's id names the version, organisation, member and day, so a second run that day
// (a retry, another instance) inserts nothing.
import type { CoreHost } from '../host.ts';
import { encodeGlobalId } from '../ids.ts';
import { FALLBACK_ORIGIN } from '../invitations/links.ts';
import { SERVICE_NAME } from '../invitations/mail.ts';
import { govukDate } from '../dates.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { expectedSignatories } from './signatories.ts';

export const SIGN_OFF_REMINDER_TEMPLATE = 'sign-off-reminder';
export const SIGN_OFF_REMINDER_JOB = 'sign-off-reminders';
/** A decision waited for longer than this is reminded of, each day until it is recorded. */
export const REMIND_AFTER_DAYS = 7;
/** Every day at 08:00, London time. */
const DAILY = '0 8 * * *';
const DAY_MS = 24 * 60 * 60 * 1000;

export function signOffReminderMail(facts: {
  planTitle: string;
  partnershipName: string;
  versionNumber: number;
  organisationName: string;
  kind: 'SIGN_OFF' | 'ACKNOWLEDGEMENT';
  submittedOn: Date;
  days: number;
  link: string;
}): { subject: string; text: string } {
  const what = facts.kind === 'ACKNOWLEDGEMENT' ? 'acknowledgement' : 'sign-off decision';
  return {
    subject: `Reminder: ${facts.planTitle}: ${facts.kind === 'ACKNOWLEDGEMENT' ? 'acknowledgement' : 'sign-off'} requested`,
    text:
      `Version ${facts.versionNumber} of ${facts.planTitle} (${facts.partnershipName}) has waited ` +
      `${facts.days} days for ${facts.organisationName}’s ${what}, since ${govukDate(facts.submittedOn)}.\n\n` +
      `Read the version and record it:\n${facts.link}\n\n` +
      `You are receiving this because you are a signatory for ${facts.organisationName} on ${SERVICE_NAME}. ` +
      `Reminders stop once your organisation’s decision is recorded.\n`,
  };
}

/** Queues today's reminders; returns how many mails were queued (0 if this day's were already). */
export async function queueSignOffReminders(
  host: CoreHost,
  now: Date = new Date(),
  afterDays: number = REMIND_AFTER_DAYS,
): Promise<number> {
  const plans = await host.prisma.plan.findMany({
    where: { state: 'PARTNER_REVIEW', archivedAt: null },
    include: {
      partnership: { select: { name: true } },
      versions: { orderBy: { number: 'desc' }, take: 1, include: { signOffs: true } },
    },
  });
  const day = now.toISOString().slice(0, 10);
  // No request to take an origin from: PUBLIC_URL, which a service that sends mail sets.
  const origin = host.publicUrl ?? FALLBACK_ORIGIN;
  let queued = 0;
  for (const plan of plans) {
    const version = plan.versions[0];
    if (!version || version.state !== 'PARTNER_REVIEW') continue;
    const waited = Math.floor((now.getTime() - version.createdAt.getTime()) / DAY_MS);
    if (waited < afterDays) continue;
    const decided = new Set(version.signOffs.map((s) => s.organisationId));
    const expected = (await expectedSignatories(host.prisma, plan.partnershipId)).filter(
      (e) => !decided.has(e.organisation.id),
    );
    if (expected.length === 0) continue;
    const members = await host.prisma.member.findMany({
      where: {
        partnershipId: plan.partnershipId,
        roles: { has: 'SIGNATORY' },
        organisationId: { in: expected.map((e) => e.organisation.id) },
      },
      include: { user: { select: { email: true } } },
    });
    const planId = encodeGlobalId('Plan', plan.id);
    const mails = members.map((member) => {
      const { organisation, kind } = expected.find(
        (e) => e.organisation.id === member.organisationId,
      )!;
      const link = `${origin}/plans/${encodeURIComponent(planId)}/sign-off/${encodeURIComponent(
        encodeGlobalId('Organisation', organisation.id),
      )}`;
      return {
        id: `${SIGN_OFF_REMINDER_TEMPLATE}:${version.id}:${member.id}:${day}`,
        to: member.user.email,
        template: SIGN_OFF_REMINDER_TEMPLATE,
        ...signOffReminderMail({
          planTitle: plan.title,
          partnershipName: plan.partnership.name,
          versionNumber: version.number,
          organisationName: organisation.name,
          kind,
          submittedOn: version.createdAt,
          days: waited,
          link,
        }),
      };
    });
    // The id is the day's key: a mail already queued today for this request is skipped.
    const { count } = await host.prisma.emailOutbox.createMany({
      data: mails,
      skipDuplicates: true,
    });
    queued += count;
  }
  return queued;
}

/** The daily job (scheduled on the queue; any one instance runs it). */
export function defineSignOffReminders(queue: JobQueue, host: CoreHost): void {
  queue.define<object>(SIGN_OFF_REMINDER_JOB, {
    cron: DAILY,
    run: async () => {
      await queueSignOffReminders(host);
    },
  });
}
