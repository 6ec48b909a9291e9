import type { AudienceTrend } from '@cdp/protocol';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';

export type TrendChartOption = ComposeOption<
  LineSeriesOption | BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

export interface TrendLabels {
  readonly size: string;
  readonly entered: string;
  readonly exited: string;
}

/** Size per day as a line, with the day's enters and exits as bars on a second axis. */
export function buildTrendOption(trend: AudienceTrend, labels: TrendLabels): TrendChartOption {
  const days = trend.points.map((p) => p.day);
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 16, right: 24, top: 40, bottom: 16, containLabel: true },
    xAxis: { type: 'category', data: days },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { type: 'value', minInterval: 1, splitLine: { show: false } },
    ],
    series: [
      {
        type: 'line',
        name: labels.size,
        data: trend.points.map((p) => p.size),
        showSymbol: days.length < 40,
      },
      {
        type: 'bar',
        name: labels.entered,
        yAxisIndex: 1,
        data: trend.points.map((p) => p.entered),
        itemStyle: { color: '#52c41a' },
      },
      {
        type: 'bar',
        name: labels.exited,
        yAxisIndex: 1,
        data: trend.points.map((p) => -p.exited),
        itemStyle: { color: '#ff4d4f' },
      },
    ],
  };
}
