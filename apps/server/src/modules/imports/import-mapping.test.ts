import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ImportMapping } from './import-mapping.ts';
import { suggestMapping } from './suggest-mapping.ts';

describe('suggestMapping', () => {
  it('recognises the headers of a Chinese CRM member export', () => {
    const headers = [
      '会员卡号',
      '姓名',
      '性别',
      '出生日期',
      '手机号码',
      '联系电话',
      '邮箱',
      '省份',
      '城市',
      'UnionID',
      '备注',
    ];
    assert.deepEqual(suggestMapping(headers), {
      kind: 'profiles',
      columns: {
        会员卡号: { identifier: 'member_id' },
        手机号码: { identifier: 'phone' }, // the mobile column wins over 联系电话
        邮箱: { identifier: 'email' },
        UnionID: { identifier: 'wechat_unionid' },
        姓名: { trait: 'name' },
        性别: { trait: 'gender' },
        出生日期: { trait: 'birthday' },
        省份: { trait: 'province' },
        城市: { trait: 'city' },
      },
    });
  });

  it('recognises an order export, ignoring case, spaces and a bracketed note', () => {
    const headers = ['订单编号', '会员手机号', '实付金额（元）', '下单时间', '门店名称', 'Order Total'];
    const suggested = suggestMapping(headers);
    assert.deepEqual(suggested, {
      kind: 'orders',
      columns: {
        会员手机号: { identifier: 'phone' },
        订单编号: { field: 'order_id' },
        下单时间: { field: 'timestamp' },
        '实付金额（元）': { field: 'revenue' },
        'Order Total': { field: 'total' },
        门店名称: { field: 'affiliation' },
      },
    });
    assert.equal(ImportMapping.safeParse(suggested).success, true);
  });

  it('takes the kind when given, and English headers', () => {
    const suggested = suggestMapping(['Email', 'Mobile', 'Event Name', 'Time', 'openid'], 'events');
    assert.deepEqual(suggested.columns, {
      Email: { identifier: 'email' },
      Mobile: { identifier: 'phone' },
      openid: { identifier: 'wechat_openid' },
      'Event Name': { field: 'event' },
      Time: { field: 'timestamp' },
    });
  });
});

describe('ImportMapping', () => {
  const base = { kind: 'profiles', columns: { 手机: { identifier: 'phone' } } } as const;

  it('fills defaults', () => {
    const mapping = ImportMapping.parse(base);
    assert.equal(mapping.defaultRegion, 'CN');
    assert.equal(mapping.utcOffset, '+08:00');
    assert.deepEqual(mapping.defaults, {});
  });

  it('refuses mappings that cannot work', () => {
    const refused: unknown[] = [
      { kind: 'profiles', columns: { 姓名: { trait: 'name' } } }, // no identifier
      { ...base, columns: { ...base.columns, 电话: { identifier: 'phone' } } }, // two phone columns
      { ...base, columns: { ...base.columns, 邮箱: { trait: 'email' } } }, // identifier as a trait
      { ...base, columns: { ...base.columns, 金额: { field: 'revenue' } } }, // order field on profiles
      { ...base, columns: { openid: { identifier: 'wechat_openid' } } }, // OpenIDs without app id
      { kind: 'orders', columns: base.columns }, // no order id
      { kind: 'events', columns: base.columns }, // no event name
      { ...base, timestampColumn: 't', columns: { ...base.columns, t2: { field: 'timestamp' } } },
      { ...base, defaultRegion: 'cn' },
      { ...base, columns: { 手机: { identifier: 'Phone Number' } } },
    ];
    for (const mapping of refused)
      assert.equal(ImportMapping.safeParse(mapping).success, false, JSON.stringify(mapping));
  });
});
