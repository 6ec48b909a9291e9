import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { deflateSync, gzipSync } from 'node:zlib';
import type { MessageProblem, QuarantineItem, RejectedItem, StoredEvent } from '@cdp/protocol';
import type { CdpClient } from '@cdp/sdk';
import { backends } from './support/backends.ts';
import { startTestServer, type TestServer, type TrackBody } from './support/test-server.ts';

type TrackInit = Parameters<TestServer['track']>[2];
type TrackResult = Awaited<ReturnType<TestServer['track']>>;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every stored event of the workspace, paging through the API. */
async function allEvents(api: CdpClient): Promise<StoredEvent[]> {
  const out: StoredEvent[] = [];
  let before: string | undefined;
  do {
    const page = await api.events.list({ limit: 500, before });
    out.push(...page.items);
    before = page.nextCursor ?? undefined;
  } while (before);
  return out;
}

/** Every quarantined message of the workspace, paging through the API. */
async function allQuarantined(api: CdpClient): Promise<QuarantineItem[]> {
  const out: QuarantineItem[] = [];
  let before: string | undefined;
  do {
    const page = await api.quarantine.list({ limit: 500, before });
    out.push(...page.items);
    before = page.nextCursor ?? undefined;
  } while (before);
  return out;
}

/** The one event stored under a messageId (fails when there is not exactly one). */
async function storedOnce(api: CdpClient, event: string, messageId: string): Promise<StoredEvent> {
  const matches = (await api.events.list({ event, limit: 500 })).items.filter(
    (e) => e.messageId === messageId,
  );
  assert.equal(matches.length, 1, `exactly one stored event ${messageId}`);
  return matches[0];
}

function propertiesOf(e: StoredEvent): Record<string, unknown> {
  const p = e.message.properties;
  assert.ok(isRecord(p), `event ${e.messageId} has properties`);
  return p;
}

function only<T>(items: readonly T[] | undefined, what: string): T {
  assert.equal(items?.length, 1, `exactly one ${what}`);
  return (items as readonly T[])[0];
}

const problemOf = (r: RejectedItem): MessageProblem =>
  only(r.problems, `problem of rejected item ${r.index}`);

/** The messages a request carried, as the server will read them (undefined when it cannot be read). */
function messagesIn(path: string, body: unknown): unknown[] {
  let value = body;
  if (typeof body === 'string') {
    try {
      value = JSON.parse(body);
    } catch {
      return [];
    }
  } else if (body instanceof Uint8Array) {
    return [];
  }
  const isBatch = path === '/v1/batch' || path === '/v1/b' || path === '/v1/import';
  if (!isBatch) return [value];
  return isRecord(value) && Array.isArray(value.batch) ? value.batch : [];
}

/**
 * Every tracking answer of one suite: no 5xx ever, and a record of what was accepted so the last
 * test can prove that nothing accepted was lost and nothing rejected went unquarantined.
 */
class Ledger {
  accepted = 0;
  rejected = 0;
  readonly acceptedIds = new Set<string>();

  async send(t: TestServer, path: string, body: unknown, init?: TrackInit): Promise<TrackResult> {
    const res = await t.track(path, body, init);
    assert.ok(res.status < 500, `never a 5xx: ${res.status} ${JSON.stringify(res.body)}`);
    this.note(path, body, res.body);
    return res;
  }

  note(path: string, sent: unknown, answer: TrackBody): void {
    if (answer.accepted === undefined) return; // refused whole: nothing stored, nothing quarantined
    this.accepted += answer.accepted;
    this.rejected += answer.rejected?.length ?? 0;
    const rejectedAt = new Set((answer.rejected ?? []).map((r) => r.index));
    messagesIn(path, sent).forEach((m, i) => {
      if (!rejectedAt.has(i) && isRecord(m) && typeof m.messageId === 'string')
        this.acceptedIds.add(m.messageId);
    });
  }
}

