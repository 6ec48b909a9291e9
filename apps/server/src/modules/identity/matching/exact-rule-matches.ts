import type { DecidedPair } from './evaluate-matches.ts';
import type { MatchRecord } from './match-record.ts';

/**
 * The naive rule a matcher is measured against: records with the same non-empty values in all
 * `columns` (say name and birth date) are merged. Every pair in such a group is `auto_merge`.
 */
export function exactRuleMatches(records: readonly MatchRecord[], columns: readonly string[]): DecidedPair[] {
  const groups = new Map<string, string[]>();
  for (const record of records) {
    const values = columns.map((column) => record[column]);
    if (values.some((value) => value == null || value === '')) continue;
    const key = values.join('\u001f');
    const group = groups.get(key) ?? [];
    group.push(record.id);
    groups.set(key, group);
  }
  const pairs: DecidedPair[] = [];
  for (const ids of groups.values()) {
    for (let a = 0; a < ids.length; a++) {
      for (let b = a + 1; b < ids.length; b++)
        pairs.push({ left: ids[a], right: ids[b], decision: 'auto_merge' });
    }
  }
  return pairs;
}
