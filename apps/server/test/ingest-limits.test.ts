import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { backends } from './support/backends.ts';
import { startTestServer } from './support/test-server.ts';

const track = (id: string) => ({ type: 'track', event: 'Limits', userId: 'u', messageId: id });

for (const backend of backends()) {
  describe(`ingestion back-pressure and dedupe window (${backend})`, () => {
    it('answers 503 with Retry-After (never 400) when too many messages wait for commit, and stores what it accepted', async () => {
      const t = await startTestServer(backend, { CDP_INGEST_MAX_PENDING: '150' });
      try {
        const answers = await Promise.all(
          Array.from({ length: 12 }, (_, r) =>
            t.track('/v1/batch', { batch: Array.from({ length: 100 }, (_, i) => track(`bp-${r}-${i}`)) }),
          ),
        );
        const refused = answers.filter((a) => a.status === 503);
        const ok = answers.filter((a) => a.status === 200);
        assert.ok(refused.length > 0, 'some requests were refused under pressure');
        assert.equal(refused.length + ok.length, answers.length, 'only 200 or 503');
        for (const r of refused) {
          assert.equal(r.body.error?.code, 'overloaded');
          assert.ok(Number(r.headers.get('retry-after')) >= 1);
        }
        const stored = await t.api.events.list({ event: 'Limits', limit: 500 });
        assert.equal(stored.items.length, ok.length * 100, 'every acknowledged message is stored');
      } finally {
        await t.stop();
      }
    });

    it('forgets messageIds older than the dedupe window', async () => {
      // A window of ~1.7 s: the same messageId is a duplicate within it and new after it.
      const t = await startTestServer(backend, { CDP_DEDUPE_WINDOW_DAYS: '0.00002' });
      try {
        assert.equal((await t.track('/v1/batch', { batch: [track('win-1')] })).body.accepted, 1);
        assert.equal((await t.track('/v1/batch', { batch: [track('win-1')] })).body.duplicates, 1);
        await new Promise((r) => setTimeout(r, 2200));
        assert.equal(
          (await t.track('/v1/batch', { batch: [track('win-1')] })).body.accepted,
          1,
          'stored again after the window',
        );
        const purged = await t.server.app.services.ingest.purgeDedupe();
        assert.equal(purged, 0, 'the re-claimed row is fresh, nothing to purge yet');
        await new Promise((r) => setTimeout(r, 2200));
        assert.equal(await t.server.app.services.ingest.purgeDedupe(), 1, 'expired dedupe rows are purged');
      } finally {
        await t.stop();
      }
    });
  });
}
