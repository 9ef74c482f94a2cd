import { formatValue } from './format.ts';

export type Polarity = 'HIGHER_BETTER' | 'LOWER_BETTER' | 'CONTEXT';
export type Rag = 'RED' | 'AMBER' | 'GREEN' | 'NO_DATA' | 'NO_TARGET';

export interface TrajectoryPoint {
  period: string;
  value: number;
}

export interface RagInput {
  polarity: Polarity;
  baseline?: number | null;
  target?: number | null;
  /** The latest local value; null or absent when there is no local observation. */
  latest?: number | null;
  /** The period of `latest`; picks the trajectory point to compare with. */
  latestPeriod?: string | null;
  trajectory?: readonly TrajectoryPoint[] | null;
  /** The metric's unit ("percent", "count"...), only for wording the reason ("12.1%"). */
  unit?: string;
  /** The metric's published decimal places, only for wording the reason ("40.0%"). */
  decimals?: number;
}

export interface RagResult {
  rag: Rag;
  /** One sentence a person reads next to the rating. */
  reason: string;
}

type Direction = 'HIGHER' | 'LOWER';

/**
 * Rates progress towards a target (rules in docs/api-metrics.md, "RAG"):
 * - NO_TARGET without a target; NO_DATA without a latest value.
 * - GREEN when the target is met: ≥ target when higher is better, ≤ when lower is better.
 * - Otherwise, when the trajectory has a point for the latest period: AMBER when on or better than
 *   that point, RED when worse. Without one: AMBER when strictly better than the baseline, RED
 *   when no better (equal counts as no better). With neither a trajectory point nor a baseline
 *   there is no evidence of progress, so a target not met is RED.
 * - CONTEXT metrics have no polarity of their own: the direction is the one from the baseline to
 *   the target (up when there is no baseline or they are equal), and they are never RED (AMBER instead).
 */
export function ragStatus(input: RagInput): RagResult {
  const { polarity, unit, decimals } = input;
  const target = finiteOrNull(input.target);
  const latest = finiteOrNull(input.latest);
  const baseline = finiteOrNull(input.baseline);
  const show = (value: number) => formatValue(value, unit, decimals);

  if (target === null) {
    return { rag: 'NO_TARGET', reason: 'No target has been set for this measure.' };
  }
  if (latest === null) {
    return { rag: 'NO_DATA', reason: 'There is no local figure yet to compare with the target.' };
  }

  const direction: Direction =
    polarity === 'HIGHER_BETTER'
      ? 'HIGHER'
      : polarity === 'LOWER_BETTER'
        ? 'LOWER'
        : baseline !== null && target < baseline
          ? 'LOWER'
          : 'HIGHER';
  const better = (a: number, b: number) => (direction === 'HIGHER' ? a > b : a < b);
  const polarityWords =
    polarity === 'CONTEXT'
      ? ''
      : direction === 'HIGHER'
        ? ' (higher is better)'
        : ' (lower is better)';
  const never = (rag: Rag): Rag => (polarity === 'CONTEXT' && rag === 'RED' ? 'AMBER' : rag);

  if (latest === target) {
    return {
      rag: 'GREEN',
      reason: `${show(latest)} meets the target of ${show(target)}${polarityWords}.`,
    };
  }
  if (better(latest, target)) {
    const side = latest > target ? 'above' : 'below';
    return {
      rag: 'GREEN',
      reason: `${show(latest)} is ${side} the target of ${show(target)}${polarityWords}, so the target is met.`,
    };
  }

  const side = latest > target ? 'above' : 'below';
  const notMet = `${show(latest)} is ${side} the target of ${show(target)}${polarityWords}`;

  const trajectoryPoint =
    input.latestPeriod == null
      ? undefined
      : input.trajectory?.find((point) => point.period === input.latestPeriod);
  if (trajectoryPoint && Number.isFinite(trajectoryPoint.value)) {
    const expected = show(trajectoryPoint.value);
    if (!better(trajectoryPoint.value, latest)) {
      return {
        rag: 'AMBER',
        reason: `${notMet}, but on track: the trajectory expected ${expected} by ${trajectoryPoint.period}.`,
      };
    }
    return {
      rag: never('RED'),
      reason: `${notMet}, and off track: the trajectory expected ${expected} by ${trajectoryPoint.period}.`,
    };
  }

  if (baseline === null) {
    return {
      rag: never('RED'),
      reason: `${notMet}, and there is no baseline or trajectory to show progress.`,
    };
  }
  if (better(latest, baseline)) {
    return {
      rag: 'AMBER',
      reason: `${notMet}, but better than the baseline of ${show(baseline)}.`,
    };
  }
  const compared = latest === baseline ? 'no better than' : 'worse than';
  return {
    rag: never('RED'),
    reason: `${notMet}, and ${compared} the baseline of ${show(baseline)}.`,
  };
}

function finiteOrNull(value: number | null | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
