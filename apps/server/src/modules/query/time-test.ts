import type { TimeTest } from '@cdp/protocol';
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Clock } from './clock.ts';
import { compileInstantRange } from './compile-value-test.ts';
import { inRange, instantRange } from './date-range.ts';

/**
 * A test on an instant that may be missing (the first or last time of an event; SQL column `x.t`).
 * Date-only operands and relative days cover whole local days; missing fails all but `not_exists`.
 */
export function compileTimeTest(test: TimeTest, clock: Clock): RawBuilder<SqlBool> {
  if (isPresence(test)) return test.operator === 'exists' ? sql`x.t is not null` : sql`x.t is null`;
  return sql`coalesce(${compileInstantRange(sql`x.t`, instantRange(test, clock))}, false)`;
}

/** The in-memory twin of `compileTimeTest`; `at` in epoch microseconds. */
export function matchTimeTest(at: number | undefined, test: TimeTest, clock: Clock): boolean {
  if (isPresence(test)) return (at !== undefined) === (test.operator === 'exists');
  return at !== undefined && inRange(at, instantRange(test, clock));
}

const isPresence = (test: TimeTest): test is Extract<TimeTest, { operator: 'exists' | 'not_exists' }> =>
  test.operator === 'exists' || test.operator === 'not_exists';
