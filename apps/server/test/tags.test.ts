import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CreateTagInput, Definition } from '@cdp/protocol';
import { ApiError } from '@cdp/sdk';
import { DEFAULT_WORKSPACE } from '../src/modules/auth/index.ts';
import {
  computeTagsForProfiles,
  quantileScores,
  recomputeScheduledTags,
  rfmGroup,
} from '../src/modules/traits/index.ts';
import { backends } from './support/backends.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

const NOW = Date.now();
const DAY = 86_400_000;
const ago = (days: number) => new Date(NOW - days * DAY).toISOString();
const AS_OF = new Date(NOW).toISOString();
const USERS = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6'] as const;
type User = (typeof USERS)[number];

/** Orders (days ago, revenue, category) per person; u5 only browses. */
const ORDERS: Record<User, [number, number, string][]> = {
  u1: [
    [2, 500, 'shoes'],
    [10, 300, 'bags'],
    [40, 200, 'shoes'],
  ],
  u2: [[100, 50, 'books']],
  u3: [[5, 80, 'bags']],
  u4: [[200, 120, 'toys']],
  u5: [],
  u6: [
    [20, 40, 'food'],
    [60, 40, 'toys'],
  ],
};

const ORDER = 'Order Completed';
const revenue = (operator: 'gte', value: number): Definition => ({
  kind: 'event',
  event: ORDER,
  measure: { type: 'aggregate', function: 'sum', path: ['revenue'], test: { operator, value } },
});

