import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import {
  BUILT_IN_IDENTIFIER_TYPES,
  extractIdentifiers,
  type Observation,
  resolveIdentities,
} from '../src/modules/identity/index.ts';
import { backends } from './support/backends.ts';
import { startTestServer } from './support/test-server.ts';

/** A small deterministic PRNG (mulberry32), so each run's orders are reproducible. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const shuffle = <T>(list: readonly T[], random: () => number): T[] => {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
};
const at = (minute: number) => new Date(Date.UTC(2026, 9, 1, 0, minute)).toISOString();

/** Browsing, logins hours later, late and historical identifies, store orders, a shared device. */
function scenario(): Record<string, unknown>[] {
  const random = rng(7);
  const messages: Record<string, unknown>[] = [];
  let n = 0;
  const push = (m: Record<string, unknown>) => messages.push({ messageId: `m${n++}`, ...m });
  for (let p = 0; p < 10; p++) {
    const anon = `anon-${p}`;
    const minute = Math.floor(random() * 100);
    push({ type: 'page', anonymousId: anon, name: 'Home', timestamp: at(minute) });
    push({ type: 'track', anonymousId: `${anon}-app`, event: 'App Opened', timestamp: at(minute + 1) });
    if (p % 3 === 0) continue; // stays anonymous
    const traits = { email: `p${p}@163.com`, name: `客户${p}`, city: random() < 0.5 ? '上海' : '北京' };
    push({ type: 'identify', userId: `u${p}`, anonymousId: anon, traits, timestamp: at(minute + 300) });
    push({ type: 'identify', userId: `u${p}`, anonymousId: `${anon}-app`, timestamp: at(minute + 400) });
    push({ type: 'identify', userId: `u${p}`, traits: { city: '广州', tier: 'old' }, timestamp: at(1) });
    push({
      type: 'track',
      anonymousId: `pos-${p}`,
      event: 'Order Completed',
      context: { traits: { email: `P${p}@163.com `, member_id: `M${p}` } },
      timestamp: at(minute + 500),
    });
    // one kiosk device seen with several customers: kept with one, never merging them
    if (p % 2 === 0)
      push({
        type: 'track',
        userId: `u${p}`,
        event: 'Kiosk',
        context: { device: { id: 'kiosk-1' } },
        timestamp: at(minute + 600),
      });
  }
  return messages;
}

/** The reference: all evidence resolved at once in memory. */
function reference(messages: readonly Record<string, unknown>[]): string[][] {
  const observations: Observation[] = messages.flatMap((m) => {
    const context = (m.context ?? {}) as { traits?: Record<string, unknown>; device?: { id?: string } };
    const { identifiers } = extractIdentifiers(
      {
        userId: m.userId as string,
        anonymousId: m.anonymousId as string,
        deviceId: context.device?.id,
        traits: { ...context.traits, ...(m.type === 'identify' ? (m.traits as object) : {}) },
      },
      BUILT_IN_IDENTIFIER_TYPES,
    );
    return identifiers.length
      ? [{ id: `src/${m.messageId}`, at: m.timestamp as string, kind: 'event' as const, identifiers }]
      : [];
  });
  return resolveIdentities(observations)
    .clusters.map((c) => c.identifiers.map((i) => `${i.type}:${i.value}`).sort())
    .sort();
}

for (const backend of backends()) {
  describe(`identity resolution does not depend on arrival order (${backend})`, () => {
    it('gives the same profiles, ids and traits for three orders and batchings, equal to resolving all at once', async () => {
      const messages = scenario();
      const snapshots: unknown[] = [];
      for (const seed of [1, 2, 3]) {
        const random = rng(seed);
        const t = await startTestServer(backend);
        try {
          const order = shuffle(messages, random);
          while (order.length > 0) {
            const batch = order.splice(0, 1 + Math.floor(random() * 12));
            const res = await t.track('/v1/batch', { batch });
            assert.equal(res.status, 200);
            await t.server.app.services.pipeline.drain();
          }
          const db = t.server.app.handle.db;
          const { rows } = await sql<{ id: string; keys: string[]; traits: unknown }>`
            select p.id, array_agg(n.key order by n.key) as keys, p.traits
              from profiles p join identity_nodes n on n.workspace_id = p.workspace_id and n.profile_id = p.id
             group by p.id, p.traits order by p.id`.execute(db);
          snapshots.push(rows.map((r) => ({ ...r, traits: r.traits })));
          if (seed === 1) {
            assert.deepEqual(rows.map((r) => r.keys).sort(), reference(messages));
            const u2 = rows.find((r) => r.keys.includes('user_id:u2')) as { traits: Record<string, unknown> };
            assert.equal(
              u2.traits.city !== '广州',
              true,
              'a historical identify never overwrites a newer value',
            );
            assert.equal(u2.traits.tier, 'old');
            const kiosk = rows.filter((r) => r.keys.includes('device_id:kiosk-1'));
            assert.equal(kiosk.length, 1);
            const conflicts = await sql<{
              n: number;
            }>`select count(*)::int as n from identity_conflicts`.execute(db);
            assert.ok(conflicts.rows[0].n >= 1, 'the shared device is recorded as a conflict');
          }
        } finally {
          await t.stop();
        }
      }
      assert.deepEqual(snapshots[1], snapshots[0]);
      assert.deepEqual(snapshots[2], snapshots[0]);
    });
  });
}
