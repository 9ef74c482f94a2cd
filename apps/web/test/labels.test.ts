import { describe, expect, it } from 'vitest';
import { RAG_LABELS } from '../app/components/metrics/labels.ts';
import {
  PHASES,
  PLAN_STATES,
  RAG_STATUSES,
  formatBudget,
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

describe('formatBudget', () => {
  it('shows whole pounds without pence, and pence when there are some', () => {
    expect(formatBudget('20000.00')).toBe('£20,000');
    expect(formatBudget('12500.5')).toBe('£12,500.50');
    expect(formatBudget('999')).toBe('£999');
    expect(formatBudget(null)).toBe('');
  });
});
