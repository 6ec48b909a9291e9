import {
  CATEGORY_SLUGS,
  type Category,
  type Product,
  productsIn,
  randomProduct,
  randomSku,
  SEARCH_TERMS,
} from './catalog.ts';
import { DAY } from './clock.ts';
import type { Journey } from './journey-state.ts';
import {
  chinaDate,
  couponProperties,
  orderProperties,
  type Priced,
  pickLines,
  price,
  productProperties,
  productsOf,
  REFUND_REASONS,
  refundProperties,
  yuan,
} from './shopping.ts';
import type { DemoSourceKey } from './sources.ts';
import type { Ids } from './writer.ts';

/**
 * The browsing/shopping engine shared by the three digital channels. A channel (web, mini-program,
 * app) is a Surface: it knows how to open a session, render a view (page or screen), log in and sign
 * up; the engine decides what the shopper does.
 */

export type Step =
  | 'home'
  | 'list'
  | 'product'
  | 'search'
  | 'cart'
  | 'checkout'
  | 'success'
  | 'login'
  | 'register'
  | 'member';

export interface ViewDetail {
  readonly product?: Product;
  readonly category?: Category;
  readonly term?: string;
}

export interface SessionPlan {
  /** Log in during this session (if not yet logged in on this device). */
  readonly login: boolean;
  /** Become a member during this session (implies logging in). */
  readonly register: boolean;
  /** Place an order (implies logging in). */
  readonly buy: boolean;
}

export interface Surface {
  readonly source: DemoSourceKey;
  /** Segment `affiliation` of orders placed here. */
  readonly affiliation: string;
  readonly loggedIn: boolean;
  ids(): Ids;
  /** Starts a session (landing page, app opened, mini-program launch); returns the time after it. */
  open(t: number): number;
  /** Emits a page / screen view; the following tracks carry its context. */
  view(t: number, step: Step, detail?: ViewDetail): void;
  /** Context of the current view (`withPage` = false for server-initiated events such as refunds). */
  context(withPage?: boolean): Record<string, unknown>;
  login(t: number): number;
  register(t: number): number;
  paymentMethod(): string;
}

/** Think time between two actions: 5 s – 2 min, in ms. */
export function gap(j: Journey, maxSeconds = 120): number {
  return 5_000 + j.rng.int((maxSeconds - 5) * 1000);
}

const CATEGORY_BY_GENDER: Record<'female' | 'male', readonly Category[]> = {
  female: ['护肤', '护肤', '彩妆', '彩妆', '女装', '女装', '鞋包', '配饰', '香氛'],
  male: ['男装', '男装', '护肤', '鞋包', '配饰', '香氛'],
};

function listViewed(j: Journey, s: Surface, t: number): void {
  const category = j.rng.pick(CATEGORY_BY_GENDER[j.c.gender]);
  s.view(t, 'list', { category });
  const all = productsIn(category);
  const from = j.rng.int(all.length);
  const products: Array<Record<string, unknown>> = [];
  for (let i = 0; i < 4 && i < all.length; i++) {
    const p = all[(from + i) % all.length];
    products.push({ product_id: p.productId, name: p.name, price: yuan(p.priceFen), position: i + 1 });
  }
  j.w.track(
    s.source,
    t + 800,
    s.ids(),
    'Product List Viewed',
    { list_id: CATEGORY_SLUGS[category], category, products },
    s.context(),
  );
}

function searched(j: Journey, s: Surface, t: number): void {
  const term = j.rng.pick(SEARCH_TERMS);
  j.w.track(s.source, t, s.ids(), 'Products Searched', { query: term }, s.context());
  s.view(t + 1_200, 'search', { term });
}

function productViewed(j: Journey, s: Surface, t: number, product: Product): void {
  s.view(t, 'product', { product });
  const props = productProperties(randomSku(j.rng, product));
  props.currency = 'CNY';
  j.w.track(s.source, t + 600, s.ids(), 'Product Viewed', props, s.context());
}

