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

  test('a format 1 snapshot (frozen before evidence was) reads as the current format with no evidence', () => {
    expect(SNAPSHOT_FORMAT).toBe(2);
    const commitments = stored.commitments as Record<string, unknown>[];
    // Format 1 as it was written: no evidence key on any commitment.
    const formatOne = {
      ...stored,
      format: 1,
      commitments: commitments.map(({ evidence: _none, ...c }) => c),
      note: 'kept',
    };
    const read = readSnapshot(formatOne);
    expect(read.format).toBe(SNAPSHOT_FORMAT);
    expect(read.commitments).toHaveLength(commitments.length);
    for (const [i, c] of read.commitments.entries()) {
      expect(c.evidence).toEqual([]);
      expect(c).toEqual({ ...formatOne.commitments[i], evidence: [] });
    }
    expect(read.sections).toEqual(stored.sections);
    expect((read as unknown as { note: string }).note).toBe('kept');
    // The stored JSON is not changed by reading it.
    expect(formatOne.format).toBe(1);
    expect('evidence' in formatOne.commitments[0]!).toBe(false);

    // A format 1 snapshot is checked as format 1: damage is still found.
    expect(() =>
      readSnapshot({ ...formatOne, commitments: [{ ...formatOne.commitments[0], title: 3 }] }),
    ).toThrow(/^Damaged plan snapshot \(format 1\): commitments\.0\.title/);
  });

  test("a format 2 snapshot must carry each commitment's evidence", () => {
    const commitments = stored.commitments as Record<string, unknown>[];
    const { evidence: _dropped, ...noEvidence } = commitments[0]!;
    expect(() =>
      readSnapshot({ ...stored, commitments: [noEvidence, ...commitments.slice(1)] }),
    ).toThrow(/^Damaged plan snapshot \(format 2\): commitments\.0\.evidence/);
  });

  test('an unknown format number is refused, naming it', () => {
    expect(() => readSnapshot({ ...stored, format: 99 })).toThrow(InvalidSnapshotError);
    expect(() => readSnapshot({ ...stored, format: 99 })).toThrow(
      `Unknown plan snapshot format 99: this version of LIP reads formats 1 to ${SNAPSHOT_FORMAT}`,
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
      /^Damaged plan snapshot \(format 2\): partnership:/,
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
