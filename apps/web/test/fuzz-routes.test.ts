// Hostile values in every route parameter of the web app, through the real Remix request handler
// (test/support/remix-app.ts) over a demo database. The routes are read from app/routes (a new
// route is fuzzed without touching this file); each request fills the route's parameters with
// real demo values and puts a hostile one in one place: numbers past Int32, negative, 1e309, NaN,
// a NUL, very long text, unicode, path traversal, SQL-ish text, nothing. Pages are asked for as a
// partnership lead and anonymously; pages with a form are posted to with hostile fields as well.
//
// No answer may be a 5xx. Alongside, the defects found when the app was probed, each with the
// answer it must give now, and the upload ceiling of the metrics import.
//
// Bounded and repeatable: a fixed seed (LIP_FUZZ_SEED to vary it) and LIP_FUZZ_RUNS random runs
// (default 120) after the fixed sweep.
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { encodeGlobalId } from '@lip/core';
import { limitedBody, readFormWithin, BodyTooLargeError } from '../app/lib/body-limit.server.ts';
import { MAX_UPLOAD_BODY_BYTES } from '../app/lib/metrics-import.server.ts';
import { APP_DIR, startRemixApp, type RemixApp } from './support/remix-app.ts';

const SEED = Number(process.env.LIP_FUZZ_SEED ?? 20261204);
const RUNS = Number(process.env.LIP_FUZZ_RUNS ?? 120);
const LEAD = 'lead@northshire.example';

interface Route {
  file: string;
  /** URL segments: literal text, or a parameter name ('*' for a splat). */
  segments: Array<{ literal: string } | { param: string }>;
  hasAction: boolean;
}

/** Remix flat routes: "plans.$planId.versions.$n.tsx" → /plans/:planId/versions/:n. */
function routes(): Route[] {
  const dir = path.join(APP_DIR, 'app/routes');
  return readdirSync(dir)
    .filter((f) => /\.tsx?$/.test(f))
    .map((file) => {
      const name = file.replace(/\.tsx?$/, '');
      const segments = name
        // "feed[.]atom" is one segment with a literal dot.
        .replaceAll('[.]', '\u0000')
        .split('.')
        .map((s) => s.replaceAll('\u0000', '.'))
        .filter((s) => s !== '_index' && !s.startsWith('_'))
        // A trailing underscore opts out of the parent layout; it is not part of the URL.
        .map((s) => (s.endsWith('_') ? s.slice(0, -1) : s))
        // "($n)" is an optional parameter: probed like any other.
        .map((s) => (/^\(\$.+\)$/.test(s) ? s.slice(1, -1) : s))
        .map((s) =>
          s === '$' ? { param: '*' } : s.startsWith('$') ? { param: s.slice(1) } : { literal: s },
        );
      const source = readFileSync(path.join(dir, file), 'utf8');
      return {
        file,
        segments,
        hasAction: /export (async )?(function|const) action\b/.test(source),
      };
    });
}

let app: RemixApp;
const real: Record<string, string> = {};

beforeAll(async () => {
  app = await startRemixApp();
  const prisma = app.composition.db.prisma;
  const partnership = await prisma.partnership.findFirstOrThrow({ where: { slug: 'northshire' } });
  const plan = await prisma.plan.findFirstOrThrow({ where: { partnershipId: partnership.id } });
  const commitment = await prisma.commitment.findFirst({
    where: { planId: plan.id, section: { key: 'education' } },
  });
  const activity = await prisma.coproductionActivity.findFirst({ where: { planId: plan.id } });
  const target = await prisma.metricTarget.findFirst({ where: { planId: plan.id } });
  const organisation = await prisma.organisation.findFirst();
  // A member no other check needs (the remove page's form removes them on the first post).
  const member = await prisma.member.findFirst({
    where: { partnershipId: partnership.id, user: { email: 'officer@northshire.example' } },
  });
  Object.assign(real, {
    slug: 'northshire',
    planId: encodeGlobalId('Plan', plan.id),
    plan: plan.slug,
    commitmentId: commitment ? encodeGlobalId('Commitment', commitment.id) : 'x',
    activityId: activity ? encodeGlobalId('CoproductionActivity', activity.id) : 'x',
    targetId: target ? encodeGlobalId('MetricTarget', target.id) : 'x',
    organisationId: organisation ? encodeGlobalId('Organisation', organisation.id) : 'x',
    memberId: member ? encodeGlobalId('Member', member.id) : 'x',
    importId: 'x',
    settingId: encodeGlobalId('Setting', 'demo-setting-meadowbank'),
    sectionKey: 'education',
    n: '1',
    file: 'commitments.csv',
    format: 'csv',
    '*': 'no-such-page',
  });
}, 300_000);

afterAll(() => app?.close());

function url(route: Route, values: Record<string, string>): string {
  return (
    '/' +
    route.segments
      .map((s) =>
        'literal' in s ? s.literal : encodeURIComponent(values[s.param] ?? real[s.param] ?? 'x'),
      )
      .join('/')
  );
}

/** The fixed sweep: the values that made 500s when the app was probed. */
const PROBES = ['2147483648', '99999999999999999999', '-1', '1e309', 'zzz', 'a\u0000b'];

