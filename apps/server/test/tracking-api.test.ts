import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { backends } from './support/backends.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

const golden = JSON.parse(
  readFileSync(new URL('../../../packages/protocol/fixtures/golden-messages.json', import.meta.url), 'utf8'),
) as {
  context: Record<string, unknown>;
  messages: Array<Record<string, unknown>>;
};

for (const backend of backends()) {
  describe(`tracking API (${backend})`, () => {
    let t: TestServer;
    before(async () => {
      t = await startTestServer(backend);
    });
    after(() => t.stop());

    it('stores every golden message of each type and reads it back field by field', async () => {
      for (const m of golden.messages) {
        const sent = { ...m, context: golden.context, sentAt: m.timestamp };
        const res = await t.track(`/v1/${m.type}`, sent);
        assert.equal(res.status, 200, JSON.stringify(res.body));
        assert.deepEqual(res.body, { success: true, accepted: 1, duplicates: 0, rejected: [] });
      }
      const page = await t.api.events.list({ limit: 50 });
      assert.equal(page.items.length, golden.messages.length);
      for (const m of golden.messages) {
        const stored = page.items.find((e) => e.messageId === m.messageId);
        assert.ok(stored, `message ${m.messageId} stored`);
        assert.equal(stored.sourceId, t.source.id);
        assert.equal(stored.type, m.type);
        const back = stored.message;
        for (const [key, value] of Object.entries(m)) {
          if (key === 'timestamp') continue;
          assert.deepEqual(back[key], value, `${m.type}.${key} round-trips`);
        }
        assert.deepEqual(back.context, golden.context, `${m.type}.context round-trips`);
        // sentAt = timestamp, so no skew: the stored timestamp is the client's.
        assert.equal(stored.originalTimestamp, m.timestamp);
        assert.equal(stored.sentAt, m.timestamp);
        assert.ok(Math.abs(Date.parse(stored.timestamp) - Date.parse(stored.receivedAt)) < 5000);
      }
    });

    it('accepts the batch endpoint and the analytics.js short paths', async () => {
      const batch = golden.messages.map((m) => ({ ...m, messageId: `batch-${m.messageId}` }));
      const res = await t.track('/v1/batch', {
        batch,
        context: { library: { name: 'batch-lib' } },
        sentAt: new Date().toISOString(),
      });
      assert.equal(res.status, 200);
      assert.equal(res.body.accepted, batch.length);
      for (const [short, type] of Object.entries({
        t: 'track',
        i: 'identify',
        p: 'page',
        s: 'screen',
        g: 'group',
        a: 'alias',
      })) {
        const m = golden.messages.find((x) => x.type === type)!;
        const r = await t.track(`/v1/${short}`, { ...m, type: undefined, messageId: `short-${short}` });
        assert.equal(r.status, 200, `/v1/${short}: ${JSON.stringify(r.body)}`);
      }
      const b = await t.track('/v1/b', {
        batch: [{ type: 'track', event: 'Short Batch', userId: 'u', messageId: 'short-b' }],
      });
      assert.equal(b.body.accepted, 1);
      const stored = await t.api.events.list({ event: 'Short Batch' });
      assert.equal(stored.items.length, 1);
      const lib = await t.api.events.list({ type: 'alias', limit: 10 });
      assert.ok(
        lib.items.some(
          (e) => (e.message.context as { library?: { name?: string } }).library?.name === 'batch-lib',
        ),
      );
    });

    it('takes the write key from Basic auth, from the body, and text/plain and gzip bodies', async () => {
      const body = {
        userId: 'u-body',
        event: 'Key In Body',
        writeKey: t.source.writeKey,
        messageId: 'key-body',
      };
      const res = await fetch(`${t.url}/v1/track`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify(body),
      });
      assert.equal(res.status, 200);
      const gz = gzipSync(
        JSON.stringify({ batch: [{ type: 'track', userId: 'u-gz', event: 'Gzipped', messageId: 'gz-1' }] }),
      );
      const g = await t.track('/v1/batch', gz, { headers: { 'content-encoding': 'gzip' } });
      assert.equal(g.status, 200, JSON.stringify(g.body));
      assert.equal(g.body.accepted, 1);
      assert.equal((await t.api.events.list({ event: 'Gzipped' })).items.length, 1);
      assert.equal((await t.api.events.list({ event: 'Key In Body' })).items.length, 1);
    });

    it('answers CORS preflights for browsers', async () => {
      const res = await fetch(`${t.url}/v1/t`, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://shop.example.cn',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
      assert.equal(res.status, 204);
      assert.equal(res.headers.get('access-control-allow-origin'), 'https://shop.example.cn');
    });

    it('corrects client clock skew and flags far-future and ancient timestamps', async () => {
      const now = Date.now();
      const skewed = await t.track('/v1/track', {
        userId: 'skew',
        event: 'Skewed',
        messageId: 'skew-1',
        timestamp: new Date(now + 3_600_000 - 60_000).toISOString(),
        sentAt: new Date(now + 3_600_000).toISOString(),
      });
      assert.equal(skewed.status, 200);
      const [e] = (await t.api.events.list({ event: 'Skewed' })).items;
      // Device clock is 1 h fast: the event happened a minute before it was sent.
      const expected = Date.parse(e.receivedAt) - 60_000;
      assert.ok(Math.abs(Date.parse(e.timestamp) - expected) < 50, `${e.timestamp} ≈ receivedAt − 60 s`);
      assert.ok(e.flags.includes('clock_skew_corrected'));
      assert.equal(e.originalTimestamp, new Date(now + 3_600_000 - 60_000).toISOString());

      await t.track('/v1/track', {
        userId: 'f',
        event: 'Future',
        messageId: 'fut-1',
        timestamp: '2099-01-01T00:00:00Z',
      });
      await t.track('/v1/track', {
        userId: 'f',
        event: 'Ancient',
        messageId: 'old-1',
        timestamp: '1970-01-01T00:00:00Z',
      });
      const [future] = (await t.api.events.list({ event: 'Future' })).items;
      const [ancient] = (await t.api.events.list({ event: 'Ancient' })).items;
      assert.deepEqual(future.flags, ['future_timestamp']);
      assert.equal(future.timestamp, '2099-01-01T00:00:00.000Z');
      assert.deepEqual(ancient.flags, ['ancient_timestamp']);
    });

    it('stores a retried messageId once and counts it as a duplicate', async () => {
      const m = { userId: 'dup', event: 'Dup', messageId: 'dup-1', properties: { n: 1 } };
      const first = await t.track('/v1/track', m);
      const again = await t.track('/v1/track', { ...m, sentAt: new Date().toISOString() });
      const batchTwice = await t.track('/v1/batch', {
        batch: [
          { ...m, type: 'track' },
          { ...m, type: 'track' },
        ],
      });
      const conflicting = await t.track('/v1/track', { ...m, properties: { n: 2 } });
      assert.deepEqual(
        [first.body.accepted, again.body.accepted, batchTwice.body.accepted, conflicting.body.accepted],
        [1, 0, 0, 0],
      );
      assert.deepEqual(
        [again.body.duplicates, batchTwice.body.duplicates, conflicting.body.duplicates],
        [1, 2, 1],
      );
      const stored = await t.api.events.list({ event: 'Dup' });
      assert.equal(stored.items.length, 1);
      assert.deepEqual(stored.items[0].message.properties, { n: 1 }, 'first write wins');
      const metrics = await (await fetch(`${t.url}/metrics`)).text();
      assert.match(metrics, /cdp_ingest_dedupe_conflicts_total [1-9]/);
    });

    it('serves SDK settings that point analytics.js and RudderStack back at this server', async () => {
      const res = await fetch(`${t.url}/v1/projects/${t.source.writeKey}/settings`);
      assert.equal(res.status, 200);
      const settings = (await res.json()) as {
        integrations: Record<string, { apiHost: string; apiKey: string; protocol: string }>;
      };
      assert.equal(settings.integrations['Segment.io'].apiHost, `${new URL(t.url).host}/v1`);
      assert.equal(settings.integrations['Segment.io'].protocol, 'http');
      assert.equal((await fetch(`${t.url}/v1/projects/nope/settings`)).status, 401);
      const rs = await fetch(`${t.url}/sourceConfig/?p=npm&v=3.0.0`, {
        headers: { authorization: `Basic ${Buffer.from(`${t.source.writeKey}:`).toString('base64')}` },
      });
      assert.equal(rs.status, 200);
      const cfg = (await rs.json()) as { source: { id: string; enabled: boolean; destinations: unknown[] } };
      assert.equal(cfg.source.id, t.source.id);
      assert.equal(cfg.source.enabled, true);
    });
  });
}
