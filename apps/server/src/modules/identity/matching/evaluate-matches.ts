import { IdentityUnionFind } from '../graph/union-find.ts';
import type { Decision } from './match-config.ts';

export interface Metrics {
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export interface Evaluation {
  /** Pairs of records of the same person. */
  readonly truePairs: number;
  /** Pairs decided `auto_merge`. */
  readonly autoMerge: Metrics;
  /** Pairs decided `auto_merge` or `review` (as if every review were accepted). */
  readonly autoOrReview: Metrics;
  /** Pairs in the same cluster once auto-merges are applied transitively. */
  readonly clusters: Metrics;
}

export interface DecidedPair {
  readonly left: string;
  readonly right: string;
  readonly decision: Decision;
}

export interface Truth {
  readonly records: readonly { readonly id: string }[];
  readonly entities: readonly string[];
}

const choose2 = (n: number) => (n * (n - 1)) / 2;
const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

export function metrics(truePositives: number, predicted: number, truePairs: number): Metrics {
  const precision = ratio(truePositives, predicted);
  const recall = ratio(truePositives, truePairs);
  return {
    truePositives,
    falsePositives: predicted - truePositives,
    falseNegatives: truePairs - truePositives,
    precision,
    recall,
    f1: ratio(2 * precision * recall, precision + recall),
  };
}

/** Pairs implied by groups (of entity labels): all pairs within a group, and those of one entity. */
function pairsWithin(groups: Iterable<readonly string[]>): { predicted: number; correct: number } {
  let predicted = 0;
  let correct = 0;
  for (const group of groups) {
    predicted += choose2(group.length);
    const perEntity = new Map<string, number>();
    for (const entity of group) perEntity.set(entity, (perEntity.get(entity) ?? 0) + 1);
    for (const n of perEntity.values()) correct += choose2(n);
  }
  return { predicted, correct };
}

/** Precision, recall and F1 of decided pairs against the known truth, on pairs and on clusters. */
export function evaluateMatches(pairs: readonly DecidedPair[], truth: Truth): Evaluation {
  const entityOf = new Map(truth.records.map((record, i) => [record.id, truth.entities[i]]));
  const truePairs = pairsWithin([truth.entities]).correct;
  const count = (accept: (d: Decision) => boolean) => {
    let predicted = 0;
    let correct = 0;
    for (const pair of pairs) {
      if (!accept(pair.decision)) continue;
      predicted++;
      if (entityOf.get(pair.left) === entityOf.get(pair.right)) correct++;
    }
    return metrics(correct, predicted, truePairs);
  };

  const clusters = new IdentityUnionFind();
  for (const record of truth.records) clusters.add(record.id, 'record');
  for (const pair of pairs) if (pair.decision === 'auto_merge') clusters.union(pair.left, pair.right);
  const groups = new Map<string, string[]>();
  for (const record of truth.records) {
    const root = clusters.find(record.id);
    const group = groups.get(root) ?? [];
    group.push(entityOf.get(record.id) ?? record.id);
    groups.set(root, group);
  }
  const implied = pairsWithin(groups.values());
  return {
    truePairs,
    autoMerge: count((d) => d === 'auto_merge'),
    autoOrReview: count((d) => d !== 'no_match'),
    clusters: metrics(implied.correct, implied.predicted, truePairs),
  };
}
