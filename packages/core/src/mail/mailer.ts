// Sends what the outbox holds: due mails are claimed one by one with a conditional update (so two
// instances never send the same mail), sent through the transport, and retried with exponential
// backoff when the transport fails. In a server the sending runs as a durable job (deliverThrough):
// a queued mail is sent by whichever instance's workers take the job, and a scheduled run every
// minute sends retries and whatever an instance that stopped left behind. Logs say how many mails and which template, never an address
// or a mail's text.
import nodemailer from 'nodemailer';
import type { EmailOutbox, PrismaClient } from '@lip/db';
import type { JobQueue } from '../jobs/queue.ts';

/** The job that sends the outbox's due mails (one at a time across instances). */
export const MAIL_JOB = 'mail-outbox';

export interface MailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface MailTransport {
  /** For logs: "smtp", "console". */
  name: string;
  send(message: MailMessage): Promise<void>;
  close?(): void;
}

/** SMTP through nodemailer: SMTP_URL such as smtps://user:pass@smtp.example.org:465. */
export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport(url);
  return {
    name: 'smtp',
    async send(message) {
      await transporter.sendMail(message);
    },
    close: () => transporter.close(),
  };
}

/** Prints each mail whole on the console: the demo only (LIP_DEMO), where codes are no secret. */
export function consoleTransport(print: (text: string) => void = console.log): MailTransport {
  return {
    name: 'console',
    send(message) {
      print(
        `[lip/mail] (demo: printed, not sent)\nTo: ${message.to}\nSubject: ${message.subject}\n\n${message.text}\n`,
      );
      return Promise.resolve();
    },
  };
}

export interface MailerOptions {
  /** null: nothing is sent; mails wait in the outbox and a log line says so. */
  transport: MailTransport | null;
  /** The From header, e.g. "Local inclusion plan builder <no-reply@lip.example.gov.uk>". */
  from: string;
  /** Tries before a mail is marked FAILED. Default 8 (about two hours of backoff). */
  maxAttempts?: number;
  /** Delay before the second try; doubles each time, at most an hour. Default 30 s. */
  firstRetryMs?: number;
  /** How often `start()` looks for due mails (retries, other instances' mails). Default 15 s. */
  pollMs?: number;
  log?: (message: string) => void;
}

export interface Mailer {
  /**
   * Whether mails reach people: false when they wait in the outbox (no SMTP_URL) or are only
   * printed on the console (the demo). Invitations then show their link to the lead to pass on.
   */
  readonly delivers: boolean;
  /** Sends every due mail; resolves with how many were sent. Safe to call concurrently. */
  drain(): Promise<number>;
  /** Drains soon, in the background (after a mail is queued): through the job queue if given one. */
  kick(): void;
  /**
   * Sends through durable jobs on `queue` from now on: kick() queues a drain for any instance's
   * workers, and a drain runs every minute on the queue's schedule. Call before the queue opens.
   */
  deliverThrough(queue: JobQueue): void;
  /** Without a job queue: drains every pollMs until stop(). With one, its workers do this. */
  start(): void;
  stop(): void;
}

const LEASE_MS = 2 * 60_000;
const BATCH = 20;