/** Signed out, the pages redirect to sign-in: fewer probes are enough there. */
const ANONYMOUS_PROBES = ['2147483648', 'a\u0000b'];

const hostile = fc.oneof(
  fc.constantFrom(
    ...PROBES,
    '0',
    'NaN',
    '\u0000',
    '-2147483649',
    'Infinity',
    '1.5',
    '../../../../etc/passwd',
    '..',
    '%2e%2e%2f',
    '\'; DROP TABLE "Plan"; --',
    "1' OR '1'='1",
    '\u202eevil',
    '\uFEFF',
    '😀',
    'x'.repeat(4000),
    '<script>alert(1)</script>',
    ' ',
  ),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
  fc.integer().map(String),
  fc.double().map(String),
);

/** What a form post might carry, hostile: every field a route reads by a common name. */
function hostileForm(value: string): URLSearchParams {
  const form = new URLSearchParams();
  for (const name of [
    'version',
    'intent',
    'title',
    'planId',
    'body',
    'email',
    'password',
    'reason',
    'commentary',
  ])
    form.set(name, value);
  return form;
}

async function expectNoServerError(label: string, response: Response) {
  const body = await response.text();
  expect(response.status, `${label} → ${response.status}: ${body.slice(0, 300)}`).toBeLessThan(500);
  expect(body, label).not.toContain('Unexpected error.');
}

describe('hostile route parameters', () => {
  const all = routes();
  const withParams = all.filter((r) => r.segments.some((s) => 'param' in s));

  test('the routes are found, with their parameters', () => {
    expect(all.length).toBeGreaterThan(30);
    expect(withParams.map((r) => r.file)).toContain('published.$slug.$plan.$n.$file.tsx');
    const published = all.find((r) => r.file === 'published.$slug.$plan.($n)._index.tsx');
    expect(published?.segments).toEqual([
      { literal: 'published' },
      { param: 'slug' },
      { param: 'plan' },
      { param: 'n' },
    ]);
  });

  test('every parameter of every route, with each probe value, signed in and not', async () => {
    for (const route of withParams) {
      for (const segment of route.segments) {
        if (!('param' in segment)) continue;
        for (const probe of PROBES) {
          const target = url(route, { [segment.param]: probe });
          for (const as of ANONYMOUS_PROBES.includes(probe) ? [LEAD, undefined] : [LEAD]) {
            await expectNoServerError(
              `GET ${target} as ${as ?? 'nobody'}`,
              await app.fetch(target, { as }),
            );
          }
        }
      }
    }
  }, 600_000);

  test('random hostile values in parameters and forms never cause a server error', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...all.filter((r) => r.file !== 'sign-out.tsx')),
        fc.nat(),
        hostile,
        fc.boolean(),
        fc.boolean(),
        async (route, pick, value, asLead, post) => {
          const params = route.segments.flatMap((s) => ('param' in s ? [s.param] : []));
          const values = params.length > 0 ? { [params[pick % params.length]!]: value } : {};
          const target = url(route, values);
          const as = asLead ? LEAD : undefined;
          const response =
            post && route.hasAction
              ? await app.fetch(target, {
                  method: 'POST',
                  body: hostileForm(value),
                  headers: { 'content-type': 'application/x-www-form-urlencoded' },
                  as,
                })
              : await app.fetch(target, { as });
          await expectNoServerError(
            `${post && route.hasAction ? 'POST' : 'GET'} ${target} as ${as ?? 'nobody'}`,
            response,
          );
        },
      ),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
  }, 600_000);
});

describe('the defects found by probing', () => {
  test('version numbers past Int32 in addresses are pages that do not exist (404)', async () => {
    const plan = real.planId!;
    for (const n of ['2147483648', '99999999999999999999', '1e309', '-1', '0', '01', '1.0']) {
      for (const p of [
        `/published/northshire/${plan}/${n}`,
        `/published/northshire/${real.plan}/${n}`,
        `/published/northshire/${plan}/${n}/commitments.csv`,
        `/published/northshire/${plan}/${n}/plan.zip`,
      ])
        expect((await app.fetch(p)).status, p).toBe(404);
      for (const p of [
        `/plans/${plan}/versions/${n}`,
        `/plans/${plan}/versions/${n}/export/csv`,
        `/plans/${plan}/versions/${n}/export/zip`,
      ])
        expect((await app.fetch(p, { as: LEAD })).status, p).toBe(404);
    }
    const compare = await app.fetch(`/plans/${plan}/versions/compare?from=99999999999999999999`, {
      as: LEAD,
    });
    expect(compare.status).toBe(404);
  });

  test('a NUL in an address is refused as a bad request, not a server error', async () => {
    for (const p of ['/partnerships/%00', `/plans/%00`, `/plans/${real.planId}/sections/%00`]) {
      const response = await app.fetch(p, { as: LEAD });
      expect([400, 404], p).toContain(response.status);
      expect(await response.text()).toContain('There is a problem with your request');
    }
  });

  test('a commitment form posted with a version that is not a number is a 400', async () => {
    expect(real.commitmentId).not.toBe('x');
    const target = `/plans/${real.planId}/sections/education/commitments/${real.commitmentId}`;
    for (const version of ['zzz', '1e309', '-1', '2147483648', '1.5']) {
      const response = await app.fetch(target, {
        method: 'POST',
        body: new URLSearchParams({ version, title: 'Changed by a hostile form' }),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        as: LEAD,
      });
      expect(response.status, version).toBe(400);
    }
    const saved = await app.composition.db.prisma.commitment
      .findFirstOrThrow({
        where: { title: 'Changed by a hostile form' },
      })
      .catch(() => null);
    expect(saved).toBeNull();
  });
});

