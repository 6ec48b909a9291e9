import type { StoredEvent } from '@cdp/protocol';

/** The Segment e-commerce event that records a purchase. */
export const ORDER_EVENT = 'Order Completed';
/** Total spend is shown in this currency; orders in other currencies are listed but not added up. */
export const SPEND_CURRENCY = 'CNY';

export interface Order {
  readonly orderId: string;
  /** The event's id (row key); the newest event wins when one order was reported twice. */
  readonly eventId: string;
  readonly at: string;
  readonly sourceId: string;
  /** `properties.revenue`, else `properties.total`; null when neither is a number. */
  readonly amount: number | null;
  readonly currency: string;
}

export interface Spend {
  /** Sum of the amounts in SPEND_CURRENCY (orders without a currency count as CNY). */
  readonly total: number;
  readonly orders: number;
  /** Orders left out of the total: another currency, or no amount. */
  readonly excluded: number;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** A finite number, or a numeric string such as "299.00" (clients send both). */
function amountOf(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

function text(value: unknown): string | null {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : null;
}

/** Orders from timeline events (newest first), one per order id. */
export function toOrders(events: readonly StoredEvent[]): Order[] {
  const orders = new Map<string, Order>();
  for (const e of events) {
    if (e.type !== 'track' || e.event !== ORDER_EVENT) continue;
    const props = record(e.message.properties);
    const orderId = text(props.order_id) ?? text(props.orderId) ?? e.messageId;
    if (orders.has(orderId)) continue;
    orders.set(orderId, {
      orderId,
      eventId: e.id,
      at: e.timestamp,
      sourceId: e.sourceId,
      amount: amountOf(props.revenue) ?? amountOf(props.total),
      currency: (text(props.currency) ?? SPEND_CURRENCY).toUpperCase(),
    });
  }
  return [...orders.values()];
}

/** Total spend in CNY, added up in cents so that 0.1 + 0.2 stays 0.3. */
export function totalSpend(orders: readonly Order[]): Spend {
  let cents = 0;
  let excluded = 0;
  for (const o of orders) {
    if (o.amount === null || o.currency !== SPEND_CURRENCY) excluded += 1;
    else cents += Math.round(o.amount * 100);
  }
  return { total: cents / 100, orders: orders.length, excluded };
}

/** "¥299.00" (zh-CN) / "CN¥299.00" (en); an unknown currency code falls back to "299 XYZ". */
export function formatMoney(amount: number, currency: string, lang: string): string {
  try {
    return new Intl.NumberFormat(lang, { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}
