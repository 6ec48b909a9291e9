import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Source, StoredEvent } from '@cdp/protocol';
import type { CdpClient } from '@cdp/sdk';
import RudderAnalytics from '@rudderstack/rudder-sdk-node';
import { Analytics } from '@segment/analytics-node';
import { backends } from './support/backends.ts';
import { startTestServer, type TestServer, type TrackBody } from './support/test-server.ts';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function recordAt(value: Record<string, unknown>, key: string): Record<string, unknown> {
  const v = value[key];
  assert.ok(isRecord(v), `${key} is an object`);
  return v;
}

/** Every event stored for a source (the tests send far fewer than one page). */
async function eventsOf(api: CdpClient, source: Source): Promise<StoredEvent[]> {
  const page = await api.events.list({ sourceId: source.id, limit: 500 });
  assert.equal(page.nextCursor, null);
  return page.items;
}

/** Asserts the SDK sent its own clock reading and the stored time is within the test's run. */
function assertSensibleTime(e: StoredEvent, startedAt: number): void {
  const now = Date.now() + 1000;
  for (const [field, value] of [
    ['timestamp', e.timestamp],
    ['originalTimestamp', e.originalTimestamp],
    ['sentAt', e.sentAt],
    ['receivedAt', e.receivedAt],
  ] as const) {
    assert.ok(value, `${e.type}.${field} is set`);
    const ms = Date.parse(value);
    assert.ok(ms >= startedAt - 1000 && ms <= now, `${e.type}.${field} ${value} lies within the test run`);
  }
  // One clock on both ends: never future/ancient. (clock_skew_corrected only if a request took > 1 s.)
  const unexpected = e.flags.filter((f) => f !== 'clock_skew_corrected');
  assert.deepEqual(unexpected, [], `${e.type}: no timestamp or sanitizing flags`);
  assert.ok(Date.parse(e.timestamp) <= Date.parse(e.receivedAt), `${e.type}: happened before it arrived`);
}

const libraryName = (e: StoredEvent) => recordAt(recordAt(e.message, 'context'), 'library').name;

/** A promise settled by a Node-style delivery callback: rejects on an error, resolves with the second argument. */
function delivery<T>(): { callback: (err?: unknown, value?: T) => void; done: Promise<T | undefined> } {
  let callback: (err?: unknown, value?: T) => void = () => {};
  const done = new Promise<T | undefined>((resolve, reject) => {
    callback = (err, value) =>
      err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(value);
  });
  return { callback, done };
}

interface ProxiedRequest {
  readonly retryCount: string | undefined;
  /** What the test server answered, when the request reached it. */
  readonly upstream: { status: number; body: TrackBody } | null;
  /** What the client was told. */
  readonly status: number;
}

type Fault = 'refuse-first' | 'lose-first-ack';

const FORWARDED_HEADERS = ['content-type', 'content-encoding', 'authorization', 'user-agent'] as const;

/**
 * A loopback HTTP proxy in front of the test server that breaks the first request:
 * `refuse-first` answers it 503 without forwarding it; `lose-first-ack` forwards it, lets the server
 * store it, then tells the client 503 — an acknowledgement lost on the way back.
 */
