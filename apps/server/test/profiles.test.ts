import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Profile } from '@cdp/protocol';
import type { ApiError } from '@cdp/sdk';
import { sql } from 'kysely';
import { normalizeName } from '../src/modules/profiles/index.ts';
import { backends } from './support/backends.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 8, minute)).toISOString();

for (const backend of backends()) {
  describe(`profiles: OneID end to end (${backend})`, () => {
    let t: TestServer;
    let pos: { writeKey: string; id: string };
    const drain = () => t.server.app.services.pipeline.drain();
    const send = async (path: string, body: unknown, writeKey?: string) => {
      const res = await t.track(path, body, writeKey ? { writeKey } : {});
      assert.equal(res.status, 200, JSON.stringify(res.body));
      await drain();
    };

    before(async () => {
      t = await startTestServer(backend);
      const source = await t.api.sources.create({ name: '门店 POS', type: 'pos' });
      pos = { writeKey: source.writeKey, id: source.id };
    });
    after(() => t.stop());

    it('builds one profile from web, server and store evidence, with cleaned event-time traits', async () => {
      await send('/v1/page', { anonymousId: 'anon-1', name: 'Home', timestamp: at(1), messageId: 'p1' });
      await send('/v1/track', { userId: 'u-1', event: 'Signed Up', timestamp: at(2), messageId: 's1' });
      const anonymous = await t.api.profiles.lookup('anonymous_id', 'anon-1');
      const user = await t.api.profiles.lookup('user_id', 'u-1');
      assert.notEqual(anonymous.id, user.id, 'two people until something links them');

      await send('/v1/identify', {
        userId: 'u-1',
        anonymousId: 'anon-1',
        timestamp: at(3),
        messageId: 'i1',
        traits: {
          email: 'Li.Lei@163.COM ',
          phone: '138 0013 8000',
          name: '李　雷',
          gender: '男',
          birthday: '1990年3月5日',
        },
      });
      // a late identify with an older event time must not overwrite newer values
      await send('/v1/identify', {
        userId: 'u-1',
        timestamp: at(0),
        messageId: 'i0',
        traits: { name: '旧名字', vip: true },
      });
      // the store knows the phone and a member number
      await send(
        '/v1/track',
        {
          anonymousId: 'pos-device-9',
          event: 'Order Completed',
          properties: { revenue: 299 },
          context: { traits: { phone: '+86 138-0013-8000', member_id: 'M0001' } },
          timestamp: at(4),
          messageId: 'o1',
        },
        pos.writeKey,
      );

      const profile = await t.api.profiles.lookup('phone', '13800138000');
      const keys = profile.identifiers.map((i) => `${i.type}:${i.value}`).sort();
      assert.deepEqual(keys, [
        'anonymous_id:anon-1',
        'anonymous_id:pos-device-9',
        'email:li.lei@163.com',
        'member_id:M0001',
        'phone:+8613800138000',
        'user_id:u-1',
      ]);
      assert.equal(profile.traits.name, normalizeName('李　雷'));
      assert.equal(profile.traits.gender, 'male');
      assert.equal(profile.traits.birthday, '1990-03-05');
      assert.equal(profile.traits.email, 'li.lei@163.com');
      assert.equal(profile.traits.phone, '+8613800138000');
      assert.equal(profile.traits.vip, true, 'a trait only the old identify set is kept');
      assert.deepEqual(profile.traitSources.name, { at: at(3), sourceId: t.source.id });
      assert.equal(profile.firstSeenAt, at(0));

      // the surviving id is the one with the earliest evidence; the other redirects
      const merged = await t.api.profiles.get(anonymous.id === profile.id ? user.id : anonymous.id);
      assert.equal(merged.id, profile.id);
      assert.ok(merged.redirectedFrom);
      const history = await t.api.profiles.history(profile.id);
      assert.ok(history.items.some((h) => h.kind === 'merged'));

      // one timeline across channels and identifiers, newest event first, paged
      const first = await t.api.profiles.timeline(profile.id, { limit: 3 });
      assert.deepEqual(
        first.items.map((e) => e.messageId),
        ['o1', 'i1', 's1'],
      );
      const rest = await t.api.profiles.timeline(profile.id, {
        limit: 3,
        before: first.nextCursor ?? undefined,
      });
      assert.deepEqual(
        rest.items.map((e) => e.messageId),
        ['p1', 'i0'],
      );

      // search by name prefix, phone prefix, email and member number
      for (const [q, field] of [
        [normalizeName('李　雷')?.slice(0, 1), 'name'],
        ['138001', 'phone'],
        ['li.lei@163.com', 'email'],
        ['M00', 'member_id'],
      ] as const) {
        const found = await t.api.profiles.search({ q: q ?? '', field });
        assert.deepEqual(
          found.items.map((p) => p.id),
          [profile.id],
          `search ${field} ${q}`,
        );
      }
    });

    it('explains a link with its evidence, and a split rebuilds profiles from the rest', async () => {
      const profile = await t.api.profiles.lookup('member_id', 'M0001');
      const why = await t.api.profiles.explain(profile.id, 'anonymous_id:anon-1', 'member_id:M0001');
      assert.equal(why.linked, true);
      assert.deepEqual(
        why.path.map((s) => [s.evidenceId, `${s.to.type}:${s.to.value}`]),
        [
          [`${t.source.id}/i1`, 'phone:+8613800138000'],
          [`${pos.id}/o1`, 'member_id:M0001'],
        ],
      );
      const graph = await t.api.profiles.graph(profile.id);
      assert.ok(graph.links.some((l) => l.evidenceId === `${pos.id}/o1` && l.kind === 'event'));

      const result = await t.api.profiles.split(profile.id, {
        evidenceId: `${pos.id}/o1`,
        reason: '门店误录',
      });
      const person = await t.api.profiles.lookup('user_id', 'u-1');
      assert.ok(!person.identifiers.some((i) => i.type === 'member_id'));
      // the retracted evidence links nothing, but its identifiers stay known
      const member = await t.api.profiles.lookup('member_id', 'M0001');
      const device = await t.api.profiles.lookup('anonymous_id', 'pos-device-9');
      assert.deepEqual(result.profiles, [person.id, member.id, device.id].sort());
      assert.equal(person.traits.name, normalizeName('李　雷'), 'traits rebuilt from the remaining evidence');
      const history = await t.api.profiles.history(person.id);
      assert.ok(history.items.some((h) => h.kind === 'split'));
      const db = t.server.app.handle.db;
      const changes = await sql<{
        kind: string;
      }>`select kind from profile_changes where kind = 'profile.split'`.execute(db);
      assert.equal(changes.rows.length, 1);
      const after = await t.api.profiles.explain(person.id, 'anonymous_id:anon-1', 'member_id:M0001');
      assert.equal(after.linked, false);
    });

    it('answers 404 for unknown profiles and identifiers, 400 for a split naming nothing of the profile', async () => {
      await assert.rejects(
        t.api.profiles.get('prof_000000000000000000000000'),
        (e: ApiError) => e.status === 404,
      );
      await assert.rejects(
        t.api.profiles.lookup('email', 'nobody@example.com'),
        (e: ApiError) => e.status === 404,
      );
      const person = await t.api.profiles.lookup('user_id', 'u-1');
      await assert.rejects(
        t.api.profiles.split(person.id, { identifier: { type: 'member_id', value: 'M0001' } }),
        (e: ApiError) => e.status === 400 && e.code === 'identifier_not_in_profile',
      );
    });

    it('answers many concurrent lookups (sharing database round trips) each with its own profile', async () => {
      const people = Array.from({ length: 120 }, (_, i) => ({
        userId: `batch-${i}`,
        phone: `139${String(10_000_000 + i * 7919).slice(-8)}`,
      }));
      await send('/v1/batch', {
        batch: people.map((p, i) => ({
          type: 'identify',
          userId: p.userId,
          messageId: `batch-identify-${i}`,
          timestamp: at(10),
          traits: { phone: p.phone, seq: i },
        })),
      });
      const typed = (phone: string, i: number) =>
        [phone, `+86${phone}`, `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`, `0086${phone}`][
          i % 4
        ];
      const answers = await Promise.all([
        ...people.map((p, i) => t.api.profiles.lookup('phone', typed(p.phone, i))),
        ...people.map((p) => t.api.profiles.lookup('user_id', p.userId)),
        t.api.profiles.lookup('phone', '13900000000').catch((e: ApiError) => e.status),
      ]);
      assert.equal(answers.at(-1), 404, 'a junk number is no one');
      const byPhone = answers.slice(0, people.length) as Profile[];
      const byUser = answers.slice(people.length, -1) as Profile[];
      for (const [i, p] of people.entries()) {
        assert.equal(byPhone[i].traits.seq, i, `lookup ${typed(p.phone, i)}`);
        assert.equal(byPhone[i].traits.phone, `+86${p.phone}`);
        assert.equal(byUser[i].id, byPhone[i].id);
        assert.equal(byPhone[i].redirectedFrom, null);
        assert.deepEqual(
          Profile.parse(byPhone[i]),
          byPhone[i],
          'the JSON built by the database fits the schema',
        );
        for (const when of [
          byPhone[i].firstSeenAt,
          byPhone[i].updatedAt,
          ...byPhone[i].identifiers.map((x) => x.firstSeenAt),
        ])
          assert.equal(new Date(when).toISOString(), when);
      }
      assert.equal(byPhone[0].firstSeenAt, at(10));
      const byId = await Promise.all(byPhone.slice(0, 30).map((p) => t.api.profiles.get(p.id)));
      assert.deepEqual(byId, byPhone.slice(0, 30));
    });
  });
}
