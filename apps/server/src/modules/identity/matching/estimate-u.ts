import type { CompiledField } from './compare-records.ts';
import type { MatchRecord } from './match-record.ts';
import { seededRandom } from './random.ts';

/**
 * u (P(level | non-match)) per field from random pairs of records, as Splink's
 * `estimate_u_using_random_sampling`: two records drawn at random almost never match, so their
 * level frequencies are the non-match distribution. Counts get add-half smoothing so a level never
 * seen in the sample (two random people with the same phone) keeps a small, finite u.
 */
export function estimateU(
  records: readonly MatchRecord[],
  fields: readonly CompiledField[],
  sampleSize: number,
  seed: number,
): number[][] {
  const counts = fields.map((field) => field.levels.map(() => 0.5));
  if (records.length >= 2) {
    const random = seededRandom(seed);
    for (let s = 0; s < sampleSize; s++) {
      const i = random.int(records.length);
      let j = random.int(records.length - 1);
      if (j >= i) j++;
      for (const [f, field] of fields.entries()) {
        const level = field.compare(records[i], records[j]);
        if (level !== null) counts[f][level]++;
      }
    }
  }
  return counts.map((row) => {
    const total = row.reduce((a, b) => a + b, 0);
    return row.map((c) => c / total);
  });
}
