// Issue 13's proof: two app instances (separate processes) on one PostgreSQL database. An import
// check started on A, killed (SIGKILL) mid-check, is finished by B's worker, which then applies the
// import; every job attempt runs once, and never beside another attempt of the same import.
// PostgreSQL only (PGlite is one process's database); skipped without TEST_DATABASE_URL.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import type { Database } from '@lip/db';
import { createTestDatabase, testEngine } from '@lip/db/testing';
import { asInput, IMPORT_FIELDS, LA, NORTHSHIRE, tidyCsv } from './fixtures/metrics/helpers.ts';

interface Line {
  instance: string;
  ready?: boolean;
  workers?: boolean;
  reply?: string;
  result?: { data?: Record<string, { __typename: string; data?: Record<string, unknown> }> };
  job?: 'start' | 'end' | 'error';
  id?: string;
  retryCount?: number;
  data?: { step: string; importId: string };
  at?: number;
}

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const LEAD = 'lead@northshire.example';

class Instance {
  readonly lines: Line[] = [];
  private readonly waiters: Array<{ match: (line: Line) => boolean; resolve: (l: Line) => void }> =
    [];
  readonly child: ChildProcessWithoutNullStreams;
  private next = 0;

  constructor(
    readonly name: string,
    url: string,
    options: { checkDelayMs?: number; workers?: boolean } = {},
  ) {
    this.child = spawn(process.execPath, ['--import', 'tsx', 'test/support/instance.ts'], {
      cwd: packageDir,
      env: {
        ...process.env,
        LIP_INSTANCE_URL: url,
        LIP_INSTANCE_NAME: name,
        LIP_INSTANCE_CHECK_DELAY_MS: String(options.checkDelayMs ?? 0),
        LIP_INSTANCE_WORKERS: options.workers === false ? '0' : '1',
      },
    });
    this.child.stderr.on('data', (chunk: Buffer) => {
      if (process.env.LIP_DEBUG) process.stderr.write(`[${name}] ${chunk.toString()}`);
    });
    createInterface({ input: this.child.stdout }).on('line', (text) => {
      if (!text.startsWith('{')) return;
      const line = JSON.parse(text) as Line;
      this.lines.push(line);
      for (const waiter of [...this.waiters])
        if (waiter.match(line)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(line);
        }
    });
  }

  waitFor(match: (line: Line) => boolean, what: string, timeoutMs = 20_000): Promise<Line> {
    const seen = this.lines.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${this.name}: no ${what} within ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.waiters.push({
        match,
        resolve: (line) => {
          clearTimeout(timer);
          resolve(line);
        },
      });
    });
  }

  async run(document: string, variables: Record<string, unknown>): Promise<Line['result']> {
    const id = String((this.next += 1));
    this.child.stdin.write(`${JSON.stringify({ id, as: LEAD, document, variables })}\n`);
    return (await this.waitFor((line) => line.reply === id, `reply ${id}`)).result;
  }

  async startWorkers(): Promise<void> {
    this.child.stdin.write(`${JSON.stringify({ startWorkers: true })}\n`);
    await this.waitFor((line) => Boolean(line.workers), 'workers');
  }

  jobLines(): Line[] {
    return this.lines.filter((line) => line.job);
  }
}

const onPostgres = testEngine() === 'postgres';
const instances: Instance[] = [];
let db: Database | undefined;
afterAll(async () => {
  for (const instance of instances) instance.child.kill('SIGKILL');
  await db?.close();
});

async function statusOf(id: string): Promise<string> {
  const row = await db!.prisma.observationImport.findUniqueOrThrow({
    where: { id },
    select: { status: true },
  });
  return row.status;
}