describe('the metrics upload ceiling', () => {
  const CHUNK = 64 * 1024;
  const TOTAL = 60 * 1024 * 1024;

  /** A multipart body of TOTAL bytes made as it is read, counting what was read. */
  function hugeUpload() {
    const boundary = 'fuzzboundary';
    const head = new TextEncoder().encode(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\nContent-Type: text/csv\r\n\r\n`,
    );
    const filler = new Uint8Array(CHUNK).fill(0x61);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= TOTAL) return controller.close();
        const chunk = sent === 0 ? head : filler;
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    return { body, boundary, read: () => sent };
  }

  // Every page that takes a CSV file reads it through the same ceiling (lib/csv-upload.server.ts).
  const UPLOAD_PAGES = [
    '/partnerships/northshire/imports',
    '/partnerships/northshire/settings/import',
  ];

  test.each(UPLOAD_PAGES)(
    '%s: a body sent without a length is abandoned at the limit, not read to the end',
    async (page) => {
      const upload = hugeUpload();
      const request = new Request(`http://localhost${page}`, {
        method: 'POST',
        body: upload.body,
        headers: { 'content-type': `multipart/form-data; boundary=${upload.boundary}` },
        duplex: 'half',
      } as RequestInit);
      expect(request.headers.get('content-length')).toBeNull();
      const response = await app.fetch(request, { as: LEAD });
      expect(response.status).toBe(413);
      expect(await response.text()).toContain('The selected file must be smaller than 20 MB');
      expect(upload.read()).toBeLessThanOrEqual(MAX_UPLOAD_BODY_BYTES + 4 * CHUNK);
      expect(upload.read()).toBeLessThan(TOTAL);
    },
  );

  test.each(UPLOAD_PAGES)('%s: no file, or a file that is not a CSV, is said so', async (page) => {
    const none = new FormData();
    const missing = await app.fetch(page, { method: 'POST', body: none, as: LEAD });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain('Select a CSV file');
    const form = new FormData();
    form.set('file', new File(['not a spreadsheet'], 'notes.txt', { type: 'text/plain' }));
    const wrong = await app.fetch(page, { method: 'POST', body: form, as: LEAD });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('The selected file must be a CSV');
  });

  test('a file under the limit still uploads (multipart, read through the ceiling)', async () => {
    const form = new FormData();
    const csv =
      'time_period,time_identifier,geographic_level,new_la_code,indicator,value\n2023,Calendar year,Local authority,E10000099,EHC-06,70\n';
    form.set('file', new File([csv], 'figures.csv', { type: 'text/csv' }));
    const response = await app.fetch('/partnerships/northshire/imports', {
      method: 'POST',
      body: form,
      as: LEAD,
    });
    expect(response.status, await response.clone().text()).toBe(302);
    expect(response.headers.get('location')).toMatch(
      /^\/partnerships\/northshire\/imports\/[^/]+\/mapping$/,
    );
  });

  test.each(UPLOAD_PAGES)(
    '%s: a declared length over the limit is refused before a byte is read',
    async (page) => {
      const upload = hugeUpload();
      const request = new Request(`http://localhost${page}`, {
        method: 'POST',
        body: upload.body,
        headers: {
          'content-type': `multipart/form-data; boundary=${upload.boundary}`,
          'content-length': String(TOTAL),
        },
        duplex: 'half',
      } as RequestInit);
      const response = await app.fetch(request, { as: LEAD });
      expect(response.status).toBe(413);
      expect(upload.read()).toBeLessThanOrEqual(2 * CHUNK);
    },
  );

  test('readFormWithin reads a form under the limit, and stops reading one over it', async () => {
    const small = new Request('http://localhost/', {
      method: 'POST',
      body: new URLSearchParams({ a: 'b' }),
    });
    expect((await readFormWithin(small, 1000)).text('a')).toBe('b');
    const upload = hugeUpload();
    const big = new Request('http://localhost/', {
      method: 'POST',
      body: upload.body,
      headers: { 'content-type': `multipart/form-data; boundary=${upload.boundary}` },
      duplex: 'half',
    } as RequestInit);
    await expect(readFormWithin(big, 1_000_000)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(upload.read()).toBeLessThanOrEqual(1_000_000 + 2 * CHUNK);
    // The stream on its own errors once past the limit.
    const reader = limitedBody(hugeUpload().body, 10).getReader();
    await expect(reader.read()).rejects.toBeInstanceOf(BodyTooLargeError);
  });
});
