import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { IdentifierTypeDef } from '@cdp/protocol';
import type { ApiError } from '@cdp/sdk';
import { sql } from 'kysely';
import { backends } from './support/backends.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 9, 1, 0, minute)).toISOString();

for (const backend of backends()) {
  describe(`identity rules, conflicts and data quality (${backend})`, () => {
    let t: TestServer;
    before(async () => {
      t = await startTestServer(backend);
      const batch = [
        // two visitors a CRM id links, once rules know that id
        {
          type: 'identify',
          anonymousId: 'v1',
          traits: { crm_id: 'C-77', name: '张三' },
          timestamp: at(1),
          messageId: 'a',
        },
        {
          type: 'identify',
          anonymousId: 'v2',
          traits: { crm_id: 'C-77', city: '上海' },
          timestamp: at(2),
          messageId: 'b',
        },
        // a shared kiosk seen with two accounts: never merged, recorded as a conflict
        {
          type: 'track',
          userId: 'u1',
          event: 'Kiosk',
          context: { device: { id: 'kiosk' } },
          timestamp: at(3),
          messageId: 'c',
        },
        {
          type: 'track',
          userId: 'u2',
          event: 'Kiosk',
          context: { device: { id: 'kiosk' } },
          timestamp: at(4),
          messageId: 'd',
        },
        { type: 'alias', userId: 'u1', previousId: 'u1-old', timestamp: at(5), messageId: 'e' },
        // bad contact data is counted, not linked
        {
          type: 'identify',
          userId: 'u3',
          traits: { phone: '12345', email: 'nope' },
          timestamp: at(6),
          messageId: 'f',
        },
      ];
      assert.equal((await t.track('/v1/batch', { batch })).status, 200);
      await t.server.app.services.pipeline.drain();
    });
    after(() => t.stop());

    it('simulates a new identifier type over history, then publishes it and merges the profiles it links', async () => {
      const current = await t.api.identity.settings();
      assert.equal(current.version, 0);
      const crm: IdentifierTypeDef = {
        name: 'crm_id',
        priority: 85,
        maxPerProfile: 1,
        format: 'text',
        traitKeys: ['crm_id'],
        junkValues: [],
      };
      const rules = { types: [...current.types, crm] };
      const v1 = await t.api.profiles.lookup('anonymous_id', 'v1');
      const v2 = await t.api.profiles.lookup('anonymous_id', 'v2');
      assert.notEqual(v1.id, v2.id);

      const impact = await t.api.identity.simulate(rules);
      assert.equal(impact.merges, 1);
      assert.equal(impact.profilesAfter, impact.profilesBefore - 1);
      assert.equal((await t.api.identity.settings()).version, 0, 'simulation changes nothing');
      assert.notEqual(
        (await t.api.profiles.lookup('anonymous_id', 'v1')).id,
        (await t.api.profiles.lookup('anonymous_id', 'v2')).id,
      );

      const published = await t.api.identity.publish(rules);
      assert.deepEqual(published, impact);
      const merged = await t.api.profiles.lookup('crm_id', 'C-77');
      assert.deepEqual(merged.identifiers.map((i) => `${i.type}:${i.value}`).sort(), [
        'anonymous_id:v1',
        'anonymous_id:v2',
        'crm_id:C-77',
      ]);
      assert.equal(merged.traits.name, '张三');
      assert.equal(merged.traits.city, '上海市');
      assert.ok((await t.api.profiles.history(merged.id)).items.some((h) => h.kind === 'merged'));
      const feed = await sql<{
        n: number;
      }>`select count(*)::int as n from profile_changes where kind = 'profile.merged'`.execute(
        t.server.app.handle.db,
      );
      assert.equal(feed.rows[0].n, 1);
      assert.equal((await t.api.identity.settings()).version, 1);

      // new events use the published rules
      await t.track('/v1/identify', {
        anonymousId: 'v3',
        traits: { crm_id: 'C-77' },
        messageId: 'g',
        timestamp: at(7),
      });
      await t.server.app.services.pipeline.drain();
      assert.equal((await t.api.profiles.lookup('anonymous_id', 'v3')).id, merged.id);
    });

    it('refuses rules without user_id or with duplicate names (400)', async () => {
      const { types } = await t.api.identity.settings();
      await assert.rejects(
        t.api.identity.publish({ types: types.filter((x) => x.name !== 'user_id') }),
        (e: ApiError) => e.status === 400,
      );
      await assert.rejects(
        t.api.identity.simulate({ types: [...types, types[0]] }),
        (e: ApiError) => e.status === 400,
      );
    });

    it('lists conflicts (shared device, two user ids) and counts invalid contact data per source', async () => {
      const { items } = await t.api.identity.conflicts();
      const leftOut = items.map((c) => c.leftOut.map((i) => `${i.type}:${i.value}`).join()).sort();
      assert.deepEqual(leftOut, ['device_id:kiosk']);
      const quality = await t.api.identity.dataQuality();
      const count = (metric: string) =>
        quality.items.find((q) => q.sourceId === t.source.id && q.metric === metric)?.count;
      assert.equal(count('invalid_phone'), 1);
      assert.equal(count('invalid_email'), 1);
    });
  });
}
