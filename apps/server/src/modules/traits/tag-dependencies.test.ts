import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TagLineage, TagSpec } from '@cdp/protocol';
import { affects, findCycle, isDue, orderByDependencies } from './tag-dependencies.ts';

const lineage = (over: Partial<TagLineage> = {}): TagLineage => ({
  events: [],
  anyEvent: false,
  traits: [],
  tags: [],
  audiences: [],
  identifierTypes: [],
  timeRelative: false,
  ...over,
});
const rule: TagSpec = {
  kind: 'rule',
  definition: { kind: 'trait', trait: 'x', test: { operator: 'exists' } },
  defaultValue: null,
};
const tag = (id: string, over: Partial<TagLineage> = {}, spec: TagSpec = rule) => ({
  id,
  spec,
  lineage: lineage(over),
});

describe('affects', () => {
  const orders = tag('a', { events: ['Order Completed'] });
  it('skips tags whose lineage the change cannot reach', () => {
    assert.equal(affects(orders, { events: ['Page Viewed'] }, new Set()), false);
    assert.equal(affects(orders, { traits: ['city'] }, new Set()), false);
    assert.equal(affects(orders, { events: ['Order Completed'] }, new Set()), true);
    assert.equal(affects(tag('b', { anyEvent: true }), { events: ['Page Viewed'] }, new Set()), true);
    assert.equal(affects(tag('c', { traits: ['city'] }), { traits: ['city'] }, new Set()), true);
  });
  it('recomputes readers of a changed tag, and everything person-based after identity changes', () => {
    const reader = tag('d', { tags: ['a'] });
    assert.equal(affects(reader, { events: ['x'] }, new Set()), false);
    assert.equal(affects(reader, { events: ['x'] }, new Set(['a'])), true);
    assert.equal(affects(orders, { identities: true }, new Set()), true);
    assert.equal(affects(tag('e', {}, { kind: 'imported' }), { identities: true }, new Set()), true);
    assert.equal(affects(tag('e', {}, { kind: 'imported' }), { events: ['x'] }, new Set()), false);
    assert.equal(affects(orders, undefined, new Set()), true, 'no change list: anything may have changed');
  });
});

describe('orderByDependencies and findCycle', () => {
  it('puts every tag after the tags it reads', () => {
    const tags = [
      tag('c', { tags: ['b'] }),
      tag('b', { tags: ['a'] }),
      tag('a'),
      tag('z', { tags: ['gone'] }),
    ];
    assert.deepEqual(
      orderByDependencies(tags).map((t) => t.id),
      ['a', 'b', 'c', 'z'],
    );
  });
  it('finds a cycle through the tag being saved', () => {
    const reads = new Map([
      ['b', ['c']],
      ['c', ['a']],
    ]);
    assert.deepEqual(findCycle('a', ['b'], reads), ['a', 'b', 'c', 'a']);
    assert.deepEqual(findCycle('a', ['a'], reads), ['a', 'a']);
    assert.equal(findCycle('x', ['b'], reads), null);
  });
});

describe('isDue', () => {
  const now = new Date('2026-06-01T12:00:00Z');
  const base = { status: 'active' as const, lineage: lineage(), lastComputedAt: '2026-06-01T11:00:00Z' };
  it('runs scheduled tags after their interval and never-computed tags at once', () => {
    assert.equal(isDue({ ...base, update: { mode: 'scheduled', intervalMinutes: 60 } }, now), true);
    assert.equal(isDue({ ...base, update: { mode: 'scheduled', intervalMinutes: 61 } }, now), false);
    assert.equal(isDue({ ...base, lastComputedAt: null, update: { mode: 'realtime' } }, now), true);
    assert.equal(
      isDue({ ...base, status: 'paused', lastComputedAt: null, update: { mode: 'realtime' } }, now),
      false,
    );
  });
  it('re-checks time-relative realtime tags daily', () => {
    const old = { ...base, lastComputedAt: '2026-05-31T11:00:00Z', update: { mode: 'realtime' as const } };
    assert.equal(isDue(old, now), false);
    assert.equal(isDue({ ...old, lineage: lineage({ timeRelative: true }) }, now), true);
  });
});