/** One visit: open, browse a few things, maybe log in / sign up, maybe buy. Returns the end time. */
export function runSession(j: Journey, s: Surface, start: number, plan: SessionPlan): number {
  const { rng } = j;
  let t = s.open(start);
  let last: Product | null = null;
  const views = rng.tail(1, 1.6, 10);
  for (let i = 0; i < views; i++) {
    t += gap(j);
    const r = rng.next();
    if (r < 0.22) listViewed(j, s, t);
    else if (r < 0.36) searched(j, s, t);
    else {
      last = randomProduct(rng, j.c.gender);
      productViewed(j, s, t, last);
    }
  }
  if (plan.register && !s.loggedIn) t = s.register(t + gap(j));
  else if ((plan.login || plan.buy) && !s.loggedIn) t = s.login(t + gap(j));
  if (plan.buy) return purchase(j, s, t + gap(j), last);
  if (last !== null && rng.chance(0.12)) {
    const props = productProperties(randomSku(rng, last), 1);
    props.currency = 'CNY';
    j.w.track(s.source, t + gap(j, 30), s.ids(), 'Product Added', props, s.context());
  }
  return t;
}

export function onlineOrderId(j: Journey, t: number): string {
  j.c.orders += 1;
  return `LY${chinaDate(t)}${j.run.seedTag}${String(j.c.index).padStart(8, '0')}${String(j.c.orders).padStart(3, '0')}`;
}

function purchase(j: Journey, s: Surface, start: number, first: Product | null): number {
  const { rng, w } = j;
  const ids = s.ids();
  const lines = pickLines(rng, j.c.gender, first);
  const cartId = rng.hex(16);
  let t = start;
  for (const line of lines) {
    const props = productProperties(line.sku, line.quantity);
    props.cart_id = cartId;
    props.currency = 'CNY';
    w.track(s.source, t, ids, 'Product Added', props, s.context());
    t += gap(j, 60);
  }
  s.view(t, 'cart');
  const orderId = onlineOrderId(j, t);
  const o = price(rng, lines, { couponChance: 0.35, shippingFen: 1_000, freeShippingFromFen: 9_900 });
  t += gap(j, 40);
  s.view(t, 'checkout');
  const checkout: Record<string, unknown> = {
    order_id: orderId,
    value: yuan(o.totalFen),
    revenue: yuan(o.subtotalFen - o.discountFen),
    shipping: yuan(o.shippingFen),
    discount: yuan(o.discountFen),
    currency: 'CNY',
    products: productsOf(o.lines),
  };
  if (o.coupon !== null) checkout.coupon = o.coupon.code;
  w.track(s.source, t + 500, ids, 'Checkout Started', checkout, s.context());
  if (o.coupon !== null)
    w.track(s.source, t + 4_000, ids, 'Coupon Redeemed', couponProperties(orderId, o), s.context());
  t += 15_000 + rng.int(75_000);
  w.track(
    s.source,
    t,
    ids,
    'Order Completed',
    orderProperties(orderId, o, s.paymentMethod(), s.affiliation),
    s.context(),
  );
  s.view(t + 1_500, 'success');
  maybeRefund(j, s.source, ids, s.context(false), orderId, o, t, 0.04);
  return t + 1_500;
}

/** With probability `p`, an 'Order Refunded' 1–14 days later (if still inside the period). */
export function maybeRefund(
  j: Journey,
  source: DemoSourceKey,
  ids: Ids,
  context: Record<string, unknown>,
  orderId: string,
  o: Priced,
  orderedAt: number,
  p: number,
): void {
  if (!j.rng.chance(p)) return;
  const t = orderedAt + DAY + j.rng.int(13 * DAY);
  if (t > j.run.clock.end) return;
  j.w.track(
    source,
    t,
    ids,
    'Order Refunded',
    refundProperties(orderId, o, j.rng.pick(REFUND_REASONS)),
    context,
  );
}
