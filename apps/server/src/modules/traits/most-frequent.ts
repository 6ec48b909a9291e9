import type { TagValue } from '@cdp/protocol';

/** One occurrence of a property value: the value and its event time (epoch ms). */
export interface Occurrence {
  readonly value: TagValue;
  readonly at: number;
}

/** Values of one type: numbers by size, text by code points (SQL `collate "C"`), false before true. */
function compareValues(a: TagValue, b: TagValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const [x, y] = [String(a), String(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * The most frequent value. Ties: the value that occurred most recently wins; then the smaller value in
 * value order (numbers by size, text by code points). The SQL of computed tags orders the same
 * way: `count desc, max(timestamp) desc, value`.
 */
export function mostFrequent(occurrences: readonly Occurrence[]): TagValue | undefined {
  const stats = new Map<string, { value: TagValue; count: number; last: number }>();
  for (const o of occurrences) {
    const key = JSON.stringify(o.value);
    const s = stats.get(key);
    if (s) {
      s.count++;
      s.last = Math.max(s.last, o.at);
    } else stats.set(key, { value: o.value, count: 1, last: o.at });
  }
  let best: { value: TagValue; count: number; last: number } | undefined;
  for (const s of stats.values())
    if (
      !best ||
      s.count > best.count ||
      (s.count === best.count &&
        (s.last > best.last || (s.last === best.last && compareValues(s.value, best.value) < 0)))
    )
      best = s;
  return best?.value;
}
