import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Definition } from '@cdp/protocol';
import fc from 'fast-check';
import { countProfiles } from '../src/modules/query/index.ts';
import { CLOCKS, definition, profiles } from '../src/modules/query/query-arbitraries.test-helper.ts';
import {
  assertAgreement,
  type FixtureProfile,
  insertProfiles,
} from '../src/modules/query/query-fixtures.test-helper.ts';
import { backends, type OpenedDatabase, openFreshDatabase } from './support/backends.ts';

const asOf = new Date('2026-03-10T04:00:00Z'); // 12:00 on 10 March in Shanghai
const at = (iso: string) => new Date(iso);
const none = { traits: {}, events: [], identifiers: [], tags: {}, audiences: [] };

/** Five people covering each condition kind (CASES say who matches what). */
const PEOPLE: FixtureProfile[] = [
  {
    ...none,
    id: 'alice',
    traits: { age: 34, city: '上海', vip: true, birthday: '1992-03-12', score: 10 },
    events: [
      {
        type: 'track',
        event: 'Buy',
        timestamp: at('2026-03-09T16:00:00Z'),
        properties: { amount: 120, item: { sku: 'A' } },
      },
      { type: 'track', event: 'Buy', timestamp: at('2026-01-01T02:00:00Z'), properties: { amount: 30 } },
      { type: 'track', event: 'View', timestamp: at('2026-03-09T15:30:00Z') },
    ],
    identifiers: [
      { type: 'wechat_openid', value: 'wx1/o-alice' },
      { type: 'phone', value: '+8613800000001' },
    ],
    tags: { rfm: 'gold', ltv: 150 },
    audiences: ['vip'],
  },
  {
    ...none,
    id: 'bob',
    traits: { age: '34', city: '北京', vip: false, score: '10', birthday: '1990-02-29' },
    events: [
      {
        type: 'track',
        event: 'Buy',
        timestamp: at('2026-03-09T15:59:59.999Z'),
        properties: { amount: '50' },
      },
    ],
    identifiers: [{ type: 'wechat_openid', value: 'wx10/o-bob' }],
    tags: { rfm: 'silver', ltv: '150' },
  },
  {
    ...none,
    id: 'carol',
    traits: { age: null, city: '上海市' },
    events: [{ type: 'page', event: null, timestamp: at('2025-11-01T00:00:00Z') }],
  },
  {
    ...none,
    id: 'dave',
    traits: { signup: '2026-03-09T16:30:00Z' },
    audiences: ['vip', 'lapsed'],
    tags: { rfm: true },
  },
  { ...none, id: 'erin', traits: { signup: '2026-03-09T15:30:00+00:00' } },
];

