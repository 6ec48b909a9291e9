import type { Comparisons } from './compare-records.ts';
import {
  type FieldContribution,
  type MatchModel,
  type ScoredComparison,
  scoreComparison,
} from './fellegi-sunter.ts';
import type { Decision, MatchThresholds } from './match-config.ts';
import type { MatchRecord } from './match-record.ts';

export interface ScoredPair {
  readonly left: string;
  readonly right: string;
  /** Sum of the field weights: `explanation`'s weights add up to it. */
  readonly score: number;
  readonly probability: number;
  readonly decision: Decision;
  readonly explanation: readonly FieldContribution[];
}

/** The decision for a scored pair (see `MatchThresholds`). */
export function decide(scored: Omit<ScoredComparison, 'score'>, thresholds: MatchThresholds): Decision {
  const { probability, explanation } = scored;
  const held = thresholds.reviewWhenDisagree ?? [];
  const vetoed = held.length > 0 && explanation.some((c) => c.level === 'else' && held.includes(c.field));
  if (probability >= thresholds.autoMerge && !vetoed) return 'auto_merge';
  return probability >= thresholds.review ? 'review' : 'no_match';
}

export interface ScoreOptions {
  /** `review` (default) keeps auto-merge and review pairs; `all` keeps no-match pairs too. */
  readonly keep?: 'review' | 'all';
}

/**
 * Scores every candidate pair and decides it. Each distinct comparison pattern is scored once
 * and its explanation shared by all pairs with that pattern. Pairs come best first (ties in
 * candidate order), so a review queue can be read from the top.
 */
export function scorePairs(
  records: readonly MatchRecord[],
  comparisons: Comparisons,
  model: MatchModel,
  thresholds: MatchThresholds,
  options: ScoreOptions = {},
): readonly ScoredPair[] {
  const scored = comparisons.patterns.map((vector) => {
    const result = scoreComparison(vector, model);
    return { ...result, decision: decide(result, thresholds) };
  });
  const { left, right, count } = comparisons.candidates;
  const kept: ScoredPair[] = [];
  for (let k = 0; k < count; k++) {
    const pattern = scored[comparisons.patternOf[k]];
    if (pattern.decision === 'no_match' && options.keep !== 'all') continue;
    kept.push({ left: records[left[k]].id, right: records[right[k]].id, ...pattern });
  }
  return kept.sort((a, b) => b.score - a.score);
}