const track = (event: string, messageId: string, extra: Record<string, unknown> = {}) => ({
  type: 'track',
  userId: 'u-bad-input',
  event,
  messageId,
  ...extra,
});

for (const backend of backends()) {
  describe(`tracking API bad input (${backend})`, () => {
    let t: TestServer;
    const ledger = new Ledger();
    const send = (path: string, body: unknown, init?: TrackInit) => ledger.send(t, path, body, init);

    before(async () => {
      t = await startTestServer(backend);
    });
    after(() => t.stop());

    // ── Bodies the server cannot read ────────────────────────────────────────────────────────────

    it('answers 400 invalid_json to malformed JSON', async () => {
      const res = await send('/v1/track', '{"userId":"u","event":');
      assert.equal(res.status, 400);
      assert.equal(res.body.error?.code, 'invalid_json');
    });

    it('answers 400 invalid_json to an empty body sent as JSON', async () => {
      const res = await send('/v1/batch', '');
      assert.equal(res.status, 400);
      assert.equal(res.body.error?.code, 'invalid_json');
    });

    it('answers 415 to a Content-Type it does not read', async () => {
      const res = await send('/v1/track', '<track><event>X</event></track>', {
        headers: { 'content-type': 'application/xml' },
      });
      assert.equal(res.status, 415);
      assert.equal(res.body.error?.code, 'unsupported_media_type');
    });

    it('reads JSON labelled form-urlencoded (as rudder-sdk-node sends it) and refuses real form data with invalid_json', async () => {
      const headers = { 'content-type': 'application/x-www-form-urlencoded' };
      const json = await send('/v1/track', JSON.stringify(track('Form Labelled', 'form-1')), { headers });
      assert.equal(json.status, 200);
      await storedOnce(t.api, 'Form Labelled', 'form-1');
      const form = await send('/v1/track', 'userId=u&event=Form', { headers });
      assert.equal(form.status, 400);
      assert.equal(form.body.error?.code, 'invalid_json');
    });

    it('answers 415 invalid_encoding to an unsupported Content-Encoding', async () => {
      const res = await send('/v1/track', JSON.stringify(track('Brotli', 'br-1')), {
        headers: { 'content-encoding': 'br' },
      });
      assert.equal(res.status, 415);
      assert.equal(res.body.error?.code, 'invalid_encoding');
      assert.match(res.body.error?.message ?? '', /br/);
    });

    // ── Size limits ──────────────────────────────────────────────────────────────────────────────

    it('refuses a single message over 32 KB with event_too_large naming the largest fields', async () => {
      const big = {
        userId: 'u',
        event: 'Too Big',
        messageId: 'big-1',
        properties: { blob: 'x'.repeat(40_000) },
        traits: { t: 'y'.repeat(1000) },
      };
      const res = await send('/v1/track', big);
      assert.equal(res.status, 400);
      assert.equal(res.body.error?.code, 'event_too_large');
      const message = res.body.error?.message ?? '';
      assert.match(message, /limit is 32768/);
      assert.match(
        message,
        /largest: properties=\d+ B, traits=\d+ B/,
        'the biggest fields come first, with their sizes',
      );
      const rejected = only(res.body.rejected, 'rejected item');
      assert.equal(rejected.messageId, 'big-1');
      assert.equal(problemOf(rejected).code, 'event_too_large');
    });

    it('rejects only the oversize item of a batch and stores its neighbours', async () => {
      const batch = [
        track('Size Neighbour', 'size-n1'),
        track('Too Big', 'size-big', { properties: { blob: 'x'.repeat(40_000) } }),
        track('Size Neighbour', 'size-n2'),
      ];
      const res = await send('/v1/batch', { batch });
      assert.equal(res.status, 200);
      assert.equal(res.body.accepted, 2);
      const rejected = only(res.body.rejected, 'rejected item');
      assert.equal(rejected.index, 1);
      assert.equal(rejected.messageId, 'size-big');
      assert.equal(problemOf(rejected).code, 'event_too_large');
      assert.equal(typeof rejected.quarantineId, 'string');
      await storedOnce(t.api, 'Size Neighbour', 'size-n1');
      await storedOnce(t.api, 'Size Neighbour', 'size-n2');
      assert.equal((await t.api.events.list({ event: 'Too Big' })).items.length, 0);
    });

    it('refuses a batch body over 500 KB with body_too_large', async () => {
      // 20 messages of ~30 KB: each is under the message limit, together they are over the body limit.
      const batch = Array.from({ length: 20 }, (_, i) =>
        track('Body Too Large', `btl-${i}`, { properties: { s: 'y'.repeat(30_000) } }),
      );
      const res = await send('/v1/batch', { batch });
      // 400 like Segment's API (SDKs do not retry it).
      assert.equal(res.status, 400);
      assert.equal(res.body.error?.code, 'body_too_large');
      assert.equal(
        (await t.api.events.list({ event: 'Body Too Large' })).items.length,
        0,
        'nothing of it is stored',
      );
    });

    it('refuses a batch of 2,501 messages with batch_too_large and accepts 2,500', async () => {
      const tooMany = Array.from({ length: 2501 }, (_, i) => track('Too Many', `many-${i}`));
      const res = await send('/v1/batch', { batch: tooMany });
      assert.equal(res.status, 400);
      assert.equal(res.body.error?.code, 'batch_too_large');
      assert.equal(res.body.error?.path, '/batch');
      assert.equal((await t.api.events.list({ event: 'Too Many' })).items.length, 0);

      const full = await send('/v1/batch', { batch: tooMany.slice(0, 2500) });
      assert.equal(full.status, 200, JSON.stringify(full.body.error));
      assert.equal(full.body.accepted, 2500);
    });

    it('refuses a messageId of 101 characters with invalid_message_id and accepts 100', async () => {
      const res = await send('/v1/track', { userId: 'u', event: 'Long Id', messageId: 'x'.repeat(101) });
      assert.equal(res.status, 400);
      assert.equal(res.body.error?.code, 'invalid_message_id');
      assert.equal(res.body.error?.path, '/messageId');

      const ok = await send('/v1/track', { userId: 'u', event: 'Long Id', messageId: 'y'.repeat(100) });
      assert.equal(ok.status, 200);
      await storedOnce(t.api, 'Long Id', 'y'.repeat(100));
    });

    it('stops a gzip or deflate bomb at the body limit, quickly, and keeps answering', async () => {
      // ~50 MB of JSON that compresses to ~50 KB.
      const huge = Buffer.from(
        JSON.stringify({
          batch: [track('Bomb', 'bomb-1', { properties: { pad: 'a'.repeat(50 * 1024 * 1024) } })],
        }),
      );
      for (const [encoding, body] of [
        ['gzip', gzipSync(huge)],
        ['deflate', deflateSync(huge)],
      ] as const) {
        assert.ok(body.length < 200_000, `the ${encoding} body is small (${body.length} B)`);
        const started = performance.now();
        const res = await send('/v1/batch', body, { headers: { 'content-encoding': encoding } });
        const ms = performance.now() - started;
        assert.equal(res.status, 400, `${encoding}: ${JSON.stringify(res.body)}`);
        assert.equal(res.body.error?.code, 'body_too_large');
        assert.ok(
          ms < 3000,
          `${encoding} bomb answered in ${Math.round(ms)} ms: decoding stopped at the limit`,
        );
      }
      const after = await send('/v1/track', track('After Bomb', 'after-bomb-1'));
      assert.equal(after.status, 200);
      assert.equal((await t.api.health()).status, 'ok');
      assert.equal((await t.api.events.list({ event: 'Bomb' })).items.length, 0);
    });

    // ── Messages that parse but break the spec ───────────────────────────────────────────────────

    it('names the field of a wrong type with a JSON pointer on the single-message endpoints', async () => {
      const cases = [
        { path: '/v1/identify', body: { userId: 'u', traits: 'x' }, pointer: '/traits' },
        { path: '/v1/track', body: { userId: 'u', event: 'Wrong', properties: [] }, pointer: '/properties' },
        {
          path: '/v1/track',
          body: { userId: 'u', event: 'Wrong', timestamp: 'yesterday' },
          pointer: '/timestamp',
        },
        { path: '/v1/track', body: { userId: {}, event: 'Wrong' }, pointer: '/userId' },
      ];
      for (const c of cases) {
        const res = await send(c.path, c.body);
        assert.equal(res.status, 400, `${c.pointer}: ${JSON.stringify(res.body)}`);
        assert.equal(res.body.error?.code, 'invalid_message');
        assert.equal(res.body.error?.path, c.pointer);
        assert.equal(problemOf(only(res.body.rejected, 'rejected item')).path, c.pointer);
      }
    });

    it('names the field of a wrong type with a JSON pointer per batch item', async () => {
      const batch = [
        { type: 'identify', userId: 'u', traits: 'x', messageId: 'wt-0' },
        track('Wrong', 'wt-1', { properties: [] }),
        track('Wrong', 'wt-2', { timestamp: 'yesterday' }),
        track('Wrong', 'wt-3', { userId: {} }),
        track('Right', 'wt-4'),
      ];
      const res = await send('/v1/batch', { batch });
      assert.equal(res.status, 200);
      assert.equal(res.body.accepted, 1);
      const paths = (res.body.rejected ?? []).map((r) => [r.index, r.messageId, problemOf(r).path]);
      assert.deepEqual(paths, [
        [0, 'wt-0', '/traits'],
        [1, 'wt-1', '/properties'],
        [2, 'wt-2', '/timestamp'],
        [3, 'wt-3', '/userId'],
      ]);
    });

    it('refuses a message with neither userId nor anonymousId with missing_identity', async () => {
      const res = await send('/v1/track', { event: 'Nobody', messageId: 'nobody-1' });
      assert.equal(res.status, 400);
      assert.equal(res.body.error?.code, 'missing_identity');
      const anon = await send('/v1/track', { event: 'Nobody', anonymousId: 'anon-1', messageId: 'nobody-2' });
      assert.equal(anon.status, 200, 'anonymousId alone is enough');
    });

    it('refuses a track without event, pointing at /event', async () => {
      const res = await send('/v1/track', { userId: 'u', messageId: 'no-event-1' });
      assert.equal(res.status, 400);
      assert.equal(res.body.error?.code, 'invalid_message');
      assert.equal(res.body.error?.path, '/event');
    });

    it('rejects a batch item of unknown type and stores the others', async () => {
      const res = await send('/v1/batch', {
        batch: [track('Typed', 'typed-1'), { type: 'purchase', userId: 'u', messageId: 'typed-2' }],
      });
      assert.equal(res.status, 200);
      assert.equal(res.body.accepted, 1);
      const rejected = only(res.body.rejected, 'rejected item');
      assert.equal(rejected.index, 1);
      assert.equal(problemOf(rejected).path, '/type');
      assert.equal(problemOf(rejected).code, 'invalid_message');
    });

    it('stores 97 of a batch of 100 with 3 invalid and quarantines exactly those 3 with their reasons', async () => {
      const batch: Record<string, unknown>[] = Array.from({ length: 100 }, (_, i) =>
        track('Ninety Seven', `b100-${i}`, { properties: { i } }),
      );
      batch[7] = { type: 'track', userId: 'u', messageId: 'b100-7' }; // no event
      batch[42] = track('Ninety Seven', 'b100-42', { properties: [] });
      batch[99] = { type: 'purchase', userId: 'u', messageId: 'b100-99' };
      const res = await send('/v1/batch', { batch });
      assert.equal(res.status, 200);
      assert.equal(res.body.accepted, 97);
      assert.equal(res.body.success, false);
      const rejected = res.body.rejected ?? [];
      assert.deepEqual(
        rejected.map((r) => r.index),
        [7, 42, 99],
      );
      assert.deepEqual(
        rejected.map((r) => problemOf(r).path),
        ['/event', '/properties', '/type'],
      );

      const stored = (await t.api.events.list({ event: 'Ninety Seven', limit: 500 })).items;
      assert.equal(stored.length, 97);
      assert.deepEqual(
        new Set(stored.map((e) => e.messageId)),
        new Set(batch.filter((_, i) => ![7, 42, 99].includes(i)).map((m) => m.messageId)),
      );

      const quarantined = await t.api.quarantine.list({
        sourceId: t.source.id,
        status: 'pending',
        limit: 500,
      });
      for (const r of rejected) {
        const item = quarantined.items.find((q) => q.id === r.quarantineId);
        assert.ok(item, `rejected item ${r.index} is in the quarantine`);
        assert.equal(item.messageId, batch[r.index].messageId);
        assert.equal(item.sourceId, t.source.id);
        assert.deepEqual(item.problems, r.problems, 'the quarantine keeps the reasons the client was told');
        assert.deepEqual(item.payload, batch[r.index], 'the quarantine keeps the message as sent');
      }
    });

    // ── Write keys and sources ───────────────────────────────────────────────────────────────────

    it('answers 401 to an unknown write key and to no write key', async () => {
      const unknown = await send('/v1/track', track('Keyless', 'keyless-1'), { writeKey: 'not-a-key' });
      assert.equal(unknown.status, 401);
      assert.equal(unknown.body.error?.code, 'unauthorized');
      const none = await fetch(`${t.url}/v1/track`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(track('Keyless', 'keyless-2')),
      });
      assert.equal(none.status, 401);
      const body: unknown = await none.json();
      assert.ok(isRecord(body) && isRecord(body.error));
      assert.equal(body.error.code, 'unauthorized');
      assert.equal((await t.api.events.list({ event: 'Keyless' })).items.length, 0);
    });

    it('answers 401 source_disabled while a source is disabled and accepts again once re-enabled', async () => {
      const source = await t.api.sources.create({ name: 'Toggled', type: 'server' });
      const init = { writeKey: source.writeKey };
      assert.equal(
        (await send('/v1/track', track('Toggled', 'toggle-1'), init)).status,
        200,
        'the key is now cached as enabled',
      );

      await t.api.sources.update(source.id, { enabled: false });
      const refused = await send('/v1/track', track('Toggled', 'toggle-2'), init);
      assert.equal(refused.status, 401, 'the update clears the write-key cache at once');
      assert.equal(refused.body.error?.code, 'source_disabled');
      const refusedBatch = await send('/v1/batch', { batch: [track('Toggled', 'toggle-3')] }, init);
      assert.equal(refusedBatch.status, 401);
      assert.equal(refusedBatch.body.error?.code, 'source_disabled');

      await t.api.sources.update(source.id, { enabled: true });
      assert.equal((await send('/v1/track', track('Toggled', 'toggle-4'), init)).status, 200);
      const stored = (await t.api.events.list({ event: 'Toggled', sourceId: source.id })).items.map(
        (e) => e.messageId,
      );
      assert.deepEqual(stored.sort(), ['toggle-1', 'toggle-4']);
    });

    // ── Text ─────────────────────────────────────────────────────────────────────────────────────

    it('stores Chinese, emoji, RTL, combining marks and 4-byte characters identically', async () => {
      const event = '购买完成 🛒 שלום مرحبا';
      const properties = {
        商品名称: '小米手机 14 Ultra',
        '🎉': '🏳️‍🌈👨‍👩‍👧‍👦',
        עברית: 'שלום עולם',
        عربي: 'مرحبا بالعالم',
        'cafe\u0301': 'Zalgo z\u0351\u0323a\u0352\u0324l\u0353g\u0354o', // combining marks, not normalised
        𠜎𠜱: '𝒳𝓎𝓏 𠀀 \u{1F600}', // astral plane: 4-byte UTF-8, surrogate pairs in JS
        nested: { 键: ['值', '🙂', 'ل'] },
      };
      const res = await send('/v1/track', { userId: '用户-😀', event, messageId: 'unicode-1', properties });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      const stored = await storedOnce(t.api, event, 'unicode-1');
      assert.equal(stored.event, event);
      assert.equal(stored.userId, '用户-😀');
      assert.deepEqual(stored.message.properties, properties);
      assert.ok(Object.keys(propertiesOf(stored)).includes('cafe\u0301'), 'keys are not NFC-normalised');
      assert.deepEqual(stored.flags, []);
    });

    it('replaces NUL and lone surrogates with U+FFFD, flags the event sanitized, and stores its neighbours', async () => {
      // Raw JSON text: JSON.stringify would escape a lone surrogate the same way (as \ud800).
      const batch = `{"batch":[
        {"type":"track","userId":"u","event":"Sanitize","messageId":"san-ok","properties":{"v":"plain"}},
        {"type":"track","userId":"u","event":"Sanitize","messageId":"san-nul","properties":{"v":"a\\u0000b"}},
        {"type":"track","userId":"u","event":"Sanitize","messageId":"san-lone","properties":{"v":"a\\ud800b","k\\udfff":"low"}},
        {"type":"track","userId":"u","event":"Sanitize","messageId":"san-ok2"}
      ]}`;
      const res = await send('/v1/batch', batch);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.deepEqual(res.body, { success: true, accepted: 4, duplicates: 0, rejected: [] });

      const single = await send(
        '/v1/track',
        '{"userId":"u","event":"Sanitize","messageId":"san-single","properties":{"v":"\\u0000\\udc00"}}',
      );
      assert.equal(single.status, 200);

      const byId = new Map(
        (await t.api.events.list({ event: 'Sanitize' })).items.map((e) => [e.messageId, e]),
      );
      assert.equal(byId.size, 5);
      assert.deepEqual(byId.get('san-nul')?.message.properties, { v: 'a\uFFFDb' });
      assert.deepEqual(byId.get('san-lone')?.message.properties, { v: 'a\uFFFDb', 'k\uFFFD': 'low' });
      assert.deepEqual(byId.get('san-single')?.message.properties, { v: '\uFFFD\uFFFD' });
      for (const id of ['san-nul', 'san-lone', 'san-single'])
        assert.deepEqual(byId.get(id)?.flags, ['sanitized'], id);
      assert.deepEqual(byId.get('san-ok')?.flags, [], 'a clean neighbour is not flagged');
      assert.deepEqual(byId.get('san-ok')?.message.properties, { v: 'plain' });
      assert.ok(byId.has('san-ok2'));
    });

    // ── Hostile structure ────────────────────────────────────────────────────────────────────────

    it('refuses nesting 5,000 deep with 400, never 500', async () => {
      const deep = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;
      // JSON.parse reads it; the HTTP edge then refuses the whole body before anything recursive walks it.
      const single = await send(
        '/v1/track',
        `{"userId":"u","event":"Deep","messageId":"deep-1","properties":${deep(5000)}}`,
      );
      assert.equal(single.status, 400, JSON.stringify(single.body));
      assert.equal(single.body.error?.code, 'too_deep');

      const arrays = await send(
        '/v1/batch',
        `{"batch":[{"type":"track","userId":"u","event":"Deep","properties":{"a":${'['.repeat(5000)}${']'.repeat(5000)}}}]}`,
      );
      assert.equal(arrays.status, 400, JSON.stringify(arrays.body));
      assert.equal(arrays.body.error?.code, 'too_deep');
      assert.equal((await t.api.events.list({ event: 'Deep' })).items.length, 0);
    });

    it('quarantines a batch item nested past 32 levels and stores its neighbours', async () => {
      const nested = JSON.parse(`${'{"a":'.repeat(40)}1${'}'.repeat(40)}`) as unknown;
      const res = await send('/v1/batch', {
        batch: [track('Shallow', 'shallow-1'), track('Too Deep', 'deep-40', { properties: nested })],
      });
      assert.equal(res.status, 200);
      assert.equal(res.body.accepted, 1);
      const rejected = only(res.body.rejected, 'rejected item');
      assert.equal(rejected.index, 1);
      assert.equal(problemOf(rejected).code, 'too_deep');
      await storedOnce(t.api, 'Shallow', 'shallow-1');
    });

    it('refuses __proto__ and constructor.prototype keys with 400', async () => {
      const bodies = [
        '{"userId":"u","event":"Proto","messageId":"proto-1","__proto__":{"polluted":true}}',
        '{"userId":"u","event":"Proto","messageId":"proto-2","properties":{"__proto__":{"polluted":true}}}',
        '{"batch":[{"type":"track","userId":"u","event":"Proto","messageId":"proto-3","properties":{"constructor":{"prototype":{"polluted":true}}}}]}',
      ];
      for (const [i, body] of bodies.entries()) {
        const res = await send(i === 2 ? '/v1/batch' : '/v1/track', body);
        assert.equal(res.status, 400, body);
        assert.equal(res.body.error?.code, 'invalid_json');
      }
      assert.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype is untouched');
      assert.equal((await t.api.events.list({ event: 'Proto' })).items.length, 0);
    });

    it('stores integers above 2^53 as JSON.parse reads them (precision is lost, documented here)', async () => {
      const text =
        '{"userId":"u","event":"Big Numbers","messageId":"bignum-1","properties":{"id":9007199254740993,"neg":-9007199254740995,"huge":123456789012345678901234567890}}';
      const res = await send('/v1/track', text);
      assert.equal(res.status, 200);
      const stored = propertiesOf(await storedOnce(t.api, 'Big Numbers', 'bignum-1'));
      const parsed: unknown = JSON.parse(text);
      assert.ok(isRecord(parsed));
      assert.deepEqual(stored, parsed.properties);
      // 2^53 + 1 is not a double: it comes back as 2^53. Send such ids as strings.
      assert.equal(stored.id, 9007199254740992);
      assert.equal(stored.neg, -9007199254740996);
      assert.equal(stored.huge, 1.2345678901234568e29);
    });

    // ── Retries ──────────────────────────────────────────────────────────────────────────────────

    it('stores a replayed messageId once, within a batch and across requests', async () => {
      const m = track('Replayed Id', 'replayed-1', { properties: { n: 1 } });
      const inBatch = await send('/v1/batch', { batch: [m, m, m] });
      assert.deepEqual([inBatch.body.accepted, inBatch.body.duplicates], [1, 2]);
      const single = await send('/v1/track', { ...m, type: undefined, sentAt: new Date().toISOString() });
      assert.deepEqual([single.status, single.body.accepted, single.body.duplicates], [200, 0, 1]);
      const batchAgain = await send('/v1/batch', { batch: [m, track('Replayed Id', 'replayed-2')] });
      assert.deepEqual([batchAgain.body.accepted, batchAgain.body.duplicates], [1, 1]);
      const stored = (await t.api.events.list({ event: 'Replayed Id' })).items.map((e) => e.messageId);
      assert.deepEqual(stored.sort(), ['replayed-1', 'replayed-2']);
    });

    // ── Must run last: the sum of everything above ───────────────────────────────────────────────

    it('loses nothing it accepted and quarantines everything it rejected', async () => {
      const events = await allEvents(t.api);
      const storedIds = new Set(events.map((e) => e.messageId));
      const missing = [...ledger.acceptedIds].filter((id) => !storedIds.has(id));
      assert.deepEqual(missing, [], 'every message answered as accepted is stored');
      assert.ok(ledger.acceptedIds.size > 2600, `the ledger saw the suite (${ledger.acceptedIds.size} ids)`);
      assert.equal(events.length, ledger.accepted, 'stored events = sum of "accepted" answered');
      assert.equal(
        (await allQuarantined(t.api)).length,
        ledger.rejected,
        'quarantined = sum of "rejected" answered',
      );
    });
  });
}
