import type { CandidatePairs } from './candidate-pairs.ts';
import { buildComparator, type Comparator } from './comparator.ts';
import type { MatchField } from './match-config.ts';
import type { MatchRecord } from './match-record.ts';

/** A field ready to compare: its name, the columns it reads and its level labels. */
export interface CompiledField extends Comparator {
  readonly name: string;
  readonly columns: readonly string[];
}

/** One comparison vector: a level index per field, `null` where a value is missing. */
export type ComparisonVector = readonly (number | null)[];

export function compileFields(fields: readonly MatchField[]): readonly CompiledField[] {
  return fields.map((field) => {
    const columns = field.columns ?? [field.name];
    return { name: field.name, columns, ...buildComparator(field.comparator, columns) };
  });
}

export function compareRecords(
  a: MatchRecord,
  b: MatchRecord,
  fields: readonly CompiledField[],
): ComparisonVector {
  return fields.map((field) => field.compare(a, b));
}

/**
 * Comparison vectors of all candidate pairs, deduplicated: there are few distinct vectors
 * (patterns) however many pairs, so EM and scoring work per pattern and `patternOf[k]` says which
 * pattern pair `k` has.
 */
export interface Comparisons {
  readonly candidates: CandidatePairs;
  readonly patterns: readonly ComparisonVector[];
  readonly patternOf: Uint32Array;
}

export function comparePairs(
  records: readonly MatchRecord[],
  candidates: CandidatePairs,
  fields: readonly CompiledField[],
): Comparisons {
  const radix = fields.map((field) => field.levels.length + 1);
  const patterns: ComparisonVector[] = [];
  const indexOf = new Map<number, number>();
  const patternOf = new Uint32Array(candidates.count);
  const levels = new Int8Array(fields.length);
  for (let k = 0; k < candidates.count; k++) {
    const a = records[candidates.left[k]];
    const b = records[candidates.right[k]];
    let key = 0;
    for (let f = 0; f < fields.length; f++) {
      const level = fields[f].compare(a, b);
      levels[f] = level === null ? -1 : level;
      key = key * radix[f] + levels[f] + 1;
    }
    let index = indexOf.get(key);
    if (index === undefined) {
      index = patterns.length;
      indexOf.set(key, index);
      patterns.push(Array.from(levels, (level) => (level < 0 ? null : level)));
    }
    patternOf[k] = index;
  }
  return { candidates, patterns, patternOf };
}
