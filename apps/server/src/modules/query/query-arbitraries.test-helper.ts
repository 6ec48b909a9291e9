import { type Condition, Definition } from '@cdp/protocol';
import fc from 'fast-check';
import type { FixtureProfile } from './query-fixtures.test-helper.ts';

/**
 * Random definitions and profiles over a small vocabulary, so that conditions and data meet often:
 * missing traits, null, text "10" against number 10, dates at local-midnight boundaries in three zones.
 */
const DAY = 86_400_000;

/** Per time zone, "now" at a local midnight (so day windows start exactly on event times) or not. */
export const CLOCKS: fc.Arbitrary<{ asOf: Date; timeZone: string }> = fc
  .constantFrom(
    ['Asia/Shanghai', '2026-03-09T16:00:00.000Z'],
    ['UTC', '2026-03-10T00:00:00.000Z'],
    ['America/New_York', '2026-03-10T04:00:00.000Z'],
  )
  .chain(([timeZone, midnight]) =>
    fc.record({
      timeZone: fc.constant(timeZone),
      asOf: fc
        .constantFrom(midnight, midnight, '2026-03-10T09:30:00.000Z', '2024-02-28T23:59:59.999Z')
        .map((s) => new Date(s)),
    }),
  );

/** An instant near `asOf`: whole days away, optionally nudged by a millisecond or some hours. */
const near = (asOf: Date, min = -10) =>
  fc
    .tuple(
      fc.integer({ min, max: 3 }),
      fc.constantFrom(0, 0, -1, 1, 8 * 3_600_000, -8 * 3_600_000, -5 * 3_600_000),
    )
    .map(([days, nudge]) => new Date(asOf.getTime() + days * DAY + nudge));

/** Date strings of every accepted shape around `asOf`, plus birthdays around the year end and 29 February. */
const dateText = (asOf: Date) =>
  fc.oneof(
    near(asOf).map((d) => d.toISOString().slice(0, 10)),
    near(asOf).map((d) => d.toISOString()),
    near(asOf).map((d) => d.toISOString().slice(0, 19)),
    near(asOf).map((d) => `${d.toISOString().slice(0, 19).replace('T', ' ')}+08:00`),
    fc.constantFrom('1992-02-29', '1990-03-10', '1990-03-11', '1990-12-31', '1991-01-01', '1985-02-28'),
  );

const scalar = fc.constantFrom<string | number | boolean>(
  0,
  1,
  5,
  10,
  -2,
  2.5,
  '10',
  '5',
  'abc',
  'ab%_c',
  "o'neil",
  '上海',
  '',
  true,
  false,
);
const json = (asOf: Date) =>
  fc.oneof(scalar, dateText(asOf), fc.constant(null), fc.constant({ a: 1 }), fc.constant([1, '10']));
const number = fc.constantFrom(0, 1, 5, 10, 2.5, -2);
const days = fc.integer({ min: 0, max: 8 });

const dateOperand = (asOf: Date) =>
  fc.oneof(
    near(asOf).map((d) => d.toISOString().slice(0, 10)),
    near(asOf).map((d) => d.toISOString()),
  );

function valueTest(asOf: Date) {
  const text = fc.constantFrom('a', 'c', '%', '_', '上', '', "'", '0', '\\');
  const ordered = fc.constantFrom('gt', 'gte', 'lt', 'lte');
  return fc.oneof(
    fc.record({ operator: fc.constantFrom('equals', 'not_equals'), value: scalar }),
    fc.record({
      operator: fc.constantFrom('in', 'not_in'),
      values: fc.array(scalar, { minLength: 1, maxLength: 3 }),
    }),
    fc.record({ operator: fc.constantFrom('contains', 'starts_with', 'ends_with'), value: text }),
    fc.record({ operator: ordered, value: fc.oneof(number, dateOperand(asOf)) }),
    fc.tuple(number, number).map(([from, to]) => ({ operator: 'between', from, to })),
    fc.tuple(near(asOf), near(asOf), fc.boolean()).map(([a, b, day]) => {
      const [from, to] = [a, b].map((d) => (day ? d.toISOString().slice(0, 10) : d.toISOString()));
      return { operator: 'between', from, to };
    }),
    fc.record({ operator: fc.constantFrom('exists', 'not_exists', 'is_true', 'is_false') }),
    fc.record({
      operator: fc.constantFrom('within_last_days', 'within_next_days', 'more_than_days_ago'),
      days,
    }),
    fc.record({ operator: fc.constant('birthday_within_next_days'), days: fc.integer({ min: 0, max: 40 }) }),
  );
}

function timeTest(asOf: Date) {
  return fc.oneof(
    fc.record({ operator: fc.constantFrom('gt', 'gte', 'lt', 'lte'), value: dateOperand(asOf) }),
    fc.record({ operator: fc.constantFrom('exists', 'not_exists') }),
    fc.record({
      operator: fc.constantFrom('within_last_days', 'within_next_days', 'more_than_days_ago'),
      days,
    }),
  );
}

const path = fc.constantFrom(['n'], ['o', 'k'], ['o'], ['d'], ['missing', 'x']);

