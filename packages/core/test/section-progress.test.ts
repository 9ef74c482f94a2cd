// A section's place on the task list (Section.progress, and what Plan.sectionsComplete counts).
import { describe, expect, it } from 'vitest';
import { progressOf } from '../src/schema/section-readiness.ts';

const checks = (...passed: boolean[]) => passed.map((p) => ({ passed: p }));

describe('section progress from readiness', () => {
  it('is complete when every check passes, whatever the stored status', () => {
    expect(progressOf('IN_PROGRESS', checks(true, true))).toBe('COMPLETE');
  });
  it('is in progress when some checks pass', () => {
    expect(progressOf('COMPLETE', checks(true, false))).toBe('IN_PROGRESS');
  });
  it('is not started when no check passes', () => {
    expect(progressOf('IN_PROGRESS', checks(false, false, false))).toBe('NOT_STARTED');
  });
  it('keeps the stored status when the plugin declares no readiness checks', () => {
    expect(progressOf('READY_FOR_REVIEW', [])).toBe('READY_FOR_REVIEW');
  });
});
