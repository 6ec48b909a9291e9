import type { JourneyStep } from '@cdp/protocol';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../i18n/en.ts';
import zhCN from '../../i18n/zh-CN.ts';
import { describeEntry, describeProblem, describeStep, groupLabel, outputLabel } from './describe.ts';

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

const names = {
  audiences: new Map([['aud_vip', 'VIP 会员']]),
  destinations: new Map([['dst_sms', '短信网关']]),
  tags: new Map([['coupon', '已领券']]),
};
const ab: JourneyStep = {
  kind: 'ab',
  id: 'ab_1',
  branches: [
    { name: 'A', percent: 60, next: null },
    { name: 'B', percent: 40, next: null },
  ],
};

describe('journey descriptions', () => {
  it('describes the entry', () => {
    expect(describeEntry({ type: 'audience', audienceId: 'aud_vip' }, zh(), names)).toBe(
      '进入人群「VIP 会员」时',
    );
    expect(describeEntry({ type: 'audience', audienceId: '' }, zh(), names)).toBe('未设置');
    expect(
      describeEntry(
        {
          type: 'event',
          match: { event: 'Sign Up', where: [{ path: ['plan'], test: { operator: 'exists' } }] },
        },
        english(),
      ),
    ).toMatch(/^On "Sign Up".*plan/);
  });

  it('describes each kind of step in one line', () => {
    const t = zh();
    const steps: JourneyStep[] = [
      { kind: 'wait', id: 'w1', wait: { type: 'duration', minutes: 120 }, next: null },
      { kind: 'wait', id: 'w2', wait: { type: 'time_of_day', time: '09:30' }, next: null },
      {
        kind: 'wait',
        id: 'w3',
        wait: { type: 'event', match: { event: 'Order Completed' }, timeoutMinutes: 2880, timeoutNext: null },
        next: null,
      },
      ab,
      { kind: 'send', id: 's', destinationId: 'dst_sms', data: {}, next: null },
      { kind: 'update', id: 'u', set: { type: 'tag', tagId: 'coupon', value: true }, next: null },
      { kind: 'update', id: 'v', set: { type: 'trait', trait: 'stage', value: 'welcomed' }, next: null },
      { kind: 'exit', id: 'x' },
    ];
    expect(steps.map((s) => describeStep(s, t, names))).toEqual([
      '等待 2 小时',
      '等到 09:30',
      '等待 「Order Completed」，最长 2 天',
      'A 60% · B 40%',
      '通过「短信网关」发送',
      '标签 已领券 设为 true',
      '属性 stage 设为 "welcomed"',
      '离开旅程',
    ]);
    expect(
      describeStep(
        { kind: 'split', id: 'c', condition: { kind: 'and', conditions: [] }, yes: null, no: null },
        t,
      ),
    ).toBe('未设置');
  });

  it('labels outputs and groups', () => {
    expect(outputLabel(undefined, 'yes', zh())).toBe('是');
    expect(outputLabel(ab, 'b1', zh())).toBe('B 40%');
    expect(outputLabel(undefined, 'next', zh())).toBe('');
    expect(groupLabel('control', zh())).toBe('对照组');
    expect(groupLabel('control', english())).toBe('Control');
    expect(groupLabel('A', zh())).toBe('A');
  });

  it('words validation problems with the step and its output', () => {
    const steps = new Map([['ab_1', ab]]);
    expect(
      describeProblem({ level: 'warning', code: 'missingNext', stepId: 'ab_1', output: 'b0' }, steps, zh()),
    ).toBe('步骤 ab_1 的「A 60%」出口未连接：到这里的用户将结束旅程');
    expect(
      describeProblem(
        { level: 'warning', code: 'missingNext', stepId: 's', output: 'next' },
        steps,
        english(),
      ),
    ).toBe('Output of step s is not connected: people reaching it end the journey');
    expect(describeProblem({ level: 'error', code: 'abSum', stepId: 'ab_1', sum: 80 }, steps, zh())).toBe(
      'A/B 分流 ab_1 的比例合计 80%，应为 100%',
    );
  });
});
