import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BUILT_IN_IDENTIFIER_TYPES } from '../identifiers/identifier-types.ts';
import { extractIdentifiers } from './extract-identifiers.ts';

const keys = (r: ReturnType<typeof extractIdentifiers>) => r.identifiers.map((i) => `${i.type}:${i.value}`);

describe('extractIdentifiers', () => {
  it('reads ids, traits and the device, normalised, highest priority first', () => {
    const result = extractIdentifiers(
      {
        userId: 'u1',
        anonymousId: 'a1',
        deviceId: 'dev-7',
        traits: {
          email: ' Wang@QQ.com ',
          mobile: '138 0013 8000',
          memberId: 'M9',
          unionid: 'oUnion_abcdefghijklmnopqrstuvwx',
          openid: 'oOpen_abcdefghijklmnopqrstuvwxyz',
          appid: 'wx1234',
        },
      },
      BUILT_IN_IDENTIFIER_TYPES,
    );
    assert.deepEqual(keys(result), [
      'user_id:u1',
      'member_id:M9',
      'wechat_unionid:oUnion_abcdefghijklmnopqrstuvwx',
      'phone:+8613800138000',
      'email:wang@qq.com',
      'wechat_openid:wx1234/oOpen_abcdefghijklmnopqrstuvwxyz',
      'device_id:dev-7',
      'anonymous_id:a1',
    ]);
    assert.deepEqual(result.issues, []);
  });

  it('never links invalid or junk values, and reports them as data-quality issues', () => {
    const result = extractIdentifiers(
      {
        userId: 'null',
        anonymousId: 'a1',
        previousId: 'a1',
        traits: { phone: '12345', email: 'not-an-email' },
      },
      BUILT_IN_IDENTIFIER_TYPES,
    );
    assert.deepEqual(keys(result), ['anonymous_id:a1']);
    assert.deepEqual(result.issues.sort(), ['invalid_email', 'invalid_phone', 'junk_identifier']);
    assert.deepEqual(extractIdentifiers({ userId: 'undefined' }, BUILT_IN_IDENTIFIER_TYPES).issues.sort(), [
      'junk_identifier',
      'missing_identifier',
    ]);
  });
});
