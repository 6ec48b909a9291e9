import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Message } from '@cdp/protocol';
import {
  DEFAULT_DEMO_NOW,
  DEMO_SOURCES,
  type DemoBatch,
  type DemoOptions,
  estimateDemoMessages,
  generateDemo,
} from './index.ts';

type Msg = Record<string, unknown>;
type Obj = Record<string, unknown>;

const DAY = 86_400_000;
const OPTIONS: DemoOptions = { profiles: 2_000, seed: 42 };

function collect(options: DemoOptions): DemoBatch[] {
  return [...generateDemo(options)];
}

function firstBatches(options: DemoOptions, n: number): string {
  const out: DemoBatch[] = [];
  for (const batch of generateDemo(options)) {
    out.push(batch);
    if (out.length === n) break;
  }
  return JSON.stringify(out);
}

const batches = collect(OPTIONS);
const messages: Array<Msg & { source: string }> = batches.flatMap((b) =>
  b.messages.map((m) => ({ ...m, source: b.source })),
);
const tracks = (event: string) => messages.filter((m) => m.type === 'track' && m.event === event);
const obj = (v: unknown): Obj => v as Obj;

/** 11-digit mainland mobile number with a real prefix (13x, 15x, 17x, 18x, 19x). */
const MOBILE = /^1(3\d|5[0-35-9]|7[013-8]|8\d|9[1358-9])\d{8}$/;
function normalisePhone(raw: string): string {
  return raw.replace(/[\s-]/g, '').replace(/^(\+86|0086|86)(?=1\d{10}$)/, '');
}

function fen(yuan: unknown): number {
  assert.equal(typeof yuan, 'number');
  const f = Math.round((yuan as number) * 100);
  assert.ok(Math.abs(f - (yuan as number) * 100) < 1e-6, `${yuan} has more than 2 decimals`);
  return f;
}

