import { describe, expect, it } from 'vitest';
import { sectionProgress } from '../app/lib/section-progress.ts';

const checks = (...passed: boolean[]) => passed.map((p) => ({ passed: p }));

describe('section progress from readiness', () => {
  it('is completed when every check passes', () => {
    expect(
      sectionProgress({ status: 'IN_PROGRESS', isReady: true, readiness: checks(true, true) }),
    ).toBe('COMPLETE');
  });
  it('is in progress when some checks pass', () => {
    expect(
      sectionProgress({ status: 'COMPLETE', isReady: false, readiness: checks(true, false) }),
    ).toBe('IN_PROGRESS');
  });
  it('is not started when no check passes', () => {
    expect(
      sectionProgress({
        status: 'IN_PROGRESS',
        isReady: false,
        readiness: checks(false, false, false),
      }),
    ).toBe('NOT_STARTED');
  });
  it('keeps the stored status when the plugin declares no readiness checks', () => {
    expect(sectionProgress({ status: 'READY_FOR_REVIEW', isReady: true, readiness: [] })).toBe(
      'READY_FOR_REVIEW',
    );
  });
});