async function until(id: string, status: string, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  for (;;) {
    const now = await statusOf(id);
    if (now === status) return;
    if (Date.now() - started > timeoutMs)
      throw new Error(`import still ${now} after ${timeoutMs} ms (waiting for ${status})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.skipIf(!onPostgres)('two instances on one PostgreSQL database', () => {
  test('a check killed on A is finished by B, which also applies it; no attempt runs twice', async () => {
    db = await createTestDatabase({ seed: 'demo' });
    // B's workers start once A is mid-check, so the check is A's to begin with.
    const a = new Instance('A', db.url!, { checkDelayMs: 60_000 });
    const b = new Instance('B', db.url!, { workers: false });
    instances.push(a, b);
    await Promise.all([
      a.waitFor((l) => Boolean(l.ready), 'start'),
      b.waitFor((l) => Boolean(l.ready), 'start'),
    ]);

    const csv = tidyCsv([
      ['2023', 'Calendar year', 'Local authority', LA, 'EHC-06', '61'],
      ['2024', 'Calendar year', 'Local authority', LA, 'EHC-06', '62'],
    ]);
    const uploaded = await a.run(
      `mutation($input: UploadObservationsInput!) { r: uploadObservations(input: $input) {
        __typename ... on MutationUploadObservationsSuccess { data { ${IMPORT_FIELDS} } } } }`,
      {
        input: {
          partnershipId: NORTHSHIRE,
          contentBase64: Buffer.from(csv).toString('base64'),
          fileName: 'two-instances.csv',
        },
      },
    );
    const view = uploaded!.data!.r!.data! as {
      id: string;
      version: number;
      mapping: Parameters<typeof asInput>[0];
    };
    const importId = Buffer.from(view.id, 'base64url').toString().split(':')[1]!;
    const checking = await a.run(
      `mutation($input: CheckObservationImportInput!) { r: checkObservationImport(input: $input) {
        __typename ... on MutationCheckObservationImportSuccess { data { status } } } }`,
      { input: { id: view.id, version: view.version, mapping: asInput(view.mapping) } },
    );
    expect(checking!.data!.r).toMatchObject({ data: { status: 'CHECKING' } });

    await a.waitFor((l) => l.job === 'start' && l.data?.step === 'check', 'check start');
    await b.startWorkers();
    // B's worker polls meanwhile, and looks for stale leases: the check is A's and A renews its
    // lease, so B leaves it alone past the lease's length until A dies.
    await new Promise((resolve) => setTimeout(resolve, 4_500));
    a.child.kill('SIGKILL');
    const killedAt = Date.now();
    await new Promise((resolve) => a.child.once('exit', resolve));
    expect(await statusOf(importId)).toBe('CHECKING');

    await until(importId, 'CHECKED');
    const checkedView = await b.run(
      `query($id: ID!) { observationImport(id: $id) { status version refusedRows addedRows } }`,
      { id: view.id },
    );
    const checked = checkedView!.data!.observationImport as unknown as {
      version: number;
      refusedRows: number;
      addedRows: number;
    };
    expect(checked).toMatchObject({ status: 'CHECKED', refusedRows: 0, addedRows: 2 });
    const applying = await b.run(
      `mutation($input: ApplyObservationImportInput!) { r: applyObservationImport(input: $input) {
        __typename ... on MutationApplyObservationImportSuccess { data { status } } } }`,
      { input: { id: view.id, version: checked.version } },
    );
    expect(applying!.data!.r).toMatchObject({ data: { status: 'APPLYING' } });
    await until(importId, 'APPLIED');
    await b.waitFor((l) => l.job === 'end' && l.data?.step === 'apply', 'apply end');

    // A began the check and died; B ran the retry of the check, then the apply, each once.
    expect(a.jobLines().map((l) => [l.job, l.data?.step, l.retryCount])).toEqual([
      ['start', 'check', 0],
    ]);
    expect(b.jobLines().map((l) => [l.job, l.data?.step, l.retryCount])).toEqual([
      ['start', 'check', 1],
      ['end', 'check', 1],
      ['start', 'apply', 0],
      ['end', 'apply', 0],
    ]);
    const checkJob = a.jobLines()[0]!.id;
    expect(b.jobLines()[0]!.id).toBe(checkJob); // the same job, retried
    expect(b.jobLines()[0]!.at!).toBeGreaterThan(killedAt); // never beside A's attempt

    expect(
      await db.prisma.metricObservation.count({ where: { importId } }),
      'figures written once',
    ).toBe(2);
    expect(
      await db.prisma.auditEvent.count({
        where: { action: 'observations.import', entityId: importId },
      }),
    ).toBe(1);
  }, 60_000);
});