describe('generateDemo', () => {
  test('is deterministic: same seed, same bytes; another seed, other data', () => {
    const a = firstBatches(OPTIONS, 12);
    assert.equal(a, firstBatches(OPTIONS, 12));
    assert.equal(JSON.stringify(batches.slice(0, 12)), a);
    const b = firstBatches({ ...OPTIONS, seed: 43 }, 12);
    assert.notEqual(a, b);
    const ids = (s: string) =>
      new Set((JSON.parse(s) as DemoBatch[]).flatMap((x) => x.messages.map((m) => m.anonymousId)));
    const idsOfB = ids(b);
    const common = [...ids(a)].filter((id) => id !== undefined && idsOfB.has(id));
    assert.equal(common.length, 0, 'different seeds share anonymous ids');
  });

  test('yields batches of 1–500 messages of one known source', () => {
    const keys = new Set(DEMO_SOURCES.map((s) => s.key));
    assert.ok(batches.length > 10);
    for (const b of batches) {
      assert.ok(keys.has(b.source));
      assert.ok(b.messages.length >= 1 && b.messages.length <= 500, `batch of ${b.messages.length}`);
    }
    for (const key of keys)
      assert.ok(
        batches.some((b) => b.source === key),
        `no ${key} batch`,
      );
  });

  test('every message is a valid Segment message', () => {
    const start = DEFAULT_DEMO_NOW.getTime() - 90 * DAY;
    const end = DEFAULT_DEMO_NOW.getTime();
    const seen = new Set<string>();
    const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}(Z|\+08:00)$/;
    for (const { source, ...m } of messages) {
      assert.ok(['identify', 'track', 'page', 'screen', 'alias'].includes(String(m.type)));
      const id = String(m.messageId);
      assert.match(id, /^demo-42-\d+-\d+$/);
      assert.ok(id.length <= 100 && !seen.has(id), `messageId ${id} duplicated`);
      seen.add(id);
      assert.match(String(m.timestamp), iso);
      const t = Date.parse(String(m.timestamp));
      assert.ok(t >= start && t <= end, `timestamp ${m.timestamp} outside the period`);
      assert.ok(typeof m.userId === 'string' || typeof m.anonymousId === 'string', 'no identity');
      if (m.type === 'track') assert.ok(typeof m.event === 'string' && m.event.length > 0);
      if (m.type === 'alias') assert.equal(typeof m.previousId, 'string');
      const ctx = obj(m.context);
      assert.equal(ctx.locale, 'zh-CN');
      assert.equal(typeof obj(ctx.library).name, 'string');
      if (source === 'web' && m.event !== 'Order Refunded') assert.equal(typeof obj(ctx.page).url, 'string');
      if (source === 'app') assert.ok(['ios', 'android'].includes(String(obj(ctx.device).type)));
      const parsed = Message.safeParse(m);
      assert.ok(parsed.success, `${id}: ${parsed.error?.message}`);
      assert.ok(JSON.stringify(m).length < 32 * 1024);
    }
    assert.equal(seen.size, messages.length);
  });

  test('emits the e-commerce, lifecycle and membership events of the brief', () => {
    for (const event of [
      'Product Viewed',
      'Product List Viewed',
      'Products Searched',
      'Product Added',
      'Checkout Started',
      'Order Completed',
      'Order Refunded',
      'Coupon Redeemed',
      'Member Registered',
      'Signed Up',
      'Application Opened',
      'Push Notification Tapped',
    ]) {
      assert.ok(tracks(event).length > 0, `no ${event}`);
    }
    assert.ok(messages.some((m) => m.type === 'screen' && m.source === 'app'));
    assert.ok(messages.some((m) => m.type === 'page' && m.source === 'miniprogram'));
    assert.ok(messages.some((m) => m.type === 'alias'));
    const searches = tracks('Products Searched').map((m) => String(obj(m.properties).query));
    assert.ok(searches.every((q) => /[\u4e00-\u9fff]/.test(q) || /\d/.test(q)));
    assert.ok(tracks('Member Registered').some((m) => m.source === 'miniprogram'));
    assert.ok(tracks('Signed Up').some((m) => m.source === 'miniprogram'));
  });

  test('averages about 10 messages per customer with a long tail', () => {
    const perCustomer = new Map<string, number>();
    for (const m of messages) {
      const customer = String(m.messageId).split('-')[2];
      perCustomer.set(customer, (perCustomer.get(customer) ?? 0) + 1);
    }
    const counts = [...perCustomer.values()].sort((a, b) => a - b);
    const mean = messages.length / OPTIONS.profiles;
    assert.ok(mean > 7 && mean < 14, `mean ${mean}`);
    assert.ok(counts[Math.floor(counts.length / 2)] < mean, 'median should be below the mean');
    assert.ok(counts[counts.length - 1] > 10 * mean, 'some heavy customers');
  });

  test('phones normalise to 11-digit Chinese mobiles, in several typed formats', () => {
    const phones: string[] = [];
    for (const m of messages) {
      const traits = m.type === 'identify' ? obj(m.traits) : obj(obj(m.context).traits ?? {});
      if (traits.phone !== undefined) phones.push(String(traits.phone));
    }
    assert.ok(phones.length > 500);
    for (const p of phones) assert.match(normalisePhone(p), MOBILE, `bad phone ${JSON.stringify(p)}`);
    assert.ok(
      phones.some((p) => /^1\d{10}$/.test(p)),
      'plain',
    );
    assert.ok(
      phones.some((p) => p.startsWith('+86 ')),
      '+86 with spaces',
    );
    assert.ok(
      phones.some((p) => /^\d{3}-\d{4}-\d{4}$/.test(p)),
      'dashes',
    );
    assert.ok(
      phones.some((p) => /^\d{3} \d{4} \d{4}$/.test(p)),
      'spaces',
    );
  });

  test('one phone, e-mail and member number per person', () => {
    const phoneOf = new Map<string, string>();
    const userOfPhone = new Map<string, string>();
    for (const m of messages) {
      if (m.type !== 'identify' || typeof m.userId !== 'string') continue;
      const traits = obj(m.traits);
      assert.match(m.userId, /^M\d{10}$/);
      const phone = normalisePhone(String(traits.phone));
      assert.equal(phoneOf.get(m.userId) ?? phone, phone, 'a member changed phone');
      assert.equal(userOfPhone.get(phone) ?? m.userId, m.userId, 'two members share a phone');
      phoneOf.set(m.userId, phone);
      userOfPhone.set(phone, m.userId);
      if (traits.email !== undefined)
        assert.match(String(traits.email).trim().toLowerCase(), /^[a-z0-9._]+@[a-z0-9.-]+\.[a-z]+$/);
    }
    assert.ok(phoneOf.size > 300);
  });

  test('WeChat identifiers have the real shapes', () => {
    const wechat = messages
      .filter((m) => m.type === 'identify' && obj(m.traits).wechat !== undefined)
      .map((m) => obj(obj(m.traits).wechat));
    assert.ok(wechat.length > 100);
    assert.ok(wechat.some((w) => w.unionId !== undefined));
    for (const w of wechat) {
      if (w.unionId !== undefined) assert.match(String(w.unionId), /^o[A-Za-z0-9_-]{27}$/);
      const openIds = Object.entries(obj(w.openIds));
      assert.ok(openIds.length >= 1);
      for (const [appId, openId] of openIds) {
        assert.match(appId, /^wx[0-9a-f]{16}$/);
        assert.match(String(openId), /^o[A-Za-z0-9_-]{27}$/);
      }
    }
  });

  test('anonymous visitors later log in: identify links the anonymousId to a userId', () => {
    const firstAnonymous = new Map<string, number>();
    for (const m of messages) {
      if (typeof m.anonymousId === 'string' && m.userId === undefined && !firstAnonymous.has(m.anonymousId)) {
        firstAnonymous.set(m.anonymousId, Date.parse(String(m.timestamp)));
      }
    }
    const stitched = new Set<string>();
    for (const m of messages) {
      if (m.type !== 'identify' || typeof m.userId !== 'string' || typeof m.anonymousId !== 'string')
        continue;
      const since = firstAnonymous.get(m.anonymousId);
      if (since !== undefined && since <= Date.parse(String(m.timestamp))) stitched.add(m.anonymousId);
    }
    assert.ok(stitched.size > 100, `only ${stitched.size} anonymous ids are stitched`);
    assert.ok(firstAnonymous.size - stitched.size > 100, 'some visitors must stay anonymous');
    const userIdsPerAnon = new Map<string, Set<string>>();
    for (const m of messages) {
      if (typeof m.anonymousId === 'string' && typeof m.userId === 'string') {
        const set = userIdsPerAnon.get(m.anonymousId) ?? new Set();
        set.add(m.userId);
        userIdsPerAnon.set(m.anonymousId, set);
      }
    }
    for (const set of userIdsPerAnon.values())
      assert.equal(set.size, 1, 'an anonymousId belongs to one person');
  });

  test('store sales without membership carry only a phone to stitch on', () => {
    const pos = tracks('Order Completed').filter((m) => m.source === 'pos');
    assert.ok(pos.some((m) => typeof m.userId === 'string'));
    const guests = pos.filter((m) => m.userId === undefined);
    assert.ok(guests.length > 0);
    assert.ok(guests.some((m) => typeof obj(obj(m.context).traits ?? {}).phone === 'string'));
    for (const m of pos) {
      const p = obj(m.properties);
      assert.match(String(p.store_id), /^S\d{3}$/);
      assert.match(String(p.store_name), /店$/);
      assert.equal(typeof p.cashier, 'string');
    }
    const platforms = new Set(
      tracks('Order Completed')
        .filter((m) => m.source === 'ecommerce')
        .map((m) => obj(m.properties).platform),
    );
    assert.deepEqual([...platforms].sort(), ['douyin', 'jd', 'tmall']);
  });

  test('order amounts add up: subtotal = Σ price × quantity, total = subtotal − discount + shipping', () => {
    const orders = tracks('Order Completed');
    assert.ok(orders.length > 500);
    assert.ok(orders.some((m) => fen(obj(m.properties).discount) > 0));
    const orderIds = new Set<string>();
    for (const m of orders) {
      const p = obj(m.properties);
      assert.equal(p.currency, 'CNY');
      assert.ok(!orderIds.has(String(p.order_id)), `order ${p.order_id} twice`);
      orderIds.add(String(p.order_id));
      const products = p.products as Obj[];
      assert.ok(products.length >= 1);
      let sum = 0;
      for (const item of products) {
        assert.ok(Number.isInteger(item.quantity) && (item.quantity as number) >= 1);
        assert.match(String(item.name), /[\u4e00-\u9fff]/);
        sum += fen(item.price) * (item.quantity as number);
      }
      assert.equal(fen(p.subtotal), sum);
      assert.equal(fen(p.total), sum - fen(p.discount) + fen(p.shipping));
      assert.equal(fen(p.revenue), sum - fen(p.discount));
      assert.ok(fen(p.discount) >= 0 && fen(p.discount) < sum);
      assert.ok(
        ['微信支付', '支付宝', '银联', '现金', '花呗', '京东支付', '抖音支付'].includes(
          String(p.payment_method),
        ),
      );
    }
    for (const m of tracks('Order Refunded')) assert.ok(orderIds.has(String(obj(m.properties).order_id)));
  });

  test("a customer's messages are chronological within each source", () => {
    const last = new Map<string, number>();
    for (const m of messages) {
      const key = `${m.source}/${String(m.messageId).split('-')[2]}`;
      const t = Date.parse(String(m.timestamp));
      assert.ok(t >= (last.get(key) ?? 0), `${m.messageId} goes back in time`);
      last.set(key, t);
    }
  });

  test('honours days and now', () => {
    const now = new Date('2024-06-20T04:00:00.000Z');
    let n = 0;
    for (const b of generateDemo({ profiles: 300, seed: 7, days: 7, now })) {
      for (const m of b.messages) {
        const t = Date.parse(String(m.timestamp));
        assert.ok(t <= now.getTime() && t >= now.getTime() - 7 * DAY);
        n++;
      }
    }
    assert.ok(n > 1000);
  });

  test('rejects invalid options', () => {
    assert.throws(() => [...generateDemo({ profiles: -1, seed: 1 })], RangeError);
    assert.throws(() => [...generateDemo({ profiles: 1.5, seed: 1 })], RangeError);
    assert.throws(() => [...generateDemo({ profiles: 1, seed: Number.NaN })], RangeError);
    assert.throws(() => [...generateDemo({ profiles: 1, seed: 1, days: 0 })], RangeError);
    assert.throws(() => [...generateDemo({ profiles: 1, seed: 1, now: new Date('x') })], RangeError);
    assert.deepEqual([...generateDemo({ profiles: 0, seed: 1 })], []);
  });
});

describe('estimateDemoMessages', () => {
  test('is within ±10 % of the real count', () => {
    const estimate = estimateDemoMessages(OPTIONS);
    assert.ok(
      Math.abs(estimate - messages.length) <= 0.1 * messages.length,
      `${estimate} vs ${messages.length}`,
    );
    const big: DemoOptions = { profiles: 20_000, seed: 3 }; // above the exact-count threshold: sampled
    let real = 0;
    for (const b of generateDemo(big)) real += b.messages.length;
    const sampled = estimateDemoMessages(big);
    assert.ok(Math.abs(sampled - real) <= 0.1 * real, `${sampled} vs ${real}`);
  });
});
