import type { LineSeriesOption } from 'echarts/charts';
import type {
  DataZoomComponentOption,
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { ChartSeries } from './stats.ts';

export type IngestionChartOption = ComposeOption<
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | DataZoomComponentOption
>;

/**
 * Stacked area chart of accepted events per bucket, one series per source.
 * Tooltips use echarts' default formatter, which HTML-escapes series names (source names are user input).
 */
export function buildChartOption(series: readonly ChartSeries[]): IngestionChartOption {
  return {
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'line' } },
    legend: { type: 'scroll', top: 0 },
    grid: { left: 16, right: 24, top: 40, bottom: 16, containLabel: true },
    xAxis: { type: 'time', boundaryGap: [0, 0] },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map(
      (s): LineSeriesOption => ({
        type: 'line',
        name: s.name,
        stack: 'accepted',
        areaStyle: { opacity: 0.35 },
        showSymbol: false,
        emphasis: { focus: 'series' },
        lineStyle: { width: 1.5 },
        data: s.data.map(([t, v]) => [t, v]),
      }),
    ),
  };
}
