import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { message } from './import-files.test-helper.ts';
import { ImportMapping, type ImportMappingInput } from './import-mapping.ts';
import { mapRow } from './map-row.ts';

const context = { sourceId: 'src_test' };
const members = ImportMapping.parse({
  kind: 'profiles',
  columns: {
    会员号: { identifier: 'member_id' },
    手机: { identifier: 'phone' },
    邮箱: { identifier: 'email' },
    openid: { identifier: 'wechat_openid' },
    姓名: { trait: 'name' },
    性别: { trait: 'gender' },
    生日: { trait: 'birthday' },
    城市: { trait: 'city' },
    积分: { trait: 'points', type: 'number' },
  },
  wechatAppId: 'wx8a3f5c2e9b1d4076',
} satisfies ImportMappingInput);

describe('mapRow: profiles', () => {
  it('cleans identifiers and traits with the shared normalisers', () => {
    const row = {
      会员号: ' M001 ',
      手机: '138 0013 8000',
      邮箱: ' Li.Lei@QQ.com ',
      openid: 'oQ3Wv5abcdefghijklmnopqrstuv',
      姓名: 'Ｗａｎｇ　Ｘｉａｏｍｉｎｇ',
      性别: '男',
      生日: '1990年3月5日',
      城市: '深圳',
      积分: '1,200',
    };
    const m = message(mapRow(row, 2, members, context));
    assert.equal(m.type, 'identify');
    assert.deepEqual(m.type === 'identify' && m.traits, {
      member_id: 'M001',
      phone: '+8613800138000',
      email: 'li.lei@qq.com',
      wechat_openid: 'wx8a3f5c2e9b1d4076/oQ3Wv5abcdefghijklmnopqrstuv',
      name: 'Wang Xiaoming',
      gender: 'male',
      birthday: '1990-03-05',
      city: '深圳市',
      province: '广东省',
      points: 1200,
    });
    assert.equal(m.userId, undefined);
    assert.equal(m.anonymousId, undefined, 'no stand-in id: the member number names the person');
    assert.deepEqual(m.context, {
      library: { name: 'cdp-import', version: '1' },
      import: { sourceId: 'src_test' },
    });
  });

  it('flags an invalid phone, e-mail or birthday, keeping the raw value, and does not link by it', () => {
    const m = message(
      mapRow({ 会员号: 'M002', 手机: '12345', 邮箱: 'li.lei@', 生日: '1990-02-30' }, 3, members, context),
    );
    assert.deepEqual(m.type === 'identify' && m.traits, {
      member_id: 'M002',
      phone_raw: '12345',
      email_raw: 'li.lei@',
      birthday_raw: '1990-02-30',
      data_quality: ['phone_invalid', 'email_syntax', 'birthday_impossible'],
    });
  });

  it('rejects a row without any usable identifier', () => {
    assert.deepEqual(mapRow({ 手机: '12345', 姓名: '王小明' }, 4, members, context), {
      ok: false,
      errors: [{ column: '', reason: 'missing_identifier', detail: 'phone_invalid' }],
    });
    assert.deepEqual(mapRow({ 会员号: 'null', 姓名: '王小明' }, 5, members, context), {
      ok: false,
      errors: [{ column: '', reason: 'missing_identifier', detail: 'member_id_junk' }],
    });
  });

  it('takes userId from a user_id column', () => {
    const mapping = ImportMapping.parse({
      kind: 'profiles',
      columns: { uid: { identifier: 'user_id' }, 手机: { identifier: 'phone' } },
    });
    const m = message(mapRow({ uid: 'u-42', 手机: '13800138000' }, 2, mapping, context));
    assert.equal(m.userId, 'u-42');
    assert.equal(m.anonymousId, undefined);
  });

  it('gives the same row the same messageId, wherever it is and however the mapping is ordered', () => {
    const row = { 会员号: 'M001', 手机: '13800138000', 姓名: '王小明' };
    const id = (r: Record<string, unknown>, rowNumber: number, mapping = members) =>
      message(mapRow(r, rowNumber, mapping, context)).messageId;
    const reversed = ImportMapping.parse({
      ...members,
      columns: Object.fromEntries(Object.entries(members.columns).reverse()),
    });
    assert.match(id(row, 2)!, /^imp-[0-9a-f]{40}$/);
    assert.equal(id(row, 2), id({ ...row }, 900));
    assert.equal(id(row, 2), id(row, 2, reversed));
    assert.equal(id(row, 2), id({ ...row, 手机: '+86 138-0013-8000' }, 2)); // same once cleaned
    assert.notEqual(id(row, 2), id({ ...row, 姓名: '王小红' }, 2));
  });
});