export function createMailer(prisma: PrismaClient, options: MailerOptions): Mailer {
  const log = options.log ?? ((message: string) => console.warn(`[lip/mail] ${message}`));
  const maxAttempts = options.maxAttempts ?? 8;
  const firstRetryMs = options.firstRetryMs ?? 30_000;
  let running: Promise<number> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;

  const backoff = (attempts: number) => Math.min(firstRetryMs * 2 ** (attempts - 1), 3_600_000);

  /** Blanks the text of sensitive mails that will not be sent (again). */
  async function scrub(): Promise<void> {
    await prisma.emailOutbox.updateMany({
      where: { sensitive: true, status: { in: ['SENT', 'FAILED', 'EXPIRED'] }, NOT: { text: '' } },
      data: { text: '', html: null },
    });
  }

  async function sendOne(mail: EmailOutbox, transport: MailTransport): Promise<boolean> {
    const now = Date.now();
    const claimed = await prisma.emailOutbox.updateMany({
      where: { id: mail.id, status: mail.status, attempts: mail.attempts },
      data: {
        status: 'SENDING',
        attempts: { increment: 1 },
        nextAttemptAt: new Date(now + LEASE_MS),
      },
    });
    if (claimed.count === 0) return false; // another sender has it
    const attempts = mail.attempts + 1;
    try {
      await transport.send({
        from: options.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.html ? { html: mail.html } : {}),
      });
      await prisma.emailOutbox.update({
        where: { id: mail.id },
        data: { status: 'SENT', sentAt: new Date(), lastError: null },
      });
      return true;
    } catch (error) {
      const e = error as Error & { code?: string; responseCode?: number };
      const failed = attempts >= maxAttempts;
      await prisma.emailOutbox.update({
        where: { id: mail.id },
        data: {
          status: failed ? 'FAILED' : 'PENDING',
          nextAttemptAt: new Date(Date.now() + backoff(attempts)),
          lastError: e.message.slice(0, 1000),
        },
      });
      log(
        `${mail.template} mail ${mail.id}: try ${attempts} of ${maxAttempts} failed (${e.code ?? e.responseCode ?? e.name})${failed ? '; giving up' : ''}`,
      );
      return false;
    }
  }

  async function drainOnce(): Promise<number> {
    const now = new Date();
    await prisma.emailOutbox.updateMany({
      where: { status: { in: ['PENDING', 'SENDING'] }, discardAfter: { lte: now } },
      data: { status: 'EXPIRED' },
    });
    let sent = 0;
    if (!options.transport) {
      const waiting = await prisma.emailOutbox.count({ where: { status: 'PENDING' } });
      if (waiting > 0)
        log(`${waiting} mail(s) waiting in the outbox: set SMTP_URL (and MAIL_FROM) to send them`);
    } else {
      for (;;) {
        const due = await prisma.emailOutbox.findMany({
          where: { status: { in: ['PENDING', 'SENDING'] }, nextAttemptAt: { lte: new Date() } },
          orderBy: { nextAttemptAt: 'asc' },
          take: BATCH,
        });
        for (const mail of due) if (await sendOne(mail, options.transport)) sent += 1;
        if (due.length < BATCH) break;
      }
    }
    await scrub();
    return sent;
  }

  function drain(): Promise<number> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let sent = 0;
      try {
        do {
          again = false;
          sent += await drainOnce();
        } while (again);
      } finally {
        running = null;
      }
      return sent;
    })();
    return running;
  }

  let queue: JobQueue | null = null;

  return {
    delivers: options.transport !== null && options.transport.name !== 'console',
    drain,
    kick() {
      const failed = (error: unknown) => log(`sending failed: ${(error as Error).message}`);
      // Never from inside a transaction (the queue's rule): callers kick after theirs committed.
      if (queue) void queue.send(MAIL_JOB, {}, { singletonKey: MAIL_JOB }).catch(failed);
      else void drain().catch(failed);
    },
    deliverThrough(jobs) {
      queue = jobs;
      jobs.define(MAIL_JOB, {
        run: async () => {
          await drain();
        },
        // Each mail keeps its own tries and backoff in the outbox; the job only runs the sender.
        retryLimit: 1,
        cron: '* * * * *',
      });
    },
    start() {
      if (timer || queue) return;
      timer = setInterval(() => {
        void drain().catch((error: unknown) => log(`sending failed: ${(error as Error).message}`));
      }, options.pollMs ?? 15_000);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
      options.transport?.close?.();
    },
  };
}

/**
 * The mailer settings from the environment: SMTP_URL and MAIL_FROM. Without SMTP_URL, mails wait
 * in the outbox (logged as waiting), except in the demo (LIP_DEMO), where they are printed on the
 * console so the demo's email sign-in works on a laptop.
 */
export function mailerOptionsFromEnv(
  env: Record<string, string | undefined> = process.env,
  demo = env.LIP_DEMO === '1',
): MailerOptions {
  return {
    transport: env.SMTP_URL ? smtpTransport(env.SMTP_URL) : demo ? consoleTransport() : null,
    from: env.MAIL_FROM ?? 'Local inclusion plan builder <no-reply@localhost>',
  };
}
