import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Definition } from '@cdp/protocol';
import { evaluate } from './evaluate.ts';
import type { ProfileSnapshot } from './profile-snapshot.ts';

const asOf = new Date('2026-03-10T04:00:00Z'); // 12:00 on 10 March in Shanghai
const profile: ProfileSnapshot = {
  traits: {
    age: 30,
    code: '10',
    city: '上海',
    vip: true,
    birthday: '1992-03-12',
    seen: '2026-03-09T16:30:00Z',
    none: null,
  },
  events: [
    {
      type: 'track',
      event: 'Buy',
      timestamp: new Date('2026-03-01T02:00:00Z'),
      properties: { amount: 120, item: { sku: 'A' } },
    },
    {
      type: 'track',
      event: 'Buy',
      timestamp: new Date('2026-03-09T02:00:00Z'),
      properties: { amount: 30, item: { sku: 'B' } },
    },
    { type: 'track', event: 'View', timestamp: new Date('2026-03-09T01:30:00Z'), properties: null },
    { type: 'page', event: null, timestamp: new Date('2026-03-10T03:00:00Z') },
  ],
  identifiers: [
    { type: 'phone', value: '+8613800000000' },
    { type: 'wechat_openid', value: 'wx1/o-1' },
  ],
  tags: { rfm: 'gold', score: 7 },
  audiences: ['vip'],
};
const held = (input: unknown, timeZone = 'Asia/Shanghai') =>
  evaluate(Definition.parse(input), profile, { asOf, timeZone }).matched;
const trait = (name: string, test: unknown) => ({ kind: 'trait', trait: name, test });

describe('evaluate: values', () => {
  it('never coerces: the text "10" is not the number 10', () => {
    assert.equal(held(trait('code', { operator: 'equals', value: 10 })), false);
    assert.equal(held(trait('code', { operator: 'equals', value: '10' })), true);
    assert.equal(held(trait('code', { operator: 'gt', value: 5 })), false);
    assert.equal(held(trait('age', { operator: 'between', from: 18, to: 30 })), true);
    assert.equal(held(trait('city', { operator: 'contains', value: '海' })), true);
    assert.equal(held(trait('city', { operator: 'starts_with', value: '海' })), false);
  });

  it('treats missing and null alike, and negative tests as exact negations', () => {
    for (const name of ['missing', 'none']) {
      assert.equal(held(trait(name, { operator: 'exists' })), false);
      assert.equal(held(trait(name, { operator: 'not_equals', value: 'x' })), true);
      assert.equal(held(trait(name, { operator: 'not_in', values: ['x'] })), true);
      assert.equal(held({ kind: 'not', condition: trait(name, { operator: 'gt', value: 0 }) }), true);
    }
  });

  it('counts relative days in the given zone: a value just after midnight UTC+8 is today in Shanghai', () => {
    assert.equal(held(trait('seen', { operator: 'within_last_days', days: 0 })), true);
    assert.equal(held(trait('seen', { operator: 'within_last_days', days: 0 }), 'UTC'), false);
    assert.equal(held(trait('seen', { operator: 'more_than_days_ago', days: 0 }), 'UTC'), true);
    assert.equal(held(trait('birthday', { operator: 'birthday_within_next_days', days: 2 })), true);
    assert.equal(held(trait('birthday', { operator: 'birthday_within_next_days', days: 1 })), false);
  });
});

describe('evaluate: events, tags, memberships', () => {
  it('counts, aggregates and times matching events', () => {
    const buy = { kind: 'event', event: 'Buy' };
    assert.equal(held({ ...buy, measure: { type: 'count', operator: 'exactly', value: 2 } }), true);
    assert.equal(
      held({
        ...buy,
        window: { type: 'last_days', days: 7 },
        measure: { type: 'count', operator: 'at_least', value: 2 },
      }),
      false,
    );
    const sum = {
      type: 'aggregate',
      function: 'sum',
      path: ['amount'],
      test: { operator: 'equals', value: 150 },
    };
    assert.equal(held({ ...buy, measure: sum }), true);
    assert.equal(
      held({
        ...buy,
        where: [{ path: ['item', 'sku'], test: { operator: 'equals', value: 'B' } }],
        measure: { type: 'did' },
      }),
      true,
    );
    assert.equal(
      held({ ...buy, measure: { type: 'first', test: { operator: 'within_last_days', days: 7 } } }),
      false,
    );
    assert.equal(
      held({ ...buy, measure: { type: 'last', test: { operator: 'within_last_days', days: 7 } } }),
      true,
    );
    assert.equal(held({ kind: 'event', type: 'page', measure: { type: 'did' } }), true);
  });

  it('needs the second event of a sequence strictly later and within the duration', () => {
    const sequence = (withinSeconds: number) => ({
      kind: 'sequence',
      first: { event: 'View' },
      next: { event: 'Buy' },
      withinSeconds,
    });
    assert.equal(held(sequence(1800)), true);
    assert.equal(held(sequence(1799)), false);
    assert.equal(held({ ...sequence(86_400), first: { event: 'Buy' }, next: { event: 'View' } }), false);
  });

  it('reads tags, audiences and scoped identifiers', () => {
    assert.equal(held({ kind: 'tag', tag: 'score', test: { operator: 'gte', value: 7 } }), true);
    assert.equal(held({ kind: 'tag', tag: 'other', test: { operator: 'not_exists' } }), true);
    assert.equal(held({ kind: 'audience', audience: 'vip', member: true }), true);
    assert.equal(
      held({ kind: 'identifier', identifierType: 'wechat_openid', scope: 'wx1', has: true }),
      true,
    );
    assert.equal(
      held({ kind: 'identifier', identifierType: 'wechat_openid', scope: 'wx', has: true }),
      false,
    );
    assert.equal(held({ kind: 'identifier', identifierType: 'email', has: false }), true);
  });
});

describe('evaluate: explanation', () => {
  it('explains every node with ids or paths and the observed values', () => {
    const { matched, explanation } = evaluate(
      Definition.parse({
        kind: 'and',
        conditions: [
          {
            kind: 'event',
            id: 'buys',
            event: 'Buy',
            measure: { type: 'count', operator: 'at_least', value: 3 },
          },
          { kind: 'not', condition: trait('age', { operator: 'lt', value: 18 }) },
        ],
      }),
      profile,
      { asOf },
    );
    assert.equal(matched, false);
    assert.deepEqual(explanation, {
      key: '$',
      kind: 'and',
      held: false,
      children: [
        { key: 'buys', kind: 'event', held: false, observed: { count: 2 } },
        {
          key: '$.1',
          kind: 'not',
          held: true,
          children: [{ key: '$.1.0', kind: 'trait', held: false, observed: { value: 30 } }],
        },
      ],
    });
  });
});
