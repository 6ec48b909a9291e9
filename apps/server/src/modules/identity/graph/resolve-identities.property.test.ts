import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { IdentifierType } from '../identifiers/identifier-types.ts';
import { groups, obs } from './graph-fixtures.test-helper.ts';
import type { Observation } from './observation.ts';
import { resolveIdentities } from './resolve-identities.ts';

/** Small alphabets so that merges, ties in time and limit conflicts happen often. */
const key = fc.oneof(
  fc.constantFrom('user_id:A', 'user_id:B', 'user_id:C'),
  fc.integer({ min: 1, max: 8 }).map((n) => `email:e${n}@x.cn`),
  fc.integer({ min: 1, max: 5 }).map((n) => `anonymous_id:anon${n}`),
  fc.constantFrom('device_id:d1', 'device_id:d2', 'device_id:null'),
);
const observation = fc
  .record({
    id: fc.constantFrom('m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9'),
    minute: fc.integer({ min: 0, max: 4 }),
    kind: fc.constantFrom('event', 'identify', 'alias', 'import', 'manual' as const),
    keys: fc.array(key, { minLength: 1, maxLength: 4 }),
  })
  .map(({ id, minute, kind, keys }) => obs(id, minute, kind, ...keys));
const observations = fc.array(observation, { maxLength: 14 });
const withShuffles = observations.chain((list) =>
  fc.tuple(
    fc.constant(list),
    fc.array(fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }), {
      minLength: 3,
      maxLength: 3,
    }),
  ),
);

describe('resolveIdentities: properties', () => {
  it('depends only on the set of observations, not their order', () => {
    fc.assert(
      fc.property(withShuffles, ([list, shuffles]) => {
        const expected = resolveIdentities(list);
        for (const shuffled of shuffles) assert.deepEqual(resolveIdentities(shuffled), expected);
      }),
      { numRuns: 400 },
    );
  });

  it('is idempotent: resolving the observations twice over gives the same result', () => {
    fc.assert(
      fc.property(observations, (list) => {
        assert.deepEqual(resolveIdentities([...list, ...list].reverse()), resolveIdentities(list));
      }),
      { numRuns: 300 },
    );
  });

  it('never exceeds a limit, and places every non-junk identifier in exactly one cluster', () => {
    fc.assert(
      fc.property(observations, (list) => {
        const result = resolveIdentities(list);
        for (const cluster of result.clusters) {
          const types = cluster.identifiers.map((i) => i.type);
          assert.ok(types.filter((t) => t === 'user_id').length <= 1);
          assert.ok(types.filter((t) => t === 'email').length <= 5);
          assert.ok(cluster.evidence.length > 0);
        }
        const placed = groups(result).flat();
        const seen = new Set(list.flatMap((o) => o.identifiers.map((i) => `${i.type}:${i.value}`)));
        seen.delete('device_id:null');
        assert.deepEqual([...placed].sort(), [...seen].sort());
      }),
      { numRuns: 300 },
    );
  });
});

/** Types too roomy for any limit to bite: the replay must then equal plain transitive closure. */
const ROOMY: IdentifierType[] = ['user_id', 'email', 'anonymous_id', 'device_id'].map((name, i) => ({
  name,
  priority: 10 - i,
  maxPerProfile: 1000,
  format: 'text',
  traitKeys: [],
  junkValues: [],
}));

function naiveClosure(list: readonly Observation[]): { keys: string[]; evidence: string[] }[] {
  let sets = list.map((o) => ({
    keys: new Set(o.identifiers.map((i) => `${i.type}:${i.value}`)),
    evidence: new Set([o.id]),
  }));
  for (let merged = true; merged; ) {
    merged = false;
    for (let i = 0; i < sets.length && !merged; i++)
      for (let j = i + 1; j < sets.length && !merged; j++)
        if ([...sets[j].keys].some((k) => sets[i].keys.has(k))) {
          for (const k of sets[j].keys) sets[i].keys.add(k);
          for (const e of sets[j].evidence) sets[i].evidence.add(e);
          sets = sets.filter((_, index) => index !== j);
          merged = true;
        }
  }
  return sets
    .map((s) => ({ keys: [...s.keys].sort(), evidence: [...s.evidence].sort() }))
    .sort((a, b) => (a.keys[0] < b.keys[0] ? -1 : 1));
}

describe('resolveIdentities: checked against a naive transitive closure', () => {
  it('gives the same clusters and evidence when no limit can be exceeded', () => {
    fc.assert(
      fc.property(observations, (list) => {
        const result = resolveIdentities(list, { types: ROOMY });
        assert.deepEqual(result.conflicts, []);
        const actual = result.clusters
          .map((c) => ({
            keys: c.identifiers.map((i) => `${i.type}:${i.value}`).sort(),
            evidence: [...c.evidence].sort(),
          }))
          .sort((a, b) => (a.keys[0] < b.keys[0] ? -1 : 1));
        assert.deepEqual(actual, naiveClosure(list));
      }),
      { numRuns: 400 },
    );
  });
});
