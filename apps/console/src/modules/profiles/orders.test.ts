import type { StoredEvent } from '@cdp/protocol';
import { describe, expect, it } from 'vitest';
import { formatMoney, ORDER_EVENT, toOrders, totalSpend } from './orders.ts';

let seq = 0;
function event(over: Partial<StoredEvent> & { properties?: Record<string, unknown> }): StoredEvent {
  seq += 1;
  const { properties, ...rest } = over;
  return {
    id: String(seq),
    sourceId: 'src_web',
    messageId: `m${seq}`,
    type: 'track',
    event: ORDER_EVENT,
    name: null,
    userId: 'u-1',
    anonymousId: null,
    timestamp: `2026-11-01T08:0${seq % 10}:00.000Z`,
    originalTimestamp: null,
    sentAt: null,
    receivedAt: '2026-11-01T08:00:00.000Z',
    flags: [],
    message: { properties: properties ?? {} },
    ...rest,
  };
}

describe('orders', () => {
  it('reads Order Completed events, revenue first, then total', () => {
    const orders = toOrders([
      event({ messageId: 'o1', properties: { order_id: 'A-1', revenue: 299, total: 320 } }),
      event({ messageId: 'o2', sourceId: 'src_pos', properties: { total: '59.90' } }),
      event({ event: 'Product Viewed', properties: { total: 1000 } }),
      event({ type: 'page', event: null, name: ORDER_EVENT }),
    ]);
    expect(orders.map((o) => [o.orderId, o.amount, o.currency, o.sourceId])).toEqual([
      ['A-1', 299, 'CNY', 'src_web'],
      ['o2', 59.9, 'CNY', 'src_pos'],
    ]);
  });

  it('keeps one order per order id (the newest event) and tolerates odd payloads', () => {
    const orders = toOrders([
      event({ properties: { orderId: 7, revenue: 10 } }),
      event({ properties: { order_id: '7', revenue: 10 } }),
      event({ messageId: 'bad', message: { properties: 'oops' } }),
      event({ messageId: 'nan', properties: { revenue: 'abc', total: Number.NaN } }),
    ]);
    expect(orders.map((o) => [o.orderId, o.amount])).toEqual([
      ['7', 10],
      ['bad', null],
      ['nan', null],
    ]);
  });

  it('adds up CNY amounts exactly and counts what it leaves out', () => {
    const orders = toOrders([
      event({ properties: { revenue: 0.1 } }),
      event({ properties: { revenue: 0.2, currency: 'cny' } }),
      event({ properties: { revenue: 5, currency: 'USD' } }),
      event({ properties: {} }),
    ]);
    expect(totalSpend(orders)).toEqual({ total: 0.3, orders: 4, excluded: 2 });
    expect(totalSpend([])).toEqual({ total: 0, orders: 0, excluded: 0 });
  });

  it('formats money in the currency given, and survives bad currency codes', () => {
    expect(formatMoney(299, 'CNY', 'zh-CN')).toBe('¥299.00');
    expect(formatMoney(5, 'US D', 'en')).toBe('5 US D');
  });
});
