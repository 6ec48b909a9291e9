import type { EventMatch, EventWindow } from '@cdp/protocol';
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Clock } from './clock.ts';
import { compileInstantRange, compileValueTest } from './compile-value-test.ts';
import { inRange, windowRange } from './date-range.ts';
import { matchValueTest } from './match-value-test.ts';
import { field, type ProfileEvent } from './profile-snapshot.ts';

/**
 * Which events count: name (exact, case-sensitive), message type, window and property filters. Property
 * paths walk object keys only (an array is never indexed); a missing key is a missing value.
 */
export function compileEventScope(
  match: EventMatch,
  window: EventWindow | undefined,
  alias: 'e' | 'a' | 'b',
  clock: Clock,
): RawBuilder<SqlBool> {
  const e = sql.raw(alias);
  const parts: RawBuilder<SqlBool>[] = [];
  if (match.event !== undefined) parts.push(sql`${e}.event = ${match.event}::text`);
  if (match.type !== undefined) parts.push(sql`${e}.type = ${match.type}::text`);
  const range = windowRange(window, clock);
  if (range.from || range.to) parts.push(compileInstantRange(sql`${e}."timestamp"`, range));
  for (const filter of match.where ?? [])
    parts.push(
      sql`(select ${compileValueTest(filter.test, clock)} from (select ${propertyPath(e, filter.path)} as v) as x)`,
    );
  return parts.length === 0 ? sql`true` : sql.join(parts, sql` and `);
}

/** `e.properties -> $1::text -> $2::text …`: one parameter per key. */
export function propertyPath(e: RawBuilder<unknown>, path: readonly string[]): RawBuilder<unknown> {
  return sql.join([sql`${e}.properties`, ...path.map((key) => sql`${key}::text`)], sql` -> `);
}

/** The JSON value at a property path of an event, `undefined` when missing. */
export function propertyAt(event: ProfileEvent, path: readonly string[]): unknown {
  let value: unknown = event.properties ?? undefined;
  for (const key of path) value = field(value, key);
  return value;
}

/** Window ranges per evaluation clock: computed once per condition, not once per event. */
const ranges = new WeakMap<Clock, WeakMap<EventWindow, ReturnType<typeof windowRange>>>();
function cachedWindowRange(window: EventWindow | undefined, clock: Clock) {
  if (!window) return windowRange(window, clock);
  const byWindow = ranges.get(clock) ?? new WeakMap<EventWindow, ReturnType<typeof windowRange>>();
  ranges.set(clock, byWindow);
  const range = byWindow.get(window) ?? windowRange(window, clock);
  byWindow.set(window, range);
  return range;
}

/** The in-memory twin of `compileEventScope`. */
export function inEventScope(
  event: ProfileEvent,
  match: EventMatch,
  window: EventWindow | undefined,
  clock: Clock,
): boolean {
  if (match.event !== undefined && event.event !== match.event) return false;
  if (match.type !== undefined && event.type !== match.type) return false;
  if (!inRange(event.timestamp.getTime() * 1000, cachedWindowRange(window, clock))) return false;
  return (match.where ?? []).every((filter) =>
    matchValueTest(propertyAt(event, filter.path), filter.test, clock),
  );
}
