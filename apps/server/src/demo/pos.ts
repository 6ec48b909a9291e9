import { typedPhone } from './contact.ts';
import { POS_LIBRARY } from './devices.ts';
import type { Journey } from './journey-state.ts';
import { Weighted } from './random.ts';
import { maybeRefund } from './session.ts';
import { chinaDate, couponProperties, orderProperties, pickLines, price, yuan } from './shopping.ts';
import type { Store } from './stores.ts';
import { profileTraits } from './traits.ts';
import type { Ids } from './writer.ts';

/**
 * In-store sales synced by the POS. Members are identified by their member number (userId); other
 * shoppers have no userId: each sale gets a one-off anonymousId `pos-<order_id>` and, when the cashier
 * asked for it (e-invoice, SMS receipt), the phone number in context.traits.phone — identity
 * resolution has to stitch those to the member / online profiles by phone.
 */

const PAYMENTS = new Weighted<string>([
  ['微信支付', 45],
  ['支付宝', 32],
  ['银联', 15],
  ['现金', 8],
]);

function posContext(j: Journey, store: Store, member: boolean, withPhone: boolean): Record<string, unknown> {
  const ctx: Record<string, unknown> = {
    library: POS_LIBRARY,
    ip: store.ip,
    locale: 'zh-CN',
    timezone: 'Asia/Shanghai',
  };
  if (member) ctx.traits = { member_no: j.c.memberNo, phone: typedPhone(j.rng, j.c.phone) };
  else if (withPhone) ctx.traits = { phone: typedPhone(j.rng, j.c.phone) };
  return ctx;
}

/** A sale at the till (timestamps in China local time, see writer.ts). */
export function storeSale(j: Journey, t: number, store: Store, member: boolean): void {
  const { c, rng, w, run } = j;
  const lines = pickLines(rng, c.gender, null);
  const o = price(rng, lines, { couponChance: member ? 0.3 : 0.05, shippingFen: 0, freeShippingFromFen: 0 });
  c.orders += 1;
  const orderId = `${store.storeId}${chinaDate(t)}${run.seedTag}${String(c.index).padStart(8, '0')}${String(c.orders).padStart(3, '0')}`;
  const ids: Ids = member ? { userId: c.memberNo! } : { anonymousId: `pos-${orderId}` };
  const ctx = posContext(j, store, member, rng.chance(0.85));
  const cashier = rng.pick(store.cashiers);
  const props = orderProperties(orderId, o, PAYMENTS.pick(rng), store.name);
  props.store_id = store.storeId;
  props.store_name = store.name;
  props.store_city = store.city;
  props.cashier_id = cashier.id;
  props.cashier = cashier.name;
  props.pos_terminal = `${store.storeId}-POS0${1 + rng.int(3)}`;
  if (member) props.points_earned = Math.floor(yuan(o.totalFen));
  if (o.coupon !== null) {
    const coupon = couponProperties(orderId, o);
    coupon.store_id = store.storeId;
    w.track('pos', t - 25_000, ids, 'Coupon Redeemed', coupon, ctx);
  }
  w.track('pos', t, ids, 'Order Completed', props, ctx);
  maybeRefund(j, 'pos', ids, ctx, orderId, o, t, 0.03);
}

/** A shopper joins the member programme at the till (no WeChat): the POS identifies them. */
export function storeRegistration(j: Journey, t: number, store: Store): void {
  const { c, w } = j;
  c.memberSince = t;
  c.registrationChannel = '门店';
  const ids: Ids = { userId: c.memberNo! };
  const ctx = posContext(j, store, true, true);
  const traits = profileTraits(j, 'pos');
  traits.store_id = store.storeId;
  w.identify('pos', t, ids, traits, ctx);
  const props = {
    member_no: c.memberNo,
    member_level: c.memberLevel,
    registration_channel: '门店',
    store_id: store.storeId,
    store_name: store.name,
  };
  w.track('pos', t + 1_000, ids, 'Member Registered', props, ctx);
}
