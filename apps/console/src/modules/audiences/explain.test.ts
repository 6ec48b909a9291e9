import type { Condition, ExplanationNode } from '@cdp/protocol';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../i18n/en.ts';
import zhCN from '../../i18n/zh-CN.ts';
import { explainLines } from './explain.ts';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    lng: 'zh-CN',
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    interpolation: { escapeValue: false },
  });
});

const definition: Condition = {
  kind: 'and',
  conditions: [
    { kind: 'event', event: 'Order Completed', measure: { type: 'count', operator: 'at_least', value: 3 } },
    { kind: 'not', condition: { kind: 'trait', trait: 'city', test: { operator: 'equals', value: '北京' } } },
  ],
};
const explanation: ExplanationNode = {
  key: '$',
  kind: 'and',
  held: false,
  children: [
    { key: '$.0', kind: 'event', held: false, observed: { count: 2 } },
    {
      key: '$.1',
      kind: 'not',
      held: true,
      children: [{ key: '$.1.0', kind: 'trait', held: false, observed: { value: '上海' } }],
    },
  ],
};

describe('explainLines', () => {
  it('pairs each explained node with its condition and what was observed', () => {
    const line = explainLines(explanation, definition, i18n.getFixedT('zh-CN'));
    expect(line).toMatchObject({ key: '$', held: false, text: '满足全部条件', observed: null });
    expect(line.children[0]).toMatchObject({
      held: false,
      text: '做 「Order Completed」 至少 3 次',
      observed: '次数 2',
    });
    expect(line.children[1].text).toBe('不满足下列条件');
    expect(line.children[1].children[0]).toMatchObject({
      text: '属性 city 等于 "北京"',
      observed: '值 "上海"',
    });
  });

  it('still renders when the definition is unknown, in English', () => {
    const t = i18n.getFixedT('en');
    const line = explainLines(
      { key: 'x', kind: 'audience', held: true, observed: { member: true } },
      null,
      t,
    );
    expect(line).toEqual({ key: 'x', held: true, text: 'audience', observed: 'member Yes', children: [] });
  });
});
