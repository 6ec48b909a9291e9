import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ApiError } from '@cdp/sdk';
import { sql } from 'kysely';
import { Webhook } from 'standardwebhooks';
import {
  type HttpPeer,
  type RecordedRequest,
  startHttpPeer,
} from '../src/modules/activation/http-peer.test-helper.ts';
import { backends } from './support/backends.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

const SECRET = `whsec_${Buffer.from('a test signing key of 32 bytes!!').toString('base64')}`;

/** Waits until `check` holds (deliveries run in the background as well). */
async function until<T>(
  check: () => Promise<T | undefined | false> | T | undefined | false,
  ms = 15_000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

for (const backend of backends()) {
  describe(`activation: destinations, syncs and the outbox (${backend})`, () => {
    let t: TestServer;
    let peer: HttpPeer;
    let seq = 0;
    /** what the peer accepted, by idempotency key (a retried key would count twice) */
    const accepted = new Map<string, number>();
    let failNext = 0;
    let mode: 'ok' | 'fail' | 'gone' | 'bad' = 'ok';

    const send = async (messages: Array<Record<string, unknown>>) => {
      const batch = messages.map((m) => ({
        messageId: `a-${++seq}`,
        timestamp: new Date().toISOString(),
        ...m,
      }));
      const res = await t.track('/v1/batch', { batch });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      await t.server.app.services.pipeline.drain();
    };
    const deliver = () => t.server.app.services.deliveries.drain();
    const received = (path: string) => peer.requests.filter((r) => r.url === path && acceptedRequest(r));
    const acceptedRequest = (r: RecordedRequest) => (r as RecordedRequest & { ok?: boolean }).ok === true;

    before(async () => {
      peer = await startHttpPeer((request, response) => {
        if (mode === 'gone') return void response.writeHead(410).end('gone');
        if (mode === 'bad') return void response.writeHead(400).end('{"error":"bad field"}');
        if (mode === 'fail' || failNext > 0) {
          failNext = Math.max(0, failNext - 1);
          return void response.writeHead(503).end('busy');
        }
        const key = String(request.headers['webhook-id']);
        accepted.set(key, (accepted.get(key) ?? 0) + 1);
        (request as RecordedRequest & { ok?: boolean }).ok = true;
      });
      t = await startTestServer(backend, {
        CDP_DESTINATION_ALLOW_HOSTS: peer.host,
        CDP_DELIVERY_BACKOFF_BASE_MS: '20',
        CDP_DELIVERY_BACKOFF_CAP_MS: '100',
      });
    });
    after(async () => {
      await t?.stop();
      await peer?.close();
    });

    it('lists destination types with the JSON Schema of their config', async () => {
      const { items } = await t.api.destinations.types();
      const webhook = items.find((i) => i.type === 'webhook');
      assert.ok(webhook, 'webhook type offered');
      assert.deepEqual(webhook.secrets.sort(), ['secretHeaders', 'signingSecret']);
      assert.equal((webhook.configSchema as { type?: string }).type, 'object');
      assert.ok(Object.hasOwn((webhook.configSchema as { properties: object }).properties, 'url'));
      for (const type of ['email', 'sms', 'wechat_template', 'nats', 'redis_stream', 'sql_table'])
        assert.ok(
          items.some((i) => i.type === type),
          `${type} offered`,
        );
    });

    it('refuses private and metadata URLs when a destination is saved (SSRF)', async () => {
      for (const url of [
        'http://169.254.169.254/latest',
        'http://10.0.0.1/hook',
        `http://127.0.0.1:${peer.port + 1}/`,
      ]) {
        const err = (await t.api.destinations
          .create({ name: 'bad', type: 'webhook', config: { url } })
          .catch((e: unknown) => e)) as ApiError;
        assert.equal(err.status, 400, url);
        assert.equal(err.code, 'invalid_destination_config');
      }
    });

    it('keeps secrets write-only and validates the config', async () => {
      const d = await t.api.destinations.create({
        name: '订单 Webhook',
        type: 'webhook',
        config: {
          url: `${peer.url}/secret-check`,
          signingSecret: SECRET,
          secretHeaders: { authorization: 'Bearer x' },
        },
      });
      assert.deepEqual(d.secretsSet, ['secretHeaders', 'signingSecret']);
      assert.equal(JSON.stringify(d).includes('Bearer x'), false);
      assert.equal(JSON.stringify(await t.api.destinations.list()).includes(SECRET), false);
      // changing a shown field keeps the secrets
      const changed = await t.api.destinations.update(d.id, {
        config: { url: `${peer.url}/secret-check-2` },
      });
      assert.deepEqual(changed.secretsSet, ['secretHeaders', 'signingSecret']);
      assert.equal(changed.config.url, `${peer.url}/secret-check-2`);
      const err = (await t.api.destinations
        .create({ name: 'x', type: 'webhook', config: { url: `${peer.url}/`, timeoutMs: 60_000 } })
        .catch((e: unknown) => e)) as ApiError;
      assert.equal(err.status, 400);
      assert.match(err.message, /timeoutMs/);
      const typo = (await t.api.destinations
        .create({ name: 'x', type: 'webhook', config: { url: `${peer.url}/`, signingSecrett: 'x' } })
        .catch((e: unknown) => e)) as ApiError;
      assert.deepEqual([typo.status, typo.path], [400, 'config.signingSecrett']);
      await t.api.destinations.remove(d.id);
    });

    it('forwards the events a sync selects, mapped, signed, each once', async () => {
      const d = await t.api.destinations.create({
        name: 'orders',
        type: 'webhook',
        config: { url: `${peer.url}/orders`, signingSecret: SECRET },
      });
      const sync = await t.api.syncs.create({
        name: '大额订单',
        destinationId: d.id,
        spec: {
          kind: 'events',
          mode: 'realtime',
          filter: {
            events: [
              {
                event: 'Order Completed',
                where: [{ path: ['total'], test: { operator: 'gte', value: 100 } }],
              },
            ],
          },
          mapping: [
            { to: ['order', 'total'], from: ['properties', 'total'] },
            { to: ['user'], from: ['userId'] },
          ],
        },
      });
      await send([
        { type: 'track', userId: 'buyer-1', event: 'Order Completed', properties: { total: 150 } },
        { type: 'track', userId: 'buyer-1', event: 'Order Completed', properties: { total: 20 } },
        { type: 'track', userId: 'buyer-2', event: 'Product Viewed', properties: { total: 500 } },
        { type: 'track', userId: 'buyer-2', event: 'Order Completed', properties: { total: 100 } },
      ]);
      await deliver();
      const got = received('/orders');
      assert.equal(got.length, 2);
      const bodies = got.map((r) => r.json as { data: { order: { total: number }; user: string } });
      assert.deepEqual(
        bodies.map((b) => b.data).sort((a, b) => a.order.total - b.order.total),
        [
          { order: { total: 100 }, user: 'buyer-2' },
          { order: { total: 150 }, user: 'buyer-1' },
        ],
      );
      for (const r of got) {
        assert.match(String(r.headers['webhook-id']), new RegExp(`^${sync.id}:\\d+$`));
        const headers = Object.fromEntries(Object.entries(r.headers).map(([k, v]) => [k, String(v)]));
        assert.doesNotThrow(() => new Webhook(SECRET).verify(r.text, headers), 'signature verifies');
      }
      const metrics = await t.api.destinations.metrics(d.id);
      assert.equal(metrics.delivered, 2);
      assert.equal(metrics.lastHour.delivered, 2);
      assert.ok(metrics.lastHour.p50Ms !== null);
      await t.api.syncs.remove(sync.id);
    });

    it('sends each audience enter and exit, with the profile, in real time', async () => {
      const audience = await t.api.audiences.create({
        name: 'VIP',
        source: {
          kind: 'rule',
          definition: { kind: 'trait', trait: 'level', test: { operator: 'equals', value: 'vip' } },
        },
      });
      await t.server.app.services.audienceRunner.drain();
      const d = await t.api.destinations.create({
        name: 'crm',
        type: 'webhook',
        config: { url: `${peer.url}/vip` },
      });
      const sync = await t.api.syncs.create({
        name: 'VIP → CRM',
        destinationId: d.id,
        spec: { kind: 'audience', audienceId: audience.id, mode: 'realtime' },
      });
      await send([{ type: 'identify', userId: 'vip-1', traits: { level: 'vip', email: 'Vip1@163.COM' } }]);
      await send([{ type: 'identify', userId: 'vip-1', traits: { level: 'normal' } }]);
      await deliver();
      const got = received('/vip').map(
        (r) =>
          r.json as {
            type: string;
            change: string;
            audience: { id: string; name: string };
            profile: { id: string; identifiers: Array<{ type: string; value: string }> };
          },
      );
      assert.deepEqual(
        got.map((g) => g.change),
        ['enter', 'exit'],
      );
      assert.equal(got[0].type, 'audience_change');
      assert.deepEqual(got[0].audience, { id: audience.id, name: 'VIP' });
      const profile = await t.api.profiles.lookup('user_id', 'vip-1');
      assert.equal(got[0].profile.id, profile.id);
      assert.ok(
        got[0].profile.identifiers.some((i) => i.type === 'email' && i.value === 'vip1@163.com'),
        JSON.stringify(got[0].profile),
      );
      await t.api.syncs.remove(sync.id);
    });

    it('never sends to a purpose the person did not consent to, also when already queued', async () => {
      const d = await t.api.destinations.create({
        name: 'marketing hook',
        type: 'webhook',
        config: { url: `${peer.url}/marketing` },
        purposes: ['marketing'],
        enabled: false,
      });
      const sync = await t.api.syncs.create({
        name: 'all tracks',
        destinationId: d.id,
        spec: { kind: 'events', mode: 'realtime', filter: { events: [{ event: 'Coupon Viewed' }] } },
      });
      await send([
        { type: 'track', userId: 'opt-out', event: 'Coupon Viewed' },
        { type: 'track', userId: 'opt-in', event: 'Coupon Viewed' },
      ]);
      // the withdrawal arrives while the deliveries wait in the outbox
      const optOut = await t.api.profiles.lookup('user_id', 'opt-out');
      await sql`update profiles set consent = ${JSON.stringify({ marketing: { granted: false, at: new Date().toISOString() } })}::jsonb
                 where id = ${optOut.id}`.execute(t.server.app.handle.db);
      await t.api.destinations.update(d.id, { enabled: true });
      await deliver();
      const got = received('/marketing').map((r) => (r.json as { event: { userId: string } }).event.userId);
      assert.deepEqual(got, ['opt-in']);
      const suppressed = await t.api.destinations.deliveries(d.id, { status: 'suppressed' });
      assert.equal(suppressed.items.length, 1);
      assert.equal(suppressed.items[0].profileId, optOut.id);
      assert.equal(suppressed.items[0].lastError, 'no consent for marketing');
      await t.api.syncs.remove(sync.id);
    });

    it('retries a failing peer with backoff until each message is delivered once', async () => {
      const d = await t.api.destinations.create({
        name: 'flaky',
        type: 'webhook',
        config: { url: `${peer.url}/flaky` },
      });
      const sync = await t.api.syncs.create({
        name: 'flaky',
        destinationId: d.id,
        spec: { kind: 'events', mode: 'realtime', filter: { events: [{ event: 'Flaky' }] } },
      });
      failNext = 7;
      await send(Array.from({ length: 10 }, (_, i) => ({ type: 'track', userId: `f-${i}`, event: 'Flaky' })));
      await until(async () => received('/flaky').length === 10);
      const keys = received('/flaky').map((r) => String(r.headers['webhook-id']));
      assert.equal(new Set(keys).size, 10);
      for (const k of keys) assert.equal(accepted.get(k), 1, `${k} processed once`);
      const metrics = await until(async () => {
        const m = await t.api.destinations.metrics(d.id);
        return m.delivered === 10 && m;
      });
      assert.ok(
        metrics.lastHour.failedAttempts >= 7,
        `failed attempts counted: ${metrics.lastHour.failedAttempts}`,
      );
      await t.api.syncs.remove(sync.id);
    });

    it('dead-letters a permanent failure, and replays it after the fix with the same key', async () => {
      const d = await t.api.destinations.create({
        name: 'strict',
        type: 'webhook',
        config: { url: `${peer.url}/strict` },
      });
      const sync = await t.api.syncs.create({
        name: 'strict',
        destinationId: d.id,
        spec: { kind: 'events', mode: 'realtime', filter: { events: [{ event: 'Strict' }] } },
      });
      mode = 'bad';
      await send([{ type: 'track', userId: 's-1', event: 'Strict' }]);
      await deliver();
      const dead = await t.api.destinations.deliveries(d.id, { status: 'dead' });
      assert.equal(dead.items.length, 1);
      assert.equal(dead.items[0].lastStatus, 400);
      assert.match(dead.items[0].lastError ?? '', /bad field/);
      mode = 'ok';
      assert.deepEqual(await t.api.destinations.replay(d.id, { status: 'dead' }), { replayed: 1 });
      await deliver();
      const got = received('/strict');
      assert.equal(got.length, 1);
      assert.equal(got[0].headers['webhook-id'], dead.items[0].messageId);
      assert.equal((await t.api.destinations.deliveries(d.id, { status: 'dead' })).items.length, 0);
      await t.api.syncs.remove(sync.id);
    });

    it('disables a destination whose peer answers 410 and keeps its deliveries for later', async () => {
      const d = await t.api.destinations.create({
        name: 'gone',
        type: 'webhook',
        config: { url: `${peer.url}/gone` },
      });
      const sync = await t.api.syncs.create({
        name: 'gone',
        destinationId: d.id,
        spec: { kind: 'events', mode: 'realtime', filter: { events: [{ event: 'Gone' }] } },
      });
      mode = 'gone';
      await send([{ type: 'track', userId: 'g-1', event: 'Gone' }]);
      const disabled = await until(async () => {
        const x = await t.api.destinations.get(d.id);
        return !x.enabled && x;
      });
      assert.match(disabled.disabledReason ?? '', /410/);
      mode = 'ok';
      await until(
        async () => (await t.api.destinations.deliveries(d.id, { status: 'pending' })).items.length === 1,
      );
      await t.api.destinations.update(d.id, { enabled: true });
      await deliver();
      assert.equal(received('/gone').length, 1);
      await t.api.syncs.remove(sync.id);
    });

    it('keeps to a destination’s rate limit', async () => {
      const d = await t.api.destinations.create({
        name: 'slow lane',
        type: 'webhook',
        config: { url: `${peer.url}/rated` },
        ratePerSecond: 5,
      });
      const sync = await t.api.syncs.create({
        name: 'rated',
        destinationId: d.id,
        spec: { kind: 'events', mode: 'realtime', filter: { events: [{ event: 'Rated' }] } },
      });
      await send(Array.from({ length: 15 }, (_, i) => ({ type: 'track', userId: `r-${i}`, event: 'Rated' })));
      const started = Date.now();
      await until(async () => received('/rated').length === 15);
      const times = peer.requests.filter((r) => r.url === '/rated').length;
      // a burst of one second's worth (5), then 5 a second: 15 need about 2 s
      assert.ok(Date.now() - started >= 1_500, `15 deliveries at 5/s took ${Date.now() - started} ms`);
      assert.equal(times, 15);
      await t.api.syncs.remove(sync.id);
    });

    it('a dead destination does not hold up a healthy one', async () => {
      const dead = await t.api.destinations.create({
        name: 'down',
        type: 'webhook',
        config: { url: `${peer.url}/down` },
        concurrency: 2,
      });
      const healthy = await t.api.destinations.create({
        name: 'up',
        type: 'webhook',
        config: { url: `${peer.url}/up` },
      });
      peer.setHandler((request, response) => {
        if (request.url === '/down') {
          setTimeout(() => response.writeHead(503).end(), 2_000);
          return true;
        }
        const key = String(request.headers['webhook-id']);
        accepted.set(key, (accepted.get(key) ?? 0) + 1);
        (request as RecordedRequest & { ok?: boolean }).ok = true;
      });
      const syncs = await Promise.all(
        [dead, healthy].map((d) =>
          t.api.syncs.create({
            name: d.name,
            destinationId: d.id,
            spec: { kind: 'events', mode: 'realtime', filter: { events: [{ event: 'Both' }] } },
          }),
        ),
      );
      const started = Date.now();
      await send(Array.from({ length: 20 }, (_, i) => ({ type: 'track', userId: `b-${i}`, event: 'Both' })));
      await until(async () => received('/up').length === 20);
      assert.ok(Date.now() - started < 2_000, `healthy destination delivered in ${Date.now() - started} ms`);
      for (const s of syncs) await t.api.syncs.remove(s.id);
    });
  });
}