/** Definitions with the ids they must select (on PEOPLE, as of 10 March 12:00 in Shanghai). */
const CASES: [string, unknown, string[]][] = [
  [
    'number trait ≥ 18 ignores the text "34"',
    { kind: 'trait', trait: 'age', test: { operator: 'gte', value: 18 } },
    ['alice'],
  ],
  ['text equals', { kind: 'trait', trait: 'city', test: { operator: 'equals', value: '上海' } }, ['alice']],
  [
    'starts with',
    { kind: 'trait', trait: 'city', test: { operator: 'starts_with', value: '上海' } },
    ['alice', 'carol'],
  ],
  [
    'not equals includes missing and null',
    { kind: 'trait', trait: 'age', test: { operator: 'not_equals', value: 34 } },
    ['bob', 'carol', 'dave', 'erin'],
  ],
  ['exists excludes null', { kind: 'trait', trait: 'age', test: { operator: 'exists' } }, ['alice', 'bob']],
  ['is false', { kind: 'trait', trait: 'vip', test: { operator: 'is_false' } }, ['bob']],
  [
    'birthday in 2 days',
    { kind: 'trait', trait: 'birthday', test: { operator: 'birthday_within_next_days', days: 2 } },
    ['alice'],
  ],
  [
    'signed up today (Shanghai day)',
    { kind: 'trait', trait: 'signup', test: { operator: 'within_last_days', days: 0 } },
    ['dave'],
  ],
  [
    'signed up before 10 March',
    { kind: 'trait', trait: 'signup', test: { operator: 'lt', value: '2026-03-10' } },
    ['erin'],
  ],
  [
    'bought in the last 7 days: today or the 6 days before',
    { kind: 'event', event: 'Buy', window: { type: 'last_days', days: 7 }, measure: { type: 'did' } },
    ['alice', 'bob'],
  ],
  [
    'bought today (window starts at local midnight)',
    { kind: 'event', event: 'Buy', window: { type: 'last_days', days: 1 }, measure: { type: 'did' } },
    ['alice'],
  ],
  ['never bought', { kind: 'event', event: 'Buy', measure: { type: 'did_not' } }, ['carol', 'dave', 'erin']],
  [
    'bought at least twice',
    { kind: 'event', event: 'Buy', measure: { type: 'count', operator: 'at_least', value: 2 } },
    ['alice'],
  ],
  [
    'bought sku A',
    {
      kind: 'event',
      event: 'Buy',
      where: [{ path: ['item', 'sku'], test: { operator: 'equals', value: 'A' } }],
      measure: { type: 'did' },
    },
    ['alice'],
  ],
  [
    'spent over 100 (text amounts skipped)',
    {
      kind: 'event',
      event: 'Buy',
      measure: { type: 'aggregate', function: 'sum', path: ['amount'], test: { operator: 'gt', value: 100 } },
    },
    ['alice'],
  ],
  [
    'spent at most 100 (no purchases = 0)',
    {
      kind: 'event',
      event: 'Buy',
      measure: {
        type: 'aggregate',
        function: 'sum',
        path: ['amount'],
        test: { operator: 'lte', value: 100 },
      },
    },
    ['bob', 'carol', 'dave', 'erin'],
  ],
  [
    'first purchase within 30 days',
    {
      kind: 'event',
      event: 'Buy',
      measure: { type: 'first', test: { operator: 'within_last_days', days: 30 } },
    },
    ['bob'],
  ],
  [
    'last activity more than 90 days ago',
    { kind: 'event', measure: { type: 'last', test: { operator: 'more_than_days_ago', days: 90 } } },
    ['carol'],
  ],
  [
    'viewed then bought within an hour',
    { kind: 'sequence', first: { event: 'View' }, next: { event: 'Buy' }, withinSeconds: 3600 },
    ['alice'],
  ],
  [
    'tag in gold/silver',
    { kind: 'tag', tag: 'rfm', test: { operator: 'in', values: ['gold', 'silver'] } },
    ['alice', 'bob'],
  ],
  [
    'tag ltv ≥ 100 (number only)',
    { kind: 'tag', tag: 'ltv', test: { operator: 'gte', value: 100 } },
    ['alice'],
  ],
  ['tag has no value', { kind: 'tag', tag: 'rfm', test: { operator: 'not_exists' } }, ['carol', 'erin']],
  [
    'member of vip but not lapsed',
    {
      kind: 'and',
      conditions: [
        { kind: 'audience', audience: 'vip', member: true },
        { kind: 'audience', audience: 'lapsed', member: false },
      ],
    },
    ['alice'],
  ],
  [
    'WeChat OpenID for app wx1 (not wx10)',
    { kind: 'identifier', identifierType: 'wechat_openid', scope: 'wx1', has: true },
    ['alice'],
  ],
  ['no phone', { kind: 'identifier', identifierType: 'phone', has: false }, ['bob', 'carol', 'dave', 'erin']],
  [
    'not over missing data',
    { kind: 'not', condition: { kind: 'trait', trait: 'score', test: { operator: 'gt', value: 5 } } },
    ['bob', 'carol', 'dave', 'erin'],
  ],
];

for (const backend of backends()) {
  describe(`query definitions on ${backend}`, () => {
    let handle: OpenedDatabase<unknown>;
    const options = { workspaceId: 'ws_people', asOf, timeZone: 'Asia/Shanghai' };

    before(async () => {
      handle = await openFreshDatabase<unknown>(backend);
      await insertProfiles(handle.db, options.workspaceId, PEOPLE);
      await insertProfiles(handle.db, 'ws_other', [{ ...PEOPLE[0], id: 'alice' }]);
    });
    after(async () => {
      await handle?.drop();
    });

    for (const [title, input, expected] of CASES)
      it(`${title}: selects ${expected.join(', ') || 'nobody'}`, async () => {
        const tree = Definition.parse(input);
        assert.deepEqual(await assertAgreement(handle.db, tree, PEOPLE, options), expected);
        const [{ count }] = (await handle.db.executeQuery(countProfiles(tree, options))).rows;
        assert.equal(count, expected.length);
      });

    it('moves day windows with the time zone: in UTC both purchases fall on 9 March', async () => {
      const today = Definition.parse({
        kind: 'event',
        event: 'Buy',
        window: { type: 'last_days', days: 1 },
        measure: { type: 'did' },
      });
      const utc = { ...options, asOf: at('2026-03-09T18:00:00Z'), timeZone: 'UTC' };
      assert.deepEqual(await assertAgreement(handle.db, today, PEOPLE, utc), ['alice', 'bob']);
      const tomorrow = { ...options, asOf: at('2026-03-10T18:00:00Z'), timeZone: 'UTC' };
      assert.deepEqual(await assertAgreement(handle.db, today, PEOPLE, tomorrow), []);
    });

    it('agrees with the matcher on random definitions and profiles', async () => {
      let run = 0;
      const scenario = CLOCKS.chain(({ asOf, timeZone }) =>
        fc.record({
          asOf: fc.constant(asOf),
          timeZone: fc.constant(timeZone),
          people: profiles(asOf),
          trees: fc.array(definition(asOf), { minLength: 6, maxLength: 6 }),
        }),
      );
      await fc.assert(
        fc.asyncProperty(scenario, async ({ asOf, timeZone, people, trees }) => {
          const workspaceId = `ws_random_${run++}`;
          await insertProfiles(handle.db, workspaceId, people);
          for (const tree of trees)
            await assertAgreement(handle.db, tree, people, { workspaceId, asOf, timeZone });
        }),
        { numRuns: 100, seed: 20261123, endOnFailure: true },
      );
    });
  });
}
