import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { backends } from './support/backends.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

/** The rows of the newest file in `dir` (CSV with a BOM, header first). */
function newestCsv(dir: string): Array<Record<string, string>> {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.csv'))
    .sort();
  assert.ok(files.length > 0, `a file in ${dir}`);
  const text = readFileSync(join(dir, files[files.length - 1]), 'utf8');
  assert.equal(text.charCodeAt(0), 0xfeff, 'UTF-8 BOM for Excel');
  return parse(text.slice(1), { columns: true }) as Array<Record<string, string>>;
}

for (const backend of backends()) {
  describe(`scheduled syncs: audience snapshots and event exports (${backend})`, () => {
    let t: TestServer;
    let exportRoot: string;
    let seq = 0;
    const send = async (messages: Array<Record<string, unknown>>) => {
      const batch = messages.map((m) => ({
        messageId: `s-${++seq}`,
        timestamp: new Date().toISOString(),
        ...m,
      }));
      assert.equal((await t.track('/v1/batch', { batch })).status, 200);
      await t.server.app.services.pipeline.drain();
    };
    const run = async (syncId: string) => {
      const { deliveryId } = await t.api.syncs.run(syncId);
      await t.server.app.services.deliveries.drain();
      return deliveryId;
    };

    before(async () => {
      exportRoot = mkdtempSync(join(tmpdir(), 'cdp-exports-'));
      t = await startTestServer(backend, { CDP_EXPORT_DIR: exportRoot });
    });
    after(async () => {
      await t?.stop();
      rmSync(exportRoot, { recursive: true, force: true });
    });

    it('writes a full snapshot, then only the enters and exits since it, leaving out refused consent', async () => {
      const audience = await t.api.audiences.create({
        name: '高价值',
        source: {
          kind: 'rule',
          definition: { kind: 'trait', trait: 'tier', test: { operator: 'equals', value: 'gold' } },
        },
      });
      await send(
        ['g-1', 'g-2', 'g-3'].map((userId, i) => ({
          type: 'identify',
          userId,
          traits: { tier: 'gold', name: `会员${i + 1}`, email: `${userId}@163.com` },
        })),
      );
      await t.server.app.services.audienceRunner.drain();
      const refused = await t.api.profiles.lookup('user_id', 'g-3');
      await t.server.app.handle.db
        .updateTable('profiles')
        .set({ consent: JSON.stringify({ analytics: { granted: false } }) })
        .where('id', '=', refused.id)
        .execute();
      const destination = await t.api.destinations.create({
        name: '每日人群文件',
        type: 'file',
        config: { format: 'csv', directory: 'gold', identifiers: ['user_id', 'email'], traits: ['name'] },
      });
      const sync = await t.api.syncs.create({
        name: 'gold daily',
        destinationId: destination.id,
        spec: { kind: 'audience', audienceId: audience.id, mode: 'incremental' },
        schedule: '0 3 * * *',
      });
      assert.ok(sync.nextRunAt, 'scheduled');

      // the first run of an incremental sync is a full snapshot
      assert.ok(await run(sync.id), 'a delivery was queued');
      const full = newestCsv(join(exportRoot, 'gold'));
      assert.deepEqual(full.map((r) => r.user_id).sort(), ['g-1', 'g-2'], 'members without the refused one');
      assert.equal(full.find((r) => r.user_id === 'g-1')?.['traits.name'], '会员1');
      assert.equal(full.find((r) => r.user_id === 'g-1')?.email, 'g-1@163.com');

      // one leaves, one joins: the next run carries exactly these changes
      await new Promise((r) => setTimeout(r, 1100)); // a new file name (second resolution)
      await send([
        { type: 'identify', userId: 'g-2', traits: { tier: 'silver' } },
        { type: 'identify', userId: 'g-4', traits: { tier: 'gold', name: '会员4' } },
      ]);
      await t.server.app.services.audienceRunner.drain();
      await run(sync.id);
      const changes = newestCsv(join(exportRoot, 'gold'));
      assert.deepEqual(changes.map((r) => `${r.user_id}:${r.change}`).sort(), ['g-2:exit', 'g-4:enter']);
      // nothing changed: nothing to send
      assert.equal(await run(sync.id), null);
    });

    it('exports the events of each period that the filter selects', async () => {
      const destination = await t.api.destinations.create({
        name: '订单导出',
        type: 'file',
        config: {
          format: 'csv',
          directory: 'orders',
          fileName: 'orders-{{ id | split: ":" | last | slice: 0, 19 }}',
          eventFields: ['userId', 'event', 'properties.order_id'],
        },
      });
      const sync = await t.api.syncs.create({
        name: 'orders hourly',
        destinationId: destination.id,
        spec: { kind: 'events', mode: 'export', filter: { events: [{ event: 'Order Completed' }] } },
        schedule: '0 * * * *',
      });
      await send([
        { type: 'track', userId: 'o-1', event: 'Order Completed', properties: { order_id: 'A-1' } },
        { type: 'track', userId: 'o-1', event: 'Product Viewed', properties: { sku: 'x' } },
        { type: 'track', userId: 'o-2', event: 'Order Completed', properties: { order_id: 'A-2' } },
      ]);
      await run(sync.id);
      const rows = newestCsv(join(exportRoot, 'orders'));
      assert.deepEqual(rows.map((r) => `${r.userId}/${r['properties.order_id']}`).sort(), [
        'o-1/A-1',
        'o-2/A-2',
      ]);
      await new Promise((r) => setTimeout(r, 1100));
      await send([
        { type: 'track', userId: 'o-3', event: 'Order Completed', properties: { order_id: 'A-3' } },
      ]);
      await run(sync.id);
      assert.deepEqual(
        newestCsv(join(exportRoot, 'orders')).map((r) => r['properties.order_id']),
        ['A-3'],
        'the next period only',
      );
    });
  });
}
