import { describe, expect, it } from 'vitest';
import { buildTrendOption } from './trendOption.ts';

describe('buildTrendOption', () => {
  it('plots the size per day and the enters and exits (exits below the axis)', () => {
    const option = buildTrendOption(
      {
        points: [
          { day: '2026-03-01', size: 10, entered: 10, exited: 0 },
          { day: '2026-03-02', size: 8, entered: 1, exited: 3 },
        ],
      },
      { size: '人数', entered: '进入', exited: '退出' },
    );
    expect(option.xAxis).toEqual({ type: 'category', data: ['2026-03-01', '2026-03-02'] });
    const series = option.series as { name: string; data: number[] }[];
    expect(series.map((s) => [s.name, s.data])).toEqual([
      ['人数', [10, 8]],
      ['进入', [10, 1]],
      ['退出', [-0, -3]],
    ]);
  });
});
