// A real SMTP server for tests (the `smtp-server` package) on a free local port, keeping every
// message it receives, so a test reads a sign-in code from the mail the app really sent.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface CapturedMail {
  from: string;
  to: string[];
  subject: string;
  /** The text body, transfer encoding undone. */
  text: string;
  raw: string;
}

export interface TestSmtpServer {
  /** For SMTP_URL, e.g. smtp://127.0.0.1:2525 */
  url: string;
  messages: CapturedMail[];
  /**
   * The first mail to this address not yet taken, whose subject matches if a pattern is given
   * (waits for it). The pattern keeps a journey from reading another feature's mail to the same
   * person, such as an acknowledgement request sent while it waits for a sign-in code.
   */
  nextMail(to: string, subject?: RegExp): Promise<CapturedMail>;
  /** Refuse the next `count` messages with a temporary error (451), to exercise retries. */
  refuseNext(count: number): void;
  close(): Promise<void>;
}

function decodeQuotedPrintable(body: string): string {
  return body
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Enough MIME for the plain text mails the app sends (one part, 7bit, quoted-printable or base64). */
export function parseMail(raw: string, from: string, to: string[]): CapturedMail {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const header = (name: string) =>
    new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1]?.trim() ?? '';
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const text =
    encoding === 'quoted-printable'
      ? decodeQuotedPrintable(body)
      : encoding === 'base64'
        ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
        : body;
  return { from, to, subject: header('Subject'), text: text.replace(/\r\n/g, '\n'), raw };
}

export async function startTestSmtpServer(
  options: { port?: number } = {},
): Promise<TestSmtpServer> {
  const messages: CapturedMail[] = [];
  const taken = new Set<CapturedMail>();
  const waiters: Array<{ to: string; subject?: RegExp; resolve: (mail: CapturedMail) => void }> =
    [];
  const wanted = (mail: CapturedMail, to: string, subject?: RegExp) =>
    mail.to.includes(to) && (!subject || subject.test(mail.subject));
  let refuse = 0;

  const deliver = (mail: CapturedMail) => {
    messages.push(mail);
    const index = waiters.findIndex((w) => wanted(mail, w.to, w.subject));
    if (index >= 0) {
      taken.add(mail);
      waiters.splice(index, 1)[0]!.resolve(mail);
    }
  };

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (refuse > 0) {
          refuse -= 1;
          const error = new Error('Try again later') as Error & { responseCode: number };
          error.responseCode = 451;
          callback(error);
          return;
        }
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
        deliver(parseMail(Buffer.concat(chunks).toString('utf8'), from, to));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;

  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    nextMail(to, subject) {
      const address = to.toLowerCase();
      const ready = messages.find((m) => !taken.has(m) && wanted(m, address, subject));
      if (ready) {
        taken.add(ready);
        return Promise.resolve(ready);
      }
      return new Promise((resolve) => waiters.push({ to: address, subject, resolve }));
    },
    refuseNext(count) {
      refuse = count;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