function eventMatch(asOf: Date) {
  return fc.record(
    {
      event: fc.constantFrom('A', 'B'),
      type: fc.constantFrom('track', 'track', 'track', 'page'),
      where: fc.oneof(fc.constant([]), fc.constant([]), fc.tuple(fc.record({ path, test: valueTest(asOf) }))),
    },
    { requiredKeys: [] },
  );
}

function window(asOf: Date) {
  return fc.oneof(
    fc.constant(undefined),
    fc.constant({ type: 'ever' }),
    days.map((n) => ({ type: 'last_days', days: Math.max(1, n) })),
    fc.tuple(dateOperand(asOf), dateOperand(asOf)).map(([from, to]) => ({ type: 'between', from, to })),
  );
}

function measure(asOf: Date) {
  return fc.oneof(
    fc.record({ type: fc.constantFrom('did', 'did_not') }),
    fc.record({
      type: fc.constant('count'),
      operator: fc.constantFrom('at_least', 'at_most', 'exactly'),
      value: fc.integer({ min: 0, max: 3 }),
    }),
    fc.record({
      type: fc.constant('aggregate'),
      function: fc.constantFrom('sum', 'avg', 'min', 'max', 'distinct_count'),
      path: fc.constantFrom(['n'], ['o', 'k']),
      test: fc.oneof(
        fc.record({
          operator: fc.constantFrom('equals', 'not_equals', 'gt', 'gte', 'lt', 'lte'),
          value: number,
        }),
        fc.tuple(number, number).map(([from, to]) => ({ operator: 'between', from, to })),
      ),
    }),
    fc.record({ type: fc.constantFrom('first', 'last'), test: timeTest(asOf) }),
  );
}

function leaf(asOf: Date): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.record({ kind: fc.constant('trait'), trait: fc.constantFrom('a', 'b', 'c'), test: valueTest(asOf) }),
    fc
      .tuple(eventMatch(asOf), window(asOf), measure(asOf))
      .map(([match, w, m]) => ({ kind: 'event', ...match, window: w, measure: m })),
    fc.record({
      kind: fc.constant('sequence'),
      first: eventMatch(asOf),
      next: eventMatch(asOf),
      withinSeconds: fc.constantFrom(1, 3600, 8 * 3600, 3 * 86_400),
      window: window(asOf),
    }),
    fc.record({ kind: fc.constant('tag'), tag: fc.constantFrom('t1', 't2'), test: valueTest(asOf) }),
    fc.record({ kind: fc.constant('audience'), audience: fc.constantFrom('a1', 'a2'), member: fc.boolean() }),
    fc.record(
      {
        kind: fc.constant('identifier'),
        identifierType: fc.constantFrom('phone', 'wechat_openid'),
        scope: fc.constantFrom('wx1', 'wx'),
        has: fc.boolean(),
      },
      { requiredKeys: ['kind', 'identifierType', 'has'] },
    ),
  );
}

/** A random definition tree (depth ≤ 4), validated by the protocol schema. */
export function definition(asOf: Date): fc.Arbitrary<Condition> {
  const { tree } = fc.letrec<{ tree: unknown }>((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { arbitrary: leaf(asOf), weight: 3 },
      fc.record({
        kind: fc.constantFrom('and', 'or'),
        conditions: fc.array(tie('tree'), { minLength: 1, maxLength: 3 }),
      }),
      fc.record({ kind: fc.constant('not'), condition: tie('tree') }),
    ),
  }));
  return tree.filter((t) => Definition.safeParse(t).success).map((t) => Definition.parse(t));
}

function event(asOf: Date) {
  return fc
    .record({
      type: fc.constantFrom('track', 'track', 'page'),
      name: fc.constantFrom('A', 'B'),
      timestamp: near(asOf, -5),
      properties: fc.oneof(
        fc.constant(null),
        fc.record(
          { n: fc.oneof(number, scalar), o: fc.oneof(fc.record({ k: scalar }), scalar), d: dateText(asOf) },
          { requiredKeys: [] },
        ),
      ),
    })
    .map(({ type, name, timestamp, properties }) => ({
      type,
      event: type === 'track' ? name : null,
      timestamp,
      properties,
    }));
}

/** Five profiles with random traits, events, identifiers, tag values and memberships. */
export function profiles(asOf: Date): fc.Arbitrary<FixtureProfile[]> {
  const profile = (i: number) =>
    fc.record({
      id: fc.constant(`p${i}`),
      traits: fc.dictionary(fc.constantFrom('a', 'b', 'c'), json(asOf), { maxKeys: 3 }),
      events: fc.array(event(asOf), { maxLength: 7 }),
      identifiers: fc.subarray([
        { type: 'phone', value: `+86138000000${i}` },
        { type: 'wechat_openid', value: `wx1/o-${i}` },
        { type: 'wechat_openid', value: `wx10/o-${i}` },
      ]),
      tags: fc.dictionary(fc.constantFrom('t1', 't2'), fc.oneof(scalar, dateText(asOf)), { maxKeys: 2 }),
      audiences: fc.subarray(['a1', 'a2']),
    });
  return fc.tuple(...[0, 1, 2, 3, 4].map(profile));
}
