import type { ValueTest } from '@cdp/protocol';
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Clock } from './clock.ts';
import { birthdayMonthDays, type DateTest, dateComparison, type InstantRange } from './date-range.ts';
import { SQL_DATE_TEXT, SQL_HAS_OFFSET } from './date-text.ts';

/**
 * SQL for a value test on the jsonb column `x.v` (SQL NULL = missing), never NULL itself. Each user value
 * is a parameter; casts sit behind `case` guards so that no stored value can make the statement fail.
 * Semantics (no coercion, dates, missing values) are documented in `@cdp/protocol` definitions.
 */
export function compileValueTest(test: ValueTest, clock: Clock): RawBuilder<SqlBool> {
  switch (test.operator) {
    case 'equals':
      return sql`coalesce(x.v = ${JSON.stringify(test.value)}::jsonb, false)`;
    case 'not_equals':
      return sql`not coalesce(x.v = ${JSON.stringify(test.value)}::jsonb, false)`;
    case 'in':
      return sql`coalesce(x.v = any(${test.values.map((v) => JSON.stringify(v))}::jsonb[]), false)`;
    case 'not_in':
      return sql`not coalesce(x.v = any(${test.values.map((v) => JSON.stringify(v))}::jsonb[]), false)`;
    case 'contains':
      return whenString(sql`strpos(x.v #>> '{}', ${test.value}::text) > 0`);
    case 'starts_with':
      return whenString(sql`starts_with(x.v #>> '{}', ${test.value}::text)`);
    case 'ends_with':
      return whenString(sql`starts_with(reverse(x.v #>> '{}'), reverse(${test.value}::text))`);
    case 'exists':
      return sql`coalesce(jsonb_typeof(x.v) <> 'null', false)`;
    case 'not_exists':
      return sql`not coalesce(jsonb_typeof(x.v) <> 'null', false)`;
    case 'is_true':
      return sql`coalesce(x.v = 'true'::jsonb, false)`;
    case 'is_false':
      return sql`coalesce(x.v = 'false'::jsonb, false)`;
    case 'birthday_within_next_days':
      return whenDate(
        sql`to_char(${localDate(clock)}, 'MM-DD') = any(${birthdayMonthDays(clock.today, test.days)}::text[])`,
      );
    default:
      return compileOrder(test, clock);
  }
}

function compileOrder(test: DateTest, clock: Clock): RawBuilder<SqlBool> {
  if (test.operator === 'between' && typeof test.from === 'number')
    return whenNumber(sql`x.v::numeric between ${test.from}::numeric and ${test.to}::numeric`);
  if ('value' in test && typeof test.value === 'number')
    return whenNumber(sql`x.v::numeric ${sql.raw(SQL_OPERATOR[test.operator])} ${test.value}::numeric`);
  const comparison = dateComparison(test, clock);
  if (comparison.by === 'instant') return whenDate(compileInstantRange(instantOf(clock), comparison.range));
  const { from, to } = comparison.range;
  const day = localDate(clock);
  if (from !== undefined && to !== undefined)
    return whenDate(sql`${day} between ${from}::date and ${to}::date`);
  return whenDate(from !== undefined ? sql`${day} >= ${from}::date` : sql`${day} <= ${to}::date`);
}

const SQL_OPERATOR = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

/** `at` within a range of instants (epoch µs, passed as ISO text), as SQL over a timestamptz expression. */
export function compileInstantRange(at: RawBuilder<unknown>, range: InstantRange): RawBuilder<SqlBool> {
  const parts: RawBuilder<SqlBool>[] = [];
  if (range.from)
    parts.push(sql`${at} ${sql.raw(range.from.inclusive ? '>=' : '>')} ${iso(range.from.at)}::timestamptz`);
  if (range.to)
    parts.push(sql`${at} ${sql.raw(range.to.inclusive ? '<=' : '<')} ${iso(range.to.at)}::timestamptz`);
  return parts.length === 0 ? sql`true` : sql.join(parts, sql` and `);
}

/** An instant in epoch microseconds as ISO-8601 text with microseconds. */
export function iso(micros: number): string {
  const ms = Math.floor(micros / 1000);
  const rest = String(micros - ms * 1000).padStart(3, '0');
  return new Date(ms).toISOString().replace('Z', `${rest}Z`);
}

const whenString = (test: RawBuilder<SqlBool>) =>
  sql<SqlBool>`case when jsonb_typeof(x.v) = 'string' then ${test} else false end`;
const whenNumber = (test: RawBuilder<SqlBool>) =>
  sql<SqlBool>`case when jsonb_typeof(x.v) = 'number' then ${test} else false end`;
const whenDate = (test: RawBuilder<SqlBool>) =>
  sql<SqlBool>`case when jsonb_typeof(x.v) = 'string' and (x.v #>> '{}') ~ ${sql.lit(SQL_DATE_TEXT)} then ${test} else false end`;

/** The local date of the date string `x.v` (only under `whenDate`). */
const localDate = (clock: Clock) =>
  sql`(case when (x.v #>> '{}') ~ ${sql.lit(SQL_HAS_OFFSET)} then ((x.v #>> '{}')::timestamptz at time zone ${clock.timeZone}::text)::date else left(x.v #>> '{}', 10)::date end)`;

/** The instant of the date string `x.v` (only under `whenDate`). */
const instantOf = (clock: Clock) =>
  sql`(case when (x.v #>> '{}') ~ ${sql.lit(SQL_HAS_OFFSET)} then (x.v #>> '{}')::timestamptz else (x.v #>> '{}')::timestamp at time zone ${clock.timeZone}::text end)`;
