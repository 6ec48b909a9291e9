import type { GroupEffect } from '@cdp/protocol';
import { describe, expect, it } from 'vitest';
import { buildConversionOption, orderGroups, wilson } from './report.ts';

const group = (name: string, entered: number, converted: number, significant = false): GroupEffect => ({
  group: name,
  entered,
  reached: entered,
  converted,
  conversionRate: entered === 0 ? null : converted / entered,
  revenue: converted * 100,
  revenuePerProfile: entered === 0 ? null : (converted * 100) / entered,
  uplift:
    name === 'control'
      ? null
      : { absolute: 0.05, relative: 0.5, ci95: [0.01, 0.09], z: 2.5, pValue: 0.012, significant },
});

describe('journey report', () => {
  it('computes the 95% Wilson interval', () => {
    const [lo, hi] = wilson(10, 100) ?? [0, 0];
    expect(lo).toBeCloseTo(0.0552, 3);
    expect(hi).toBeCloseTo(0.1744, 3);
    // stays within [0, 1] at the edges, and is undefined for an empty group
    expect(wilson(0, 20)?.[0]).toBe(0);
    expect(wilson(20, 20)?.[1]).toBeCloseTo(1, 10);
    expect(wilson(0, 0)).toBeNull();
  });

  it('puts the control group first', () => {
    const groups = [group('A', 100, 15), group('control', 50, 5), group('B', 100, 10)];
    expect(orderGroups(groups).map((g) => g.group)).toEqual(['control', 'A', 'B']);
  });

  it('charts conversion rates in percent with error bars, winners in green', () => {
    const option = buildConversionOption(
      [group('A', 100, 15, true), group('control', 50, 5), group('B', 0, 0)],
      (g) => (g === 'control' ? '对照组' : g),
      '转化率',
    );
    expect(option.xAxis).toMatchObject({ data: ['对照组', 'A', 'B'] });
    const [bars, errors] = option.series as [{ data: unknown[] }, { data: unknown[] }];
    expect(bars.data).toEqual([
      { value: 10, itemStyle: { color: '#bfbfbf' } },
      { value: 15, itemStyle: { color: '#52c41a' } },
      { value: 0, itemStyle: { color: '#1677ff' } },
    ]);
    expect(errors.data[0]).toEqual([0, 4.35, 21.36]);
    expect((errors.data[2] as number[]).slice(1).every(Number.isNaN)).toBe(true);
  });
});
