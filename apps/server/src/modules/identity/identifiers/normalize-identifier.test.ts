import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { BUILT_IN_IDENTIFIER_TYPES } from './identifier-types.ts';
import { normalizeIdentifier } from './normalize-identifier.ts';

const OPENID = 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o';
const UNIONID = 'o6_bmasdasdsad6_2sgVt7hMZOPfL';

describe('normalizeIdentifier', () => {
  it('sends emails and phones through their normalisers', () => {
    assert.deepEqual(normalizeIdentifier('email', ' Li.Na＠QQ.com '), { value: 'li.na@qq.com', valid: true });
    assert.deepEqual(normalizeIdentifier('phone', '０１０-６５５２９９８８'), {
      value: '+861065529988',
      valid: true,
    });
    assert.deepEqual(normalizeIdentifier('phone', 13800138000), { value: '+8613800138000', valid: true });
    assert.deepEqual(normalizeIdentifier('phone', '9123 4567', { defaultRegion: 'HK' }), {
      value: '+85291234567',
      valid: true,
    });
    assert.deepEqual(normalizeIdentifier('email', 'li.na#qq.com'), {
      value: 'li.na#qq.com',
      valid: false,
      reason: 'syntax',
    });
    assert.deepEqual(normalizeIdentifier('phone', '13800000000'), {
      value: null,
      valid: false,
      reason: 'junk',
    });
    assert.deepEqual(normalizeIdentifier('phone', '1380013800'), {
      value: null,
      valid: false,
      reason: 'invalid',
    });
  });

  it('trims and folds other ids but keeps their case', () => {
    assert.deepEqual(normalizeIdentifier('user_id', ' U10086 '), { value: 'U10086', valid: true });
    assert.deepEqual(normalizeIdentifier('member_id', 'ＶＩＰ００１２３'), {
      value: 'VIP00123',
      valid: true,
    });
    assert.deepEqual(normalizeIdentifier('member_id', 20240001), { value: '20240001', valid: true });
    assert.deepEqual(normalizeIdentifier('loyalty_card', '\u200BCARD-77'), { value: 'CARD-77', valid: true });
  });

  it('checks WeChat ids are 28–64 URL-safe characters', () => {
    assert.deepEqual(normalizeIdentifier('wechat_openid', ` ${OPENID} `), { value: OPENID, valid: true });
    assert.deepEqual(normalizeIdentifier('wechat_unionid', UNIONID), { value: UNIONID, valid: true });
    for (const bad of ['oUpF8uMuAJO', `${OPENID}!`, 'o'.repeat(65), 'oUpF8uMuAJO M2pxb1Q9zNjWeS6o0']) {
      assert.deepEqual(normalizeIdentifier('wechat_openid', bad), {
        value: bad,
        valid: false,
        reason: 'format',
      });
    }
  });

  it('rejects junk values of any case and all-zero ids', () => {
    const junk = [
      ['user_id', 'NULL'],
      ['user_id', 'undefined'],
      ['anonymous_id', 'Anonymous'],
      ['member_id', '-1'],
      ['member_id', 0],
      ['device_id', '00000000-0000-0000-0000-000000000000'],
      ['device_id', '0000000000'],
      ['device_id', '00:00:00:00:00:00'],
      ['device_id', '9774D56D682E549C'],
      ['user_id', '[object Object]'],
      ['user_id', 'N/A'],
      ['member_id', '无'],
      ['email', '"null"'],
      ['loyalty_card', 'none'],
    ] as const;
    for (const [type, raw] of junk)
      assert.equal(normalizeIdentifier(type, raw).reason, 'junk', `${type} ${raw}`);
    assert.deepEqual(normalizeIdentifier('user_id', 'Null'), { value: 'Null', valid: false, reason: 'junk' });
    assert.equal(normalizeIdentifier('device_id', '02:00:00:00:00:00').reason, 'junk'); // device-specific list
    assert.equal(normalizeIdentifier('user_id', '02:00:00:00:00:00').valid, true);
  });

  it('rejects empty, over-long and non-scalar input', () => {
    for (const raw of [null, undefined, '', ' \u3000 ', '\u200B']) {
      assert.deepEqual(normalizeIdentifier('user_id', raw), { value: null, valid: false, reason: 'empty' });
    }
    assert.deepEqual(normalizeIdentifier('user_id', 'u'.repeat(257)), {
      value: null,
      valid: false,
      reason: 'too_long',
    });
    assert.equal(normalizeIdentifier('user_id', 'u'.repeat(256)).valid, true);
    for (const raw of [{}, ['u1'], true, Number.NaN, 10n, Symbol('u')]) {
      assert.deepEqual(normalizeIdentifier('user_id', raw), { value: null, valid: false, reason: 'type' });
    }
  });

  it('never throws and is idempotent for every type', () => {
    const types = fc.constantFrom(...BUILT_IN_IDENTIFIER_TYPES.map((t) => t.name), 'custom');
    const raw = fc.oneof(
      fc.anything(),
      fc.string({ unit: 'grapheme' }),
      fc.emailAddress(),
      fc.stringMatching(/^\+?[\d -]{6,16}$/),
    );
    fc.assert(
      fc.property(types, raw, (type, input) => {
        const first = normalizeIdentifier(type, input);
        assert.equal(typeof first.valid, 'boolean');
        if (first.valid) assert.equal(first.reason, undefined);
        if (first.value !== null) assert.deepEqual(normalizeIdentifier(type, first.value), first);
      }),
      { numRuns: 2000 },
    );
  });
});
