/**
 * RFM scoring and grouping, shared by the SQL compiler (which embeds these tables) and tests (which
 * use these functions as the reference the SQL must agree with).
 */

export type Level = 'H' | 'L';
export type RfmKey = `${Level}${Level}${Level}`;

/** The eight classic groups by R, F, M level (H = score ≥ the split; R high = bought recently). */
export const RFM_GROUPS: Readonly<Record<RfmKey, string>> = {
  HHH: '重要价值客户',
  HLH: '重要发展客户',
  LHH: '重要保持客户',
  LLH: '重要挽留客户',
  HHL: '一般价值客户',
  HLL: '一般发展客户',
  LHL: '一般保持客户',
  LLL: '一般挽留客户',
};

export interface RfmScores {
  readonly r: number;
  readonly f: number;
  readonly m: number;
}

/** The group of scored R, F and M: each score ≥ `highScore` is high. */
export function rfmGroup(scores: RfmScores, highScore: number): string {
  const level = (score: number): Level => (score >= highScore ? 'H' : 'L');
  return RFM_GROUPS[`${level(scores.r)}${level(scores.f)}${level(scores.m)}`];
}

/**
 * A 1–5 score from four increasing thresholds (SQL `width_bucket(value, thresholds)` counts the
 * thresholds ≤ value). `higher`: below the first = 1 … at or above the fourth = 5 (frequency, money);
 * `lower`: below the first = 5 … at or above the fourth = 1 (recency in days).
 */
export function thresholdScore(
  value: number,
  thresholds: readonly number[],
  better: 'higher' | 'lower',
): number {
  const passed = thresholds.filter((t) => t <= value).length;
  return better === 'higher' ? 1 + passed : 5 - passed;
}

/**
 * Quantile scores 1–5 of values, as SQL `ntile(5) over (order by value, id)` with ties lowered to the
 * score of their first row (equal values always share a score). Returns the scores in input order;
 * `ids` break the order of equal values exactly as the SQL does.
 */
export function quantileScores(values: readonly number[], ids: readonly string[]): number[] {
  const n = values.length;
  const order = values
    .map((_, i) => i)
    .sort((a, b) => values[a] - values[b] || (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0));
  const ntile = new Array<number>(n);
  // ntile: the first n % 5 buckets hold one row more than the others.
  const size = Math.floor(n / 5);
  const larger = n % 5;
  order.forEach((index, position) => {
    const bigRows = larger * (size + 1);
    ntile[index] =
      position < bigRows
        ? Math.floor(position / (size + 1)) + 1
        : Math.floor((position - bigRows) / Math.max(size, 1)) + larger + 1;
  });
  const lowest = new Map<number, number>();
  for (const index of order) if (!lowest.has(values[index])) lowest.set(values[index], ntile[index]);
  return values.map((v) => lowest.get(v) ?? 1);
}
