// Reading a stored snapshot back: a real one (frozen from the demo plan) reads as it is; an unknown
// format or a damaged one fails with a message that says which.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHost } from '../src/host.ts';
import { InvalidSnapshotError, readSnapshot } from '../src/read-snapshot.ts';
import { SNAPSHOT_FORMAT } from '../src/snapshot.ts';
import { buildSnapshot } from '../src/workflow/snapshot-builder.ts';
import { bootCore, type TestCore } from './support/core.ts';
import { testPlugins } from './support/plugins.ts';

let t: TestCore;
/** The demo plan frozen, as the JSON column holds it. */
let stored: Record<string, unknown>;

beforeAll(async () => {
  t = await bootCore();
  const host = createHost(t.db.prisma, [...t.core.sections], testPlugins);
  const plan = await t.db.prisma.plan.findFirstOrThrow({
    where: { partnership: { slug: 'northshire' } },
  });
  const snapshot = await buildSnapshot(t.db.prisma, host, plan.id, 1);
  stored = JSON.parse(JSON.stringify(snapshot)) as Record<string, unknown>;
});
afterAll(() => t.close());

describe('readSnapshot', () => {
  test('a snapshot of the current format reads back unchanged, keys it does not know included', () => {
    expect(stored.format).toBe(SNAPSHOT_FORMAT);
    expect((stored.sections as unknown[]).length).toBeGreaterThan(0);
    expect((stored.commitments as unknown[]).length).toBeGreaterThan(0);
    const withExtra = { ...stored, note: 'kept' };
    expect(readSnapshot(withExtra)).toBe(withExtra);
    expect(readSnapshot(stored)).toEqual(stored);
  });

  test('an unknown format number is refused, naming it', () => {
    expect(() => readSnapshot({ ...stored, format: 99 })).toThrow(InvalidSnapshotError);
    expect(() => readSnapshot({ ...stored, format: 99 })).toThrow(
      `Unknown plan snapshot format 99: this version of LIP reads format ${SNAPSHOT_FORMAT}`,
    );
    expect(() => readSnapshot({ ...stored, format: '1' })).toThrow(
      'Unknown plan snapshot format "1"',
    );
  });

  test('something that is not a snapshot at all is refused', () => {
    for (const json of [null, 'snapshot', 42, [], {}, { plan: stored.plan }]) {
      expect(() => readSnapshot(json)).toThrow('Not a plan snapshot: it has no format number');
    }
  });

  test('a damaged snapshot is refused, naming where it is damaged', () => {
    const { partnership: _dropped, ...noPartnership } = stored;
    expect(() => readSnapshot(noPartnership)).toThrow(
      /^Damaged plan snapshot \(format 1\): partnership:/,
    );

    const commitments = stored.commitments as Record<string, unknown>[];
    const badCommitment = {
      ...stored,
      commitments: [{ ...commitments[0], reference: 7 }, ...commitments.slice(1)],
    };
    expect(() => readSnapshot(badCommitment)).toThrow(/commitments\.0\.reference/);

    expect(() => readSnapshot({ ...stored, sections: 'none' })).toThrow(InvalidSnapshotError);
  });
});
