// Page timings in the national database (generate.ts first): the real web server (the production
// build, `node build/node/server.js`, over PostgreSQL) is started on a spare port and each page is
// asked for over HTTP, signed in, one request at a time: a few to warm up, then N timed. Prints
// p50, p95 and max per page, with the size of the HTML, as a table for docs/benchmarks.md.
//   pnpm --filter @lip/web build && npx pnpm bench:national:measure [-- --requests 50]
//   NATIONAL_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/lip_national (the default)
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createDatabase } from '../../packages/db/src/index.ts';
import { hashToken } from '../../packages/core/src/context.ts';
import { encodeGlobalId } from '../../packages/core/src/ids.ts';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '50' },
    warmup: { type: 'string', default: '3' },
    port: { type: 'string', default: '3977' },
    /** The partnership whose own pages are timed, by local authority code (Lancashire). */
    partnership: { type: 'string', default: 'E10000017' },
    only: { type: 'string' },
  },
});
const N = Number(values.requests);
const WARMUP = Number(values.warmup);
const url =
  process.env.NATIONAL_DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/lip_national';
const webDir = fileURLToPath(new URL('../../apps/web/', import.meta.url));
if (!existsSync(`${webDir}build/node/server.js`))
  throw new Error('Build the web app first: pnpm --filter @lip/web build');

// Two people to be: an all-England overseer and the partnership's lead, each with a session.
const db = await createDatabase({ url });
const tokens = {
  overseer: randomBytes(24).toString('base64url'),
  lead: randomBytes(24).toString('base64url'),
};
const code = values.partnership;
let planPath: string;
try {
  const plan = await db.prisma.plan.findUniqueOrThrow({ where: { id: `nat-plan-${code}` } });
  planPath = `/plans/${encodeURIComponent(encodeGlobalId('Plan', plan.id))}`;
  const overseer = await db.prisma.user.upsert({
    where: { email: 'overseer@national.example' },
    create: { email: 'overseer@national.example', name: 'National overseer' },
    update: {},
  });
  await db.prisma.oversightMembership.upsert({
    where: { userId: overseer.id },
    create: { userId: overseer.id, name: 'NHS England', region: null },
    update: {},
  });
  const expiresAt = new Date(Date.now() + 3600 * 1000);
  await db.prisma.session.createMany({
    data: [
      { id: hashToken(tokens.overseer), userId: overseer.id, expiresAt },
      { id: hashToken(tokens.lead), userId: `nat-u-${code}-lead`, expiresAt },
    ],
  });
} finally {
  await db.close();
}

const pages: Array<{ name: string; path: string; as: keyof typeof tokens }> = [
  { name: 'Oversight: partnerships table', path: '/oversight', as: 'overseer' },
  { name: 'Oversight: heat map', path: '/oversight/heat-map', as: 'overseer' },
  { name: 'Oversight: one metric (EHC-01)', path: '/oversight/metrics/EHC-01', as: 'overseer' },
  { name: 'Published index: first page', path: '/published', as: 'overseer' },
  { name: 'Published index: search "York"', path: '/published?q=York', as: 'overseer' },
  { name: 'Published index: page 4', path: '/published?page=4', as: 'overseer' },
  { name: 'Plan page (400 commitments)', path: planPath, as: 'lead' },
  { name: 'Section page (education)', path: `${planPath}/sections/education`, as: 'lead' },
  { name: 'Coverage page', path: `${planPath}/coverage`, as: 'lead' },
].filter((p) => !values.only || p.name.toLowerCase().includes(values.only.toLowerCase()));

const port = Number(values.port);
const server = spawn(process.execPath, ['--enable-source-maps', 'build/node/server.js'], {
  cwd: webDir,
  env: {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: url,
    PORT: String(port),
    LIP_WORKERS: '0',
    LOG_LEVEL: 'warn',
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const base = `http://127.0.0.1:${port}`;
try {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (i > 120) throw new Error('The web server did not start');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }

  const percentile = (sorted: number[], p: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  console.log(
    `\n${N} requests per page after ${WARMUP} to warm up, one at a time, ${cpus().length} CPUs, ${(totalmem() / 2 ** 30).toFixed(1)} GB, Node ${process.version}, load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}\n`,
  );
  console.log('| Page | p50 | p95 | max | HTML |\n| --- | ---: | ---: | ---: | ---: |');
  for (const page of pages) {
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < WARMUP + N; i++) {
      const started = performance.now();
      const response = await fetch(`${base}${page.path}`, {
        headers: { cookie: `lip_session=${tokens[page.as]}` },
        redirect: 'manual',
      });
      const html = await response.text();
      const ms = performance.now() - started;
      if (response.status !== 200)
        throw new Error(`${page.path} answered ${response.status}: ${html.slice(0, 300)}`);
      bytes = Buffer.byteLength(html);
      if (i >= WARMUP) times.push(ms);
    }
    times.sort((a, b) => a - b);
    console.log(
      `| ${page.name} | ${percentile(times, 50).toFixed(0)} ms | ${percentile(times, 95).toFixed(0)} ms | ${times[times.length - 1]!.toFixed(0)} ms | ${(bytes / 1024).toFixed(0)} kB |`,
    );
  }
  console.log(
    `\nload after: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
} finally {
  server.kill('SIGTERM');
}
