import type { IngestionStats } from '@cdp/protocol';
import { describe, expect, it } from 'vitest';
import { buildChartOption } from './chartOption.ts';
import { RANGES, rangeQuery, toChartSeries } from './stats.ts';

const base: IngestionStats = {
  bucket: 'minute',
  from: '2025-01-01T10:00:00.000Z',
  to: '2025-01-01T10:03:30.000Z',
  totals: { accepted: 5, quarantined: 1, duplicates: 0 },
  series: [
    {
      sourceId: 's1',
      sourceName: 'Web',
      points: [
        { t: '2025-01-01T10:01:00.000Z', accepted: 3, quarantined: 1, duplicates: 0 },
        { t: '2025-01-01T10:03:00.000Z', accepted: 1, quarantined: 0, duplicates: 0 },
      ],
    },
    {
      sourceId: 's2',
      sourceName: 'App',
      points: [{ t: '2025-01-01T10:00:00.000Z', accepted: 1, quarantined: 0, duplicates: 0 }],
    },
  ],
};

describe('ingestion stats', () => {
  it('builds the query of each range', () => {
    const now = Date.parse('2025-01-08T00:00:00.000Z');
    expect(rangeQuery('hour', now)).toEqual({
      from: '2025-01-07T23:00:00.000Z',
      to: '2025-01-08T00:00:00.000Z',
      bucket: 'minute',
    });
    expect(rangeQuery('week', now).from).toBe('2025-01-01T00:00:00.000Z');
    expect(RANGES.day.bucket).toBe('hour');
  });

  it('fills missing buckets with zeros', () => {
    const series = toChartSeries(base);
    const t = (s: string) => Date.parse(s);
    expect(series.map((s) => s.name)).toEqual(['Web', 'App']);
    expect(series[0].data).toEqual([
      [t('2025-01-01T10:00:00.000Z'), 0],
      [t('2025-01-01T10:01:00.000Z'), 3],
      [t('2025-01-01T10:02:00.000Z'), 0],
      [t('2025-01-01T10:03:00.000Z'), 1],
    ]);
    expect(series[1].data.map(([, v]) => v)).toEqual([1, 0, 0, 0]);
  });

  it('does not invent buckets when the server uses another alignment', () => {
    const stats: IngestionStats = {
      ...base,
      bucket: 'day',
      from: '2024-12-25T00:00:00.000Z',
      to: '2025-01-01T00:00:00.000Z',
      series: [
        {
          sourceId: 's1',
          sourceName: 'Web',
          points: [{ t: '2024-12-31T16:00:00.000Z', accepted: 2, quarantined: 0, duplicates: 0 }],
        },
      ],
    };
    expect(toChartSeries(stats)[0].data).toEqual([[Date.parse('2024-12-31T16:00:00.000Z'), 2]]);
  });

  it('disambiguates sources with the same name', () => {
    const stats: IngestionStats = {
      ...base,
      series: [
        { sourceId: 'a', sourceName: 'Web', points: [] },
        { sourceId: 'b', sourceName: 'Web', points: [] },
      ],
    };
    expect(toChartSeries(stats).map((s) => s.name)).toEqual(['Web (a)', 'Web (b)']);
  });

  it('builds a stacked area chart with one series per source', () => {
    const option = buildChartOption(toChartSeries(base));
    const series = option.series as Array<{ type: string; stack: string; name: string; areaStyle: unknown }>;
    expect(series).toHaveLength(2);
    expect(series.every((s) => s.type === 'line' && s.stack === 'accepted' && s.areaStyle)).toBe(true);
    expect(option.xAxis).toMatchObject({ type: 'time' });
    expect(option.tooltip).not.toHaveProperty('formatter');
  });
});
