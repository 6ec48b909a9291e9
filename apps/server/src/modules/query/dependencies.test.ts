import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Definition } from '@cdp/protocol';
import fc from 'fast-check';
import {
  ANY_EVENT,
  dependencies,
  eventLookback,
  eventPropertyReads,
  mergeLookbacks,
} from './dependencies.ts';
import { evaluate } from './evaluate.ts';
import { CLOCKS, definition, profiles } from './query-arbitraries.test-helper.ts';
import type { FixtureProfile } from './query-fixtures.test-helper.ts';

/** A clock, people with events, and a random definition. */
const scenario = CLOCKS.chain(({ asOf, timeZone }) =>
  fc.record({
    asOf: fc.constant(asOf),
    timeZone: fc.constant(timeZone),
    people: profiles(asOf),
    tree: definition(asOf),
  }),
);

describe('dependencies', () => {
  it('lists what a definition reads and whether it depends on the clock', () => {
    const definition = Definition.parse({
      kind: 'or',
      conditions: [
        { kind: 'trait', trait: 'city', test: { operator: 'equals', value: '上海' } },
        { kind: 'event', event: 'Buy', measure: { type: 'did' } },
        { kind: 'sequence', first: { event: 'View' }, next: { type: 'page' }, withinSeconds: 60 },
        { kind: 'not', condition: { kind: 'tag', tag: 'rfm', test: { operator: 'exists' } } },
        { kind: 'audience', audience: 'vip', member: true },
        { kind: 'identifier', identifierType: 'phone', has: true },
      ],
    });
    assert.deepEqual(dependencies(definition), {
      traits: ['city'],
      events: ['Buy', 'View'],
      anyEvent: true,
      tags: ['rfm'],
      audiences: ['vip'],
      identifierTypes: ['phone'],
      timeRelative: false,
    });
  });

  it('flags relative days, birthdays and last-N-days windows as time-relative', () => {
    const relative = [
      { kind: 'trait', trait: 'b', test: { operator: 'birthday_within_next_days', days: 3 } },
      { kind: 'event', event: 'Buy', window: { type: 'last_days', days: 30 }, measure: { type: 'did' } },
      {
        kind: 'event',
        event: 'Buy',
        measure: { type: 'last', test: { operator: 'more_than_days_ago', days: 90 } },
      },
      {
        kind: 'event',
        where: [{ path: ['d'], test: { operator: 'within_next_days', days: 1 } }],
        measure: { type: 'did' },
      },
    ];
    for (const condition of relative)
      assert.equal(dependencies(Definition.parse(condition)).timeRelative, true);
    const absolute = {
      kind: 'event',
      window: { type: 'between', from: '2026-01-01', to: '2026-02-01' },
      measure: { type: 'did' },
    };
    assert.equal(dependencies(Definition.parse(absolute)).timeRelative, false);
  });
});

describe('eventLookback', () => {
  const asOf = new Date('2026-03-10T00:00:00.000Z');
  it('bounds each event name by its widest window; ever means all of history', () => {
    const definition = Definition.parse({
      kind: 'and',
      conditions: [
        { kind: 'event', event: 'Buy', window: { type: 'last_days', days: 30 }, measure: { type: 'did' } },
        { kind: 'event', event: 'Buy', window: { type: 'last_days', days: 7 }, measure: { type: 'did' } },
        { kind: 'event', event: 'View', measure: { type: 'did' } },
        {
          kind: 'sequence',
          first: { event: 'Cart' },
          next: {},
          withinSeconds: 3600,
          window: { type: 'between', from: '2026-01-01', to: '2026-02-01' },
        },
      ],
    });
    const lookback = eventLookback(definition, asOf);
    assert.deepEqual(lookback.get('Buy'), new Date('2026-02-07T00:00:00.000Z'));
    assert.equal(lookback.get('View'), null);
    assert.deepEqual(lookback.get('Cart'), new Date('2025-12-31T00:00:00.000Z'));
    assert.deepEqual(lookback.get(ANY_EVENT), new Date('2025-12-31T00:00:00.000Z'));
    const merged = mergeLookbacks([lookback, new Map([['Buy', null]])]);
    assert.equal(merged.get('Buy'), null);
  });

  it('never changes a result: events before the lookback are irrelevant (property)', () => {
    fc.assert(
      fc.property(scenario, ({ asOf, timeZone, people, tree }) => {
        const lookback = eventLookback(tree, asOf);
        const kept = (e: FixtureProfile['events'][number]) =>
          [e.event ?? '', ANY_EVENT].some((name) => {
            const since = lookback.get(name);
            return since === null || (since !== undefined && e.timestamp >= since);
          });
        for (const person of people) {
          const all = evaluate(tree, person, { asOf, timeZone }).matched;
          const trimmed = evaluate(
            tree,
            { ...person, events: person.events.filter(kept) },
            { asOf, timeZone },
          );
          assert.equal(trimmed.matched, all);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('eventPropertyReads', () => {
  it('names the events whose properties are filtered or aggregated', () => {
    const definition = Definition.parse({
      kind: 'and',
      conditions: [
        { kind: 'event', event: 'Buy', measure: { type: 'did' } },
        {
          kind: 'event',
          event: 'Pay',
          measure: {
            type: 'aggregate',
            function: 'sum',
            path: ['amount'],
            test: { operator: 'gte', value: 1 },
          },
        },
        {
          kind: 'sequence',
          first: { event: 'View', where: [{ path: ['sku'], test: { operator: 'exists' } }] },
          next: { event: 'Cart' },
          withinSeconds: 60,
        },
        { kind: 'event', where: [{ path: ['x'], test: { operator: 'exists' } }], measure: { type: 'did' } },
      ],
    });
    assert.deepEqual([...eventPropertyReads(definition)].sort(), [ANY_EVENT, 'Pay', 'View']);
  });

  it('never changes a result: properties of other events are not needed (property)', () => {
    fc.assert(
      fc.property(scenario, ({ asOf, timeZone, people, tree }) => {
        const reads = eventPropertyReads(tree);
        const stripped = (e: FixtureProfile['events'][number]) =>
          reads.has(ANY_EVENT) || reads.has(e.event ?? '') ? e : { ...e, properties: null };
        for (const person of people) {
          const all = evaluate(tree, person, { asOf, timeZone });
          const without = evaluate(
            tree,
            { ...person, events: person.events.map(stripped) },
            { asOf, timeZone },
          );
          assert.equal(without.matched, all.matched);
        }
      }),
      { numRuns: 500 },
    );
  });
});
