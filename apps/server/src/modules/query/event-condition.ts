import type { EventCondition, EventMeasure } from '@cdp/protocol';
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Clock } from './clock.ts';
import { compileValueTest } from './compile-value-test.ts';
import { compileEventScope, inEventScope, propertyAt, propertyPath } from './event-scope.ts';
import type { LeafResult } from './explanation.ts';
import { matchValueTest } from './match-value-test.ts';
import type { ProfileSnapshot } from './profile-snapshot.ts';
import { compileTimeTest, matchTimeTest } from './time-test.ts';

type Aggregate = Extract<EventMeasure, { type: 'aggregate' }>;
const COUNT_OPERATOR = { at_least: '>=', at_most: '<=', exactly: '=' } as const;

/**
 * An event condition as SQL over `profile_events e` correlated with `p`. `did` = at least one matching
 * event, `did_not` = none; aggregates read JSON numbers at a property path (other values are skipped):
 * sum of none is 0, avg/min/max of none is missing, distinct count counts distinct text, number and
 * boolean values. `first`/`last` test the earliest/latest matching event time. SQL sums exactly
 * (numeric); the matcher adds binary floats, so sums of fractions may differ in the last digit.
 */
export function compileEvent(condition: EventCondition, clock: Clock): RawBuilder<SqlBool> {
  const scope = compileEventScope(condition, condition.window, 'e', clock);
  const from = sql`from profile_events e where e.workspace_id = p.workspace_id and e.profile_id = p.id and ${scope}`;
  const measure = condition.measure;
  switch (measure.type) {
    case 'did':
      return sql`exists (select 1 ${from})`;
    case 'did_not':
      return sql`not exists (select 1 ${from})`;
    case 'count':
      return sql`(select count(*) ${from}) ${sql.raw(COUNT_OPERATOR[measure.operator])} ${measure.value}::int`;
    case 'aggregate':
      return compileAggregate(measure, clock, scope);
    default: {
      const time = sql.raw(measure.type === 'first' ? 'min' : 'max');
      return sql`(select ${compileTimeTest(measure.test, clock)} from (select ${time}(e."timestamp") as t ${from}) as x)`;
    }
  }
}

const NO_EVENTS: ProfileSnapshot = { traits: {}, events: [], identifiers: [], tags: {}, audiences: [] };

/** The measure over a profile's matching events, as an aggregate of a `group by profile_id` (≥ 1 event). */
function measureHolds(condition: EventCondition, clock: Clock): RawBuilder<SqlBool> {
  const measure = condition.measure;
  switch (measure.type) {
    case 'did':
      return sql`true`;
    case 'did_not':
      return sql`false`;
    case 'count':
      return sql`count(*) ${sql.raw(COUNT_OPERATOR[measure.operator])} ${measure.value}::int`;
    case 'aggregate': {
      const value = {
        sum: sql`coalesce(sum(a.j::numeric), 0)`,
        avg: sql`avg(a.j::numeric)`,
        min: sql`min(a.j::numeric)`,
        max: sql`max(a.j::numeric)`,
        distinct_count: sql`count(distinct a.j)`,
      }[measure.function];
      return sql`(select ${compileValueTest(measure.test, clock)} from (select to_jsonb(${value}) as v) as x)`;
    }
    default: {
      const time = sql.raw(measure.type === 'first' ? 'min' : 'max');
      return sql`(select ${compileTimeTest(measure.test, clock)} from (select ${time}(e."timestamp") as t) as x)`;
    }
  }
}

/**
 * The set strategy of `compileEvent`, for whole workspaces (full recomputations, estimates): instead of
 * a subquery per profile, ONE uncorrelated subquery groups the workspace's matching events by profile
 * and keeps the profiles whose measure holds; PostgreSQL hashes it once (`p.id in (…)` stays a hashed
 * subplan under `or`, `not` and `case`). A profile without matching events is decided by what the
 * matcher says for no events (count 0, sum 0, no first/last time): when that holds, the subquery lists
 * the profiles for which the measure fails instead.
 */
