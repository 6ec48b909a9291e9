/**
 * Probabilistic record matching (Fellegi-Sunter, EM-estimated as in Splink) for person records
 * that share no identifier: blocking → comparison levels → m/u estimation → scoring → decision
 * (`auto_merge` / `review` / `no_match`) with a per-field explanation. Pure and deterministic.
 * `matchRecords(records, PERSON_MATCH_CONFIG)` runs the whole pipeline.
 */
export { blockingKey } from './blocking-key.ts';
export { type CandidatePairs, candidatePairs, type RuleStats, type SkippedBlock } from './candidate-pairs.ts';
export { buildComparator, type Comparator, type ComparatorSpec } from './comparator.ts';
export { compareEmail, compareNumeric, comparePhone } from './compare-contact.ts';
export { compareDate, parseIsoDate } from './compare-date.ts';
export {
  type Comparisons,
  type ComparisonVector,
  type CompiledField,
  comparePairs,
  compareRecords,
  compileFields,
} from './compare-records.ts';
export { compareJaroWinkler, comparePersonName, type NameParts } from './compare-text.ts';
export {
  type DatasetOptions,
  generateMatchingDataset,
  type MatchingDataset,
} from './dataset/generate-dataset.ts';
export {
  type EmRun,
  type EstimateOptions,
  estimateParameters,
  type ParameterEstimate,
} from './estimate-parameters.ts';
export { estimateU } from './estimate-u.ts';
export { type DecidedPair, type Evaluation, evaluateMatches, type Metrics } from './evaluate-matches.ts';
export { exactRuleMatches } from './exact-rule-matches.ts';
export { type EmInput, type EmResult, expectationMaximisation } from './expectation-maximisation.ts';
export {
  type FieldContribution,
  type FieldParameters,
  type MatchModel,
  matchProbability,
  matchWeight,
  type ScoredComparison,
  scoreComparison,
} from './fellegi-sunter.ts';
export type {
  BlockingKeyPart,
  BlockingRule,
  Decision,
  MatchConfig,
  MatchField,
  MatchThresholds,
} from './match-config.ts';
export type { MatchRecord } from './match-record.ts';
export { explainPair, type MatchRun, matchRecords } from './match-records.ts';
export { PERSON_MATCH_CONFIG } from './person-match-config.ts';
export { decide, type ScoredPair, type ScoreOptions, scorePairs } from './score-pairs.ts';
