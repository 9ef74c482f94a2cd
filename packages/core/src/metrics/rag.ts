// Polarity-aware RAG for one target (docs/api-metrics.md "RAG"). The same signature as
// @lip/statistics' ragStatus, which this stands in for until that package is in the workspace.
import type { Polarity } from '@lip/db';

export type RagValue = 'RED' | 'AMBER' | 'GREEN' | 'NO_DATA' | 'NO_TARGET';

export interface RagInput {
  polarity: Polarity;
  baseline: number | null;
  target: number | null;
  latest: number | null;
  latestPeriod: string | null;
  trajectory: readonly { period: string; value: number }[];
}

export function ragStatus({ polarity, baseline, target, latest, latestPeriod, trajectory }: RagInput): {
  rag: RagValue;
  reason: string;
} {
  if (target === null) return { rag: 'NO_TARGET', reason: 'No target has been set' };
  if (latest === null) return { rag: 'NO_DATA', reason: 'No local figure yet' };
  // CONTEXT metrics are rated as if higher were better, but never red.
  const higherBetter = polarity !== 'LOWER_BETTER';
  const atLeast = (a: number, b: number) => (higherBetter ? a >= b : a <= b);
  const better = (a: number, b: number) => (higherBetter ? a > b : a < b);
  if (atLeast(latest, target)) return { rag: 'GREEN', reason: `${latest} meets the target of ${target}` };
  const milestone = trajectory.find((point) => point.period === latestPeriod);
  let onTrack: boolean;
  let reason: string;
  if (milestone) {
    onTrack = atLeast(latest, milestone.value);
    reason = onTrack
      ? `${latest} is on the trajectory (${milestone.value} for ${milestone.period}) but not yet at the target of ${target}`
      : `${latest} is off the trajectory (${milestone.value} for ${milestone.period})`;
  } else if (baseline !== null) {
    onTrack = better(latest, baseline);
    reason = onTrack
      ? `${latest} is better than the baseline of ${baseline} but not yet at the target of ${target}`
      : `${latest} is no better than the baseline of ${baseline}`;
  } else {
    onTrack = false;
    reason = `${latest} has not reached the target of ${target}`;
  }
  if (onTrack) return { rag: 'AMBER', reason };
  if (polarity === 'CONTEXT') return { rag: 'AMBER', reason: `${reason} (a context measure, so never red)` };
  return { rag: 'RED', reason };
}
