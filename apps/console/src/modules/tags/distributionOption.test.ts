import { describe, expect, it } from 'vitest';
import { buildDistributionOption, type DistributionLabels, distributionBars } from './distributionOption.ts';

const labels: DistributionLabels = {
  count: '人数',
  other: '其他',
  value: (v) => (typeof v === 'boolean' ? (v ? '是' : '否') : String(v)),
  number: (n) => String(n),
};

describe('distribution chart', () => {
  it('draws a bar per value with an "other" bar, keeping the value to filter on', () => {
    const bars = distributionBars(
      {
        type: 'values',
        values: [
          { value: true, count: 3 },
          { value: false, count: 1 },
        ],
        otherCount: 2,
      },
      labels,
    );
    expect(bars).toEqual([
      { label: '是', count: 3, value: 'true' },
      { label: '否', count: 1, value: 'false' },
      { label: '其他', count: 2, value: null },
    ]);
  });

  it('draws a histogram of number buckets, without gaps between bars', () => {
    const option = buildDistributionOption(
      {
        type: 'histogram',
        buckets: [
          { from: 0, to: 50, count: 2 },
          { from: 50, to: 100, count: 0 },
          { from: 299, to: 299, count: 1 },
        ],
      },
      labels,
    );
    expect(option.xAxis).toMatchObject({ data: ['0 – 50', '50 – 100', '299'] });
    expect(option.series).toEqual([
      expect.objectContaining({ type: 'bar', name: '人数', data: [2, 0, 1], barCategoryGap: '2%' }),
    ]);
  });

  it('draws nothing for no values', () => {
    const option = buildDistributionOption({ type: 'values', values: [], otherCount: 0 }, labels);
    expect(option.xAxis).toMatchObject({ data: [] });
  });
});
