import { typedPhone } from './contact.ts';
import { ECOMMERCE_LIBRARY } from './devices.ts';
import type { Journey } from './journey-state.ts';
import { Rng } from './random.ts';
import { maybeRefund } from './session.ts';
import { orderProperties, pickLines, price } from './shopping.ts';
import { MARKETPLACES, type Platform } from './stores.ts';
import type { Ids } from './writer.ts';

/**
 * Orders on Tmall / JD / Douyin shops, synced server-side. Shoppers who bound their membership
 * (会员通) are keyed by member number (userId); others by the platform's buyer id as anonymousId
 * (`tmall:AAH…`, `jd:jd_…`, `douyin:_000…`, stable per person). The receiver's phone is always in
 * context.traits.phone. properties.platform is 'tmall' | 'jd' | 'douyin'.
 */

function buyerId(j: Journey, platform: Platform): string {
  const rng = new Rng(j.run.seed, 7, j.c.index);
  if (platform === 'tmall') return `tmall:AAH${rng.base64url(21)}`;
  if (platform === 'jd') return `jd:jd_${rng.hex(13)}`;
  return `douyin:_000${rng.base64url(24)}`;
}

function platformOrderId(j: Journey, platform: Platform): string {
  const { c, run, rng } = j;
  c.orders += 1;
  const seq = String(c.orders).padStart(3, '0');
  if (platform === 'tmall') return `2${run.seedTag}${String(c.index).padStart(10, '0')}${seq}${rng.int(10)}`;
  if (platform === 'jd') return `3${run.seedTag}${String(c.index).padStart(8, '0')}${seq}`;
  return `69${run.seedTag}${String(c.index).padStart(10, '0')}${seq}`;
}

export function marketplaceOrder(j: Journey, t: number, platform: Platform, bound: boolean): void {
  const { c, rng, w } = j;
  const m = MARKETPLACES[platform];
  const lines = pickLines(rng, c.gender, null);
  const o = price(rng, lines, { couponChance: 0.45, shippingFen: 0, freeShippingFromFen: 0 });
  const orderId = platformOrderId(j, platform);
  const ids: Ids = bound ? { userId: c.memberNo! } : { anonymousId: buyerId(j, platform) };
  const traits: Record<string, unknown> = { phone: typedPhone(rng, c.phone) };
  if (bound) traits.member_no = c.memberNo;
  const ctx: Record<string, unknown> = {
    library: ECOMMERCE_LIBRARY,
    locale: 'zh-CN',
    timezone: 'Asia/Shanghai',
    traits,
  };
  const props = orderProperties(orderId, o, m.payments.pick(rng), m.shopName);
  props.platform = platform;
  props.platform_name = m.platformName;
  props.shop_name = m.shopName;
  props.shipping_address = { province: c.region.province, city: c.region.city };
  w.track('ecommerce', t, ids, 'Order Completed', props, ctx);
  maybeRefund(j, 'ecommerce', ids, ctx, orderId, o, t, 0.08);
}
