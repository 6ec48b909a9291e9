import type { ComparatorSpec } from './comparator.ts';

/** One piece of evidence: how two records' values of some columns are compared. */
export interface MatchField {
  /** Shown in explanations; also the column read when `columns` is omitted. */
  readonly name: string;
  /** Record keys the comparator reads (`person_name`: `[surname, given]`). */
  readonly columns?: readonly string[];
  readonly comparator: ComparatorSpec;
  /** Fixed P(level | match) per level; estimated by EM when omitted. */
  readonly m?: readonly number[];
  /** Fixed P(level | non-match) per level; estimated from random pairs when omitted. */
  readonly u?: readonly number[];
}

/** Part of a blocking key: a column's value, optionally as pinyin and/or cut to its first/last chars. */
export interface BlockingKeyPart {
  readonly column: string;
  readonly transform?: 'pinyin';
  readonly first?: number;
  readonly last?: number;
}

/** Records whose key parts are all present and equal become candidate pairs. */
export interface BlockingRule {
  readonly name: string;
  readonly key: readonly BlockingKeyPart[];
}

/** Cut-offs on match probability: `auto_merge` at or above `autoMerge`, `review` at or above `review`. */
export interface MatchThresholds {
  readonly autoMerge: number;
  readonly review: number;
  /**
   * Fields whose outright disagreement (level `else`) holds a pair back from auto-merge, to review.
   * Fellegi-Sunter assumes fields independent; family members sharing a phone and an address are
   * not, and enough agreeing household fields would otherwise outvote a different name.
   */
  readonly reviewWhenDisagree?: readonly string[];
}

export interface MatchConfig {
  readonly fields: readonly MatchField[];
  /** Candidate pairs are the union over rules, each pair once. */
  readonly blocking: readonly BlockingRule[];
  /** Blocks with more records are skipped (and reported): they would yield n² pairs of little use. */
  readonly maxBlockSize: number;
  readonly thresholds: MatchThresholds;
  /** Probability that two random records match (λ); estimated when omitted. */
  readonly prior?: number;
}

export type Decision = 'auto_merge' | 'review' | 'no_match';