export function compileEventSet(
  condition: EventCondition,
  clock: Clock,
  workspaceId: string,
): RawBuilder<SqlBool> {
  const scope = compileEventScope(condition, condition.window, 'e', clock);
  const measure = condition.measure;
  const aggregate = measure.type === 'aggregate';
  const numbers = aggregate && measure.function !== 'distinct_count';
  const from = aggregate
    ? sql`from profile_events e cross join lateral (select ${propertyPath(sql`e`, measure.path)} as j) as a
          where e.workspace_id = ${workspaceId}::text and ${scope}
            and ${numbers ? sql`jsonb_typeof(a.j) = 'number'` : sql`jsonb_typeof(a.j) in ('string', 'number', 'boolean')`}`
    : sql`from profile_events e where e.workspace_id = ${workspaceId}::text and ${scope}`;
  if (measure.type === 'did') return sql`p.id in (select e.profile_id ${from})`;
  if (measure.type === 'did_not') return sql`not (p.id in (select e.profile_id ${from}))`;
  const holds = measureHolds(condition, clock);
  return matchEvent(condition, NO_EVENTS, clock).held
    ? sql`not (p.id in (select e.profile_id ${from} group by e.profile_id having not ${holds}))`
    : sql`p.id in (select e.profile_id ${from} group by e.profile_id having ${holds})`;
}

function compileAggregate(measure: Aggregate, clock: Clock, scope: RawBuilder<SqlBool>): RawBuilder<SqlBool> {
  const numbers = measure.function !== 'distinct_count';
  const value = {
    sum: sql`coalesce(sum(a.j::numeric), 0)`,
    avg: sql`avg(a.j::numeric)`,
    min: sql`min(a.j::numeric)`,
    max: sql`max(a.j::numeric)`,
    distinct_count: sql`count(distinct a.j)`,
  }[measure.function];
  const kinds = numbers
    ? sql`jsonb_typeof(a.j) = 'number'`
    : sql`jsonb_typeof(a.j) in ('string', 'number', 'boolean')`;
  return sql`(select ${compileValueTest(measure.test, clock)} from (select to_jsonb(${value}) as v from profile_events e cross join lateral (select ${propertyPath(sql`e`, measure.path)} as j) as a where e.workspace_id = p.workspace_id and e.profile_id = p.id and ${scope} and ${kinds}) as x)`;
}

/** The in-memory twin of `compileEvent`, with what it observed (count, aggregate value, time). */
export function matchEvent(condition: EventCondition, profile: ProfileSnapshot, clock: Clock): LeafResult {
  const events = profile.events.filter((event) => inEventScope(event, condition, condition.window, clock));
  const measure = condition.measure;
  switch (measure.type) {
    case 'did':
    case 'did_not':
      return { held: events.length > 0 === (measure.type === 'did'), observed: { count: events.length } };
    case 'count': {
      const n = events.length;
      const held = {
        at_least: n >= measure.value,
        at_most: n <= measure.value,
        exactly: n === measure.value,
      }[measure.operator];
      return { held, observed: { count: n } };
    }
    case 'aggregate': {
      const value = aggregate(
        measure,
        events.map((event) => propertyAt(event, measure.path)),
      );
      return { held: matchValueTest(value, measure.test, clock), observed: { value, events: events.length } };
    }
    default: {
      const times = events.map((event) => event.timestamp.getTime());
      const at =
        times.length === 0
          ? undefined
          : times.reduce((a, b) => (measure.type === 'first' ? Math.min(a, b) : Math.max(a, b)));
      const held = matchTimeTest(at === undefined ? undefined : at * 1000, measure.test, clock);
      return {
        held,
        observed: { at: at === undefined ? null : new Date(at).toISOString(), events: events.length },
      };
    }
  }
}

function aggregate(measure: Aggregate, values: unknown[]): number | undefined {
  if (measure.function === 'distinct_count')
    return new Set(
      values.filter((v) => ['string', 'number', 'boolean'].includes(typeof v)).map((v) => JSON.stringify(v)),
    ).size;
  const numbers = values.filter((v): v is number => typeof v === 'number');
  if (measure.function === 'sum') return numbers.reduce((a, b) => a + b, 0);
  if (numbers.length === 0) return undefined;
  if (measure.function === 'avg') return numbers.reduce((a, b) => a + b, 0) / numbers.length;
  return numbers.reduce((a, b) => (measure.function === 'min' ? Math.min(a, b) : Math.max(a, b)));
}
