import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Condition } from '@cdp/protocol';
import type { ApiError } from '@cdp/sdk';
import ExcelJS from 'exceljs';
import { backends } from './support/backends.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString();

const inShanghai: Condition = { kind: 'trait', trait: 'city', test: { operator: 'equals', value: '上海市' } };
const boughtLast30: Condition = {
  kind: 'event',
  event: 'Order Completed',
  window: { type: 'last_days', days: 30 },
  measure: { type: 'did' },
};

for (const backend of backends()) {
  describe(`audiences: one engine for real time and history (${backend})`, () => {
    let t: TestServer;
    let seq = 0;
    const profileOf = async (userId: string) => (await t.api.profiles.lookup('user_id', userId)).id;
    const send = async (messages: Array<Record<string, unknown>>) => {
      const batch = messages.map((m) => ({
        messageId: `m-${++seq}`,
        timestamp: new Date().toISOString(),
        ...m,
      }));
      const res = await t.track('/v1/batch', { batch });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      await t.server.app.services.pipeline.drain();
    };
    const runs = () => t.server.app.services.audienceRunner.drain();
    const members = async (audienceId: string) =>
      (await t.api.audiences.members(audienceId, { limit: 500 })).items.map((m) => m.profileId).sort();
    const ids = async (...userIds: string[]) => (await Promise.all(userIds.map(profileOf))).sort();

    before(async () => {
      t = await startTestServer(backend);
      await send([
        { type: 'identify', userId: 'u-1', traits: { city: '上海', phone: '13800138001' } },
        { type: 'identify', userId: 'u-2', traits: { city: '北京' } },
        { type: 'identify', userId: 'u-3', traits: { city: '上海' } },
        {
          type: 'track',
          userId: 'u-1',
          event: 'Order Completed',
          properties: { revenue: 99 },
          timestamp: daysAgo(2),
        },
        {
          type: 'track',
          userId: 'u-2',
          event: 'Order Completed',
          properties: { revenue: 50 },
          timestamp: daysAgo(3),
        },
        {
          type: 'track',
          userId: 'u-3',
          event: 'Order Completed',
          properties: { revenue: 10 },
          timestamp: daysAgo(60),
        },
      ]);
    });
    after(() => t.stop());

    let buyers: string;
    let shanghai: string;
    let lapsed: string;

    it('computes a new audience over history in the background, with the run’s before/after', async () => {
      const created = await t.api.audiences.create({
        name: '上海近30天购买',
        source: { kind: 'rule', definition: { kind: 'and', conditions: [inShanghai, boughtLast30] } },
      });
      buyers = created.id;
      assert.deepEqual(created.dependencies.events, ['Order Completed']);
      assert.equal(created.timeRelative, true);
      await runs();
      assert.deepEqual(await members(buyers), await ids('u-1'));
      const audience = await t.api.audiences.get(buyers);
      assert.equal(audience.size, 1);
      assert.equal(audience.lastRun?.reason, 'created');
      assert.equal(audience.lastRun?.status, 'done');
      assert.equal(audience.lastRun?.entered, 1);
      const estimate = await t.api.audiences.estimate({ kind: 'rule', definition: inShanghai });
      assert.equal(estimate.size, 2);
      assert.equal(estimate.profiles, 3);
      assert.deepEqual(estimate.sample.map((s) => s.profileId).sort(), await ids('u-1', 'u-3'));
    });

    it('records an entry within the transaction of the event that caused it, with the cause', async () => {
      const { items: before } = await t.api.audiences.changes({ audienceId: buyers });
      await send([{ type: 'track', userId: 'u-3', event: 'Order Completed', properties: { revenue: 20 } }]);
      assert.deepEqual(await members(buyers), await ids('u-1', 'u-3'));
      const { items } = await t.api.audiences.changes({ audienceId: buyers, after: before.at(-1)?.seq });
      assert.equal(items.length, 1);
      assert.equal(items[0].change, 'enter');
      assert.equal(items[0].profileId, await profileOf('u-3'));
      assert.deepEqual(items[0].cause, { by: 'event', events: ['Order Completed'] });
      // an event the audience does not read changes nothing
      await send([{ type: 'track', userId: 'u-2', event: 'Page Liked' }]);
      assert.equal((await t.api.audiences.get(buyers)).size, 2);
    });

    it('lets a person leave when a trait changes, and explains per condition', async () => {
      await send([{ type: 'identify', userId: 'u-1', traits: { city: '杭州' } }]);
      const u1 = await profileOf('u-1');
      assert.deepEqual(await members(buyers), await ids('u-3'));
      const why = await t.api.audiences.explain(buyers, u1);
      assert.equal(why.member, false);
      assert.equal(why.matches, false);
      assert.equal(why.explanation?.held, false);
      const [city, bought] = why.explanation?.children ?? [];
      assert.equal(city.held, false);
      assert.deepEqual(city.observed, { value: '杭州市' }, 'city names are standardised on the way in');
      assert.equal(bought.held, true);
      assert.equal(why.lastChange?.change, 'exit');
      assert.deepEqual(why.lastChange?.cause, { by: 'profile' });
      assert.deepEqual(
        (await t.api.audiences.ofProfile(await profileOf('u-3'))).items.map((a) => a.audienceId),
        [buyers],
      );
    });

    it('keeps combinations in step with the audiences they are built on', async () => {
      shanghai = (
        await t.api.audiences.create({ name: '上海', source: { kind: 'rule', definition: inShanghai } })
      ).id;
      lapsed = (
        await t.api.audiences.create({
          name: '上海未近期购买',
          source: {
            kind: 'combination',
            combination: { operator: 'exclusion', audiences: [shanghai, buyers] },
          },
        })
      ).id;
      await runs();
      assert.deepEqual(await members(shanghai), await ids('u-3'));
      assert.deepEqual(await members(lapsed), []);
      // u-2 moves to 上海 without a recent order: enters 上海, hence the exclusion
      await send([{ type: 'identify', userId: 'u-2', traits: { city: '上海' } }]);
      assert.deepEqual(await members(lapsed), []);
      assert.deepEqual(await members(shanghai), await ids('u-2', 'u-3'));
      assert.deepEqual(await members(buyers), await ids('u-2', 'u-3'), 'u-2 ordered 3 days ago');
      await send([{ type: 'identify', userId: 'u-4', traits: { city: '上海' } }]);
      assert.deepEqual(await members(lapsed), await ids('u-4'));
      const [change] = (await t.api.audiences.changes({ audienceId: lapsed })).items;
      assert.deepEqual(change.cause, { by: 'profile' });
      const overlap = await t.api.audiences.overlap([shanghai, buyers]);
      assert.deepEqual(
        overlap.pairs.map((p) => p.both),
        [2],
      );
    });

    it('re-checks time-relative audiences on schedule, so exits happen on time', async () => {
      const runner = t.server.app.services.audienceRunner;
      const later = new Date(Date.now() + 31 * DAY);
      assert.ok((await runner.queueDueRechecks(later)) >= 1);
      while (await runner.runOne(later));
      assert.deepEqual(await members(buyers), [], 'nobody bought in the 30 days before then');
      const exits = (await t.api.audiences.changes({ audienceId: buyers })).items.filter(
        (c) => c.change === 'exit',
      );
      assert.ok(exits.some((c) => c.cause.by === 'schedule'));
      assert.deepEqual(await members(lapsed), await ids('u-2', 'u-3', 'u-4'), 'the combination follows');
    });

    it('recomputes over history when the definition changes, with a before/after diff', async () => {
      await t.api.audiences.update(buyers, {
        source: { kind: 'rule', definition: { ...boughtLast30, window: { type: 'last_days', days: 90 } } },
      });
      await runs();
      const { items } = await t.api.audiences.runs(buyers);
      assert.equal(items[0].reason, 'changed');
      assert.equal(items[0].version, 2);
      assert.deepEqual([items[0].before, items[0].after], [0, 3]);
      assert.deepEqual(await members(buyers), await ids('u-1', 'u-2', 'u-3'));
      const trend = await t.api.audiences.trend(buyers, 7);
      assert.equal(trend.points.length, 7);
      assert.equal(trend.points.at(-1)?.size, 3);
    });

    it('selects by a file of identifiers, normalised, reporting what matched nothing', async () => {
      const file = await t.api.audiences.create({
        name: '线下导入名单',
        source: {
          kind: 'file',
          identifiers: [
            { type: 'phone', value: '138 0013 8001' },
            { type: 'phone', value: '13900000000' },
            { type: 'phone', value: 'not a phone' },
          ],
        },
      });
      await runs();
      assert.deepEqual(await members(file.id), await ids('u-1'));
      assert.deepEqual((await t.api.audiences.get(file.id)).fileIdentifiers, { total: 3, unmatched: 2 });
      const why = await t.api.audiences.explain(file.id, await profileOf('u-1'));
      assert.deepEqual(why.matchedIdentifiers, ['phone:+8613800138001']);
    });

    it('exports members as CSV and XLSX with chosen identifiers and traits', async () => {
      const url = `${t.url}/api/v1/audiences/${buyers}/export`;
      const headers = { authorization: `Bearer ${t.token}` };
      const csv = await (
        await fetch(`${url}?format=csv&identifiers=user_id&traits=city`, { headers })
      ).text();
      const lines = csv
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\n');
      assert.equal(lines[0], 'profile_id,name,entered_at,user_id,traits.city');
      assert.equal(lines.length, 4);
      assert.ok(lines.some((l) => l.includes(',u-3,上海市')));
      const res = await fetch(`${url}?format=xlsx&identifiers=user_id`, { headers });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet('members');
      assert.equal(sheet?.rowCount, 4);
      const userIds = [2, 3, 4].map((r) => String(sheet?.getRow(r).getCell(4).value)).sort();
      assert.deepEqual(userIds, ['u-1', 'u-2', 'u-3']);
    });

    it('lists the event names, properties, traits and values seen in the data for the pickers', async () => {
      const events = await t.api.vocabulary.events();
      assert.equal(events.items[0].name, 'Order Completed');
      assert.equal(events.items[0].count, 4);
      assert.deepEqual(
        (await t.api.vocabulary.events({ q: 'page' })).items.map((e) => e.name),
        ['Page Liked'],
      );
      const properties = await t.api.vocabulary.eventProperties('Order Completed');
      assert.deepEqual(properties.items, [
        { path: ['revenue'], types: ['number'], samples: [10, 20, 50, 99] },
      ]);
      const traits = await t.api.vocabulary.traits();
      assert.ok(traits.items.some((k) => k.key === 'city' && k.types.includes('string')));
      const values = await t.api.vocabulary.traitValues('city');
      assert.deepEqual(values.items[0], { value: '上海市', count: 3 });
      assert.deepEqual((await t.api.vocabulary.traitValues('city', { q: '杭' })).items, [
        { value: '杭州市', count: 1 },
      ]);
    });

    it('follows real-time tags: an order raises a computed tag and the person enters an audience on it', async () => {
      const spend = await t.api.tags.create({
        name: '累计消费',
        valueType: 'number',
        status: 'active',
        spec: {
          kind: 'computed',
          function: 'sum',
          event: 'Order Completed',
          path: ['revenue'],
          window: { type: 'ever' },
        },
      });
      await t.api.tags.compute(spend.id);
      const big = await t.api.audiences.create({
        name: '累计消费≥100',
        source: {
          kind: 'rule',
          definition: { kind: 'tag', tag: spend.id, test: { operator: 'gte', value: 100 } },
        },
      });
      await runs();
      assert.deepEqual(await members(big.id), [], 'u-1 99, u-2 50, u-3 30');
      await send([{ type: 'track', userId: 'u-2', event: 'Order Completed', properties: { revenue: 60 } }]);
      assert.deepEqual(await members(big.id), await ids('u-2'));
      const [entry] = (await t.api.audiences.changes({ audienceId: big.id })).items;
      assert.deepEqual(entry.cause, { by: 'profile' });
    });

    it('follows an audience built on another whose entry an event of a different name caused', async () => {
      await send([
        { type: 'identify', userId: 'u-50', traits: { city: '广州' } },
        { type: 'track', userId: 'u-50', event: 'Order Completed', properties: { revenue: 5 } },
      ]);
      const carted = (
        await t.api.audiences.create({
          name: '加购过',
          source: {
            kind: 'rule',
            definition: { kind: 'event', event: 'Add to Cart', measure: { type: 'did' } },
          },
        })
      ).id;
      // reads only orders and the audience above: an `Add to Cart` reaches it through `carted`
      const cartedBuyers = (
        await t.api.audiences.create({
          name: '加购且近30天下单',
          source: {
            kind: 'rule',
            definition: {
              kind: 'and',
              conditions: [
                { kind: 'audience', audience: carted, member: true },
                {
                  kind: 'event',
                  event: 'Order Completed',
                  window: { type: 'last_days', days: 30 },
                  measure: {
                    type: 'aggregate',
                    function: 'sum',
                    path: ['revenue'],
                    test: { operator: 'gte', value: 5 },
                  },
                },
              ],
            },
          },
        })
      ).id;
      await runs();
      assert.ok(!(await members(cartedBuyers)).includes(await profileOf('u-50')));
      await send([{ type: 'track', userId: 'u-50', event: 'Add to Cart' }]);
      assert.ok((await members(carted)).includes(await profileOf('u-50')));
      assert.ok((await members(cartedBuyers)).includes(await profileOf('u-50')), 'its orders were read');
      const [entry] = (
        await t.api.audiences.changes({ audienceId: cartedBuyers, profileId: await profileOf('u-50') })
      ).items;
      assert.deepEqual(entry.cause, { by: 'audience', audience: carted });
      for (const id of [carted, cartedBuyers]) await t.api.audiences.update(id, { status: 'paused' });
    });

    it('lets merged-away profiles leave and refuses unknown or cyclic references', async () => {
      await send([{ type: 'identify', anonymousId: 'anon-9', traits: { city: '上海' } }]);
      const anon = (await t.api.profiles.lookup('anonymous_id', 'anon-9')).id;
      assert.ok((await members(shanghai)).includes(anon));
      await send([{ type: 'identify', userId: 'u-3', anonymousId: 'anon-9' }]);
      const merged = await profileOf('u-3');
      const gone = anon === merged ? null : anon;
      const now = await members(shanghai);
      assert.ok(now.includes(merged));
      if (gone) {
        assert.ok(!now.includes(gone));
        const exit = (await t.api.audiences.changes({ audienceId: shanghai, profileId: gone })).items.at(-1);
        assert.deepEqual(exit?.cause, { by: 'profile', change: 'removed' });
      }
      await assert.rejects(
        t.api.audiences.create({
          name: 'x',
          source: {
            kind: 'combination',
            combination: { operator: 'union', audiences: [shanghai, 'aud_nope'] },
          },
        }),
        (e: ApiError) => e.status === 400 && e.code === 'unknown_audience',
      );
      await assert.rejects(
        t.api.audiences.update(shanghai, {
          source: { kind: 'rule', definition: { kind: 'audience', audience: lapsed, member: true } },
        }),
        (e: ApiError) => e.status === 400 && e.code === 'audience_cycle',
      );
      await assert.rejects(
        t.api.audiences.create({
          name: 'x',
          source: {
            kind: 'rule',
            definition: { kind: 'trait', trait: "a'; drop", test: { operator: 'exists' } },
          },
        }),
        (e: ApiError) => e.status === 400,
      );
    });
  });
}
