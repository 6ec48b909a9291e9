import { blockingKey } from './blocking-key.ts';
import type { BlockingRule } from './match-config.ts';
import type { MatchRecord } from './match-record.ts';
import { PairBuffer } from './pair-buffer.ts';

export interface SkippedBlock {
  readonly rule: string;
  readonly key: string;
  readonly size: number;
}

export interface RuleStats {
  readonly rule: string;
  /** Pairs the rule's blocks hold (some also found by an earlier rule). */
  readonly pairs: number;
  /** Pairs first found by this rule. */
  readonly newPairs: number;
}

/**
 * Candidate pairs as indices into the records array (`left[k] < right[k]`), each pair once.
 * `rules[k]` has bit `r` set when pair `k` shares a (kept) block of rule `r`.
 */
export interface CandidatePairs {
  readonly count: number;
  readonly left: Int32Array;
  readonly right: Int32Array;
  readonly rules: Uint32Array;
  readonly ruleStats: readonly RuleStats[];
  readonly skippedBlocks: readonly SkippedBlock[];
}

const MAX_RULES = 32;

/**
 * Blocking: for each rule, records with equal keys form a block and every pair in a block is a
 * candidate. A pair already in a block of an earlier rule is not emitted again, so the union holds
 * each pair once without a set of seen pairs. Blocks larger than `maxBlockSize` are skipped and
 * reported, since one huge block (a default birth date, a shared office phone) would dominate.
 */
export function candidatePairs(
  records: readonly MatchRecord[],
  rules: readonly BlockingRule[],
  maxBlockSize: number,
): CandidatePairs {
  if (rules.length > MAX_RULES) throw new Error(`at most ${MAX_RULES} blocking rules`);
  const keys = rules.map((rule) => records.map((record) => blockingKey(record, rule)));
  const skipped = rules.map(() => new Set<string>());
  const skippedBlocks: SkippedBlock[] = [];
  const blocksOf = rules.map((rule, r) => {
    const blocks = new Map<string, number[]>();
    for (const [i, key] of keys[r].entries()) {
      if (key === null) continue;
      const block = blocks.get(key);
      if (block === undefined) blocks.set(key, [i]);
      else block.push(i);
    }
    for (const [key, block] of blocks) {
      if (block.length <= maxBlockSize) continue;
      skipped[r].add(key);
      skippedBlocks.push({ rule: rule.name, key, size: block.length });
      blocks.delete(key);
    }
    return blocks;
  });
  const shares = (r: number, i: number, j: number) => {
    const key = keys[r][i];
    return key !== null && key === keys[r][j] && !skipped[r].has(key);
  };

  const buffer = new PairBuffer();
  const ruleStats = rules.map((rule, r) => {
    let pairs = 0;
    const before = buffer.count;
    for (const block of blocksOf[r].values()) {
      for (let a = 0; a < block.length; a++) {
        for (let b = a + 1; b < block.length; b++) {
          const [i, j] = [block[a], block[b]];
          pairs++;
          let mask = 1 << r;
          let seen = false;
          for (let q = 0; q < rules.length && !seen; q++) {
            if (q === r || !shares(q, i, j)) continue;
            if (q < r) seen = true;
            else mask |= 1 << q;
          }
          if (!seen) buffer.push(i, j, mask >>> 0);
        }
      }
    }
    return { rule: rule.name, pairs, newPairs: buffer.count - before };
  });
  return { count: buffer.count, ...buffer.toArrays(), ruleStats, skippedBlocks };
}
