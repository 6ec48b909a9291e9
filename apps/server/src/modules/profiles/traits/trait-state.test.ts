import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { resolveTraits } from './survivorship.ts';
import { assertTraits, mergeTraitStates, type TraitAssertion, type TraitState } from './trait-state.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();
const assertion = (
  minute: number,
  sourceId: string,
  set: Record<string, unknown>,
  setOnce = {},
): TraitAssertion => ({
  set,
  setOnce,
  at: at(minute),
  sourceId,
});
const fold = (list: readonly TraitAssertion[]) => list.reduce<TraitState>((s, a) => assertTraits(s, a), {});

describe('event-time traits', () => {
  it('keeps the value with the latest event time, whatever arrives last', () => {
    const state = fold([
      assertion(5, 'web', { city: '上海' }),
      assertion(1, 'crm', { city: '北京', tier: 'gold' }),
    ]);
    const { traits, sources } = resolveTraits(state);
    assert.deepEqual(traits, { city: '上海', tier: 'gold' });
    assert.deepEqual(sources.city, { at: at(5), sourceId: 'web' });
  });

  it('first-seen and source-priority rules, and $set_once', () => {
    const state = fold([
      assertion(3, 'web', { city: '上海', channel: 'app' }, { first_store: '静安店' }),
      assertion(1, 'crm', { city: '北京' }, { first_store: '徐汇店' }),
      assertion(9, 'pos', { city: '杭州' }, { first_store: '西湖店' }),
    ]);
    assert.equal(resolveTraits(state).traits.city, '杭州');
    assert.equal(resolveTraits(state, { city: { kind: 'first_seen' } }).traits.city, '北京');
    assert.equal(
      resolveTraits(state, { city: { kind: 'source_priority', sources: ['crm', 'web'] } }).traits.city,
      '北京',
    );
    assert.equal(
      resolveTraits(state, { channel: { kind: 'source_priority', sources: ['crm'] } }).traits.channel,
      'app',
    );
    assert.equal(resolveTraits(state).traits.first_store, '徐汇店');
  });

  it('gives one answer for any order and any grouping of the same assertions (merges of profiles)', () => {
    const one = fc
      .tuple(
        fc.integer({ min: 0, max: 5 }),
        fc.constantFrom('web', 'crm', 'pos'),
        fc.dictionary(
          fc.constantFrom('city', 'tier', 'name'),
          fc.oneof(fc.string({ maxLength: 3 }), fc.integer(), fc.constant(null)),
          { maxKeys: 3 },
        ),
        fc.dictionary(fc.constantFrom('first_store', 'city'), fc.string({ maxLength: 3 }), { maxKeys: 2 }),
      )
      .map(([m, s, set, once]) => assertion(m, s, set, once));
    fc.assert(
      fc.property(
        fc.array(one, { maxLength: 12 }),
        fc.integer({ min: 1, max: 4 }),
        fc.nat(),
        (list, parts, seed) => {
          const expected = resolveTraits(fold(list));
          const shuffled = fc.sample(
            fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }),
            { seed, numRuns: 1 },
          )[0];
          const groups: TraitAssertion[][] = Array.from({ length: parts }, () => []);
          shuffled.forEach((a, i) => {
            groups[i % parts].push(a);
          });
          const merged = mergeTraitStates(groups.map(fold).reverse());
          assert.deepEqual(resolveTraits(merged), expected);
          assert.deepEqual(resolveTraits(fold(shuffled)), expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
