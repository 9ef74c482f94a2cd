// npx pnpm admin:create --email <email> --name <name> [--password]
//
// Creates a service administrator (or makes an existing account one) in the database the app uses:
// PostgreSQL when DATABASE_URL is set, else the embedded PGlite database (LIP_DATA_DIR, default
// .data/pglite; migrated first, as the app does on start). Prints what it did and how to sign in.
//
// A password is optional. It is never taken from the command line (it would stay in the shell's
// history and show in the process list): with --password it is asked for (not echoed) on a
// terminal, or read from the first line of standard input when that is not a terminal; or it comes
// from the LIP_ADMIN_PASSWORD environment variable. Without one, the administrator signs in with a
// code sent by email, or through their organisation's identity provider if one is configured.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createDatabase, MigrationError } from '@lip/db';
import {
  AdministratorInputError,
  checkAdministratorInput,
  createServiceAdministrator,
} from '../src/auth/administrator.ts';

const USAGE = 'Usage: npx pnpm admin:create --email <email> --name <name> [--password]';

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(1);
}

/** Reads a line from a terminal without echoing it, or the first line of piped input. */
async function readPassword(): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    const lines = createInterface({ input: stdin });
    for await (const line of lines) {
      lines.close();
      return line;
    }
    return '';
  }
  process.stdout.write('Password (not shown): ');
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve) => {
    let value = '';
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stdout.write('\n');
          resolve(value);
          return;
        }
        if (char === '\u0003') process.exit(130); // Ctrl-C
        if (char === '\u007f') value = value.slice(0, -1);
        else value += char;
      }
    };
    stdin.on('data', onData);
  });
}

let values: { email?: string; name?: string; password?: boolean; help?: boolean };
try {
  ({ values } = parseArgs({
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  }));
} catch (error) {
  fail((error as Error).message);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const fromEnv = process.env.LIP_ADMIN_PASSWORD || undefined;
let password: string | undefined;
try {
  // The email and name are checked before anything is asked or opened.
  checkAdministratorInput({ email: values.email, name: values.name });
  password = values.password ? await readPassword() : fromEnv;
  checkAdministratorInput({ email: values.email, name: values.name, password });
} catch (error) {
  if (error instanceof AdministratorInputError) fail(error.message);
  throw error;
}

const db = await createDatabase().catch((error: unknown) => {
  console.error(error instanceof MigrationError ? error.message : error);
  process.exit(1);
});
try {
  const where =
    db.engine === 'postgres'
      ? 'the PostgreSQL database (DATABASE_URL)'
      : 'the embedded database (PGlite)';
  const { user, outcome, passwordSet } = await createServiceAdministrator(db.prisma, {
    email: values.email,
    name: values.name,
    password,
  });
  const who = `${user.name} <${user.email}>`;
  console.log(
    outcome === 'created'
      ? `Created the service administrator ${who} in ${where}.`
      : outcome === 'promoted'
        ? `${who} already had an account in ${where}: they are now a service administrator.`
        : `${who} was already a service administrator in ${where}.`,
  );
  if (passwordSet) console.log('Their password was set.');
  console.log('\nTo sign in, open the app’s /sign-in page and:');
  if (user.passwordHash)
    console.log(
      `  - enter ${user.email} and the password${process.env.PASSWORD_SIGN_IN === 'off' ? ' (but PASSWORD_SIGN_IN=off switches passwords off here)' : ''}, or`,
    );
  console.log(
    `  - choose “Email me a sign-in code” and enter ${user.email}: the code goes by email through SMTP_URL` +
      (process.env.SMTP_URL
        ? '.'
        : ' (not set here: without it the mail waits in the outbox, or is printed on the console in demo mode, so set SMTP_URL or use a password).'),
  );
  console.log(
    '  - or sign in with their organisation account, if an identity provider (OIDC_PROVIDERS) allows their email domain.',
  );
  console.log(
    '\nService administrators create partnerships and invite their first lead (see the README).',
  );
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await db.close();
}
