import type { IngestionStats } from '@cdp/protocol';

export type RangeKey = 'hour' | 'day' | 'week';
export type Bucket = IngestionStats['bucket'];

export const RANGES: Readonly<Record<RangeKey, { readonly bucket: Bucket; readonly ms: number }>> = {
  hour: { bucket: 'minute', ms: 60 * 60_000 },
  day: { bucket: 'hour', ms: 24 * 60 * 60_000 },
  week: { bucket: 'day', ms: 7 * 24 * 60 * 60_000 },
};

export const BUCKET_MS: Readonly<Record<Bucket, number>> = {
  minute: 60_000,
  hour: 60 * 60_000,
  day: 24 * 60 * 60_000,
};

/** The `stats.ingestion` query for a range ending now. */
export function rangeQuery(
  range: RangeKey,
  now: number = Date.now(),
): { from: string; to: string; bucket: Bucket } {
  const { bucket, ms } = RANGES[range];
  return { from: new Date(now - ms).toISOString(), to: new Date(now).toISOString(), bucket };
}

export interface ChartSeries {
  readonly name: string;
  /** [bucket start (epoch ms), accepted events] */
  readonly data: ReadonlyArray<readonly [number, number]>;
}

const MAX_POINTS = 2_000;

/**
 * One series per source with a value for every bucket (missing buckets = 0), so that stacked areas
 * do not interpolate across gaps. When the server's buckets are not aligned on UTC boundaries
 * (e.g. days in another time zone), only the buckets it sent are used.
 */
export function toChartSeries(stats: IngestionStats): ChartSeries[] {
  const step = BUCKET_MS[stats.bucket];
  const times = new Set<number>();
  let aligned = true;
  for (const s of stats.series) {
    for (const p of s.points) {
      const t = Date.parse(p.t);
      if (Number.isNaN(t)) continue;
      times.add(t);
      if (t % step !== 0) aligned = false;
    }
  }
  const from = Date.parse(stats.from);
  const to = Date.parse(stats.to);
  if (aligned && !Number.isNaN(from) && !Number.isNaN(to) && to >= from && (to - from) / step <= MAX_POINTS) {
    for (let t = Math.floor(from / step) * step; t <= to; t += step) times.add(t);
  }
  const axis = [...times].sort((a, b) => a - b);

  const nameCounts = new Map<string, number>();
  for (const s of stats.series) nameCounts.set(s.sourceName, (nameCounts.get(s.sourceName) ?? 0) + 1);

  return stats.series.map((s) => {
    const values = new Map<number, number>();
    for (const p of s.points) {
      const t = Date.parse(p.t);
      if (!Number.isNaN(t)) values.set(t, (values.get(t) ?? 0) + p.accepted);
    }
    const unique = (nameCounts.get(s.sourceName) ?? 0) > 1 ? `${s.sourceName} (${s.sourceId})` : s.sourceName;
    return { name: unique || s.sourceId, data: axis.map((t) => [t, values.get(t) ?? 0] as const) };
  });
}
