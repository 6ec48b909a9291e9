import type { GroupEffect } from '@cdp/protocol';
import type { CustomSeriesRenderItemAPI } from 'echarts';
import type { BarSeriesOption, CustomSeriesOption } from 'echarts/charts';
import type { GridComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';

export type ConversionChartOption = ComposeOption<
  BarSeriesOption | CustomSeriesOption | GridComponentOption | TooltipComponentOption
>;

const Z95 = 1.959964;

/**
 * The 95% Wilson score interval of a proportion: unlike the normal approximation it stays inside
 * [0, 1] and is sensible for the small groups and rare conversions early in a journey's life.
 */
export function wilson(successes: number, total: number): [number, number] | null {
  if (total <= 0) return null;
  const p = successes / total;
  const z2 = Z95 * Z95;
  const centre = (p + z2 / (2 * total)) / (1 + z2 / total);
  const half = (Z95 / (1 + z2 / total)) * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** Control first, then the variants as the report lists them. */
export function orderGroups(groups: readonly GroupEffect[]): GroupEffect[] {
  return [...groups.filter((g) => g.group === 'control'), ...groups.filter((g) => g.group !== 'control')];
}

const CONTROL = '#bfbfbf';
const VARIANT = '#1677ff';
const WINNER = '#52c41a';
const round = (v: number) => Math.round(v * 10_000) / 100;

/** Conversion rate per group as bars (in %), each with its 95% interval as an error bar. */
export function buildConversionOption(
  groups: readonly GroupEffect[],
  label: (group: string) => string,
  rateName: string,
): ConversionChartOption {
  const ordered = orderGroups(groups);
  const intervals = ordered.map((g) => wilson(g.converted, g.entered));
  return {
    animation: false,
    tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? `${v}%` : String(v ?? '')) },
    grid: { left: 16, right: 24, top: 24, bottom: 16, containLabel: true },
    xAxis: { type: 'category', data: ordered.map((g) => label(g.group)) },
    yAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
    series: [
      {
        type: 'bar',
        name: rateName,
        barMaxWidth: 64,
        data: ordered.map((g) => ({
          value: g.conversionRate === null ? 0 : round(g.conversionRate),
          itemStyle: { color: g.group === 'control' ? CONTROL : g.uplift?.significant ? WINNER : VARIANT },
        })),
      },
      {
        type: 'custom',
        name: '95% CI',
        silent: true,
        z: 10,
        // both ends count for the y axis' extent; the bar's tooltip is enough
        encode: { x: 0, y: [1, 2] },
        tooltip: { show: false },
        data: intervals.map((ci, i) => (ci ? [i, round(ci[0]), round(ci[1])] : [i, Number.NaN, Number.NaN])),
        renderItem: (_params, api) => errorBar(api),
      },
    ],
  };
}

/** An I-shaped bar from the low to the high value of the current data item. */
function errorBar(api: CustomSeriesRenderItemAPI): ReturnType<NonNullable<CustomSeriesOption['renderItem']>> {
  const [x, lo, hi] = [api.value(0), api.value(1), api.value(2)];
  if (typeof lo !== 'number' || typeof hi !== 'number' || Number.isNaN(lo)) return null;
  const bottom = api.coord([x, lo]);
  const top = api.coord([x, hi]);
  const half = 8;
  const style = { stroke: '#262626', lineWidth: 1.5 };
  const line = (x1: number, y1: number, x2: number, y2: number) => ({
    type: 'line' as const,
    shape: { x1, y1, x2, y2 },
    style,
  });
  return {
    type: 'group',
    children: [
      line(bottom[0], bottom[1], top[0], top[1]),
      line(top[0] - half, top[1], top[0] + half, top[1]),
      line(bottom[0] - half, bottom[1], bottom[0] + half, bottom[1]),
    ],
  };
}
