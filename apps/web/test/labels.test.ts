import { describe, expect, it } from 'vitest';
import { RAG_LABELS } from '../app/components/metrics/labels.ts';
import {
  PHASES,
  PLAN_STATES,
  RAG_STATUSES,
  commitmentCounts,
  progressCounts,
  ratingCounts,
  SUPPORT_LAYERS,
  formatDate,
} from '../app/lib/labels.ts';

describe('labels from @lip/publish', () => {
  it('lists options in the contract’s order with the words people see', () => {
    expect(PHASES.map((p) => p.text)).toEqual([
      'Early years',
      'Primary',
      'Secondary',
      'Post-16',
      'Post-19',
      'All ages',
    ]);
    expect(SUPPORT_LAYERS.map((s) => s.value)).toEqual([
      'UNIVERSAL',
      'TARGETED',
      'TARGETED_PLUS',
      'SPECIALIST',
    ]);
    expect(RAG_STATUSES).toEqual([
      { value: 'NOT_STARTED', text: 'Not started', colour: 'grey' },
      { value: 'RED', text: 'Red', colour: 'red' },
      { value: 'AMBER', text: 'Amber', colour: 'orange' },
      { value: 'GREEN', text: 'Green', colour: 'green' },
      { value: 'COMPLETE', text: 'Complete', colour: 'blue' },
    ]);
    expect(PLAN_STATES.PARTNER_REVIEW).toBe('Partner review');
  });

  it('says what a metric’s rating means on its tag', () => {
    expect(RAG_LABELS).toEqual({
      RED: { text: 'Red: off track', colour: 'red' },
      AMBER: { text: 'Amber: improving', colour: 'orange' },
      GREEN: { text: 'Green: target met', colour: 'green' },
      NO_DATA: { text: 'No data', colour: 'grey' },
      NO_TARGET: { text: 'No target', colour: 'grey' },
    });
  });

  it('formats dates GOV.UK style', () => {
    expect(formatDate('2026-09-01')).toBe('1 September 2026');
    expect(formatDate(undefined)).toBe('');
  });
});

describe('commitment counts, progress and rating apart', () => {
  const summary = {
    total: 4,
    byProgress: [
      { progress: 'NOT_STARTED', count: 1 },
      { progress: 'IN_PROGRESS', count: 3 },
      { progress: 'COMPLETE', count: 0 },
    ],
    byDeliveryRating: [
      { rating: 'RED', count: 1 },
      { rating: 'AMBER', count: 0 },
      { rating: 'GREEN', count: 1 },
      { rating: null, count: 2 },
    ],
  };

  it('says each reading with counts of none left out, not rated by name', () => {
    expect(progressCounts(summary)).toBe('1 not started, 3 in progress');
    expect(ratingCounts(summary)).toBe('1 red, 1 green, 2 not rated');
    expect(commitmentCounts(summary, ' in the whole plan')).toBe(
      '4 commitments in the whole plan: 1 not started, 3 in progress; rated 1 red, 1 green, 2 not rated',
    );
  });

  it('says there are none yet when there are none', () => {
    const none = {
      total: 0,
      byProgress: summary.byProgress.map((p) => ({ ...p, count: 0 })),
      byDeliveryRating: summary.byDeliveryRating.map((r) => ({ ...r, count: 0 })),
    };
    expect(commitmentCounts(none)).toBe('No commitments yet');
    expect(progressCounts(none)).toBe('');
  });
});
