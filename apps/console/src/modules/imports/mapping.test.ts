import { describe, expect, it } from 'vitest';
import {
  cellText,
  choicesFromMapping,
  decodeTarget,
  duplicateColumns,
  encodeTarget,
  hasIdentifier,
  IGNORE,
  mappingFromChoices,
  progressPercent,
  suggestedKind,
} from './mapping.ts';

describe('import mapping', () => {
  const suggested = {
    kind: 'orders',
    columns: {
      手机号: { identifier: 'phone' },
      积分: { type: 'number', trait: 'points' },
      订单号: { field: 'order_id' },
    },
  };

  it('encodes targets stably and decodes them back', () => {
    expect(encodeTarget({ trait: 'points', type: 'number' })).toBe(
      encodeTarget({ type: 'number', trait: 'points' } as never),
    );
    expect(decodeTarget(encodeTarget({ identifier: 'phone' }))).toEqual({ identifier: 'phone' });
    expect(decodeTarget(encodeTarget({ property: 'sku' }))).toEqual({ property: 'sku' });
    expect(decodeTarget(IGNORE)).toBeUndefined();
    expect(decodeTarget('not json')).toBeUndefined();
  });

  it('prefills choices from the suggested mapping, ignoring unknown columns', () => {
    const choices = choicesFromMapping(['手机号', '积分', '订单号', '备注'], suggested);
    expect(decodeTarget(choices.积分 ?? '')).toEqual({ trait: 'points', type: 'number' });
    expect(choices.备注).toBe(IGNORE);
    expect(suggestedKind(suggested)).toBe('orders');
    expect(suggestedKind({ kind: 'x' })).toBeUndefined();
    expect(choicesFromMapping(['a'], null)).toEqual({ a: IGNORE });
  });

  it('round-trips choices to the mapping body', () => {
    const choices = choicesFromMapping(['手机号', '积分', '订单号', '备注'], suggested);
    expect(mappingFromChoices(choices, { defaultEvent: ' Order Completed ', wechatAppId: '' })).toEqual({
      columns: {
        手机号: { identifier: 'phone' },
        积分: { trait: 'points', type: 'number' },
        订单号: { field: 'order_id' },
      },
      defaults: { event: 'Order Completed' },
    });
    expect(mappingFromChoices({ a: IGNORE }, { wechatAppId: 'wx0123456789abcdef' })).toEqual({
      columns: {},
      wechatAppId: 'wx0123456789abcdef',
    });
  });

  it('checks identifiers and duplicates', () => {
    const phone = encodeTarget({ identifier: 'phone' });
    expect(hasIdentifier({ a: phone })).toBe(true);
    expect(hasIdentifier({ a: encodeTarget({ trait: 'name' }), b: IGNORE })).toBe(false);
    expect(duplicateColumns({ a: phone, b: IGNORE, c: IGNORE, d: phone })).toEqual(['d']);
  });

  it('computes progress and cell text', () => {
    expect(progressPercent({ status: 'running', bytesRead: 50, totalBytes: 200 })).toBe(25);
    expect(progressPercent({ status: 'running', bytesRead: 0, totalBytes: 0 })).toBe(0);
    expect(progressPercent({ status: 'done', bytesRead: 0, totalBytes: 10 })).toBe(100);
    expect(cellText(null)).toBe('');
    expect(cellText(3)).toBe('3');
    expect(cellText({ a: 1 })).toBe('{"a":1}');
  });
});
