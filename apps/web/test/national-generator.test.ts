// The national benchmark's generator (bench/national) at a tiny size, so it cannot rot between
// benchmark runs: two partnerships, 48 commitments each, two versions through the real workflow.
// The full run (153 partnerships) and its timings are in docs/benchmarks.md, never in tests.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateNational, localAuthorities } from '../../../bench/national/national.ts';
import { compose, type Composition } from '../server/compose.ts';

let composition: Composition;
let result: Awaited<ReturnType<typeof generateNational>>;
/** The database the generator filled (an in-memory PGlite with the catalogue, as the app starts). */
let db: Composition['db'];

beforeAll(async () => {
  process.env.LIP_DATA_DIR = 'memory';
  delete process.env.DATABASE_URL;
  composition = await compose({ workers: false });
  db = composition.db;
  result = await generateNational(db, {
    partnerships: 2,
    commitments: 48,
    versions: 2,
    years: 2,
    concurrency: 1,
  });
}, 180_000);
afterAll(() => composition?.close());

describe('the national generator, at a tiny size', () => {
  test('the data file lists the 153 upper-tier local authorities, each with a region and an ICB', () => {
    const las = localAuthorities();
    expect(las).toHaveLength(153);
    expect(new Set(las.map((la) => la.code)).size).toBe(153);
    expect(new Set(las.map((la) => la.region)).size).toBe(9);
    expect(new Set(las.map((la) => la.icbCode)).size).toBe(42);
    for (const la of las) expect(la.code).toMatch(/^E(06|08|09|10)\d{6}$/);
  });

  test('each partnership has a published plan whose versions are the workflow’s snapshots', async () => {
    expect(result).toMatchObject({ partnerships: 2, commitments: 96, versions: 4 });
    const plans = await db.prisma.plan.findMany({
      include: { versions: { orderBy: { number: 'asc' } }, partnership: true },
      orderBy: { id: 'asc' },
    });
    expect(plans).toHaveLength(2);
    for (const plan of plans) {
      expect(plan.state).toBe('PUBLISHED');
      expect(plan.versions.map((v) => v.state)).toEqual(['SUPERSEDED', 'PUBLISHED']);
      const snapshot = plan.versions[1]!.snapshot as {
        commitments: unknown[];
        plan: { versionNumber: number };
        partnership: { localAuthorityCodes: string[] };
      };
      expect(snapshot.plan.versionNumber).toBe(2);
      expect(snapshot.commitments).toHaveLength(48);
      expect(snapshot.partnership.localAuthorityCodes).toEqual(
        plan.partnership.localAuthorityCodes,
      );
      expect(
        await db.prisma.signOff.count({ where: { planVersionId: plan.versions[1]!.id } }),
      ).toBe(3);
    }
  });

  test('figures cover each local authority, its region and England for every year asked', async () => {
    const levels = await db.prisma.metricObservation.groupBy({
      by: ['geographyLevel'],
      _count: { _all: true },
    });
    const counts = Object.fromEntries(levels.map((l) => [l.geographyLevel, l._count._all]));
    expect(counts.LOCAL_AUTHORITY).toBeGreaterThan(0);
    expect(counts.REGION).toBe(counts.LOCAL_AUTHORITY);
    expect(counts.ENGLAND).toBe(counts.LOCAL_AUTHORITY);
    expect(result.observations).toBe(counts.LOCAL_AUTHORITY! + counts.REGION! + counts.ENGLAND!);
  });
});
