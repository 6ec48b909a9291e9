import type { TagDistribution, TagValue } from '@cdp/protocol';
import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';

export type DistributionChartOption = ComposeOption<
  BarSeriesOption | GridComponentOption | TooltipComponentOption
>;

export interface DistributionLabels {
  /** The series name (人数). */
  readonly count: string;
  /** The bar of the values beyond the top ones (其他). */
  readonly other: string;
  readonly value: (value: TagValue) => string;
  readonly number: (value: number) => string;
}

/** A bar per value (text and boolean tags): the category, the count and the value it filters on. */
export interface DistributionBar {
  readonly label: string;
  readonly count: number;
  /** The value as the members filter takes it; null for "other" and histogram buckets. */
  readonly value: string | null;
}

/** Bars for top values (plus "other"), or one bar per bucket of a number histogram (`from – to`). */
export function distributionBars(
  distribution: TagDistribution,
  labels: DistributionLabels,
): DistributionBar[] {
  if (distribution.type === 'histogram')
    return distribution.buckets.map((b) => ({
      label: b.from === b.to ? labels.number(b.from) : `${labels.number(b.from)} – ${labels.number(b.to)}`,
      count: b.count,
      value: null,
    }));
  const bars = distribution.values.map((v) => ({
    label: labels.value(v.value),
    count: v.count,
    value: String(v.value),
  }));
  return distribution.otherCount > 0
    ? [...bars, { label: labels.other, count: distribution.otherCount, value: null }]
    : bars;
}

/** The ECharts option: bars for values, adjoining bars (a histogram) for number buckets. */
export function buildDistributionOption(
  distribution: TagDistribution,
  labels: DistributionLabels,
): DistributionChartOption {
  const bars = distributionBars(distribution, labels);
  const histogram = distribution.type === 'histogram';
  return {
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 16, right: 24, top: 16, bottom: 16, containLabel: true },
    xAxis: {
      type: 'category',
      data: bars.map((b) => b.label),
      axisLabel: { interval: 0, rotate: bars.length > 6 ? 30 : 0 },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: labels.count,
        data: bars.map((b) => b.count),
        barCategoryGap: histogram ? '2%' : '30%',
        ...(histogram ? {} : { barMaxWidth: 80 }),
        label: { show: true, position: 'top' },
        itemStyle: { color: histogram ? '#13c2c2' : '#1677ff' },
      },
    ],
  };
}
