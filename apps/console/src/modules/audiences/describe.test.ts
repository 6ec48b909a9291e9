import type { Condition } from '@cdp/protocol';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../i18n/en.ts';
import zhCN from '../../i18n/zh-CN.ts';
import { describeDefinition, describeSeconds } from './describe.ts';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    lng: 'zh-CN',
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    interpolation: { escapeValue: false },
  });
});
const zh = () => i18n.getFixedT('zh-CN');
const english = () => i18n.getFixedT('en');

const shanghaiBuyers: Condition = {
  kind: 'and',
  conditions: [
    {
      kind: 'event',
      event: 'Order Completed',
      where: [{ path: ['revenue'], test: { operator: 'gt', value: 100 } }],
      window: { type: 'last_days', days: 30 },
      measure: { type: 'did' },
    },
    {
      kind: 'or',
      conditions: [
        { kind: 'trait', trait: 'city', test: { operator: 'in', values: ['上海', '北京'] } },
        { kind: 'not', condition: { kind: 'tag', tag: 'vip', test: { operator: 'exists' } } },
      ],
    },
  ],
};

describe('describeDefinition', () => {
  it('reads a tree as a Chinese sentence, with parentheses for nested groups', () => {
    expect(describeDefinition(shanghaiBuyers, zh())).toBe(
      '最近 30 天做过 「Order Completed」（revenue 大于 100） 且 （属性 city 是 "上海"、"北京" 之一 或 非 标签 vip 有值）',
    );
  });

  it('reads the same tree in English', () => {
    expect(describeDefinition(shanghaiBuyers, english())).toBe(
      'did "Order Completed" where revenue is greater than 100 in the last 30 days AND (trait city is one of "上海", "北京" OR NOT tag vip has a value)',
    );
  });

  it('describes measures, sequences, audiences and identifiers with names when known', () => {
    const tree: Condition = {
      kind: 'and',
      conditions: [
        {
          kind: 'event',
          event: 'Order Completed',
          measure: {
            type: 'aggregate',
            function: 'sum',
            path: ['revenue'],
            test: { operator: 'gte', value: 500 },
          },
        },
        { kind: 'event', type: 'page', measure: { type: 'count', operator: 'at_least', value: 3 } },
        { kind: 'event', measure: { type: 'last', test: { operator: 'more_than_days_ago', days: 90 } } },
        {
          kind: 'sequence',
          first: { event: 'Product Viewed' },
          next: { event: 'Order Completed' },
          withinSeconds: 7_200,
        },
        { kind: 'audience', audience: 'aud_1', member: false },
        { kind: 'identifier', identifierType: 'wechat_openid', scope: 'wx1', has: true },
      ],
    };
    const names = { audiences: new Map([['aud_1', '老客']]) };
    expect(describeDefinition(tree, zh(), names).split(' 且 ')).toEqual([
      '「Order Completed」 的 revenue 总和 大于等于 500',
      '做 page 类消息 至少 3 次',
      '最近一次 任意事件 的时间 在 90 天以前',
      '先做 「Product Viewed」，之后 2 小时 内做 「Order Completed」',
      '不属于人群 老客',
      '有 wechat_openid 标识（范围 wx1）',
    ]);
    expect(describeDefinition(tree, english(), names).split(' AND ')).toEqual([
      'sum of revenue over "Order Completed" is at least 500',
      'did page messages at least 3 times',
      'last any event is more than 90 days ago',
      'did "Product Viewed", then "Order Completed" within 2 hours',
      'is not in audience 老客',
      'has a wechat_openid identifier (scope wx1)',
    ]);
  });

  it('picks the largest whole unit for durations', () => {
    expect(describeSeconds(86_400 * 2, english())).toBe('2 days');
    expect(describeSeconds(90, zh())).toBe('90 秒');
    expect(describeSeconds(600, zh())).toBe('10 分钟');
  });
});
