import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { QuarantineItem } from '@cdp/protocol';
import { ApiError } from '@cdp/sdk';
import { backends } from './support/backends.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

/** Sends one message that breaks the spec and returns its quarantine item (asserting it was refused). */
async function quarantine(
  t: TestServer,
  path: string,
  body: Record<string, unknown>,
  writeKey?: string,
): Promise<QuarantineItem> {
  const res = await t.track(path, body, { writeKey });
  assert.equal(res.status, 400, JSON.stringify(res.body));
  const id = res.body.rejected?.[0]?.quarantineId;
  assert.ok(id, 'the refused message got a quarantine id');
  return t.api.quarantine.get(id);
}

/** Asserts that an admin API call fails with this status and code. */
async function rejectsWith(call: Promise<unknown>, status: number, code: string): Promise<void> {
  await assert.rejects(call, (err: unknown) => {
    assert.ok(err instanceof ApiError, String(err));
    assert.equal(err.status, status);
    assert.equal(err.code, code);
    return true;
  });
}

const ids = (items: readonly QuarantineItem[]) => items.map((i) => i.id);

for (const backend of backends()) {
  describe(`quarantine (${backend})`, () => {
    let t: TestServer;
    before(async () => {
      t = await startTestServer(backend);
    });
    after(() => t.stop());

    it('quarantines a track without event and an identify without ids, with their reasons', async () => {
      const before = Date.now();
      const track = await quarantine(t, '/v1/track', {
        userId: 'u-q',
        messageId: 'q-no-event',
        properties: { plan: 'pro' },
      });
      assert.equal(track.status, 'pending');
      assert.equal(track.sourceId, t.source.id);
      assert.equal(track.messageId, 'q-no-event');
      assert.equal(track.resolvedAt, null);
      assert.deepEqual(track.problems, [
        { code: 'invalid_message', path: '/event', message: 'event is required' },
      ]);
      // The type implied by the endpoint is kept, so the payload can be replayed on its own.
      assert.deepEqual(track.payload, {
        type: 'track',
        userId: 'u-q',
        messageId: 'q-no-event',
        properties: { plan: 'pro' },
      });
      assert.ok(Math.abs(Date.parse(track.receivedAt) - before) < 10_000);

      const identify = await quarantine(t, '/v1/identify', {
        messageId: 'q-no-ids',
        traits: { email: 'a@b.cn' },
      });
      assert.equal(identify.status, 'pending');
      assert.deepEqual(
        identify.problems.map((p) => [p.code, p.path]),
        [['missing_identity', '/userId']],
      );
      assert.match(identify.problems[0].message, /identify needs userId or anonymousId/);
      assert.equal(
        (await t.api.events.list({ userId: 'u-q' })).items.length,
        0,
        'nothing of them is stored as an event',
      );
    });

    it('lists quarantined messages by status and by source', async () => {
      const other = await t.api.sources.create({ name: 'Quarantine Other', type: 'web' });
      const mine = await quarantine(t, '/v1/track', { userId: 'u-list', messageId: 'q-list-1' });
      const theirs = await quarantine(
        t,
        '/v1/track',
        { userId: 'u-list', messageId: 'q-list-2' },
        other.writeKey,
      );
      const discarded = await quarantine(
        t,
        '/v1/track',
        { userId: 'u-list', messageId: 'q-list-3' },
        other.writeKey,
      );
      await t.api.quarantine.discard(discarded.id);

      const ofOther = ids((await t.api.quarantine.list({ sourceId: other.id })).items);
      assert.deepEqual(new Set(ofOther), new Set([theirs.id, discarded.id]));
      const ofDefault = ids((await t.api.quarantine.list({ sourceId: t.source.id })).items);
      assert.ok(ofDefault.includes(mine.id));
      assert.ok(!ofDefault.includes(theirs.id));

      const pending = (await t.api.quarantine.list({ status: 'pending' })).items;
      assert.ok(pending.every((i) => i.status === 'pending'));
      assert.ok(ids(pending).includes(mine.id) && ids(pending).includes(theirs.id));
      assert.ok(!ids(pending).includes(discarded.id));
      assert.deepEqual(
        ids((await t.api.quarantine.list({ status: 'discarded', sourceId: other.id })).items),
        [discarded.id],
      );

      const newestFirst = ids((await t.api.quarantine.list({ sourceId: other.id, limit: 1 })).items);
      assert.deepEqual(newestFirst, [discarded.id], 'newest first, limit honoured');
    });

    it('replaying as stored reports still_invalid with the problems and keeps the item pending', async () => {
      const item = await quarantine(t, '/v1/track', { userId: 'u-r', messageId: 'q-as-is' });
      const result = await t.api.quarantine.replay(item.id);
      assert.equal(result.outcome, 'still_invalid');
      assert.deepEqual(result.problems, item.problems);
      assert.equal(result.item.status, 'pending');
      const after = await t.api.quarantine.get(item.id);
      assert.equal(after.status, 'pending');
      assert.equal(after.resolvedAt, null);
      assert.deepEqual(after.payload, item.payload, 'the stored payload is unchanged');
    });

    it('replaying a correction that is still invalid reports its problems and keeps the item pending', async () => {
      const item = await quarantine(t, '/v1/track', { userId: 'u-r', messageId: 'q-bad-fix' });
      const result = await t.api.quarantine.replay(item.id, {
        type: 'track',
        userId: 'u-r',
        event: 'Bad Fix',
        properties: [],
      });
      assert.equal(result.outcome, 'still_invalid');
      assert.deepEqual(
        result.problems.map((p) => p.path),
        ['/properties'],
      );
      assert.equal((await t.api.quarantine.get(item.id)).status, 'pending');
      assert.equal((await t.api.events.list({ event: 'Bad Fix' })).items.length, 0);
    });

    it('replaying a corrected payload stores the event once, flagged replayed, and resolves the item', async () => {
      const item = await quarantine(t, '/v1/track', {
        userId: 'u-fix',
        messageId: 'q-fixed',
        properties: { 价格: 99 },
      });
      const corrected = {
        type: 'track',
        userId: 'u-fix',
        event: 'Fixed Later',
        messageId: 'q-fixed',
        properties: { 价格: 99 },
      };
      const result = await t.api.quarantine.replay(item.id, corrected);
      assert.equal(result.outcome, 'stored');
      assert.deepEqual(result.problems, []);
      assert.equal(result.item.status, 'replayed');
      assert.ok(result.item.resolvedAt);
      assert.deepEqual(result.item.payload, corrected, 'the item keeps the payload that was replayed');

      const stored = (await t.api.events.list({ event: 'Fixed Later' })).items;
      assert.equal(stored.length, 1);
      const [e] = stored;
      assert.equal(e.messageId, 'q-fixed');
      assert.equal(e.userId, 'u-fix');
      assert.deepEqual(e.flags, ['replayed']);
      assert.deepEqual(e.message.properties, { 价格: 99 });
      assert.equal(e.receivedAt, item.receivedAt, 'the event keeps the time the message first arrived');

      const got = await t.api.quarantine.get(item.id);
      assert.equal(got.status, 'replayed');
      assert.equal(got.resolvedAt, result.item.resolvedAt);
    });

    it('refuses to replay or discard a resolved item with 409 already_resolved', async () => {
      const item = await quarantine(t, '/v1/track', { userId: 'u-twice', messageId: 'q-twice' });
      const fixed = { type: 'track', userId: 'u-twice', event: 'Replayed Twice', messageId: 'q-twice' };
      assert.equal((await t.api.quarantine.replay(item.id, fixed)).outcome, 'stored');
      await rejectsWith(t.api.quarantine.replay(item.id, fixed), 409, 'already_resolved');
      await rejectsWith(t.api.quarantine.replay(item.id), 409, 'already_resolved');
      await rejectsWith(t.api.quarantine.discard(item.id), 409, 'already_resolved');
      assert.equal((await t.api.events.list({ event: 'Replayed Twice' })).items.length, 1, 'stored once');
      assert.equal((await t.api.quarantine.get(item.id)).status, 'replayed');
    });

    it('reports a duplicate when the corrected messageId is already stored', async () => {
      const original = { userId: 'u-dupe', event: 'Already There', messageId: 'q-dupe' };
      assert.equal((await t.track('/v1/track', original)).status, 200);
      const item = await quarantine(t, '/v1/track', { userId: 'u-dupe', messageId: 'q-dupe' });
      const result = await t.api.quarantine.replay(item.id, { ...original, type: 'track' });
      assert.equal(result.outcome, 'duplicate');
      assert.equal(result.item.status, 'replayed');
      const stored = (await t.api.events.list({ event: 'Already There' })).items;
      assert.equal(stored.length, 1);
      assert.deepEqual(stored[0].flags, [], 'the first write wins; the replay did not add a copy');
    });

    it('discards an item without storing anything, and a discarded item stays discarded', async () => {
      const item = await quarantine(t, '/v1/identify', { messageId: 'q-discard', traits: { name: '张三' } });
      const discarded = await t.api.quarantine.discard(item.id);
      assert.equal(discarded.status, 'discarded');
      assert.ok(discarded.resolvedAt);
      assert.deepEqual(discarded.payload, item.payload);
      assert.equal((await t.api.quarantine.get(item.id)).status, 'discarded');
      await rejectsWith(
        t.api.quarantine.replay(item.id, { type: 'identify', userId: 'u', messageId: 'q-discard' }),
        409,
        'already_resolved',
      );
      assert.equal(
        (await t.api.events.list({ type: 'identify' })).items.filter((e) => e.messageId === 'q-discard')
          .length,
        0,
      );
    });

    it('answers 404 quarantine_not_found for an unknown id', async () => {
      const unknown = 'qtn_00000000000000000000000000';
      await rejectsWith(t.api.quarantine.get(unknown), 404, 'quarantine_not_found');
      await rejectsWith(t.api.quarantine.replay(unknown), 404, 'quarantine_not_found');
      await rejectsWith(
        t.api.quarantine.replay(unknown, { type: 'track', userId: 'u', event: 'Ghost' }),
        404,
        'quarantine_not_found',
      );
      await rejectsWith(t.api.quarantine.discard(unknown), 404, 'quarantine_not_found');
      assert.equal((await t.api.events.list({ event: 'Ghost' })).items.length, 0);
    });

    it('refuses a correction nested 5,000 deep with 400, never 500, and keeps the item pending', async () => {
      const item = await quarantine(t, '/v1/track', { userId: 'u-deep', messageId: 'q-deep' });
      // Raw text: the SDK client's own JSON.stringify cannot serialise this.
      const body = `{"payload":{"type":"track","userId":"u-deep","event":"Deep Fix","properties":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}}`;
      const res = await fetch(`${t.url}/api/v1/quarantine/${item.id}/replay`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${t.token}` },
        body,
      });
      assert.equal(res.status, 400);
      const answer: unknown = await res.json();
      assert.deepEqual(answer, {
        error: { code: 'too_deep', message: 'Body is nested deeper than 256 levels', path: '' },
      });
      assert.equal((await t.api.quarantine.get(item.id)).status, 'pending');
    });
  });
}