async function startFaultyProxy(target: string, fault: Fault) {
  const log: ProxiedRequest[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const first = log.length === 0;
    const retryCount = header(req.headers, 'x-retry-count');
    if (first && fault === 'refuse-first') {
      log.push({ retryCount, upstream: null, status: 503 });
      res.writeHead(503, { 'content-type': 'text/plain' }).end('injected 503');
      return;
    }
    const headers: Record<string, string> = {};
    for (const name of FORWARDED_HEADERS) {
      const value = header(req.headers, name);
      if (value) headers[name] = value;
    }
    const upstream = await fetch(`${target}${req.url}`, {
      method: req.method,
      headers,
      body: Buffer.concat(chunks),
    });
    const text = await upstream.text();
    const body = JSON.parse(text) as TrackBody;
    const status = first && fault === 'lose-first-ack' ? 503 : upstream.status;
    log.push({ retryCount, upstream: { status: upstream.status, body }, status });
    res
      .writeHead(status, { 'content-type': 'application/json' })
      .end(status === upstream.status ? text : '{"error":"injected 503"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

const PRODUCT = { 商品: '小米手机 14', 城市: '北京', 价格: 4999, 标签: ['新品', '🔥'] };
const TRAITS = { name: '张三', email: 'zhangsan@example.cn', plan: '企业版' };

for (const backend of backends()) {
  describe(`real SDK clients (${backend})`, () => {
    let t: TestServer;
    before(async () => {
      t = await startTestServer(backend);
    });
    after(() => t.stop());

    it('stores every call of @segment/analytics-node exactly once, field by field', async () => {
      const source = await t.api.sources.create({ name: 'Segment Node SDK', type: 'server' });
      const startedAt = Date.now();
      const analytics = new Analytics({ writeKey: source.writeKey, host: t.url, flushAt: 1, maxRetries: 3 });
      const sent = new Map<string, Promise<string>>();
      const call = (
        label: string,
        send: (cb: (err?: unknown, ctx?: { event: { messageId?: string } }) => void) => void,
      ) => {
        const d = delivery<{ event: { messageId?: string } }>();
        send(d.callback);
        sent.set(
          label,
          d.done.then((ctx) => ctx?.event.messageId ?? assert.fail(`${label}: no messageId`)),
        );
      };
      call('identify', (cb) => analytics.identify({ userId: 'seg-用户-1', traits: TRAITS }, cb));
      call('track', (cb) =>
        analytics.track({ userId: 'seg-用户-1', event: '下单成功', properties: PRODUCT }, cb),
      );
      call('page', (cb) =>
        analytics.page({ anonymousId: 'seg-anon-1', name: '首页', properties: { path: '/首页' } }, cb),
      );
      call('screen', (cb) =>
        analytics.screen({ userId: 'seg-用户-1', name: '购物车', properties: { items: 2 } }, cb),
      );
      call('group', (cb) =>
        analytics.group({ userId: 'seg-用户-1', groupId: 'seg-公司-1', traits: { name: '小米科技' } }, cb),
      );
      call('alias', (cb) => analytics.alias({ userId: 'seg-用户-1', previousId: 'seg-anon-1' }, cb));
      await analytics.closeAndFlush();
      const ids = new Map<string, string>();
      for (const [label, p] of sent) ids.set(label, await p);

      const events = await eventsOf(t.api, source);
      assert.equal(events.length, 6, 'six calls, six events');
      const byId = (label: string): StoredEvent => {
        const matches = events.filter((e) => e.messageId === ids.get(label));
        assert.equal(matches.length, 1, `${label} stored exactly once`);
        return matches[0];
      };
      for (const label of ids.keys()) {
        const e = byId(label);
        assert.equal(e.type, label);
        assert.equal(libraryName(e), '@segment/analytics-node');
        assertSensibleTime(e, startedAt);
      }
      const identify = byId('identify');
      assert.equal(identify.userId, 'seg-用户-1');
      assert.deepEqual(identify.message.traits, TRAITS);
      const track = byId('track');
      assert.equal(track.event, '下单成功');
      assert.deepEqual(track.message.properties, PRODUCT);
      const page = byId('page');
      assert.equal(page.anonymousId, 'seg-anon-1');
      assert.equal(page.userId, null);
      assert.equal(page.name, '首页');
      assert.equal(recordAt(page.message, 'properties').path, '/首页');
      const screen = byId('screen');
      assert.equal(screen.name, '购物车');
      assert.equal(recordAt(screen.message, 'properties').items, 2);
      const group = byId('group');
      assert.equal(group.message.groupId, 'seg-公司-1');
      assert.deepEqual(group.message.traits, { name: '小米科技' });
      const alias = byId('alias');
      assert.equal(alias.userId, 'seg-用户-1');
      assert.equal(alias.message.previousId, 'seg-anon-1');
    });

    it('stores every call of @rudderstack/rudder-sdk-node exactly once, field by field', async () => {
      const source = await t.api.sources.create({ name: 'RudderStack Node SDK', type: 'server' });
      const startedAt = Date.now();
      // gzip is on by default: this also exercises gzip-encoded batches.
      // It labels its gzipped JSON batches application/x-www-form-urlencoded (axios's default for a Buffer).
      const failures: unknown[] = [];
      const client = new RudderAnalytics(source.writeKey, {
        dataPlaneUrl: t.url,
        flushAt: 1,
        flushInterval: 200,
        logLevel: 'error',
        errorHandler: (err) => failures.push(err),
      });
      const done: Promise<unknown>[] = [];
      // The per-call callback fires when that call's batch was answered; flush() alone can resolve
      // before concurrent batches finish.
      const cb = () => {
        const d = delivery<unknown>();
        done.push(d.done);
        return d.callback;
      };
      client.identify({ userId: 'rs-用户-1', traits: TRAITS }, cb());
      client.track({ userId: 'rs-用户-1', event: '加入购物车', properties: PRODUCT }, cb());
      client.page({ anonymousId: 'rs-anon-1', name: '商品详情', properties: { path: '/商品/1' } }, cb());
      client.screen({ userId: 'rs-用户-1', name: '结算页', properties: { step: 2 } }, cb());
      client.group({ userId: 'rs-用户-1', groupId: 'rs-公司-1', traits: { name: '字节跳动' } }, cb());
      client.alias({ userId: 'rs-用户-1', previousId: 'rs-anon-1' }, cb());
      await client.flush();
      await Promise.all(done);
      assert.deepEqual(failures, [], 'every batch was accepted');

      const events = await eventsOf(t.api, source);
      assert.equal(events.length, 6, 'six calls, six events');
      assert.equal(new Set(events.map((e) => e.messageId)).size, 6, 'six distinct messageIds');
      const ofType = (type: string): StoredEvent => {
        const matches = events.filter((e) => e.type === type);
        assert.equal(matches.length, 1, `${type} stored exactly once`);
        return matches[0];
      };
      for (const e of events) {
        // rudder-sdk-node 3.x reports itself as "analytics-node" (its Segment heritage) with channel "server".
        assert.equal(libraryName(e), 'analytics-node');
        assert.equal(e.message.channel, 'server');
        assertSensibleTime(e, startedAt);
      }
      const identify = ofType('identify');
      assert.equal(identify.userId, 'rs-用户-1');
      assert.deepEqual(identify.message.traits, TRAITS);
      const track = ofType('track');
      assert.equal(track.event, '加入购物车');
      assert.deepEqual(track.message.properties, PRODUCT);
      const page = ofType('page');
      assert.equal(page.anonymousId, 'rs-anon-1');
      assert.equal(page.name, '商品详情');
      assert.equal(recordAt(page.message, 'properties').path, '/商品/1');
      const screen = ofType('screen');
      assert.equal(screen.name, '结算页');
      assert.equal(recordAt(screen.message, 'properties').step, 2);
      const group = ofType('group');
      assert.equal(group.message.groupId, 'rs-公司-1');
      assert.deepEqual(group.message.traits, { name: '字节跳动' });
      const alias = ofType('alias');
      assert.equal(alias.userId, 'rs-用户-1');
      assert.equal(alias.message.previousId, 'rs-anon-1');
    });

    it('analytics-node retries a batch refused with 503 and it is stored once', async () => {
      const source = await t.api.sources.create({ name: 'Segment Refused', type: 'server' });
      const proxy = await startFaultyProxy(t.url, 'refuse-first');
      try {
        const analytics = new Analytics({
          writeKey: source.writeKey,
          host: proxy.url,
          flushAt: 3,
          maxRetries: 3,
        });
        const d = [delivery(), delivery(), delivery()];
        analytics.track({ userId: 'u-503', event: 'Refused Once', properties: { n: 1 } }, d[0].callback);
        analytics.track({ userId: 'u-503', event: 'Refused Once', properties: { n: 2 } }, d[1].callback);
        analytics.identify({ userId: 'u-503', traits: { 名字: '李四' } }, d[2].callback);
        await analytics.closeAndFlush();
        await Promise.all(d.map((x) => x.done));

        assert.deepEqual(
          proxy.log.map((r) => [r.status, r.retryCount]),
          [
            [503, undefined],
            [200, '1'],
          ],
          'refused once, retried once',
        );
        assert.equal(proxy.log[1].upstream?.body.accepted, 3);
        const events = await eventsOf(t.api, source);
        assert.equal(events.length, 3);
        assert.deepEqual(events.map((e) => e.type).sort(), ['identify', 'track', 'track']);
      } finally {
        await proxy.close();
      }
    });

    it('analytics-node retries after a lost acknowledgement and the retry is deduplicated', async () => {
      const source = await t.api.sources.create({ name: 'Segment Lost Ack', type: 'server' });
      const proxy = await startFaultyProxy(t.url, 'lose-first-ack');
      try {
        const analytics = new Analytics({
          writeKey: source.writeKey,
          host: proxy.url,
          flushAt: 3,
          maxRetries: 3,
        });
        const d = [
          delivery<{ event: { messageId?: string } }>(),
          delivery<{ event: { messageId?: string } }>(),
          delivery<{ event: { messageId?: string } }>(),
        ];
        analytics.track(
          { userId: 'u-ack', event: 'Lost Ack', properties: { n: 1, 文本: '你好' } },
          d[0].callback,
        );
        analytics.track({ userId: 'u-ack', event: 'Lost Ack', properties: { n: 2 } }, d[1].callback);
        analytics.page({ userId: 'u-ack', name: 'Lost Ack Page' }, d[2].callback);
        await analytics.closeAndFlush();
        const ids = (await Promise.all(d.map((x) => x.done))).map((ctx) => ctx?.event.messageId);

        assert.equal(proxy.log.length, 2, 'the SDK sent the batch twice');
        const [first, retry] = proxy.log;
        assert.deepEqual(
          [first.upstream?.status, first.status],
          [200, 503],
          'stored, but the client was told 503',
        );
        assert.deepEqual([first.upstream?.body.accepted, first.upstream?.body.duplicates], [3, 0]);
        assert.equal(retry.retryCount, '1');
        assert.deepEqual(
          [retry.status, retry.upstream?.body.accepted, retry.upstream?.body.duplicates],
          [200, 0, 3],
          'the retry is all duplicates',
        );

        const events = await eventsOf(t.api, source);
        assert.equal(events.length, 3, 'stored exactly once');
        assert.deepEqual(new Set(events.map((e) => e.messageId)), new Set(ids));
        const first1 = events.find((e) => isRecord(e.message.properties) && e.message.properties.n === 1);
        assert.ok(first1, 'the first track is stored');
        assert.equal(recordAt(first1.message, 'properties').文本, '你好');
      } finally {
        await proxy.close();
      }
    });
  });
}
