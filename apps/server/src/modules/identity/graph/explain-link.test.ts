import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { explainLink, type LinkStep } from './explain-link.ts';
import { obs, parseKey } from './graph-fixtures.test-helper.ts';
import type { Identifier } from './observation.ts';
import type { Resolution } from './resolution.ts';
import { resolveIdentities } from './resolve-identities.ts';

const same = (a: Identifier, b: Identifier) => a.type === b.type && a.value === b.value;

/** Each step starts where the last ended, and its observation really linked both ends. */
function assertValidPath(
  resolution: Resolution,
  a: Identifier,
  b: Identifier,
  path: readonly LinkStep[],
): void {
  let at = a;
  for (const step of path) {
    assert.ok(same(step.from, at));
    const linked = resolution.links.some(
      (l) =>
        l.observationId === step.observationId &&
        l.identifiers.some((i) => same(i, step.from)) &&
        l.identifiers.some((i) => same(i, step.to)),
    );
    assert.ok(linked, `${step.observationId} did not link ${step.from.value} and ${step.to.value}`);
    at = step.to;
  }
  assert.ok(same(at, b));
}

describe('explainLink', () => {
  const resolution = resolveIdentities([
    obs('p1', 1, 'event', 'anonymous_id:anon1'),
    obs('i1', 2, 'identify', 'user_id:U1', 'anonymous_id:anon1'),
    obs('f1', 3, 'import', 'user_id:U1', 'email:u@x.cn'),
    obs('a1', 4, 'alias', 'anonymous_id:anon2', 'email:u@x.cn'),
    obs('x1', 5, 'event', 'user_id:U2', 'anonymous_id:anon2'),
  ]);

  it('returns the chain of observations that links two identifiers', () => {
    const [a, b] = [parseKey('anonymous_id:anon1'), parseKey('anonymous_id:anon2')];
    const path = explainLink(resolution, a, b);
    assert.deepEqual(
      path?.map((s) => [s.observationId, s.kind, `${s.to.type}:${s.to.value}`]),
      [
        ['i1', 'identify', 'user_id:U1'],
        ['f1', 'import', 'email:u@x.cn'],
        ['a1', 'alias', 'anonymous_id:anon2'],
      ],
    );
    assertValidPath(resolution, a, b, path!);
  });

  it('returns null across clusters or for unknown identifiers, [] for an identifier itself', () => {
    assert.equal(explainLink(resolution, parseKey('user_id:U1'), parseKey('user_id:U2')), null);
    assert.equal(explainLink(resolution, parseKey('user_id:U1'), parseKey('email:nobody@x.cn')), null);
    assert.equal(explainLink(resolution, parseKey('email:nobody@x.cn'), parseKey('email:nobody@x.cn')), null);
    assert.deepEqual(explainLink(resolution, parseKey('user_id:U2'), parseKey('user_id:U2')), []);
  });

  it('explains every pair of every cluster with a valid path, and no pair across clusters', () => {
    const key = fc.oneof(
      fc.constantFrom('user_id:A', 'user_id:B'),
      fc.integer({ min: 1, max: 7 }).map((n) => `email:e${n}@x.cn`),
      fc.integer({ min: 1, max: 4 }).map((n) => `anonymous_id:a${n}`),
    );
    const observation = fc
      .tuple(fc.nat(99), fc.integer({ min: 0, max: 5 }), fc.array(key, { minLength: 1, maxLength: 3 }))
      .map(([id, minute, keys]) => obs(`m${id}`, minute, 'event', ...keys));
    fc.assert(
      fc.property(fc.array(observation, { maxLength: 10 }), (list) => {
        const result = resolveIdentities(list);
        for (const cluster of result.clusters)
          for (const a of cluster.identifiers)
            for (const b of cluster.identifiers) assertValidPath(result, a, b, explainLink(result, a, b)!);
        const [first, second] = result.clusters;
        if (second) assert.equal(explainLink(result, first.identifiers[0], second.identifiers[0]), null);
      }),
      { numRuns: 200 },
    );
  });
});
