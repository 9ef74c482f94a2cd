// `npx pnpm admin:create`: the command itself, run as people run it, on the embedded database (a
// fresh PGlite folder) and, in the PostgreSQL project (TEST_DATABASE_URL), on a fresh database.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createDatabase, verifyPassword, type Database } from '@lip/db';
import { createTestDatabase, testEngine } from '@lip/db/testing';

const coreDir = fileURLToPath(new URL('..', import.meta.url));
const tsx = path.join(coreDir, 'node_modules', '.bin', 'tsx');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function adminCreate(args: string[], env: Record<string, string>, stdin?: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      tsx,
      ['scripts/admin-create.ts', ...args],
      {
        cwd: coreDir,
        env: { ...process.env, DATABASE_URL: '', LIP_ADMIN_PASSWORD: '', ...env },
        timeout: 120_000,
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(stdin ?? '');
  });
}

/** Where the command writes, and a way to look at it afterwards. */
interface Target {
  env: Record<string, string>;
  open(): Promise<Database>;
  where: RegExp;
}

function suite(name: string, target: () => Target) {
  describe(name, () => {
    test('creates an administrator without a password, then says how to sign in', async () => {
      const run = await adminCreate(
        ['--email', ' Ada@Example.ORG ', '--name', 'Ada  Lovelace'],
        target().env,
      );
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(target().where);
      expect(run.stdout).toContain(
        'Created the service administrator Ada Lovelace <ada@example.org>',
      );
      expect(run.stdout).toContain('“Email me a sign-in code” and enter ada@example.org');
      expect(run.stdout).not.toContain('and the password');
      const db = await target().open();
      try {
        const user = await db.prisma.user.findUniqueOrThrow({
          where: { email: 'ada@example.org' },
        });
        expect(user).toMatchObject({
          name: 'Ada Lovelace',
          isSystemAdmin: true,
          passwordHash: null,
        });
        expect(
          await db.prisma.auditEvent.count({
            where: { entityId: user.id, action: 'admin.created' },
          }),
        ).toBe(1);
      } finally {
        await db.close();
      }
    });

    test('promotes an existing account, with a password read from standard input', async () => {
      const db = await target().open();
      await db.prisma.user.create({ data: { email: 'grace@example.org', name: 'Grace Hopper' } });
      await db.close();
      const run = await adminCreate(
        ['--email', 'grace@example.org', '--name', 'G. Hopper', '--password'],
        target().env,
        'a long enough password\n',
      );
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(
        'Grace Hopper <grace@example.org> already had an account in the',
      );
      expect(run.stdout).toContain('enter grace@example.org and the password');
      const after = await target().open();
      try {
        const user = await after.prisma.user.findUniqueOrThrow({
          where: { email: 'grace@example.org' },
        });
        expect(user.isSystemAdmin).toBe(true);
        expect(user.name).toBe('Grace Hopper');
        expect(await verifyPassword(user.passwordHash!, 'a long enough password')).toBe(true);
      } finally {
        await after.close();
      }
      const again = await adminCreate(
        ['--email', 'grace@example.org', '--name', 'Grace Hopper'],
        target().env,
      );
      expect(again.stdout).toContain('was already a service administrator');
    });

    test('refuses a missing or invalid email, a missing name and a short password', async () => {
      const cases: [string[], Record<string, string>, string][] = [
        [['--name', 'Ada'], {}, 'Give the administrator’s email: --email'],
        [
          ['--email', 'ada.example.org', '--name', 'Ada'],
          {},
          '“ada.example.org” is not an email address',
        ],
        [['--email', 'ada@example.org'], {}, 'Give the administrator’s name: --name'],
        [
          ['--email', 'ada@example.org', '--name', 'Ada'],
          { LIP_ADMIN_PASSWORD: 'short' },
          'The password must be at least 12 characters',
        ],
        [['--email', 'ada@example.org', '--name', 'Ada', '--pasword'], {}, 'Unknown option'],
      ];
      for (const [args, env, message] of cases) {
        const run = await adminCreate(args, { ...target().env, ...env });
        expect(run.code, args.join(' ')).toBe(1);
        expect(run.stderr, args.join(' ')).toContain(message);
        expect(run.stderr).toContain('Usage: npx pnpm admin:create');
      }
    });
  });
}

if (testEngine() === 'pglite') {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'lip-admin-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  suite('admin:create on the embedded database', () => ({
    env: { LIP_DATA_DIR: path.join(dir, 'pglite') },
    open: () => createDatabase({ dataDir: path.join(dir, 'pglite') }),
    where: /in the embedded database \(PGlite\)/,
  }));
} else {
  // A fresh, migrated PostgreSQL database of its own (dropped on close), as the suites use.
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db?.close());
  suite('admin:create on PostgreSQL', () => ({
    env: { DATABASE_URL: db.url! },
    open: () => createDatabase({ url: db.url! }),
    where: /in the PostgreSQL database \(DATABASE_URL\)/,
  }));
}
