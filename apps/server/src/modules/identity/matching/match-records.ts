import { type CandidatePairs, candidatePairs } from './candidate-pairs.ts';
import { type Comparisons, comparePairs, compareRecords, compileFields } from './compare-records.ts';
import { type EstimateOptions, estimateParameters, type ParameterEstimate } from './estimate-parameters.ts';
import { type MatchModel, type ScoredComparison, scoreComparison } from './fellegi-sunter.ts';
import type { MatchConfig } from './match-config.ts';
import type { MatchRecord } from './match-record.ts';
import { type ScoredPair, type ScoreOptions, scorePairs } from './score-pairs.ts';

export interface MatchRun {
  readonly candidates: CandidatePairs;
  readonly comparisons: Comparisons;
  readonly estimate: ParameterEstimate;
  readonly pairs: readonly ScoredPair[];
}

/** The whole pipeline: blocking → comparison → estimation (EM) → scoring and decisions. */
export function matchRecords(
  records: readonly MatchRecord[],
  config: MatchConfig,
  options: EstimateOptions & ScoreOptions = {},
): MatchRun {
  const fields = compileFields(config.fields);
  const candidates = candidatePairs(records, config.blocking, config.maxBlockSize);
  const comparisons = comparePairs(records, candidates, fields);
  const estimate = estimateParameters(records, comparisons, config, options);
  const pairs = scorePairs(records, comparisons, estimate.model, config.thresholds, options);
  return { candidates, comparisons, estimate, pairs };
}

/** Scores one pair of records under a model, with its per-field explanation. */
export function explainPair(
  a: MatchRecord,
  b: MatchRecord,
  config: MatchConfig,
  model: MatchModel,
): ScoredComparison {
  return scoreComparison(compareRecords(a, b, compileFields(config.fields)), model);
}