for (const backend of backends()) {
  describe(`tags: the tag factory end to end (${backend})`, () => {
    let t: TestServer;
    const profileOf = {} as Record<User, string>;
    const userOf = new Map<string, User>();

    /** A tag's current (or past) values by user. */
    const valuesOf = async (tagId: string, asOf?: string) => {
      const page = await t.api.tags.members(tagId, { limit: 1000, asOf });
      return Object.fromEntries(page.items.map((m) => [userOf.get(m.profileId) ?? m.profileId, m.value]));
    };
    const create = (body: CreateTagInput) => t.api.tags.create(body);
    const rejects = async (call: Promise<unknown>, status: number, code: string, path?: RegExp) => {
      await assert.rejects(call, (err: unknown) => {
        assert.ok(err instanceof ApiError, String(err));
        assert.equal(err.status, status, err.message);
        assert.equal(err.code, code, err.message);
        if (path) assert.match(err.path ?? '', path);
        return true;
      });
    };

    before(async () => {
      t = await startTestServer(backend);
      const batch: Record<string, unknown>[] = [];
      let n = 0;
      for (const user of USERS) {
        batch.push({
          type: 'identify',
          userId: user,
          messageId: `id-${user}`,
          timestamp: ago(400),
          traits: { phone: `1380013800${user.slice(1)}`, email: `${user}@163.com`, vip: user === 'u1' },
        });
        batch.push({ type: 'page', userId: user, name: 'Home', messageId: `pg-${user}`, timestamp: ago(1) });
        for (const [days, amount, category] of ORDERS[user])
          batch.push({
            type: 'track',
            userId: user,
            event: ORDER,
            properties: { revenue: amount, category },
            messageId: `o-${n++}`,
            timestamp: ago(days),
          });
      }
      const res = await t.track('/v1/batch', { batch });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      await t.server.app.services.pipeline.drain();
      for (const user of USERS) {
        profileOf[user] = (await t.api.profiles.lookup('user_id', user)).id;
        userOf.set(profileOf[user], user);
      }
    });
    after(() => t.stop());

    it('keeps a category tree and tags with owner, lineage and audit columns', async () => {
      const root = await t.api.tags.categories.create({ name: '交易' });
      const child = await t.api.tags.categories.create({ name: '价值', parentId: root.id, position: 1 });
      const tag = await create({
        name: '价值等级',
        categoryId: child.id,
        owner: '市场部 王芳',
        description: '按累计消费分层',
        valueType: 'string',
        spec: {
          kind: 'rule',
          rules: [
            { value: '高价值', definition: revenue('gte', 500) },
            { value: '中价值', definition: revenue('gte', 100) },
            { value: '低价值', definition: { kind: 'event', event: ORDER, measure: { type: 'did' } } },
          ],
        },
      });
      assert.equal(tag.status, 'draft');
      assert.deepEqual(tag.update, { mode: 'realtime' });
      assert.equal(tag.timeZone, 'Asia/Shanghai');
      assert.deepEqual(tag.lineage.events, [ORDER]);
      assert.ok(tag.createdBy);
      const list = await t.api.tags.list({ categoryId: child.id });
      assert.deepEqual(
        list.items.map((i) => i.name),
        ['价值等级'],
      );
      const tree = await t.api.tags.categories.list();
      assert.deepEqual(
        tree.items.map((c) => [c.name, c.parentId]),
        [
          ['交易', null],
          ['价值', root.id],
        ],
      );
      await rejects(t.api.tags.categories.remove(root.id), 409, 'tag_category_not_empty');
      await rejects(t.api.tags.categories.update(root.id, { parentId: child.id }), 400, 'tag_category_cycle');
    });

    it('rule tags: the first rule that holds wins; one definition gives true or false to everyone', async () => {
      const [tag] = (await t.api.tags.list()).items.filter((i) => i.name === '价值等级');
      const result = await t.api.tags.compute(tag.id, AS_OF);
      assert.deepEqual([result.added, result.changed, result.removed, result.total], [5, 0, 0, 5]);
      assert.deepEqual(await valuesOf(tag.id), {
        u1: '高价值',
        u2: '低价值',
        u3: '低价值',
        u4: '中价值',
        u6: '低价值',
      });
      const again = await t.api.tags.compute(tag.id, AS_OF);
      assert.deepEqual([again.added, again.changed, again.removed], [0, 0, 0], 'nothing changes twice');

      const vip = await create({
        name: 'VIP',
        valueType: 'boolean',
        spec: { kind: 'rule', definition: { kind: 'trait', trait: 'vip', test: { operator: 'is_true' } } },
      });
      await t.api.tags.compute(vip.id, AS_OF);
      assert.deepEqual(await valuesOf(vip.id), {
        u1: true,
        u2: false,
        u3: false,
        u4: false,
        u5: false,
        u6: false,
      });
    });

    it('computed tags: windowed sums, most frequent value with its tie-break, days since, counts', async () => {
      const spend = await create({
        name: '近30天购买金额',
        valueType: 'number',
        spec: {
          kind: 'computed',
          function: 'sum',
          event: ORDER,
          path: ['revenue'],
          window: { type: 'last_days', days: 30 },
        },
      });
      const favourite = await create({
        name: '最常购买品类',
        valueType: 'string',
        spec: { kind: 'computed', function: 'most_frequent', event: ORDER, path: ['category'] },
      });
      const since = await create({
        name: '距上次购买天数',
        valueType: 'number',
        spec: { kind: 'computed', function: 'days_since_last', event: ORDER },
      });
      const orders = await create({
        name: '购买次数',
        valueType: 'number',
        spec: { kind: 'computed', function: 'count', event: ORDER },
      });
      const last = await create({
        name: '最近购买品类',
        valueType: 'string',
        spec: { kind: 'computed', function: 'last_value', event: ORDER, path: ['category'] },
      });
      for (const tag of [spend, favourite, since, orders, last]) await t.api.tags.compute(tag.id, AS_OF);
      assert.deepEqual(await valuesOf(spend.id), { u1: 800, u3: 80, u6: 40 });
      // u6 bought food and toys once each: the one bought most recently (food) wins the tie
      assert.deepEqual(await valuesOf(favourite.id), {
        u1: 'shoes',
        u2: 'books',
        u3: 'bags',
        u4: 'toys',
        u6: 'food',
      });
      assert.deepEqual(await valuesOf(since.id), { u1: 2, u2: 100, u3: 5, u4: 200, u6: 20 });
      assert.deepEqual(await valuesOf(orders.id), { u1: 3, u2: 1, u3: 1, u4: 1, u6: 2 });
      assert.deepEqual(await valuesOf(last.id), {
        u1: 'shoes',
        u2: 'books',
        u3: 'bags',
        u4: 'toys',
        u6: 'food',
      });

      const stats = await t.api.tags.stats(spend.id);
      assert.deepEqual([stats.profiles, stats.withValue], [6, 3]);
      assert.equal(stats.coverage, 0.5);
      assert.equal(stats.distribution.type, 'histogram');
      if (stats.distribution.type === 'histogram') {
        const { buckets } = stats.distribution;
        assert.equal(buckets.length, 10);
        assert.deepEqual([buckets[0].from, buckets[9].to], [40, 800]);
        assert.deepEqual(
          buckets.map((b) => b.count),
          [2, 0, 0, 0, 0, 0, 0, 0, 0, 1],
        );
      }
    });

    it('rfm tags: quantile and threshold scores give the eight groups, with raw values and scores', async () => {
      const quantile = await create({
        name: 'RFM分群',
        valueType: 'string',
        spec: { kind: 'rfm' },
        update: { mode: 'scheduled', intervalMinutes: 1440 },
      });
      await t.api.tags.compute(quantile.id, AS_OF);
      const expected = {
        u1: '重要价值客户',
        u2: '一般挽留客户',
        u3: '一般发展客户',
        u4: '重要挽留客户',
        u6: '一般价值客户',
      };
      assert.deepEqual(await valuesOf(quantile.id), expected);

      // the SQL agrees with the reference scoring on the same buyers
      const buyers = USERS.filter((u) => ORDERS[u].length > 0);
      const ids = buyers.map((u) => profileOf[u]);
      const raw = buyers.map((u) => ({
        recency: Math.min(...ORDERS[u].map((o) => o[0])),
        frequency: ORDERS[u].length,
        monetary: ORDERS[u].reduce((s, o) => s + o[1], 0),
      }));
      const r = quantileScores(
        raw.map((x) => -x.recency),
        ids,
      );
      const f = quantileScores(
        raw.map((x) => x.frequency),
        ids,
      );
      const m = quantileScores(
        raw.map((x) => x.monetary),
        ids,
      );
      const mine = await t.api.tags.ofProfile(profileOf.u3);
      const u3 = mine.items.find((i) => i.tagId === quantile.id);
      const i3 = buyers.indexOf('u3');
      assert.deepEqual(u3?.details, { ...raw[i3], r: r[i3], f: f[i3], m: m[i3] });
      for (const [i, u] of buyers.entries())
        assert.equal(expected[u as keyof typeof expected], rfmGroup({ r: r[i], f: f[i], m: m[i] }, 3), u);

      const thresholds = await create({
        name: 'RFM阈值',
        valueType: 'string',
        spec: {
          kind: 'rfm',
          scoring: {
            method: 'thresholds',
            recencyDays: [7, 30, 90, 180],
            frequency: [2, 3, 5, 10],
            monetary: [100, 300, 600, 1000],
          },
        },
      });
      await t.api.tags.compute(thresholds.id, AS_OF);
      // u1: R5 F3 M5; u2: R2 F1 M1; u3: R5 F1 M1; u4: R1 F1 M2; u6: R4 F2 M1
      assert.deepEqual(await valuesOf(thresholds.id), {
        u1: '重要价值客户',
        u2: '一般挽留客户',
        u3: '一般发展客户',
        u4: '一般挽留客户',
        u6: '一般发展客户',
      });
    });

    it('lifecycle tags: default stages, first stage that holds', async () => {
      const tag = await create({ name: '生命周期', valueType: 'string', spec: { kind: 'lifecycle' } });
      assert.deepEqual(tag.spec.kind === 'lifecycle' && tag.spec.stages.map((s) => s.name), [
        '潜在客户',
        '新客户',
        '活跃客户',
        '沉默客户',
        '流失客户',
      ]);
      await t.api.tags.compute(tag.id, AS_OF);
      assert.deepEqual(await valuesOf(tag.id), {
        u1: '活跃客户',
        u2: '沉默客户',
        u3: '新客户',
        u4: '流失客户',
        u5: '潜在客户',
        u6: '活跃客户',
      });
      const stats = await t.api.tags.stats(tag.id);
      assert.equal(stats.coverage, 1);
      assert.ok(stats.distribution.type === 'values');
      if (stats.distribution.type === 'values') {
        assert.deepEqual(stats.distribution.values[0], { value: '活跃客户', count: 2 });
        assert.equal(stats.distribution.otherCount, 0);
      }
    });

    it('imported tags: identifiers normalised and resolved, every unused row reported', async () => {
      const tag = await create({ name: '会员等级', valueType: 'string', spec: { kind: 'imported' } });
      const csv = [
        'identifier_type,identifier,value',
        'phone,138 0013 8001,金卡',
        'email,U2@163.COM ,银卡',
        'phone,139 1234 5678,铜卡',
        'email,not-an-email,银卡',
        'user_id,u3',
      ].join('\n');
      const result = await t.api.tags.import(tag.id, { csv });
      assert.equal(result.rows, 5);
      assert.equal(result.matched, 2);
      assert.deepEqual(
        result.rejected.map((r) => [r.row, r.reason]),
        [
          [4, 'unmatched'],
          [5, 'invalid_identifier'],
          [6, 'missing_column'],
        ],
      );
      assert.deepEqual([result.compute.added, result.compute.total], [2, 2]);
      assert.deepEqual(await valuesOf(tag.id), { u1: '金卡', u2: '银卡' });

      const merged = await t.api.tags.import(tag.id, {
        mode: 'merge',
        rows: [{ identifierType: 'user_id', identifier: 'u3', value: '铜卡' }],
      });
      assert.deepEqual(merged.rejected, []);
      assert.deepEqual(await valuesOf(tag.id), { u1: '金卡', u2: '银卡', u3: '铜卡' });
      const replaced = await t.api.tags.import(tag.id, {
        rows: [{ identifierType: 'user_id', identifier: 'u4', value: '金卡' }],
      });
      assert.equal(replaced.compute.removed, 3);
      assert.deepEqual(await valuesOf(tag.id), { u4: '金卡' });
    });

    it('previews a draft without saving it', async () => {
      const before = (await t.api.tags.list()).items.length;
      const preview = await t.api.tags.preview({
        valueType: 'boolean',
        spec: { kind: 'rule', definition: revenue('gte', 100) },
        asOf: AS_OF,
      });
      assert.deepEqual([preview.profiles, preview.withValue], [6, 6]);
      assert.ok(preview.distribution.type === 'values');
      if (preview.distribution.type === 'values')
        assert.deepEqual(preview.distribution.values, [
          { value: false, count: 4 },
          { value: true, count: 2 },
        ]);
      assert.equal(preview.sample.length, 6);
      assert.equal((await t.api.tags.list()).items.length, before);
    });

    it('refuses bad input with clear 4xx errors', async () => {
      await rejects(t.api.tags.get('tag_missing'), 404, 'tag_not_found');
      await rejects(
        create({
          name: '坏定义',
          valueType: 'boolean',
          spec: { kind: 'rule', definition: { kind: 'trait', trait: 'vip' } as unknown as Definition },
        }),
        400,
        'invalid_request',
        /spec\/definition/,
      );
      await rejects(
        create({
          name: '类型不符',
          valueType: 'number',
          spec: { kind: 'rule', rules: [{ value: '高', definition: revenue('gte', 1) }] },
        }),
        400,
        'value_type_mismatch',
        /^spec\.rules\.0\.value$/,
      );
      await rejects(
        create({ name: 'RFM实时', valueType: 'string', spec: { kind: 'rfm' }, update: { mode: 'realtime' } }),
        400,
        'realtime_not_supported',
      );
      await rejects(
        create({
          name: '读不存在的标签',
          valueType: 'boolean',
          spec: { kind: 'rule', definition: { kind: 'tag', tag: 'tag_nope', test: { operator: 'exists' } } },
        }),
        400,
        'unknown_tag_dependency',
        /^spec\.definition/,
      );
      await rejects(
        create({ name: '价值等级', valueType: 'string', spec: { kind: 'imported' } }),
        409,
        'tag_name_taken',
      );
      const [vip] = (await t.api.tags.list()).items.filter((i) => i.name === 'VIP');
      await rejects(t.api.tags.import(vip.id, { rows: [] }), 400, 'tag_not_imported');
      await rejects(t.api.tags.members(vip.id, { value: 'maybe' }), 400, 'value_type_mismatch');
      await rejects(t.api.tags.compute(vip.id, ago(30)), 400, 'as_of_before_last_compute');
      const reader = await create({
        name: '非VIP',
        valueType: 'boolean',
        spec: { kind: 'rule', definition: { kind: 'tag', tag: vip.id, test: { operator: 'is_false' } } },
      });
      assert.deepEqual(reader.lineage.tags, [vip.id]);
      await rejects(t.api.tags.remove(vip.id), 409, 'tag_in_use');
      await t.api.tags.remove(reader.id);
      await rejects(t.api.tags.get(reader.id), 404, 'tag_not_found');
    });

    it('realtime and scheduled updates: only affected tags, only due tags', async () => {
      const db = t.server.app.handle.db;
      const [spend] = (await t.api.tags.list()).items.filter((i) => i.name === '近30天购买金额');
      await t.api.tags.update(spend.id, { status: 'active' });
      const res = await t.track('/v1/track', {
        userId: 'u3',
        event: ORDER,
        properties: { revenue: 20, category: 'bags' },
        messageId: 'o-late',
        timestamp: ago(0.5),
      });
      assert.equal(res.status, 200);
      await t.server.app.services.pipeline.drain();
      // the pipeline computed the realtime tag in the transaction that applied the event
      assert.equal((await valuesOf(spend.id)).u3, 100);
      const at = new Date(NOW + 60_000);
      const skipped = await computeTagsForProfiles(db, DEFAULT_WORKSPACE, [profileOf.u3], {
        asOf: at,
        changes: { events: ['Page Viewed'] },
      });
      assert.deepEqual(skipped, [], 'no realtime tag reads Page Viewed');
      const [updated] = await computeTagsForProfiles(db, DEFAULT_WORKSPACE, [profileOf.u3], {
        asOf: at,
        changes: { events: [ORDER] },
      });
      assert.deepEqual(
        [updated.tagId, updated.changed, updated.total],
        [spend.id, 0, 1],
        'already up to date',
      );

      const scheduled = await create({
        name: '定时购买次数',
        valueType: 'number',
        status: 'active',
        update: { mode: 'scheduled', intervalMinutes: 60 },
        spec: { kind: 'computed', function: 'count', event: ORDER },
      });
      const due = await recomputeScheduledTags(db, DEFAULT_WORKSPACE, new Date(NOW + 120_000));
      // the realtime tag was fully computed less than a day ago: only the new scheduled tag is due
      assert.deepEqual(
        due.map((r) => r.tagId),
        [scheduled.id],
      );
      assert.deepEqual(await recomputeScheduledTags(db, DEFAULT_WORKSPACE, new Date(NOW + 180_000)), []);
      assert.equal((await valuesOf(scheduled.id)).u3, 2);
    });

    it('keeps history: who held a value on a past date, and a person’s tags then', async () => {
      const [tag] = (await t.api.tags.list()).items.filter((i) => i.name === '价值等级');
      const res = await t.track('/v1/track', {
        userId: 'u3',
        event: ORDER,
        properties: { revenue: 600, category: 'bags' },
        messageId: 'o-big',
        timestamp: ago(0.25),
      });
      assert.equal(res.status, 200);
      await t.server.app.services.pipeline.drain();
      const later = new Date(NOW + 3_600_000).toISOString();
      const result = await t.api.tags.compute(tag.id, later);
      assert.deepEqual([result.added, result.changed, result.removed], [0, 1, 0]);

      const then = new Date(NOW + 1).toISOString();
      assert.equal((await valuesOf(tag.id, then)).u3, '低价值');
      assert.equal((await valuesOf(tag.id)).u3, '高价值');
      const highThen = await t.api.tags.members(tag.id, { value: '高价值', asOf: then });
      assert.deepEqual(
        highThen.items.map((m) => userOf.get(m.profileId)),
        ['u1'],
      );
      const past = await t.api.tags.ofProfile(profileOf.u3, then);
      assert.equal(past.items.find((i) => i.tagId === tag.id)?.value, '低价值');
      const now = await t.api.tags.ofProfile(profileOf.u3);
      assert.equal(now.items.find((i) => i.tagId === tag.id)?.value, '高价值');
      const statsThen = await t.api.tags.stats(tag.id, then);
      assert.ok(statsThen.distribution.type === 'values');
      if (statsThen.distribution.type === 'values')
        assert.deepEqual(statsThen.distribution.values[0], { value: '低价值', count: 3 });
      const before = await t.api.tags.stats(tag.id, ago(1));
      assert.equal(before.withValue, 0, 'nothing was computed a day ago');

      // archiving removes current values; history keeps them
      await t.api.tags.update(tag.id, { status: 'archived' });
      assert.deepEqual(await valuesOf(tag.id), {});
      assert.equal((await valuesOf(tag.id, then)).u1, '高价值');
    });
  });
}
