import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO_SOURCES } from '../src/demo/index.ts';
import { runDemo } from '../src/demo/run-demo.ts';
import { backends } from './support/backends.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

for (const backend of backends()) {
  describe(`cdp demo (${backend})`, () => {
    let t: TestServer;
    before(async () => {
      t = await startTestServer(backend);
    });
    after(() => t.stop());

    it('fills every demo source through the ingestion pipeline, and a second run stores nothing new', async () => {
      const options = { profiles: 300, seed: 11, days: 90, progress: false };
      const first = await runDemo(t.server.app.services, options);
      assert.ok(first.messages > 1000, `${first.messages} messages for 300 customers`);
      assert.equal(first.accepted, first.messages);
      assert.equal(first.rejected, 0);

      const sources = (await t.api.sources.list()).items;
      for (const def of DEMO_SOURCES) {
        const source = sources.find((s) => s.name === def.name);
        assert.ok(source, `source ${def.name}`);
        assert.equal(source.type, def.type);
        const events = await t.api.events.list({ sourceId: source.id, limit: 5 });
        assert.ok(events.items.length > 0, `${def.name} has events`);
      }
      const orders = await t.api.events.list({ event: 'Order Completed', limit: 5 });
      const props = orders.items[0]?.message.properties as
        | { currency?: string; products?: unknown[] }
        | undefined;
      assert.equal(props?.currency, 'CNY');
      assert.ok(Array.isArray(props?.products) && props.products.length > 0);

      const again = await runDemo(t.server.app.services, options);
      assert.equal(again.accepted, 0);
      assert.equal(again.duplicates, first.messages, 'same seed, same messageIds: deduplicated');
      assert.equal((await t.api.sources.list()).items.length, sources.length, 'no new sources');
    });
  });
}
