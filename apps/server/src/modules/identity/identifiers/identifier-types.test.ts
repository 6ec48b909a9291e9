import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BUILT_IN_IDENTIFIER_TYPES, COMMON_JUNK_VALUES, findIdentifierType } from './identifier-types.ts';

describe('BUILT_IN_IDENTIFIER_TYPES', () => {
  it('has the eight built-in types, unique, highest priority first with user_id on top', () => {
    const names = BUILT_IN_IDENTIFIER_TYPES.map((t) => t.name);
    assert.deepEqual([...names].sort(), [
      'anonymous_id',
      'device_id',
      'email',
      'member_id',
      'phone',
      'user_id',
      'wechat_openid',
      'wechat_unionid',
    ]);
    const priorities = BUILT_IN_IDENTIFIER_TYPES.map((t) => t.priority);
    assert.equal(new Set(priorities).size, priorities.length);
    assert.deepEqual(
      priorities,
      [...priorities].sort((a, b) => b - a),
    );
    assert.equal(names[0], 'user_id');
  });

  it('allows one user_id per profile and five of anything else', () => {
    for (const t of BUILT_IN_IDENTIFIER_TYPES)
      assert.equal(t.maxPerProfile, t.name === 'user_id' ? 1 : 5, t.name);
  });

  it('scopes an OpenID by app id under its UnionID', () => {
    const openid = findIdentifierType('wechat_openid');
    assert.equal(openid?.scope, 'app_id');
    assert.equal(openid?.parent, 'wechat_unionid');
    assert.ok(findIdentifierType(openid?.parent ?? ''));
    assert.equal(findIdentifierType('loyalty_card'), undefined);
  });

  it('lists junk values in lower case, including zero ids', () => {
    for (const t of BUILT_IN_IDENTIFIER_TYPES)
      for (const v of t.junkValues) assert.equal(v, v.toLowerCase(), t.name);
    for (const v of [
      'null',
      'undefined',
      '[object object]',
      '00000000-0000-0000-0000-000000000000',
      '0000000000',
    ]) {
      assert.ok(COMMON_JUNK_VALUES.includes(v), v);
    }
  });
});
