import { BRAND, COUPONS, type Coupon, type Product, randomProduct, randomSku, type Sku } from './catalog.ts';
import type { Gender } from './names.ts';
import type { Rng } from './random.ts';

/**
 * Carts and orders (Segment e-commerce spec). Money is computed in integer fen and written as CNY
 * numbers with at most 2 decimals. Invariants of every 'Order Completed' / 'Checkout Started':
 *
 *   subtotal = Σ products[i].price × products[i].quantity
 *   revenue  = subtotal − discount
 *   total    = subtotal − discount + shipping        (tax is always 0: prices include VAT)
 */

export interface Line {
  readonly sku: Sku;
  readonly quantity: number;
}

export interface Priced {
  readonly lines: readonly Line[];
  readonly subtotalFen: number;
  readonly discountFen: number;
  readonly shippingFen: number;
  readonly totalFen: number;
  readonly coupon: Coupon | null;
}

export function yuan(fen: number): number {
  return fen / 100;
}

function quantity(rng: Rng, p: Product): number {
  const r = rng.next();
  const cheap = p.priceFen < 20_000;
  if (r < (cheap ? 0.78 : 0.93)) return 1;
  if (r < (cheap ? 0.95 : 0.99)) return 2;
  return 3;
}

/** 1–5 distinct lines, starting with `first` when the shopper just looked at it. */
export function pickLines(rng: Rng, gender: Gender, first: Product | null): Line[] {
  const r = rng.next();
  const count = r < 0.6 ? 1 : r < 0.85 ? 2 : r < 0.95 ? 3 : 4 + rng.int(2);
  const lines: Line[] = [];
  const seen = new Set<Product>();
  for (let i = 0; lines.length < count && i < count * 3; i++) {
    const p = i === 0 && first !== null ? first : randomProduct(rng, gender);
    if (seen.has(p)) continue;
    seen.add(p);
    lines.push({ sku: randomSku(rng, p), quantity: quantity(rng, p) });
  }
  return lines;
}

export interface PricingRules {
  /** Probability that a coupon is used (when one applies). */
  readonly couponChance: number;
  /** Shipping fee in fen below the free-shipping threshold (0 = always free). */
  readonly shippingFen: number;
  readonly freeShippingFromFen: number;
}

export function price(rng: Rng, lines: readonly Line[], rules: PricingRules): Priced {
  let subtotalFen = 0;
  for (const l of lines) subtotalFen += l.sku.product.priceFen * l.quantity;
  let coupon: Coupon | null = null;
  let discountFen = 0;
  if (rng.chance(rules.couponChance)) {
    const c = rng.pick(COUPONS);
    if (subtotalFen >= c.minFen) {
      discountFen = c.percentOff > 0 ? Math.floor((subtotalFen * c.percentOff) / 100) : c.offFen;
      if (discountFen >= subtotalFen) discountFen = 0;
      else coupon = c;
    }
  }
  const shippingFen = subtotalFen - discountFen >= rules.freeShippingFromFen ? 0 : rules.shippingFen;
  return {
    lines,
    subtotalFen,
    discountFen,
    shippingFen,
    totalFen: subtotalFen - discountFen + shippingFen,
    coupon,
  };
}

/** A product as in Product Viewed / Product Added (and, with quantity, the items of an order). */
export function productProperties(sku: Sku, quantity?: number): Record<string, unknown> {
  const p = sku.product;
  const props: Record<string, unknown> = {
    product_id: p.productId,
    sku: sku.sku,
    name: p.name,
    category: p.category,
    brand: BRAND,
    price: yuan(p.priceFen),
  };
  if (sku.variant !== '') props.variant = sku.variant;
  if (quantity !== undefined) props.quantity = quantity;
  return props;
}

export function productsOf(lines: readonly Line[]): Array<Record<string, unknown>> {
  return lines.map((l) => productProperties(l.sku, l.quantity));
}

/** Order Completed properties (extra fields such as store_id or platform are merged by the caller). */
export function orderProperties(
  orderId: string,
  o: Priced,
  paymentMethod: string,
  affiliation: string,
): Record<string, unknown> {
  const props: Record<string, unknown> = {
    order_id: orderId,
    affiliation,
    subtotal: yuan(o.subtotalFen),
    discount: yuan(o.discountFen),
    shipping: yuan(o.shippingFen),
    tax: 0,
    total: yuan(o.totalFen),
    revenue: yuan(o.subtotalFen - o.discountFen),
    currency: 'CNY',
    payment_method: paymentMethod,
    products: productsOf(o.lines),
  };
  if (o.coupon !== null) {
    props.coupon = o.coupon.code;
    props.coupon_name = o.coupon.name;
  }
  return props;
}

export function couponProperties(orderId: string, o: Priced): Record<string, unknown> {
  const c = o.coupon!;
  return {
    coupon_id: c.code,
    coupon_name: c.name,
    order_id: orderId,
    discount: yuan(o.discountFen),
    currency: 'CNY',
  };
}

export function refundProperties(orderId: string, o: Priced, reason: string): Record<string, unknown> {
  return {
    order_id: orderId,
    total: yuan(o.totalFen),
    currency: 'CNY',
    reason,
    products: productsOf(o.lines),
  };
}

export const REFUND_REASONS = [
  '尺码不合适',
  '不喜欢/效果不好',
  '七天无理由退货',
  '商品质量问题',
  '发错货',
  '重复下单',
];

/** `yyMMdd` of an instant in China time. */
export function chinaDate(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(2, 10).replaceAll('-', '');
}
