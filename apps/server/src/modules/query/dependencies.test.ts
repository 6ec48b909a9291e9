import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Definition } from '@cdp/protocol';
import { dependencies } from './dependencies.ts';

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
