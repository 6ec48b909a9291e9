import type { EventCondition, EventMeasure } from '@cdp/protocol';
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Clock } from './clock.ts';
import { compileValueTest } from './compile-value-test.ts';
import { compileEventScope, inEventScope, propertyAt, propertyPath } from './event-scope.ts';
import type { LeafResult } from './explanation.ts';
import { matchValueTest } from './match-value-test.ts';
import type { ProfileSnapshot } from './profile-snapshot.ts';
import { toSql } from './sql-compiler.ts';
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

/** The measure's value over a profile's matching events, as an aggregate of a `group by profile_id`. */
function measureValue(condition: EventCondition): RawBuilder<unknown> {
  const measure = condition.measure;
  switch (measure.type) {
    case 'did':
    case 'did_not':
    case 'count':
      return sql`count(*)`;
    case 'aggregate':
      return {
        sum: sql`to_jsonb(coalesce(sum(a.j::numeric), 0))`,
        avg: sql`to_jsonb(avg(a.j::numeric))`,
        min: sql`to_jsonb(min(a.j::numeric))`,
        max: sql`to_jsonb(max(a.j::numeric))`,
        distinct_count: sql`to_jsonb(count(distinct a.j))`,
      }[measure.function];
    default:
      return measure.type === 'first' ? sql`min(e."timestamp")` : sql`max(e."timestamp")`;
  }
}

/** Whether the measure holds for a profile with matching events, its value being `m`. */
function measureHolds(condition: EventCondition, m: RawBuilder<unknown>, clock: Clock): RawBuilder<SqlBool> {
  const measure = condition.measure;
  switch (measure.type) {
    case 'did':
      return sql`true`;
    case 'did_not':
      return sql`false`;
    case 'count':
      return sql`${m} ${sql.raw(COUNT_OPERATOR[measure.operator])} ${measure.value}::int`;
    case 'aggregate':
      return sql`(select ${compileValueTest(measure.test, clock)} from (select ${m} as v) as x)`;
    default:
      return sql`(select ${compileTimeTest(measure.test, clock)} from (select ${m} as t) as x)`;
  }
}

/** One grouped subquery over the events of one scope, with a column per measure read from it. */
export interface ScopeJoin {
  readonly alias: string;
  readonly from: RawBuilder<unknown>;
  readonly columns: RawBuilder<unknown>[];
}

/** Where the whole-workspace strategy collects the grouped subqueries it joins to `profiles p`. */
export interface WorkspaceJoins {
  readonly workspaceId: string;
  /** By scope (the compiled `from … where …`): conditions on the same events share one pass. */
  readonly joins: Map<string, ScopeJoin>;
}

/** `left join (select e.profile_id, m0, m1… from … group by e.profile_id) as evN on …` per scope. */
export function joinsOf(into: WorkspaceJoins): RawBuilder<unknown>[] {
  return [...into.joins.values()].map(
    (j) =>
      sql`left join (select e.profile_id, ${sql.join(j.columns)} ${j.from} group by e.profile_id) as ${sql.raw(j.alias)} on ${sql.raw(j.alias)}.profile_id = p.id`,
  );
}

/**
 * The whole-workspace strategy of `compileEvent` (full recomputations, estimates, tags over all
 * profiles): instead of a subquery per profile, ONE subquery groups the workspace's matching events by
 * profile, left-joined to `profiles p` (a hash join, which spills to disk rather than degrading), and
 * the condition reads its column; conditions over the same events (e.g. lifecycle stages: never
 * bought, first and last purchase) share one subquery and one pass. A profile without matching events is decided by what the matcher
 * says for no events (count 0, sum 0, no first/last time).
 */
export function compileEventJoined(
  condition: EventCondition,
  clock: Clock,
  into: WorkspaceJoins,
): RawBuilder<SqlBool> {
  const scope = compileEventScope(condition, condition.window, 'e', clock);
  const measure = condition.measure;
  const kinds =
    measure.type === 'aggregate' && measure.function === 'distinct_count'
      ? sql`jsonb_typeof(a.j) in ('string', 'number', 'boolean')`
      : sql`jsonb_typeof(a.j) = 'number'`;
  const from =
    measure.type === 'aggregate'
      ? sql`from profile_events e cross join lateral (select ${propertyPath(sql`e`, measure.path)} as j) as a
          where e.workspace_id = ${into.workspaceId}::text and ${scope} and ${kinds}`
      : sql`from profile_events e where e.workspace_id = ${into.workspaceId}::text and ${scope}`;
  const compiled = toSql(from);
  const key = JSON.stringify([compiled.sql, compiled.parameters]);
  let join = into.joins.get(key);
  if (!join) {
    join = { alias: `ev${into.joins.size}`, from, columns: [] };
    into.joins.set(key, join);
  }
  const column = `m${join.columns.length}`;
  join.columns.push(sql`${measureValue(condition)} as ${sql.raw(column)}`);
  const alias = sql.raw(join.alias);
  const none = matchEvent(condition, NO_EVENTS, clock).held;
  return sql`(case when ${alias}.profile_id is null then ${sql.raw(none ? 'true' : 'false')} else ${measureHolds(condition, sql`${alias}.${sql.raw(column)}`, clock)} end)`;
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
