import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../i18n/en.ts';
import zhCN from '../../i18n/zh-CN.ts';
import { causeText } from './changes.ts';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    lng: 'zh-CN',
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    interpolation: { escapeValue: false },
  });
});

describe('causeText', () => {
  it('names the cause and its details', () => {
    const zh = i18n.getFixedT('zh-CN');
    expect(causeText({ by: 'event', events: ['Order Completed', 'Signed Up'] }, zh)).toBe(
      '事件: Order Completed、Signed Up',
    );
    expect(causeText({ by: 'created', run: '7', version: 1 }, zh)).toBe('新建后计算: 版本 1');
    expect(
      causeText({ by: 'audience', audience: 'aud_1' }, zh, { audiences: new Map([['aud_1', '老客']]) }),
    ).toBe('人群变化: 老客');
    expect(causeText({ by: 'profile' }, i18n.getFixedT('en'))).toBe('Profile changed');
    expect(causeText({ by: 'future_cause' }, zh)).toBe('future_cause');
    expect(causeText({}, zh)).toBe('');
  });
});
