import assert from 'node:assert/strict';
import { hash } from 'node:crypto';
import { describe, it } from 'node:test';
import { message } from './import-files.test-helper.ts';
import { ImportMapping } from './import-mapping.ts';
import { mapRow } from './map-row.ts';

const context = { sourceId: 'src_test' };

describe('mapRow: orders and events', () => {
  const orders = ImportMapping.parse({
    kind: 'orders',
    columns: {
      订单号: { field: 'order_id' },
      手机: { identifier: 'phone' },
      实付金额: { field: 'revenue' },
      下单时间: { field: 'timestamp' },
      商品: { field: 'products' },
      渠道: { property: 'channel' },
    },
  });

  it('maps an order to Order Completed with numeric revenue, CNY and the order time', () => {
    const row = {
      订单号: 'SO-20240305-001',
      手机: '13800138000',
      实付金额: '¥1,234.50',
      下单时间: '2024/3/5 14:30',
      商品: '[{"sku":"A1","quantity":2}]',
      渠道: ' POS ',
    };
    const m = message(mapRow(row, 2, orders, context));
    assert.equal(m.type === 'track' && m.event, 'Order Completed');
    assert.equal(m.messageId, `imp-order-${hash('sha1', 'SO-20240305-001', 'hex')}`);
    assert.equal(m.timestamp, '2024-03-05T06:30:00.000Z');
    assert.deepEqual(m.type === 'track' && m.properties, {
      order_id: 'SO-20240305-001',
      revenue: 1234.5,
      products: [{ sku: 'A1', quantity: 2 }],
      channel: 'POS',
      currency: 'CNY',
    });
    assert.deepEqual(m.context?.traits, { phone: '+8613800138000' });
    // A re-import with other content keeps the id: the pipeline answers `conflict`.
    assert.equal(message(mapRow({ ...row, 实付金额: '99' }, 7, orders, context)).messageId, m.messageId);
  });

  it('rejects an order without order id, time or readable amounts, naming the columns', () => {
    const result = mapRow({ 手机: '13800138000', 实付金额: 'abc', 商品: 'A1 x2' }, 3, orders, context);
    assert.deepEqual(result.ok === false && result.errors.map((e) => [e.column, e.reason]), [
      ['实付金额', 'invalid_value'],
      ['商品', 'invalid_value'],
      ['下单时间', 'missing_timestamp'],
      ['', 'missing_order_id'],
    ]);
    const late = mapRow(
      { 订单号: '1', 手机: '13800138000', 下单时间: '2024-02-30 10:00' },
      4,
      orders,
      context,
    );
    assert.deepEqual(late.ok === false && late.errors, [
      { column: '下单时间', reason: 'invalid_timestamp', detail: 'impossible: 2024-02-30 10:00' },
    ]);
  });

  it('maps events with a default name, typed properties and Excel serial times', () => {
    const events = ImportMapping.parse({
      kind: 'events',
      columns: {
        会员号: { identifier: 'member_id' },
        时间: { field: 'timestamp' },
        数量: { property: 'quantity', type: 'number' },
      },
      defaults: { event: 'Store Visited' },
    });
    const m = message(mapRow({ 会员号: 'M001', 时间: 45356.5, 数量: '3' }, 2, events, context));
    assert.equal(m.type === 'track' && m.event, 'Store Visited');
    assert.equal(m.timestamp, '2024-03-05T04:00:00.000Z'); // 12:00 in Shanghai
    assert.deepEqual(m.type === 'track' && m.properties, { quantity: 3 });
    assert.match(m.messageId!, /^imp-[0-9a-f]{40}$/);
    const bad = mapRow({ 会员号: 'M001', 时间: 45356.5, 数量: 'three' }, 3, events, context);
    assert.equal(bad.ok === false && bad.errors[0]!.reason, 'invalid_value');
  });

  it('rejects a message over the protocol size limit', () => {
    const result = mapRow(
      { 订单号: '1', 手机: '13800138000', 下单时间: '2024-03-05', 渠道: 'x'.repeat(40_000) },
      2,
      orders,
      context,
    );
    assert.equal(result.ok === false && result.errors[0]!.reason, 'message_too_large');
  });
});
